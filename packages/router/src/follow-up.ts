// Does a message lean on the conversation before it? "Now add failover to it.", "continue" and
// "why?" ask for more of the earlier work, and need what that work needed; "thanks", "put the
// names in bold" and a new self-contained question do not. The complexity estimator reads the
// message alone first, then, for a follow-up, the earlier user turns (complexity.ts).
//
// Word lists and Map/Set lookups over the message's first words only: linear, no regex with
// nested quantifiers.
import { ASK_VERBS } from './complexity-vocabulary';

/**
 * - `continues`: goes on with the earlier work or asks about it, or builds on it ("continue",
 *   "expand phase 3", "now add retries to it", "what about partitions?", "and in Python?"); needs
 *   at least what the earlier work needed.
 * - `reworks`: restyles the earlier output ("shorter", "make it more polite", "explain it like
 *   I'm 15"); needs at most a moderate model, as summarising or restructuring any text does.
 */
export type FollowUp = 'continues' | 'reworks';

export interface FollowUpInput {
  /** The instruction's lower-case words (pasted material left out). */
  tokens: readonly string[];
  /** The instruction's text, for scripts written without spaces. */
  instruction: string;
  /** Words of pasted material (code, quotes, a document) in the message. */
  payloadWords: number;
  /** The message asks for a mechanical edit (rename, sort, translate, fix the typos...). */
  mechanicalEdit: boolean;
}

/** A message longer than this is a request of its own, whatever it refers to. */
const MAX_FOLLOW_UP_WORDS = 24;
/** Up to this many words, a lone "more" or "next" asks for more of the earlier answer. */
const SHORT_WORDS = 3;

const phrases = (list: readonly string[]) => list.map((phrase) => phrase.split(' '));

/** Go on with the earlier answer, or give more of it. */
const CONTINUE = phrases([
  'continue', 'continuing', 'go on', 'keep going', 'carry on', 'go ahead', 'the rest', 'rest of', 'you stopped',
  'cut off', 'flesh out', 'and then', 'what else', 'more please', 'tell me more', 'more detail', 'more details',
  'in detail', 'go deeper',
  // Other languages.
  'continúa', 'continua', 'sigue', 'seguí', 'continuez', 'la suite', 'weiter', 'mach weiter',
  'fahr fort', 'fahre fort', 'fortfahren', 'mehr', 'ausführlicher', 'продолжай', 'продолжи', 'дальше',
  'подробнее', 'prossegue', 'prosiga', 'continuar', 'devam', 'dalej', 'kontynuuj', 'verder', 'ga door',
]);
/**
 * Words that ask for more of the earlier answer when they open the message or the message is
 * short ("Expand phase 3.", "more", "next"), not inside a question of its own ("Which plan has
 * more agents?", "When is the next train?").
 */
const CONTINUE_WORD = new Set(['more', 'next', 'elaborate', 'expand', 'deeper', 'detail', 'details', 'finish', 'proceed']);

/** One-word asks and continuations: a message with one of them is not a mere reaction ("nice! write three more"). */
const ASK = new Set(ASK_VERBS.filter((verb) => !verb.includes(' ')));
const CONTINUE_WORDS = new Set([...CONTINUE.filter((phrase) => phrase.length === 1).map((phrase) => phrase[0] as string), ...CONTINUE_WORD]);

/** Scripts without spaces: looked for anywhere in a short message. */
const CONTINUE_UNSPACED = ['继续', '繼續', '接着', '详细', '詳細', '続けて', '続き', 'もっと', '詳しく', '계속', '자세히'];

/** Restyle the earlier output. */
const REWORK = phrases([
  'shorter', 'more concise', 'concise', 'simpler', 'simplify', 'summarise', 'summarize', 'summary', 'tl dr',
  'more polite', 'politer', 'more formal', 'less formal', 'more casual', 'friendlier', 'more professional',
  'rephrase', 'reword', 'tone', 'like i\'m', 'like im', 'eli5', 'for a beginner', 'for a child', 'for my manager',
  'like i am', 'as if i', 'add comments', 'comment it', 'in plain english', 'plain language', 'bullet points', 'less technical',
]);

/** Changes of form, not of content: "Can you write that in LaTeX?", "Turn it into a table." */
const FORMAT = new Set([
  'latex', 'markdown', 'table', 'tables', 'bold', 'italic', 'italics', 'json', 'yaml', 'csv', 'html', 'heading',
  'headings', 'font', 'emoji', 'emojis', 'caps', 'capitals', 'monospace', 'underline', 'numbered', 'hints',
  'swap', 'reorder', 'alphabetize', 'alphabetise',
]);

/** Words that refer back to earlier turns. "the" is not one: "Is the castle open on Mondays?" stands alone. */
const REFERENCE = new Set([
  'it', 'its', "it's", 'these', 'those', 'them', 'they', 'above', 'previous', 'earlier',
  'same', 'your', 'yours', 'former', 'latter', 'instead',
  // Other languages: pronouns only, not words that are also articles or verbs ("das Haus", "¿Qué es…?").
  'dies', 'ça', 'cela', 'ceci', 'eso', 'esto', 'ello', 'isso', 'isto', 'это', 'этого', 'его', 'ее', 'её', 'этом',
]);
/** "there" points back ("is the water safe there?"), unless it says that something exists ("Is there a discount?"). */
const EXISTENTIAL = new Set(['is', 'are', 'was', 'were', "there's", 'be', 'been', 'will', 'any', 'a', 'an', 'no', 'some']);
/**
 * "that" and "this" point back as an object or a subject ("explain that", "that's wrong", "is this
 * safe?"), not as a relative pronoun or a determiner of something new ("a budget that saves…").
 */
const DEMONSTRATIVE = new Set(['that', 'this', "that's", "this's", 'thats']);
const BEFORE_DEMONSTRATIVE = new Set([
  'do', 'did', 'does', 'make', 'explain', 'about', 'of', 'with', 'for', 'in', 'on', 'to', 'fix', 'use', 'like', 'try',
  'change', 'rewrite', 'write', 'translate', 'mean', 'by', 'is', 'was', 'from', 'into', 'expand', 'shorten',
  'improve', 'test', 'run', 'apply', 'put', 'turn', 'format', 'prove', 'show', 'and', 'but', 'so', 'why', 'how',
  'are', 'will', 'would', 'could', 'can', 'redo', 'repeat',
]);
/** Phrases that point at what the assistant said: "like you said", "the one you suggested". */
const ABOUT_THE_ANSWER = phrases(['you said', 'you suggested', 'you wrote', 'you mentioned', 'you recommended', 'you gave', 'you showed', 'you proposed', 'as you say']);

/** Praise and thanks: a message of these with no ask in it is a reaction, whatever it mentions. */
const PRAISE = new Set([
  'thanks', 'thank', 'thx', 'ty', 'amazing', 'great', 'perfect', 'awesome', 'love', 'brilliant', 'excellent',
  'helpful', 'nice', 'cool', 'saved', 'wow', 'lifesaver', 'fantastic', 'wonderful', 'gracias', 'merci', 'danke', 'спасибо',
]);

/** A short message that hands over material for the earlier ask: "here it is:", "this is the relevant part:". */
const SUPPLY = new Set(['here', "here's", 'heres', 'attached', 'below']);

const REFERENCE_UNSPACED = ['它', '这个', '這個', '那个', '上面', 'それ', 'これ', 'その', '上記', '그것', '이것'];

/** "step 3", "phase 2", "the second point", "option b": a part of the earlier answer. */
const PART = new Set(['step', 'steps', 'phase', 'point', 'part', 'section', 'option', 'bullet', 'paragraph', 'stage', 'item', 'line']);
const ORDINAL = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'last', 'final', 'next', 'previous', 'other']);

/** A message that opens with these continues the thread: "and brazil?", "now only the ones from Spain", "add a half day in Nara". */
const OPENER = phrases([
  'and', 'also', 'but', 'now', 'then', 'so', 'ok now', 'ok and', 'ok so', 'okay now', 'okay and', 'what about',
  'add', 'adjust', 'include', 'remove', 'drop', 'do one', 'another', 'redo',
  'how about', 'what if', 'and if', 'same', 'plus', 'why', 'how so', 'really', 'are you sure', 'what do you mean',
  'why not',
  // Other languages.
  'y', 'e', 'et', 'und', 'и', 'а', 'y si', 'et si', 'und wenn', 'e se', 'а если', 'warum', 'pourquoi', 'por qué',
  'porque', 'почему', 'зачем',
]);
const OPENER_UNSPACED = ['那', '还有', '然后', '为什么', 'なぜ', 'じゃあ', 'では', 'それで', '그리고', '왜'];

/** Only acknowledgements and thanks: no ask in them. */
const REACTION = new Set([
  'thanks', 'thank', 'you', 'thx', 'ty', 'cheers', 'great', 'perfect', 'nice', 'cool', 'ok', 'okay', 'got', 'it',
  'awesome', 'lol', 'haha', 'wow', 'amazing', 'good', 'excellent', 'brilliant', 'that', 'helps', 'helped',
  'so', 'much', 'a', 'lot', 'this', 'is', 'was', 'makes', 'sense', 'bye', 'super', 'gracias', 'merci', 'danke',
  'спасибо', 'obrigado', 'obrigada', 'grazie', 'fine', 'sounds', 'works', 'worked', 'yes', 'yep', 'no', 'nope',
]);

function startsWith(tokens: readonly string[], phrase: readonly string[], at = 0): boolean {
  if (at + phrase.length > tokens.length) return false;
  for (let i = 0; i < phrase.length; i++) if (tokens[at + i] !== phrase[i]) return false;
  return true;
}

function containsPhrase(tokens: readonly string[], list: readonly (readonly string[])[]): boolean {
  for (let at = 0; at < tokens.length; at++) for (const phrase of list) if (startsWith(tokens, phrase, at)) return true;
  return false;
}

function refersBack(tokens: readonly string[], instruction: string): boolean {
  if (containsPhrase(tokens, ABOUT_THE_ANSWER)) return true;
  if (/#\d/.test(instruction)) return true; // "full recipe for #2"
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (REFERENCE.has(token)) return true;
    if (token === 'there' && !EXISTENTIAL.has(tokens[i - 1] ?? '') && !EXISTENTIAL.has(tokens[i + 1] ?? '')) return true;
    if (DEMONSTRATIVE.has(token) && (i === 0 || i === tokens.length - 1 || BEFORE_DEMONSTRATIVE.has(tokens[i - 1] as string))) return true;
    if (PART.has(token) && (/^\d+$/.test(tokens[i + 1] ?? '') || /^[a-d]$/.test(tokens[i + 1] ?? '') || ORDINAL.has(tokens[i - 1] ?? ''))) return true;
  }
  return false;
}

/** Whether (and how) a message leans on the turns before it; undefined when it stands alone. */
export function followUpOf(input: FollowUpInput): FollowUp | undefined {
  if (input.tokens.length > MAX_FOLLOW_UP_WORDS) return undefined;
  const tokens = input.tokens;
  if (tokens.length === 0) return undefined;
  if (input.payloadWords > 0) {
    // Pasted material is a request of its own ("fix the typos in this: …"), unless it is handed
    // over for the earlier ask ("here it is:", "this is the relevant part:").
    const handsOver = !input.mechanicalEdit && tokens.length <= 8 && (tokens.some((token) => SUPPLY.has(token)) || startsWith(tokens, ['this', 'is']) || startsWith(tokens, ['these', 'are']));
    return handsOver ? 'continues' : undefined;
  }
  if (tokens.every((token) => REACTION.has(token))) return undefined;
  if (!input.instruction.includes('?') && tokens.some((token) => PRAISE.has(token)) && !tokens.some((token) => ASK.has(token) || CONTINUE_WORDS.has(token))) return undefined;
  const head = input.instruction.trimStart().slice(0, 40);
  const asksForMore = CONTINUE_WORD.has(tokens[0] as string) || (tokens.length <= SHORT_WORDS && tokens.some((token) => CONTINUE_WORD.has(token)));
  if (asksForMore || containsPhrase(tokens, CONTINUE) || CONTINUE_UNSPACED.some((cue) => head.includes(cue))) return 'continues';
  if (tokens.some((token) => FORMAT.has(token))) return undefined;
  if (containsPhrase(tokens, REWORK)) return 'reworks';
  if (input.mechanicalEdit) return undefined;
  const shortOpener = tokens.length <= 5 && (tokens[0] === 'in' || tokens[0] === 'for'); // "in rust?", "for postgres"
  if (shortOpener || OPENER.some((phrase) => startsWith(tokens, phrase)) || OPENER_UNSPACED.some((cue) => head.startsWith(cue))) return 'continues';
  if (refersBack(tokens, input.instruction) || REFERENCE_UNSPACED.some((cue) => head.includes(cue))) return 'continues';
  return undefined;
}
