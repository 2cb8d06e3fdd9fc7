// Complexity estimator: how much work does a message ask for? Simple (a fact, small talk, a
// mechanical edit), moderate (one ordinary task) or complex (proofs, designs under constraints,
// deep comparisons, long plans, many interdependent asks).
//
// 1. Split the message into the instruction and pasted material (code blocks, quoted text, a
//    document after "fix the typos in this:"), so a long paste does not look like a long ask.
// 2. Turn the instruction into forty named features: length, number of asks, and how many cues
//    of each kind from complexity-vocabulary.ts it contains (proof, design, lookup, ...; the main
//    cues also in eleven other languages), and hash its words and word pairs into buckets.
// 3. A multinomial logistic regression over both (weights in complexity-model.json, trained by
//    eval/complexity/train.ts on the labelled set) gives the three probabilities.
// 4. The named features that pushed hardest toward the chosen label become the readable signals.
//
// Everything is a single pass over the text or a Map lookup per token: linear time, no regex
// with nested or adjacent quantifiers over the same characters.
import model from './complexity-model.json';
import {
  ANALYSIS,
  ASK_VERBS,
  BREVITY,
  CONSTRAINTS,
  DEPTH,
  DESIGN,
  EXPLAIN,
  HOW_TO,
  LOOKUP,
  OPEN_ENDED,
  OTHER_LANGUAGES,
  PLANNING,
  PROOF,
  RESEARCH,
  SOCIAL,
  SPECIALISED,
  TRANSFORM,
  WRITING,
} from './complexity-vocabulary';
import { followUpOf, type FollowUpInput } from './follow-up';
import { COMPLEXITIES, type Complexity, type Signal } from './types';

export interface ComplexityEstimate {
  complexity: Complexity;
  /** 0..1: the expected complexity, P(moderate) * 0.5 + P(complex). */
  score: number;
  signals: Signal[];
}

// ---------------------------------------------------------------------------------------------
// Tokens and cue lookup

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const NON_ASCII = /[^\0-\x7f]/;
/** Scripts written without spaces between words (Chinese, Japanese kana). */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Scripts whose cue entries are looked for anywhere in the text: the above, and Korean (particles attach to words). */
const SUBSTRING_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Lower-case words. A run of Chinese or Japanese characters is cut into pieces of two characters,
 * about a word each, so that length counts mean the same in every language.
 */
function tokenize(text: string): string[] {
  const lower = text.toLowerCase();
  const tokens = lower.match(WORD) ?? [];
  if (!NON_ASCII.test(lower)) return tokens;
  const words = lower.includes('’') ? tokens.map((token) => token.replaceAll('’', "'")) : tokens;
  if (!UNSPACED.test(lower)) return words;
  return words.flatMap((word) => {
    if (!UNSPACED.test(word)) return [word];
    const pieces: string[] = [];
    for (let i = 0; i < word.length; i += 2) pieces.push(word.slice(i, i + 2));
    return pieces;
  });
}

const CUE_LISTS = {
  proof: [...PROOF, ...OTHER_LANGUAGES.proof],
  design: [...DESIGN, ...OTHER_LANGUAGES.design],
  analysis: [...ANALYSIS, ...OTHER_LANGUAGES.analysis],
  planning: [...PLANNING, ...OTHER_LANGUAGES.planning],
  explain: [...EXPLAIN, ...OTHER_LANGUAGES.explain],
  howTo: HOW_TO,
  openEnded: OPEN_ENDED,
  research: RESEARCH,
  lookup: [...LOOKUP, ...OTHER_LANGUAGES.lookup],
  transform: [...TRANSFORM, ...OTHER_LANGUAGES.transform],
  social: [...SOCIAL, ...OTHER_LANGUAGES.social],
  writing: [...WRITING, ...OTHER_LANGUAGES.writing],
  depth: [...DEPTH, ...OTHER_LANGUAGES.depth],
  brevity: BREVITY,
  constraints: [...CONSTRAINTS, ...OTHER_LANGUAGES.constraints],
  specialised: [...SPECIALISED, ...OTHER_LANGUAGES.specialised],
  askVerbs: [...ASK_VERBS, ...OTHER_LANGUAGES.askVerbs],
} as const satisfies Record<string, readonly string[]>;
type Cue = keyof typeof CUE_LISTS;
const CUES = Object.keys(CUE_LISTS) as Cue[];

/** The common inflections of a single word: design -> designs, designed, designing. */
function inflections(word: string): string[] {
  const forms = [word, `${word}s`, `${word}es`, `${word}ed`, `${word}d`, `${word}ing`];
  if (word.endsWith('e')) forms.push(`${word.slice(0, -1)}ing`);
  if (word.endsWith('y')) forms.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  return forms;
}

/** phrase (tokens joined by one space) -> the cues it belongs to and its dictionary form. */
const PHRASES = new Map<string, { cue: Cue; entry: string }[]>();
/** Entries in Chinese, Japanese or Korean, looked for as substrings of the text. */
const SUBSTRING_ENTRIES: { cue: Cue; entry: string }[] = [];
for (const cue of CUES) {
  for (const entry of CUE_LISTS[cue]) {
    if (SUBSTRING_SCRIPT.test(entry)) {
      SUBSTRING_ENTRIES.push({ cue, entry });
      continue;
    }
    const words = tokenize(entry);
    const forms = words.length === 1 ? inflections(words[0] ?? '') : [words.join(' ')];
    for (const form of forms) {
      const known = PHRASES.get(form) ?? [];
      if (!known.some((k) => k.cue === cue)) known.push({ cue, entry });
      PHRASES.set(form, known);
    }
  }
}
const MAX_PHRASE_WORDS = 3;
/** The first word, and first two words, of every phrase of two or three words: a longer phrase is built only from these. */
const PHRASE_PREFIXES = new Set<string>();
for (const form of PHRASES.keys()) {
  const words = form.split(' ');
  for (let n = 1; n < words.length; n++) PHRASE_PREFIXES.add(words.slice(0, n).join(' '));
}

/**
 * Distinct entries of each cue list found in the tokens (phrases of up to three words), and the
 * Chinese, Japanese and Korean entries found anywhere in the text.
 */
function findCues(tokens: string[], text: string): Record<Cue, Set<string>> {
  const found = Object.fromEntries(CUES.map((cue) => [cue, new Set<string>()])) as Record<Cue, Set<string>>;
  for (let i = 0; i < tokens.length; i++) {
    let phrase = '';
    for (let n = 0; n < MAX_PHRASE_WORDS && i + n < tokens.length; n++) {
      phrase = n === 0 ? (tokens[i] ?? '') : `${phrase} ${tokens[i + n] ?? ''}`;
      for (const { cue, entry } of PHRASES.get(phrase) ?? []) found[cue].add(entry);
      if (!PHRASE_PREFIXES.has(phrase)) break;
    }
  }
  if (SUBSTRING_SCRIPT.test(text)) {
    for (const { cue, entry } of SUBSTRING_ENTRIES) if (text.includes(entry)) found[cue].add(entry);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Instruction versus pasted material

const DEICTIC = new Set(['this', 'these', 'following', 'below', 'here', 'text', 'paragraph', 'email', 'message',
  'essay', 'article', 'note', 'notes', 'snippet', 'code', 'sentence', 'list', 'table', 'transcript', 'thread', 'bio']);
const CODE_CHARS = '{};=<>()[]|`$#\\';

/** A lookup table of ASCII characters: one array read per character instead of a string search. */
function asciiSet(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}
const CODE_CHAR_TABLE = asciiSet(CODE_CHARS);
/** Code characters, digits and commas: the "symbols" of a line of code or data. */
const SYMBOL_TABLE = asciiSet(`${CODE_CHARS}0123456789,`);
const CLAUSE_PUNCTUATION_TABLE = asciiSet(',;');
const QUOTE_PAIRS: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“' };
const LIST_MARKER = /^\s{0,8}(?:\(?\d{1,2}[.)]|\(?[a-h]\)|[-*•])\s/;
/** "(a) ..., (b) ..." and "(1) ..., (2) ..." inside a sentence. */
const INLINE_MARKER = /\((?:[a-h]|\d{1,2})\)\s/g;
/** Where one ask can end and the next begin: punctuation, line breaks, "and", "then", "also". */
const CLAUSE_BREAK = /[.;:?!\n,]|\b(?:and|then|also)\b/;

function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

const CODE_LINE_START = new Set(['const', 'let', 'var', 'def', 'function', 'return', 'import', 'export', 'class',
  'if', 'for', 'while', 'include', 'select', 'insert', 'update', 'public', 'private', 'fn', 'func', 'package']);

const CODE_LINE_END = /[;{}]$/;
const PROSE_START = /^\p{L}+ \p{L}+ \p{L}+ /u;
const CODE_SYNTAX = /[=({;:]/;

/** A line of code or data: a high share of symbols and digits, a table row, or a code keyword first. */
function isStructuredLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < 4) return false;
  if (trimmed.startsWith('|') || trimmed.startsWith('>')) return true;
  if (CODE_LINE_END.test(trimmed) || trimmed.includes('=>')) return true;
  // "Prove by induction that 1^3 + 2^3 ...": a line that opens with three plain words is prose.
  if (PROSE_START.test(trimmed)) return false;
  if (CODE_LINE_START.has(tokenize(trimmed.slice(0, 12))[0] ?? '') && CODE_SYNTAX.test(trimmed)) return true;
  let symbols = 0;
  let letters = 0;
  for (let i = 0; i < trimmed.length; i++) {
    const code = trimmed.charCodeAt(i);
    if (code < 128 && SYMBOL_TABLE[code] === 1) symbols++;
    else if (code !== 32) letters++;
  }
  return symbols / (symbols + letters) > 0.25;
}

/** Removes quoted passages longer than a dozen words; returns what is left and the quoted words. */
function stripLongQuotes(text: string): { rest: string; quotedWords: number } {
  const kept: string[] = [];
  let quotedWords = 0;
  let copiedUpTo = 0;
  // Once a closing mark is missing from some point on, it is missing from every later point: not
  // searching again keeps this linear on text full of unmatched quotes.
  const unclosed = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Only the four opening marks can start a quote: skip every other character without a lookup.
    if (code !== 34 && code !== 0x201c && code !== 0xab && code !== 0x201e) continue;
    const close = QUOTE_PAIRS[text[i] ?? ''];
    if (close === undefined || unclosed.has(close)) continue;
    const end = text.indexOf(close, i + 1);
    if (end < 0) {
      unclosed.add(close);
      continue;
    }
    const words = countWords(text.slice(i + 1, end));
    if (words > 12) {
      kept.push(text.slice(copiedUpTo, i), ' ');
      quotedWords += words;
      copiedUpTo = end + 1;
    }
    i = end;
  }
  kept.push(text.slice(copiedUpTo));
  return { rest: kept.join(''), quotedWords };
}

/** A long stretch of prose that does not open with an ask or a list marker: pasted text. */
function isPastedProse(text: string): boolean {
  return countWords(text) >= 25 && !LIST_MARKER.test(text) && !opensWithAsk(text);
}

/** A paragraph that reads like an ask: short, with a question mark or an opening ask verb. */
function looksLikeAsk(paragraph: string): boolean {
  const tokens = tokenize(paragraph);
  if (tokens.length > 40) return false;
  return paragraph.includes('?') || opensWithAsk(paragraph);
}

interface Parts {
  instruction: string;
  payloadWords: number;
  fencedCode: boolean;
}

const QUESTION_WORDS = new Set(['what', 'why', 'how', 'who', 'when', 'where', 'which', 'is', 'are', 'can', 'could',
  'should', 'would', 'do', 'does', 'did', 'will']);

/** Whether text opens with an ask: an ask verb or a question word. */
function opensWithAsk(text: string): boolean {
  const first = tokenize(text.slice(0, 40))[0] ?? '';
  return QUESTION_WORDS.has(first) || PHRASES.get(first)?.some((p) => p.cue === 'askVerbs') === true;
}

/**
 * Whether a colon introduces material to work on: "Fix the typos in this:" (a pointing word before
 * it) or "Bio: <a long text>" (a one-word label before a long text). "Compare A and B: latency,
 * cost", "Do the following: audit X, then ..." and "Requirements:" followed by a list are asks.
 */
function introducesMaterial(beforeColon: string, after: string): boolean {
  const words = tokenize(beforeColon);
  const wordsAfter = countWords(after);
  if (wordsAfter > 0 && opensWithAsk(after)) return false;
  // The pointing word must sit just before the colon: "fix the typos in this text:", not "build a
  // text editor backend (RGA or similar): data structures, ...".
  if (words.length > 0 && words.length <= 25 && words.slice(-4).some((word) => DEICTIC.has(word))) return wordsAfter === 0 || wordsAfter > 6;
  // "Problem: <text> … walk me through whether …?" is the ask itself, told with a label.
  return words.length === 1 && wordsAfter > 15 && !after.includes('?') && countAsks(after) === 0;
}

/** Splits the message into the instruction and the material it pastes for the model to work on. */
export function splitInstruction(text: string): Parts {
  // Fenced code blocks are always material.
  const segments = text.split('```');
  const fencedCode = segments.length > 2;
  let payloadWords = 0;
  const outside: string[] = [];
  segments.forEach((segment, index) => {
    if (index % 2 === 1) payloadWords += countWords(segment);
    else outside.push(segment);
  });

  const paragraphs: string[][] = [[]];
  for (const line of outside.join('\n').split('\n')) {
    if (line.trim() === '') {
      if ((paragraphs.at(-1) ?? []).length > 0) paragraphs.push([]);
    } else {
      paragraphs.at(-1)?.push(line);
    }
  }
  // After "...this:" everything is material until a later paragraph reads like a new ask. After
  // any other line ending with ':' ("Proofread please, just spelling:"), a long stretch of prose
  // that does not open with an ask is material too.
  const instruction: string[] = [];
  let state: 'ask' | 'afterColon' | 'material' = 'ask';
  for (const lines of paragraphs.filter((p) => p.length > 0)) {
    const paragraph = lines.join('\n');
    if (state === 'material' && !looksLikeAsk(paragraph)) {
      payloadWords += countWords(paragraph);
      continue;
    }
    if (state === 'afterColon' && isPastedProse(paragraph)) {
      payloadWords += countWords(paragraph);
      state = 'material';
      continue;
    }
    state = 'ask';
    const kept: string[] = [];
    for (const line of lines) {
      if (state === 'material' || (state === 'afterColon' && isPastedProse(line)) || (isStructuredLine(line) && !LIST_MARKER.test(line))) {
        payloadWords += countWords(line);
        if (state === 'afterColon') state = 'material';
        continue;
      }
      const colon = line.indexOf(':');
      if (colon >= 0 && introducesMaterial(line.slice(0, colon), line.slice(colon + 1))) {
        payloadWords += countWords(line.slice(colon + 1));
        kept.push(line.slice(0, colon + 1));
        state = 'material';
      } else {
        kept.push(line);
        state = line.trimEnd().endsWith(':') ? 'afterColon' : 'ask';
      }
    }
    const { rest, quotedWords } = stripLongQuotes(kept.join('\n'));
    payloadWords += quotedWords;
    instruction.push(rest);
  }
  return { instruction: instruction.join('\n'), payloadWords, fencedCode };
}

// ---------------------------------------------------------------------------------------------
// Features

const CODE_KEYWORDS = new Set(['function', 'def', 'return', 'const', 'let', 'var', 'class', 'import', 'select',
  'from', 'where', 'include', 'public', 'void', 'async', 'await', 'console', 'print', 'printf', 'struct', 'fn',
  'impl', 'func', 'package', 'null', 'nil', 'true', 'false', 'self', 'this', 'new', 'int', 'string', 'for', 'while']);
const MATH_SYMBOL = /[∑∫√≤≥≠≈±×÷²³∞π∂∇∈⊂]/;
const LATEX = /\\(?:frac|int|sum|sqrt|lim|prod|partial|mathbb|begin)\b/;
const ARITHMETIC = /\d\s{0,3}[+*/^=]\s{0,3}\(?[\da-z]/i;
const POWER = /[a-z\d)]\^\(?[\da-z]/i;
const TIME_UNITS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'quarter', 'quarters', 'year', 'years']);
const HYPHENATED_SPAN = /^\d+-(?:day|week|month|quarter|year)s?$/;
const NUMBER = /^\d/;

/** Every regular expression the estimator runs, for the linear-time check in complexity.test.ts. */
export const COMPLEXITY_PATTERNS: readonly RegExp[] = [WORD, NON_ASCII, UNSPACED, SUBSTRING_SCRIPT, LIST_MARKER, INLINE_MARKER, CODE_LINE_END, PROSE_START,
  CODE_SYNTAX, LATEX, ARITHMETIC, POWER, MATH_SYMBOL, HYPHENATED_SPAN, NUMBER, CLAUSE_BREAK];

/** Cues of work that needs sustained reasoning: proofs, designs, analyses, plans, research. */
const DEMANDING: Cue[] = ['proof', 'design', 'analysis', 'planning', 'research'];

export const FEATURE_NAMES = [
  'words', 'instructionWords', 'payloadShare', 'veryShort', 'questions', 'listItems', 'askVerbs',
  'proof', 'design', 'analysis', 'planning', 'explain', 'lookup', 'transform', 'social', 'writing', 'depth',
  'brevity', 'constraints', 'specialised', 'numbers', 'timeSpan', 'code', 'math', 'opensWithLookup',
  'opensWithExplain', 'opensWithTransform', 'opensWithSocial', 'sentences', 'commas', 'howTo', 'shortHowTo',
  'openEnded', 'research', 'shortQuestion', 'demanding', 'demandingExpert', 'opensDemanding',
  'shortDemanding', 'eitherOr',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface ComplexityFeatures {
  /** The model's inputs, each scaled to roughly 0..2. */
  values: Record<FeatureName, number>;
  /** The instruction's words and word pairs, hashed into HASH_BUCKETS buckets (distinct, unordered). */
  hashed: number[];
  /** What was found, for the signals. */
  found: Record<Cue, Set<string>>;
  words: number;
  instructionWords: number;
  payloadWords: number;
  asks: number;
  /** The instruction's lower-case words, and its text. */
  tokens: string[];
  instruction: string;
}

function countChars(text: string, table: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && table[code] === 1) n++;
  }
  return n;
}

/** Clauses that open with an ask verb or a question word: "explain X, then write Y" is two. */
function countAsks(instruction: string): number {
  return instruction.split(CLAUSE_BREAK).filter((clause) => opensWithAsk(clause)).length;
}

const AUXILIARIES = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'can', 'could', 'would']);
const PEOPLE = new Set(['i', 'you', 'we', 'u', 'my', 'one']);

/** "How do earthquakes happen?" asks for an explanation; "How do I ..." asks for a recipe. */
function asksHowSomethingWorks(tokens: string[]): boolean {
  return tokens[0] === 'how' && AUXILIARIES.has(tokens[1] ?? '') && !PEOPLE.has(tokens[2] ?? '') && tokens.length > 2;
}

function opensWith(tokens: string[], cue: Cue, instruction: string): boolean {
  for (let n = 1; n <= MAX_PHRASE_WORDS && n <= tokens.length; n++) {
    if (PHRASES.get(tokens.slice(0, n).join(' '))?.some((p) => p.cue === cue)) return true;
  }
  if (!SUBSTRING_SCRIPT.test(instruction.slice(0, 8))) return false;
  const start = instruction.trimStart().slice(0, 12);
  return SUBSTRING_ENTRIES.some((e) => e.cue === cue && start.startsWith(e.entry));
}

/** Characters read from the start and from the end of a long message. */
const HEAD_CHARS = 4_000;
const TAIL_CHARS = 1_500;

/** Whitespace-separated words in text[from, to): a plain loop, for the part of a message not read. */
function countRoughWords(text: string, from: number, to: number): number {
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || code === 10 || code === 9 || code === 13;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/**
 * A long message is read at its start and its end, where people put what they ask for; the middle
 * is counted as pasted material. This bounds the cost of any input to a few thousand characters.
 */
function clip(text: string): { read: string; skippedWords: number } {
  if (text.length <= HEAD_CHARS + TAIL_CHARS) return { read: text, skippedWords: 0 };
  const tailStart = text.length - TAIL_CHARS;
  return {
    read: `${text.slice(0, HEAD_CHARS)}\n\n${text.slice(tailStart)}`,
    skippedWords: countRoughWords(text, HEAD_CHARS, tailStart),
  };
}

export function complexityFeatures(message: string): ComplexityFeatures {
  const { read: text, skippedWords } = clip(message);
  const parts = splitInstruction(text);
  parts.payloadWords += skippedWords;
  const tokens = tokenize(parts.instruction);
  const allTokens = tokenize(text);
  const words = allTokens.length + skippedWords;
  const instructionWords = tokens.length;
  const found = findCues(tokens, parts.instruction);

  const instructionLines = parts.instruction.split('\n');
  const inlineItems = Array.from(parts.instruction.matchAll(INLINE_MARKER)).length;
  const listItems = Math.max(instructionLines.filter((line) => LIST_MARKER.test(line)).length, inlineItems);
  let questions = 0;
  let sentences = 0;
  for (let i = 0; i < parts.instruction.length; i++) {
    const code = parts.instruction.charCodeAt(i);
    // ? and its full-width form; . ! and the ideographic full stop and full-width !
    if (code === 63 || code === 0xff1f) questions++;
    if (code === 46 || code === 33 || code === 63 || code === 0x3002 || code === 0xff01 || code === 0xff1f) sentences++;
  }
  const numbers = tokens.filter((token) => NUMBER.test(token)).length;
  const timeSpan = tokens.some(
    (token, i) => HYPHENATED_SPAN.test(token) || (NUMBER.test(token) && TIME_UNITS.has(tokens[i + 1] ?? '')),
  );
  const codeTokens = allTokens.filter((token) => CODE_KEYWORDS.has(token)).length;
  const codeLines = text.split('\n').filter(isStructuredLine).length;
  const code = parts.fencedCode || text.includes('`') || (codeTokens >= 3 && countChars(text, CODE_CHAR_TABLE) >= 6) || codeLines >= 3;
  const math = LATEX.test(text) || ARITHMETIC.test(text) || POWER.test(text) || MATH_SYMBOL.test(text);
  const asks = Math.max(1, countAsks(parts.instruction), listItems, questions);

  const log = (n: number) => Math.log1p(n);
  const cueCount = (cue: Cue) => log(found[cue].size);
  const values: Record<FeatureName, number> = {
    words: log(words) / 3,
    instructionWords: log(instructionWords) / 3,
    payloadShare: words === 0 ? 0 : parts.payloadWords / words,
    veryShort: instructionWords <= 5 ? 1 : 0,
    questions: log(questions),
    listItems: log(listItems),
    askVerbs: cueCount('askVerbs'),
    proof: cueCount('proof'),
    design: cueCount('design'),
    analysis: cueCount('analysis'),
    planning: cueCount('planning'),
    explain: cueCount('explain'),
    lookup: cueCount('lookup'),
    transform: cueCount('transform'),
    social: cueCount('social'),
    writing: cueCount('writing'),
    depth: cueCount('depth'),
    brevity: cueCount('brevity'),
    constraints: cueCount('constraints'),
    specialised: cueCount('specialised'),
    numbers: log(numbers),
    timeSpan: timeSpan ? 1 : 0,
    code: code ? 1 : 0,
    math: math ? 1 : 0,
    opensWithLookup: opensWith(tokens, 'lookup', parts.instruction) ? 1 : 0,
    opensWithExplain: opensWith(tokens, 'explain', parts.instruction) || asksHowSomethingWorks(tokens) ? 1 : 0,
    opensWithTransform: opensWith(tokens, 'transform', parts.instruction) ? 1 : 0,
    opensWithSocial: opensWith(tokens, 'social', parts.instruction) ? 1 : 0,
    sentences: log(sentences),
    commas: log(countChars(parts.instruction, CLAUSE_PUNCTUATION_TABLE)),
    howTo: cueCount('howTo'),
    shortHowTo: found.howTo.size > 0 && instructionWords <= 14 ? 1 : 0,
    openEnded: cueCount('openEnded'),
    research: cueCount('research'),
    shortQuestion: questions <= 1 && asks <= 1 && instructionWords <= 10 ? 1 : 0,
    demanding: Math.min(2, DEMANDING.filter((cue) => found[cue].size > 0).length),
    demandingExpert: found.specialised.size > 0 && DEMANDING.some((cue) => found[cue].size > 0) ? 1 : 0,
    opensDemanding: DEMANDING.some((cue) => opensWith(tokens, cue, parts.instruction)) ? 1 : 0,
    // A short request for a proof or a design is still hard: length must not outvote the ask.
    shortDemanding: instructionWords <= 12 && DEMANDING.some((cue) => found[cue].size > 0) ? 1 : 0,
    // "Is it X or Y?": a short either-or question asks for a pick, not an essay.
    eitherOr: instructionWords <= 16 && questions === 1 && tokens.includes('or') ? 1 : 0,
  };
  return { values, hashed: hashWords(tokens), found, words, instructionWords, payloadWords: parts.payloadWords, asks, tokens, instruction: parts.instruction };
}

/** Buckets of the hashed words and word pairs: enough for the labelled set's vocabulary, small enough to check in. */
export const HASH_BUCKETS = 2048;

/** FNV-1a of a string, continuing from `hash`. */
function fnv1a(text: string, hash = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The instruction's words and adjacent word pairs as bucket numbers. They let the model learn
 * what no word list names ("semi-naive", "Datalog", "haiku"), in any language, from the
 * labelled examples; the named features above still carry most of the weight.
 */
function hashWords(tokens: string[]): number[] {
  const buckets = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const wordHash = fnv1a(tokens[i] ?? '');
    buckets.add(wordHash % HASH_BUCKETS);
    if (i + 1 < tokens.length) buckets.add(fnv1a(tokens[i + 1] ?? '', fnv1a(' ', wordHash)) % HASH_BUCKETS);
  }
  return [...buckets];
}

// ---------------------------------------------------------------------------------------------
// Model and signals

export interface ComplexityModel {
  features: readonly string[];
  /** Each feature enters the model as (value - mean) * scale. */
  mean: number[];
  scale: number[];
  /** One row of weights (in `features` order) and a bias per class, in COMPLEXITIES order. */
  weights: Record<Complexity, { bias: number; weights: number[] }>;
  /**
   * Weights of the hashed words and word pairs (HASH_BUCKETS per class, in COMPLEXITIES order). A
   * message's buckets each enter with the value 1 / sqrt(number of its buckets).
   */
  hashed?: Record<Complexity, number[]>;
  /**
   * Subtracted from the moderate logit. Moderate is the wide middle class; lowering its prior
   * trades a little of its recall for many more simple and complex messages named as such. The
   * trainer picks the value by cross-validation on the training split.
   */
  moderateOffset?: number;
}

function standardised(model: ComplexityModel, i: number, value: number): number {
  return (value - (model.mean[i] ?? 0)) * (model.scale[i] ?? 0);
}

/** The value each hashed bucket of a message enters the model with. */
export function hashedValue(buckets: number): number {
  return 1 / Math.sqrt(Math.max(1, buckets));
}

/** The class probabilities for a feature vector (and hashed buckets) under a model. */
export function predictProbabilities(
  values: Record<FeatureName, number>,
  weights: ComplexityModel,
  hashed: readonly number[] = [],
): Record<Complexity, number> {
  const hashValue = hashedValue(hashed.length);
  const logits = COMPLEXITIES.map((label) => {
    const row = weights.weights[label];
    let sum = row.bias - (label === 'moderate' ? (weights.moderateOffset ?? 0) : 0);
    weights.features.forEach((name, i) => (sum += (row.weights[i] ?? 0) * standardised(weights, i, values[name as FeatureName] ?? 0)));
    const hashedRow = weights.hashed?.[label];
    if (hashedRow) for (const bucket of hashed) sum += (hashedRow[bucket] ?? 0) * hashValue;
    return sum;
  });
  const max = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return { simple: (exps[0] ?? 0) / total, moderate: (exps[1] ?? 0) / total, complex: (exps[2] ?? 0) / total };
}

const MODEL: ComplexityModel = model;

function sample(found: Set<string>, max = 3): string {
  return [...found].slice(0, max).join(', ');
}

/** A human-readable reason for a feature, or undefined when it has nothing to say. */
function describe(name: FeatureName, f: ComplexityFeatures): Signal | undefined {
  const { found } = f;
  switch (name) {
    case 'proof':
      return found.proof.size > 0 ? { kind: 'complexity.proof', reason: `message asks for a proof or derivation (${sample(found.proof)})` } : undefined;
    case 'design':
      return found.design.size > 0 ? { kind: 'complexity.design', reason: `message asks for a design (${sample(found.design)})` } : undefined;
    case 'analysis':
      return found.analysis.size > 0 ? { kind: 'complexity.reasoning', reason: `message asks for analysis or comparison (${sample(found.analysis)})` } : undefined;
    case 'planning':
    case 'timeSpan':
      return found.planning.size > 0 || f.values.timeSpan > 0 ? { kind: 'complexity.planning', reason: 'message asks for a plan over time' } : undefined;
    case 'specialised':
      return found.specialised.size > 0 ? { kind: 'complexity.specialised', reason: `message involves specialised topics (${sample(found.specialised)})` } : undefined;
    case 'constraints':
      return found.constraints.size > 0 ? { kind: 'complexity.constraints', reason: `message sets constraints (${sample(found.constraints)})` } : undefined;
    case 'depth':
      return found.depth.size > 0 ? { kind: 'complexity.depth', reason: `message asks for depth (${sample(found.depth)})` } : undefined;
    case 'askVerbs':
    case 'listItems':
    case 'questions':
      return f.asks >= 2 ? { kind: 'complexity.multiple_asks', reason: `message makes ${f.asks} separate requests` } : undefined;
    case 'transform':
    case 'opensWithTransform':
      return found.transform.size > 0 ? { kind: 'complexity.edit', reason: `message asks for a mechanical edit or conversion (${sample(found.transform)})` } : undefined;
    case 'lookup':
    case 'opensWithLookup':
      return found.lookup.size > 0 ? { kind: 'complexity.lookup', reason: 'message is a lookup question' } : undefined;
    case 'social':
    case 'opensWithSocial':
      return found.social.size > 0 ? { kind: 'complexity.small_talk', reason: 'message is small talk' } : undefined;
    case 'brevity':
      return found.brevity.size > 0 ? { kind: 'complexity.brevity', reason: `message asks for a short answer (${sample(found.brevity)})` } : undefined;
    case 'demanding':
    case 'demandingExpert':
    case 'opensDemanding':
    case 'shortDemanding':
      return describe(DEMANDING.find((cue) => f.found[cue].size > 0) ?? 'research', f);
    case 'research':
      return found.research.size > 0 ? { kind: 'complexity.research', reason: `message asks to weigh evidence or research (${sample(found.research)})` } : undefined;
    case 'openEnded':
      return found.openEnded.size > 0 ? { kind: 'complexity.open_ended', reason: 'message asks an open-ended question' } : undefined;
    case 'howTo':
    case 'shortHowTo':
      return found.howTo.size > 0 ? { kind: 'complexity.how_to', reason: f.instructionWords <= 14 ? 'message is a short how-to question' : 'message asks how to do something' } : undefined;
    case 'eitherOr':
      return f.values.eitherOr > 0 ? { kind: 'complexity.lookup', reason: 'message asks to pick between two options' } : undefined;
    case 'shortQuestion':
      return { kind: 'complexity.length', reason: 'message is one short question' };
    case 'explain':
    case 'opensWithExplain':
      return found.explain.size > 0 || f.values.opensWithExplain > 0 ? { kind: 'complexity.explanation', reason: 'message asks for an explanation' } : undefined;
    case 'writing':
      return found.writing.size > 0 ? { kind: 'complexity.writing', reason: `message asks for a piece of writing or code (${sample(found.writing)})` } : undefined;
    case 'code':
      return f.values.code > 0 ? { kind: 'complexity.code', reason: 'message contains code' } : undefined;
    case 'math':
      return f.values.math > 0 ? { kind: 'complexity.math', reason: 'message involves math' } : undefined;
    case 'payloadShare':
      return f.payloadWords > 0 ? { kind: 'complexity.pasted_text', reason: `most of the message is pasted material (${f.payloadWords} of ${f.words} words)` } : undefined;
    case 'veryShort':
    case 'words':
    case 'instructionWords':
    case 'sentences':
    case 'commas':
    case 'numbers':
      return { kind: 'complexity.length', reason: f.instructionWords <= 20 ? 'message is short and direct' : `the request is ${f.instructionWords} words long` };
  }
}

function estimateAlone(features: ComplexityFeatures): ComplexityEstimate {
  const probabilities = predictProbabilities(features.values, MODEL, features.hashed);
  const complexity = COMPLEXITIES.reduce((best, label) => (probabilities[label] > probabilities[best] ? label : best));
  const score = probabilities.moderate * 0.5 + probabilities.complex;

  // Signals: the features that pushed the chosen label furthest above the other two.
  const others = COMPLEXITIES.filter((label) => label !== complexity);
  const pushes = MODEL.features
    .map((name, i) => {
      const weightOf = (label: Complexity) => MODEL.weights[label].weights[i] ?? 0;
      const margin = weightOf(complexity) - others.reduce((sum, label) => sum + weightOf(label), 0) / others.length;
      return { name: name as FeatureName, push: margin * standardised(MODEL, i, features.values[name as FeatureName] ?? 0) };
    })
    .filter((p) => p.push > 0.15)
    .sort((a, b) => b.push - a.push);
  const signals: Signal[] = [];
  for (const { name } of pushes) {
    const signal = describe(name, features);
    if (signal && !signals.some((s) => s.kind === signal.kind)) signals.push(signal);
    if (signals.length === 3) break;
  }
  if (signals.length === 0) signals.push(describe('words', features) as Signal);
  return { complexity, score: Math.round(score * 1000) / 1000, signals };
}

/** Longer than this, a message is a request of its own (a follow-up is a few words). */
const MAX_FOLLOW_UP_CHARS = 600;

/** Whether a message leans on the turns before it ("And in London?", "continue", "Does it carry over?"). */
export function isFollowUp(text: string): boolean {
  if (text.length > MAX_FOLLOW_UP_CHARS) return false;
  const features = complexityFeatures(text);
  return followUpOf(followUpInput(features)) !== undefined;
}

function followUpInput(features: ComplexityFeatures): FollowUpInput {
  return { tokens: features.tokens, instruction: features.instruction, payloadWords: features.payloadWords, mechanicalEdit: features.found.transform.size > 0 };
}

/** Earlier user turns read for a follow-up: "continue" after "continue" after a design is still the design. */
const MAX_EARLIER_TURNS = 4;
const RANK: Record<Complexity, number> = { simple: 0, moderate: 1, complex: 2 };

/**
 * How much work a message asks for. `earlier` holds the conversation's earlier user messages,
 * oldest first: a follow-up ("Now add failover to it.", "continue", "why?") needs what the work
 * it continues needed, and a rework of the earlier output ("shorter") at most a moderate model.
 * Anything else is judged on its own words.
 */
export function estimateComplexity(text: string, earlier: readonly string[] = []): ComplexityEstimate {
  const features = complexityFeatures(text);
  const alone = estimateAlone(features);
  if (earlier.length === 0) return alone;
  const followUp = followUpOf(followUpInput(features));
  if (!followUp) return alone;
  const turns = earlier.slice(-MAX_EARLIER_TURNS);
  const before = estimateComplexity(turns.at(-1) as string, turns.slice(0, -1));
  const inherited: ComplexityEstimate =
    followUp === 'reworks' && before.complexity === 'complex' ? { ...before, complexity: 'moderate', score: Math.min(before.score, 0.5) } : before;
  if (RANK[inherited.complexity] <= RANK[alone.complexity]) return alone;
  return {
    complexity: inherited.complexity,
    score: Math.max(alone.score, inherited.score),
    signals: [
      {
        kind: 'complexity.follow_up',
        reason: followUp === 'reworks' ? 'message reworks the earlier answer' : `message continues an earlier ${inherited.complexity} request`,
      },
    ],
  };
}
