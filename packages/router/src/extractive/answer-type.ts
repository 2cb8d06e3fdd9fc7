// What kind of fact a question asks for, from its question words: "How much / how many / how
// long / what number" want an amount, "When / by when / what date" want a time, "How often / what
// is the rate limit" want a rate. A sentence that holds that kind of fact is more likely the
// answer than one that only shares the topic ("How big is the water tank?" is answered by "The
// tank holds 1.8 litres.", not "Fill the tank with fresh water."). Words only, no regex that
// could backtrack.

export type AnswerType = 'amount' | 'time' | 'rate';

const AMOUNT_AFTER_HOW = new Set('much many big large long far old soon quickly fast heavy tall high low wide small'.split(' '));
/** A rate: how often something happens, or how much per unit ("the rate limit", "how often"). */
const RATE_NOUNS = new Set('rate frequency'.split(' '));
/** What a stated rate holds besides its number: "per minute", "every 3 months", "twice a week", "weekly", "4%". */
const RATE_WORDS = new Set('per every each daily weekly fortnightly monthly quarterly yearly annually hourly nightly once twice percent'.split(' '));
const RATE_UNITS = new Set('second minute hour day night week fortnight month quarter year'.split(' '));
const AMOUNT_NOUNS = new Set('number percentage percent price cost fee fees rate amount size limit capacity'.split(' '));
const TIME_NOUNS = new Set('date dates day time times year month deadline'.split(' '));
/** Things named by a number ("What Rust version…", "What is the desk's extension?"). */
const NUMBERED_NOUNS = new Set('version extension deposit salary budget allowance discount speed weight height length distance temperature'.split(' '));
/** Words that make the thing asked about a quantity ("the largest file", "the maximum stay"). */
const QUANTITY_MODIFIERS = new Set('largest biggest smallest longest shortest highest lowest maximum minimum max min most least'.split(' '));

const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty hundred thousand million billion once twice half quarter dozen double'.split(
    ' ',
  ),
);
const TIME_WORDS = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays weekend weekends ' +
    'daily weekly monthly yearly annually quarterly today tomorrow tonight morning afternoon evening night noon midnight spring summer autumn fall winter ' +
    'week weeks day days month months year years hour hours minute minutes quarter immediately'
  ).split(' '),
);

const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
const hasDigit = (text: string) => [...text].some((ch) => ch >= '0' && ch <= '9');

/** The kind of fact the question wants, if its question words say. */
export function answerTypeOf(question: string): AnswerType | undefined {
  const words = wordsOf(question);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1] ?? '';
    if (word === 'how' && next === 'often') return 'rate';
    if (word === 'how' && AMOUNT_AFTER_HOW.has(next)) return 'amount';
    if (word === 'when' || (word === 'by' && next === 'when')) return 'time';
    if ((word === 'what' || word === 'which') && (TIME_NOUNS.has(next) || (next === 'time' && words[i + 2] !== 'zone'))) return 'time';
    if ((word === 'what' || word === 'which') && AMOUNT_NOUNS.has(next)) return 'amount';
  }
  // "What is the rate limit of…", "What's the largest file…", "What Rust version…": the noun
  // phrase asked about names a quantity (its head, or a word like "largest" in it) or a time.
  const phrase = askedPhrase(words);
  if (phrase.some((word) => RATE_NOUNS.has(word))) return 'rate';
  const head = phrase.at(-1);
  if (head !== undefined && TIME_NOUNS.has(head)) return 'time';
  if (head !== undefined && (AMOUNT_NOUNS.has(head) || NUMBERED_NOUNS.has(head))) return 'amount';
  if (phrase.some((word) => QUANTITY_MODIFIERS.has(word))) return 'amount';
  return undefined;
}

/**
 * Whether a sentence holds a fact of that kind: a number for an amount; a date, a time or a
 * period for a time; for a rate, a number or a frequency word with what makes it one ("per",
 * "every", "a week", "weekly", "%").
 */
export function holdsAnswerType(sentence: string, type: AnswerType): boolean {
  const words = wordsOf(sentence);
  if (type === 'rate') {
    const perUnit = words.some((word, i) => RATE_WORDS.has(word) || ((word === 'a' || word === 'an') && RATE_UNITS.has(words[i + 1] ?? ''))) || sentence.includes('%');
    return perUnit && (hasDigit(sentence) || words.some((word) => NUMBER_WORDS.has(word) || RATE_WORDS.has(word)));
  }
  if (hasDigit(sentence)) return true;
  if (type === 'amount') return words.some((word) => NUMBER_WORDS.has(word));
  return words.some((word) => TIME_WORDS.has(word) || NUMBER_WORDS.has(word));
}

/** Words between "what is the" and the thing asked for that end its name ("the rate OF …", "the limit IN …"). */
const NOUN_PHRASE_ENDS = new Set(
  'of for in at on to from with by under during about per after before between into does do did can could should would will is are was were has have must may that which who when where if'.split(' '),
);
const DETERMINERS = new Set('the a an your my our their its this that these those'.split(' '));
/** Heads that name no thing of their own ("What kind of plugs": the plugs). */
const EMPTY_HEADS = new Set('kind kinds type types sort sorts'.split(' '));
/** Verbs read as heads ("What happens if…"): such questions name no thing. */
const NOT_THINGS = new Set('happens happen happened means mean meant'.split(' '));
const BE = new Set('is are was were s'.split(' '));

/**
 * The thing a "what/which" question asks for, the last word of its noun phrase: "What is the IT
 * Service Desk extension?" asks for an extension, "What Rust version does it need?" for a version,
 * "What kind of power plugs…" for plugs. A sentence naming that thing is more likely the answer
 * than one sharing only the question's other words. Undefined for other questions.
 */
export function askedThing(question: string): string | undefined {
  const head = askedPhrase(wordsOf(question)).at(-1);
  return head && head.length > 2 && !hasDigit(head) && !NOT_THINGS.has(head) ? head : undefined;
}

/** The words of the noun phrase after "what/which (is the)", up to a word that ends it; empty for other questions. */
function askedPhrase(words: string[]): string[] {
  const at = words.findIndex((word) => word === 'what' || word === 'which' || word === 'whats');
  if (at < 0) return [];
  let i = at + 1;
  if (BE.has(words[i] ?? '')) i += 1; // "what is", "what's" (read as "what s")
  while (DETERMINERS.has(words[i] ?? '')) i += 1;
  const phrase: string[] = [];
  for (; i < words.length; i++) {
    const word = words[i] as string;
    if (EMPTY_HEADS.has(word) && words[i + 1] === 'of') {
      i += 1;
      continue;
    }
    if (NOUN_PHRASE_ENDS.has(word)) break;
    phrase.push(word);
  }
  return phrase;
}

/** A bound stated in a sentence: "up to 25 MB", "at most 3", "the maximum stay is", "or fewer". */
const BOUND_WORDS = new Set('maximum minimum max min limit limited limits cap capped exceed exceeds'.split(' '));
const BOUND_PAIRS = new Set(['up to', 'at most', 'at least', 'no more', 'no less', 'no longer', 'or less', 'or fewer', 'or more', 'or under', 'or over']);

/** Whether the question asks for the largest or smallest allowed ("the largest file", "the maximum stay", "at most"). */
export function asksForBound(question: string): boolean {
  const words = wordsOf(question);
  return askedPhrase(words).some((word) => QUANTITY_MODIFIERS.has(word)) || words.some((word, i) => BOUND_WORDS.has(word) || BOUND_PAIRS.has(`${word} ${words[i + 1] ?? ''}`));
}

/** Whether a sentence states a bound ("Attachments can be up to 25 MB", "The maximum stay is 14 nights"). */
export function statesBound(sentence: string): boolean {
  const words = wordsOf(sentence);
  return words.some((word, i) => BOUND_WORDS.has(word) || BOUND_PAIRS.has(`${word} ${words[i + 1] ?? ''}`));
}
