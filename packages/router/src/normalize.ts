// Normalisation before detection. People and pasted text hide what a detector looks for in ways a
// reader does not notice: zero-width characters or soft hyphens between digits, full-width or
// Cyrillic look-alike letters, invisible Unicode tag characters, non-breaking spaces and en dashes
// as separators, characters spaced out one by one, base64 or hex. Detectors never see the raw
// text; they see the views built here:
//   1. the canonical text: NFKC; default-ignorable, format and control characters and combining
//      marks dropped; tag characters (U+E0020–E007E) decoded to the ASCII they hide; confusable
//      letters mapped to their Latin skeleton (UTS #39 data, from the `confusables` package);
//      other scripts' digits to ASCII digits; dash, space, quote and line-break variants unified;
//   2. the canonical text with spaced-out runs ("4 1 1 1 …", "a l i c e @ …") joined up;
//   3. what base64 and hex runs of plausible length decode to, when that is text.
// Every step is one linear pass; decoding is bounded (DECODE_BUDGET characters in total).
import { confusablesMap } from 'confusables';

/** Characters outside printable ASCII (plus \n and \t): only these need a decision. */
const SPECIAL = /[^\x20-\x7e\n\t]/gu;
const ONLY_PLAIN = /^[\x20-\x7e\n\t]*$/;
const LINE_ENDINGS = /\r\n?/g;
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Mn}\p{Me}\p{Cs}\p{Co}\p{Cn}]$/u;
const DASH = /^[\p{Pd}\u2212\u2043\u02d7\ufe63]$/u;
const SPACE = /^\p{Zs}$/u;
const LINE_BREAK = /^[\u2028\u2029\u0085\v\f]$/u;
const DIGIT = /^\p{Nd}$/u;
const SINGLE_QUOTES = new Set(['\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4']);
const DOUBLE_QUOTES = new Set(['\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb']);

const replacements = new Map<string, string>();

/** The value of a non-ASCII decimal digit: Unicode lays each script's digits out 0..9 in a row. */
function digitValue(codePoint: number): number {
  let zero = codePoint;
  while (codePoint - zero < 9 && DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return codePoint - zero;
}

function replacementFor(ch: string): string {
  const cached = replacements.get(ch);
  if (cached !== undefined) return cached;
  const codePoint = ch.codePointAt(0)!;
  let out: string;
  if (codePoint >= 0xe0020 && codePoint <= 0xe007e) out = String.fromCharCode(codePoint - 0xe0000); // tag characters
  else if (ch === '\r' || LINE_BREAK.test(ch)) out = '\n';
  else if (SPACE.test(ch)) out = ' ';
  else if (INVISIBLE.test(ch)) out = '';
  else if (DASH.test(ch)) out = '-';
  else if (DIGIT.test(ch)) out = String(digitValue(codePoint));
  else if (SINGLE_QUOTES.has(ch)) out = "'";
  else if (DOUBLE_QUOTES.has(ch)) out = '"';
  else if (ch === 'ß') out = 'ss'; // the confusables table reads ß as B
  else out = confusablesMap.get(ch) ?? ch;
  replacements.set(ch, out);
  return out;
}

/** The canonical text detectors read (see the top of this file). Linear in the input. */
export function normalizeText(input: string): string {
  const text = input.normalize('NFKC').replace(LINE_ENDINGS, '\n');
  if (ONLY_PLAIN.test(text)) return text;
  return text.replace(SPECIAL, replacementFor);
}

// Five or more single characters, each standing alone between spaces: "4 1 1 1 1", "a l i c e".
// Two or more spaces inside such a run separate words ("m y  p i n").
// A run may start right after "=", ":", a quote or a bracket ("TOKEN=g h s _ …") and end before
// punctuation ("… 1 1 4 7, Denver").
const SPACED_RUN = /(?<![^\s=:"([])(?:\S {1,3}){4,}\S(?![^\s,.;:!?)\]"'])/g;
// A run's first token may be a one-letter word of the sentence ("é f @ l c 0 n", "a 4 1 1 1"):
// a second view keeps it apart.
const ONE_LETTER_WORD = /^[aAeEiIoOuUyY] /;
// A trailing dash or stop is the sentence's, not the value's ("… k O T T — should").
const TRAILING_MARK = / ?([-.,;:!?]) ?$/;
// A line break inside a token ("ghp_0ACd\ngIy7…", "chen_i@o\nrange.fr") is joined up when neither
// piece is a plain word: "Jane Doe\nHead of Communications" and "…6BWQ\nexport" stay apart.
const PLAIN_WORD = /^(?:[A-Z]?[a-z]+|[A-Z]{1,7})[,.;:!?)]?$/;
const MAX_PIECE = 80;
const WORD_GAP = / {2,}/g;
const SINGLE_SPACE = / /g;

function joinRun(run: string): string {
  const mark = TRAILING_MARK.exec(run);
  const body = mark ? run.slice(0, mark.index) : run;
  const joined = body.replace(WORD_GAP, '\u0000').replace(SINGLE_SPACE, '').replaceAll('\u0000', ' ');
  return mark ? `${joined} ${mark[1]}` : joined;
}

/**
 * The text with tokens split by a line break and spaced-out runs joined up (one or two versions,
 * see ONE_LETTER_WORD); empty when there is nothing to join.
 */
export function despace(text: string): string[] {
  const rejoined = text.includes('\n') ? joinSplitTokens(text) : text;
  const versions = new Set<string>();
  if (rejoined !== text) versions.add(rejoined);
  if (text.includes(' ')) {
    let leadingWord = false;
    const all = rejoined.replace(SPACED_RUN, (run) => {
      leadingWord ||= ONE_LETTER_WORD.test(run);
      return joinRun(run);
    });
    if (all !== rejoined) versions.add(all);
    if (leadingWord) versions.add(rejoined.replace(SPACED_RUN, (run) => (ONE_LETTER_WORD.test(run) ? run.slice(0, 2) + joinRun(run.slice(2)) : joinRun(run))));
  }
  return [...versions];
}

const isSpace = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\n' || ch === '\t';

function joinSplitTokens(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (isSpace(text[at - 1]) || isSpace(text[at + 1])) continue;
    let start = at - 1;
    while (start > 0 && at - start < MAX_PIECE && !isSpace(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && end - at < MAX_PIECE && !isSpace(text[end])) end++;
    if (PLAIN_WORD.test(text.slice(start, at)) || PLAIN_WORD.test(text.slice(at + 1, end))) continue;
    parts.push(text.slice(from, at));
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** Upper bounds on the characters decoded from base64 and hex runs in one text, and on the runs tried. */
export const DECODE_BUDGET = 64_000;
const MAX_RUNS = 1000;
const HEX_TEXT_LEAD = /^[2-9a-fA-F]$/;

/**
 * A cheap look before decoding hex: text has no control bytes, so no byte's first hex digit is 0
 * or 1 (a quarter may differ: tabs, line breaks). Figures and hashes mostly fail this. Base64 is
 * left to the UTF-8 check, which random bytes fail at once.
 */
function mayHideText(compact: string, hex: boolean): boolean {
  if (!hex) return true;
  const step = 2;
  const lead = HEX_TEXT_LEAD;
  let misses = 0;
  let seen = 0;
  for (let i = 0; i < compact.length; i += step) {
    seen++;
    if (!lead.test(compact[i]!)) misses++;
  }
  return misses <= Math.max(1, seen / 4);
}
const MAX_RUN = 16_000;
const ENCODED_RUN = /[A-Za-z0-9+/_\n-]{16,}={0,2}/g;
const HEX_ONLY = /^[0-9a-fA-F]+$/;
const NEWLINES = /\n/g;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function printable(decoded: string): boolean {
  if (decoded.length < 6) return false;
  let good = 0;
  let alnum = 0;
  for (let i = 0; i < decoded.length; i++) {
    const code = decoded.charCodeAt(i);
    if ((code >= 0x20 && code < 0x7f) || code === 10 || code === 9 || code >= 0xa0) good++;
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) alnum++;
  }
  return good / decoded.length >= 0.95 && alnum >= 4;
}

function decodeRun(run: string): string | undefined {
  const compact = run.replace(NEWLINES, '').slice(0, MAX_RUN);
  const hex = compact.length % 2 === 0 && HEX_ONLY.test(compact);
  if (!mayHideText(compact, hex)) return undefined;
  let bytes: Buffer;
  if (hex) bytes = Buffer.from(compact, 'hex');
  else bytes = Buffer.from(compact.slice(0, compact.length - (compact.length % 4 === 1 ? 1 : 0)), 'base64');
  try {
    const decoded = utf8.decode(bytes);
    return printable(decoded) ? decoded : undefined;
  } catch {
    return undefined; // not UTF-8: binary, not hidden text
  }
}

/** What the base64 and hex runs in `text` decode to, where that is text (two levels deep). */
export function decodeHidden(text: string, depth = 2): string | undefined {
  let budget = DECODE_BUDGET;
  let runs = 0;
  const found: string[] = [];
  for (const match of text.matchAll(ENCODED_RUN)) {
    if (budget <= 0 || ++runs > MAX_RUNS) break;
    const run = match[0].slice(0, budget);
    budget -= run.length;
    const decoded = decodeRun(run);
    if (decoded === undefined) continue;
    found.push(decoded);
    if (depth > 1) {
      const deeper = decodeHidden(decoded, depth - 1);
      if (deeper !== undefined) found.push(deeper);
    }
  }
  return found.length > 0 ? found.join('\n') : undefined;
}

/** The texts detectors read for `input`: the canonical text, then its despaced and decoded views. */
export function detectionTexts(input: string): string[] {
  const canonical = normalizeText(input);
  const texts = [canonical];
  texts.push(...despace(canonical));
  const decoded = decodeHidden(canonical);
  if (decoded !== undefined) {
    const decodedCanonical = normalizeText(decoded);
    texts.push(decodedCanonical, ...despace(decodedCanonical));
  }
  return texts;
}

/** Every pattern used here, for the linear-time test. */
export const NORMALIZE_PATTERNS: readonly RegExp[] = [SPECIAL, ONLY_PLAIN, LINE_ENDINGS, INVISIBLE, DASH, SPACE, LINE_BREAK, DIGIT, SPACED_RUN, ONE_LETTER_WORD, TRAILING_MARK, PLAIN_WORD, WORD_GAP, SINGLE_SPACE, ENCODED_RUN, HEX_ONLY, HEX_TEXT_LEAD, NEWLINES];
