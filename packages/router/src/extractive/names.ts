// Names the question asks about that no passage mentions. "What time does the Lisbon Oceanarium
// open?" over a Lisbon guide that never names the Oceanarium retrieves the guide, and its best
// sentence ("The best time to visit is spring…") reads as close by meaning — but a question about a
// named place, product, person or country that the passages never name cannot be answered from
// them, however similar the rest of the words are. Common words are not used this way: other words
// for the same thing ("guarantee" for "warranty") are what the encoder is there for, and a name has
// no such synonyms.
//
// A name is a capitalised word that is not the first word of a sentence ("Canada", "Oceanarium",
// "Northwind's"). Not names: weekdays and months (a question about Saturday over opening hours
// that list the weekdays is still answered by those hours), acronyms and mixed-case codes ("SSN",
// "2FA", "ChatGPT": abbreviations have spelled-out forms), and every word of a message written in
// Title Case, where capitals say nothing.
import { contentTerms, trimEdges } from './lexical';

const CALENDAR = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december'
  ).split(' '),
);

/** Punctuation that ends a sentence: the word after it is capitalised for that reason alone. */
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '—', '–', '-', '"', '“', '(']);

/**
 * The words of a text that do not begin a sentence (where a capital means something), with
 * their edges trimmed and possessives dropped.
 */
function wordsInsideSentences(text: string): string[] {
  const tokens = text.split(/\s+/).filter((token) => token !== '');
  return tokens.flatMap((token, i) => {
    const previous = tokens[i - 1];
    if (previous === undefined || SENTENCE_END.has(previous.at(-1) ?? '') || SENTENCE_END.has(previous)) return [];
    return [trimEdges(token).replace(/['’]s$/u, '')];
  });
}

/** Whether a word, in lower case, may be a name: not a weekday or month, and not a common word ("how"). */
function mayBeName(lower: string): boolean {
  return !CALENDAR.has(lower) && contentTerms(lower).length > 0;
}

/** The capitalised words of `question` that read as names (see above), possessives dropped. */
export function namesIn(question: string): string[] {
  const inner = wordsInsideSentences(question).filter((word) => /\p{L}/u.test(word));
  const capitalised = inner.filter((word) => /^\p{Lu}/u.test(word));
  if (inner.length >= 3 && capitalised.length * 2 >= inner.length) return [];
  // A common word capitalised mid-sentence ("How" after a pasted phone number was taken out) is no name.
  const names = capitalised.filter((word) => /^\p{Lu}\p{Ll}{2,}$/u.test(word) && mayBeName(word.toLowerCase()));
  return [...new Set(names)];
}

/**
 * The names of the question (see `namesIn`) that none of `texts` mentions, as written or as one of
 * `terms` (the texts' stemmed content words, which the caller has already). Pass the sentences
 * that ask (FocusedQuestion.question): names in a preamble ("We're off to Crete… our neighbour
 * looks after Rufus") describe the asker's situation, not the thing asked about.
 */
export function namesMissingFrom(question: string, texts: string[], terms: ReadonlySet<string>): string[] {
  const names = namesIn(question);
  if (names.length === 0) return [];
  const lower = texts.map((text) => text.toLowerCase());
  return names.filter((name) => {
    const stem = contentTerms(name)[0];
    return !lower.some((text) => text.includes(name.toLowerCase())) && (stem === undefined || !terms.has(stem));
  });
}

/**
 * The names of a question written all in lower case ("what happens when the brightdesk trial
 * ends"), read from `texts`: its words that the texts write capitalised wherever they are not the
 * first word of a sentence ("Brightdesk", "Tom"). Capitals say nothing in such a question, but the
 * documents still say which of its words are names. Empty when the question has capitals.
 */
export function lowerCaseNamesIn(question: string, texts: string[]): string[] {
  if (/\p{Lu}/u.test(question)) return [];
  const wanted = new Set(
    question
      .split(/\s+/)
      .map((token) => trimEdges(token).replace(/['’]s$/u, ''))
      .filter((word) => /^\p{Ll}{3,}$/u.test(word) && mayBeName(word)),
  );
  if (wanted.size === 0) return [];
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const word of texts.flatMap(wordsInsideSentences)) {
    const key = word.toLowerCase();
    if (wanted.has(key)) (/^\p{Lu}\p{Ll}+$/u.test(word) ? capitalised : lower).add(key);
  }
  return [...capitalised].filter((word) => !lower.has(word));
}
