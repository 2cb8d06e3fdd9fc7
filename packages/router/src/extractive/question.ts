// What a chat message actually asks. People wrap a question in greetings, pasted identifiers
// ("My SSN is …, anyway: …"), a subject line, a story, or put it on its second line; the
// extractive responder must match passages against the question, not the wrapping. Everything
// here works on words and sentences (sbd), with no regex that could backtrack.
import sbd from 'sbd';
import { isFollowUp } from '../complexity';
import { contentTerms, trimEdges } from './lexical';

/** What kind of answer the message wants. */
export type Intent =
  /** A question answered by a few sentences. */
  | 'answer'
  /** "Summarize …", "overview of …", "tl;dr": key sentences per document. */
  | 'summary'
  /** "What are the key dates and deadlines?": the dated sentences per document. */
  | 'dates'
  /** "Which documents mention pricing?": the documents that do, with a sentence each. */
  | 'mentions';

export interface FocusedQuestion {
  /** The question itself, without greetings, preambles or pasted identifiers. */
  text: string;
  /** The question sentence(s) as written, identifiers included (what to search with). */
  asked: string;
  /**
   * Only the sentence(s) that ask, identifiers taken out: `text` without the statements kept
   * before a short question as its context ("Our neighbour looks after Rufus. … Can you manage
   * that?" -> "Can you manage that?"). What the question itself names is read here.
   */
  question: string;
  /** Pasted identifiers (order numbers, ids, phone numbers, emails) taken out of `text`. */
  identifiers: string[];
  intent: Intent;
  /**
   * For summary, dates and mentions: what the request is about, without the request words
   * ("Summarize the Lisbon guide" -> "the Lisbon guide"); empty when it names nothing.
   */
  topic: string;
}

/** How much of the end of a message is read for its question. */
const MAX_MESSAGE_CHARS = 4000;

const INTERROGATIVES = new Set(
  (
    'what whats what’s what\'s wat which who whom whose when where why how hows how\'s is are was were do does did ' +
    'can could should would will may might must shall have has any tell explain describe list show give summarize ' +
    'summarise summarize find remind name'
  ).split(' '),
);

/** Words that open a greeting, a sign-off or a subject line: such a sentence is never the question. */
const SMALL_TALK = new Set(
  'hi hello hey hiya dear greetings morning afternoon evening thanks thank thx ty cheers regards best sincerely re fwd fw'.split(' '),
);

/** Phrases after which the question itself begins ("my real question is whether …"). */
const QUESTION_CUES: string[][] = [
  ['question', 'is', 'whether'],
  ['question', 'is', 'if'],
  ['question', 'is'],
  ['to', 'know', 'is'],
  ['to', 'know', 'whether'],
  ['to', 'know', 'if'],
  ['to', 'know'],
  ['wondering', 'whether'],
  ['wondering', 'if'],
  ['wondering'],
  ['wonder', 'whether'],
  ['wonder', 'if'],
  ['i', 'wonder'],
  ['tell', 'me', 'whether'],
  ['tell', 'me', 'if'],
  ['tell', 'me'],
  ['remind', 'me'],
];

/** Filler a clause may open with before the question word ("anyway, how …"). */
const FILLER = new Set('anyway anyways so but and ok okay also well now quick q question btw oh um please'.split(' '));

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    const raw = match[0];
    const lower = trimEdges(raw.toLowerCase());
    words.push({ text: raw, lower, start: match.index, end: match.index + raw.length });
  }
  return words;
}

function digitCount(text: string): number {
  let count = 0;
  for (const ch of text) if (ch >= '0' && ch <= '9') count += 1;
  return count;
}

const isNumberish = (token: string) => /^[+(]?[\d().\-/]+[.,;:)]?$/.test(token);

/**
 * Takes pasted identifiers out of a sentence: emails, links, and digit runs long enough to be an
 * id, a phone, card or social security number (seven digits or more, spaces allowed between
 * groups), or a code mixing letters and five or more digits ("LN-4482913", "A3-99812-XZ").
 * Short numbers ("2,000 euros", "4.2.0", "E3", "14:00") stay: they are often what is asked about.
 */
export function removeIdentifiers(text: string): { text: string; identifiers: string[] } {
  const identifiers: string[] = [];
  const kept: string[] = [];
  const tokens = text.split(/\s+/).filter((token) => token !== '');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const bare = trimEdges(token, (ch) => !'#([{"\'“‘)]}”’.,;:!?'.includes(ch));
    if ((bare.includes('@') && bare.indexOf('@') > 0) || /^(?:https?:\/\/|www\.)/i.test(bare)) {
      identifiers.push(bare);
      continue;
    }
    if (isNumberish(token)) {
      // A run of number groups: "4111 1111 1111 1111", "+44 7700 900123".
      let j = i;
      let digits = 0;
      while (j < tokens.length && isNumberish(tokens[j] as string)) digits += digitCount(tokens[j++] as string);
      if (digits >= 7) {
        identifiers.push(tokens.slice(i, j).join(' ').replace(/[.,;:]+$/, ''));
        i = j - 1;
        continue;
      }
    }
    if (digitCount(bare) >= 5 && /[\p{L}\-_#/]/u.test(bare)) {
      identifiers.push(bare);
      continue;
    }
    kept.push(token);
  }
  // A comma or colon left dangling where an identifier stood ("is , anyway") reads as noise only.
  return { text: kept.join(' ').replace(/\s+([,.;:!?])/g, '$1'), identifiers };
}

function isSmallTalk(sentence: string): boolean {
  const words = wordsOf(sentence);
  const first = words[0]?.lower ?? '';
  if (!SMALL_TALK.has(first) && !(first === 'good' && SMALL_TALK.has(words[1]?.lower ?? ''))) return false;
  // "Hi, how do I …?" is a question with a greeting in front, not small talk.
  return !sentence.trimEnd().endsWith('?') && contentTerms(sentence).length <= 3;
}

/** Punctuation that ends a preamble: "My SSN is …, anyway: how …", "quick q — whats …". */
const STRONG_BREAK = new Set([':', ';', '—', '–', '-']);

/**
 * Where the question starts inside a sentence: after a cue ("my real question is whether X"), or
 * at a question word that follows a strong break (a colon, semicolon or dash), skipping filler
 * ("anyway"). A comma is not enough: "If I cancel after two weeks, do I get a refund?" is one
 * question. Returns the word index and whether a cue was found (then X asks even without "?").
 */
function questionStart(words: Word[]): { start: number; cue: boolean; sentenceStart?: boolean } {
  for (let i = 0; i < words.length; i++) {
    for (const cue of QUESTION_CUES) {
      if (cue.every((part, k) => words[i + k]?.lower === part) && i + cue.length < words.length) return { start: i + cue.length, cue: true };
    }
  }
  const opensWithAside = /^[([]/.test(words[0]?.text ?? '');
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as Word;
    if (!INTERROGATIVES.has(word.lower)) continue;
    // A capitalised question word right after a full stop starts a sentence the splitter missed
    // (a pasted email or file name ends in one: "My email is jo@example.org. What …").
    const previousText = (words[i - 1] as Word).text;
    if (/[.!?]$/.test(previousText) && /^\p{Lu}/u.test(word.text)) return { start: i, cue: false, sentenceStart: true };
    // The same after an aside in brackets that opens the message: "(call me on …) How often …".
    if (opensWithAside && /[)\]]$/.test(previousText)) return { start: i, cue: false, sentenceStart: true };
    // Walk back over filler ("anyway:") to the word before; a strong break on any of them counts.
    for (let k = i - 1; k >= 0; k--) {
      const previous = words[k] as Word;
      if (STRONG_BREAK.has(previous.text.at(-1) ?? '') || STRONG_BREAK.has(previous.text)) return { start: i, cue: false, sentenceStart: /^\p{Lu}/u.test(word.text) };
      if (!FILLER.has(previous.lower)) break;
    }
  }
  return { start: 0, cue: false };
}

/** Words by which a question points back at what was said before it. */
const POINTING_BACK = new Set(
  // "my", "me", "our", "us": the asker's situation, told before the question ("I'm new here. How long is my probation?").
  'it its it\'s this that these those they them their there then he him his she her here such same one ones either neither both my me mine our us'.split(' '),
);

/** Whether a question refers to something said before it ("…there?", "…my probation?", "What about weekends?"). */
function pointsBack(question: string): boolean {
  const words = wordsOf(question).map((word) => word.lower);
  const opening = words.find((word) => !FILLER.has(word)) ?? '';
  return words.some((word) => POINTING_BACK.has(word)) || ((opening === 'what' || opening === 'how') && words[words.indexOf(opening) + 1] === 'about');
}

const OPENING_QUOTES = new Set(['"', '“', '„', '«']);
const CLOSING_QUOTES = new Set(['"', '”', '“', '»']);

/** The first question in quotes inside a sentence, of two words or more ('asked me "When is X?" and'). */
function quotedQuestion(sentence: string): string | undefined {
  let open = -1;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i] as string;
    if (open < 0) {
      if (OPENING_QUOTES.has(ch)) open = i;
      continue;
    }
    if (!CLOSING_QUOTES.has(ch)) continue;
    const inner = sentence.slice(open + 1, i).trim();
    if (inner.endsWith('?') && inner.includes(' ')) return inner;
    open = -1;
  }
  return undefined;
}

function looksLikeQuestion(sentence: string): boolean {
  if (sentence.trimEnd().endsWith('?')) return true;
  const first = wordsOf(sentence).find((word) => !FILLER.has(word.lower));
  return first !== undefined && INTERROGATIVES.has(first.lower);
}

const SUMMARY_WORDS = new Set('summarize summarise summary summarization summarisation overview tldr tl;dr gist recap synopsis'.split(' '));
const SUMMARY_PAIRS = ['sum up', 'main points', 'key points', 'key takeaways', 'main takeaways', 'highlights of'];
const DATE_WORDS = new Set('dates deadlines timeline timelines milestones'.split(' '));
const DATE_PAIRS = ['key date', 'important date', 'due dates', 'upcoming date'];
const DOCUMENT_NOUNS = new Set('document documents doc docs file files source sources page pages note notes upload uploads'.split(' '));
const MENTION_VERBS = new Set(
  'mention mentions mentioned discuss discusses discussed cover covers covered talk talks talked refer refers referred reference references contain contains include includes deal deals address addresses'.split(
    ' ',
  ),
);

/** Words that ask for a summary/dates/mentions rather than name a topic. */
const REQUEST_WORDS = new Set(
  (
    'summarize summarise summary summarization summarisation overview tldr tl;dr gist recap synopsis sum up main key points takeaways ' +
    'highlights give me please can could you would a an the of my our this that these those what are is which any do does all ' +
    'most recent latest newest last dates date deadlines deadline timeline milestones important upcoming list show find ' +
    'document documents doc docs file files source sources page pages upload uploads mention mentions mentioned discuss ' +
    'discusses talk talks about refer refers to contain contains include includes cover covers anything say says in from for and ' +
    'where'
  ).split(' '),
);

function intentOf(words: string[]): Intent {
  const joined = ` ${words.join(' ')} `;
  const has = (set: Set<string>) => words.some((word) => set.has(word));
  const hasPair = (pairs: string[]) => pairs.some((pair) => joined.includes(` ${pair}`));
  const docAt = words.findIndex((word) => DOCUMENT_NOUNS.has(word));
  const mentionAt = words.findIndex((word, i) => i > docAt && MENTION_VERBS.has(word));
  const asksWhich = words.slice(0, Math.max(0, docAt)).some((word) => word === 'which' || word === 'what' || word === 'any');
  if (docAt >= 0 && mentionAt > docAt && asksWhich) return 'mentions';
  if (words[0] === 'where' && words.some((word) => word === 'mentioned' || word === 'discussed')) return 'mentions';
  if (has(SUMMARY_WORDS) || hasPair(SUMMARY_PAIRS)) return 'summary';
  if (has(DATE_WORDS) || hasPair(DATE_PAIRS)) return 'dates';
  return 'answer';
}

/** The words of a summary/dates/mentions request that name what it is about. */
function topicOf(text: string): string {
  return wordsOf(text)
    .filter((word) => word.lower !== '' && !REQUEST_WORDS.has(word.lower))
    .map((word) => trimEdges(word.text, (ch) => !'?!.,;:'.includes(ch)))
    .join(' ');
}

/**
 * The question inside a message: greetings and sign-offs dropped, the sentence(s) that ask kept
 * (a story before them is not the question), a preamble before the question word cut off, and
 * pasted identifiers taken out. A message with no asking sentence keeps all its content.
 */
export function focusQuestion(message: string): FocusedQuestion {
  // The question of a very long message is at its end; reading only the end keeps this fast.
  const normalized = message.normalize('NFKC').slice(-MAX_MESSAGE_CHARS);
  const sentences = normalized
    .split(/\n/)
    .flatMap((line) => (line.trim() === '' ? [] : sbd.sentences(line, { newline_boundaries: false, sanitize: false })))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '' && !isSmallTalk(sentence));

  const parsed = sentences.map((sentence) => {
    // A question quoted inside a statement is the question: 'My colleague asked me "What is X?"'.
    const quoted = quotedQuestion(sentence);
    if (quoted !== undefined) return { sentence, question: quoted, asks: true };
    const words = wordsOf(sentence);
    const { start, cue, sentenceStart } = questionStart(words);
    const cut = start > 0 ? sentence.slice((words[start] as Word).start) : sentence;
    // "the grinder is stuck — what now?": what follows the break says too little on its own. What
    // follows a missed sentence end or an aside is a sentence of its own ("What is the autolyse?").
    const question = contentTerms(removeIdentifiers(cut).text).length >= (sentenceStart ? 1 : 2) ? cut : sentence;
    return { sentence, question, asks: cue || looksLikeQuestion(question) };
  });
  // A question with no content of its own ("Can you tell me?") asks about what came before it.
  const hasContent = (text: string) => contentTerms(removeIdentifiers(text).text).length > 0;
  const asking = parsed.filter((item) => item.asks && hasContent(item.question));
  let chosen = asking.length > 0 ? asking.map((item) => item.question) : sentences;
  const questionOnly = removeIdentifiers(chosen.join(' ')).text.trim();
  // A short question that points back at what was said before it ("I'm visiting Lisbon next
  // month. Is tipping customary there?") keeps the two statements right before it as context. One
  // that stands on its own ("What is the autolyse?") does not: a preamble would only blur it.
  const first = asking[0];
  if (first && contentTerms(questionOnly).length < 3 && pointsBack(questionOnly)) {
    const before = parsed.slice(0, parsed.indexOf(first)).filter((item) => !item.asks).slice(-2);
    chosen = [...before.map((item) => item.sentence), ...chosen];
  }
  const cleaned = removeIdentifiers(chosen.join(' '));
  const fallback = removeIdentifiers(normalized.replace(/\s+/g, ' ').trim());
  const text = cleaned.text.trim() !== '' ? cleaned.text.trim() : fallback.text.trim();
  // What kind of answer is wanted is read from the question itself, not its context.
  const intent = intentOf(wordsOf(questionOnly || text).map((word) => word.lower));
  return {
    text,
    asked: chosen.join(' ').trim() || normalized.trim(),
    question: questionOnly || text,
    identifiers: [...new Set([...cleaned.identifiers, ...fallback.identifiers])],
    intent,
    topic: intent === 'answer' ? '' : topicOf(questionOnly || text),
  };
}

/**
 * What to search the documents with for a message: the question without greetings and preambles
 * (identifiers inside the question itself kept, they find exact matches), or for "which
 * documents mention X" just X.
 */
export function retrievalQuery(message: string): string {
  const focus = focusQuestion(message);
  return focus.intent === 'mentions' && focus.topic !== '' ? focus.topic : focus.asked;
}

/** A follow-up is searched with at most this many of the user's earlier messages. */
const MAX_EARLIER_SEARCHED = 2;

/** Words that point back at an earlier turn: `POINTING_BACK` without the asker's own ("my probation" is about the asker). */
const POINTING_BACK_IN_CONVERSATION = new Set([...POINTING_BACK].filter((word) => !['my', 'me', 'mine', 'our', 'us'].includes(word)));

/**
 * Whether a message cannot be searched for on its own: a follow-up (`isFollowUp`: "And in
 * London?", "Does it carry over?"), a question with almost nothing to search for ("Up to how
 * much?"), or a short one that points back ("How long are failed ones retried?").
 */
function leansOnEarlierTurns(message: string): boolean {
  if (isFollowUp(message)) return true;
  const question = focusQuestion(message).question;
  const terms = contentTerms(question).length;
  if (terms < 2) return true;
  return terms <= 4 && wordsOf(question).some((word) => POINTING_BACK_IN_CONVERSATION.has(word.lower));
}

/**
 * The user's earlier questions a follow-up leans on ("How many vacation days do I get?" for "And
 * how many can be carried over?"), as search text: the one before it, and the one before that
 * when that was a follow-up too. Undefined for a message that stands on its own. `earlier`: the
 * user's earlier messages, oldest first.
 */
export function earlierContext(message: string, earlier: readonly string[]): string | undefined {
  if (earlier.length === 0 || !leansOnEarlierTurns(message)) return undefined;
  const parts: string[] = [];
  for (let i = earlier.length - 1; i >= 0 && parts.length < MAX_EARLIER_SEARCHED; i--) {
    const turn = earlier[i] as string;
    parts.unshift(retrievalQuery(turn));
    if (!leansOnEarlierTurns(turn)) break;
  }
  return parts.join('\n');
}

/**
 * What to search the documents with for a message in a conversation: a follow-up ("And in
 * London?", "When do they expire?") is searched together with the questions it leans on
 * (`earlierContext`; `followUp` then says so), so the passages are about what is being talked
 * about. Any other message is searched on its own.
 */
export function conversationQuery(message: string, earlier: readonly string[]): { query: string; followUp: boolean } {
  const own = retrievalQuery(message);
  const context = earlierContext(message, earlier);
  return context === undefined ? { query: own, followUp: false } : { query: `${context}\n${own}`, followUp: true };
}
