// Normalisation before detection. People and pasted text hide what a detector looks for in ways a
// reader does not notice: zero-width characters or soft hyphens between digits, full-width or
// Cyrillic look-alike letters, invisible Unicode tag characters, non-breaking spaces and en dashes
// as separators, characters spaced out one by one, base64 or hex. Detectors never see the raw
// text; they see the views built here:
//   1. the canonical text: NFKC; default-ignorable, format and control characters and combining
//      marks dropped; tag characters (U+E0020–E007E) decoded to the ASCII they hide; confusable
//      letters mapped to their Latin skeleton (UTS #39 data, from the `confusables` package);
//      other scripts' digits to ASCII digits; dash, space, quote and line-break variants unified;
//   2. the canonical text with spaced-out runs ("4 1 1 1 …", "a l i c e @ …") and line-broken
//      tokens joined up, and excerpts where a run starts with a one-letter word kept apart;
//   3. what base64 and hex runs of plausible length decode to, when that is text (inflated first
//      when the bytes are gzip or zlib: `gzip | base64`);
//   4. the text with URL percent-escapes decoded ("token%3Dsk-…", an encoded redirect URL);
//   5. the decodings of decodings.ts: code and JSON escapes, HTML character references, string
//      literals joined, digits spelled out, quoted-printable, base32 and Ascii85 (keys written
//      backwards or in ROT13 are looked for in the canonical text's long tokens: detectors/secrets.ts).
// Every step is one linear pass; decoding is bounded (DECODE_BUDGET characters in total).
import { isUtf8 } from 'node:buffer';
import { gunzipSync, inflateSync } from 'node:zlib';
import { confusablesMap } from 'confusables';
import { base32Bytes, decodeAscii85, decodeCharacterReferences, decodeCode, decodeQuotedPrintable, joinOneByOne, spelledDigits, symbolsBetweenDigits } from './decodings';

const ONLY_PLAIN = /^[\x20-\x7e\n\t]*$/;
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Mn}\p{Me}\p{Cs}\p{Co}\p{Cn}]$/u;
const DASH = /^[\p{Pd}\u2212\u2043\u02d7\ufe63]$/u;
const SPACE = /^\p{Zs}$/u;
const LINE_BREAK = /^[\u2028\u2029\u0085\v\f]$/u;
const DIGIT = /^\p{Nd}$/u;
const SINGLE_QUOTES = new Set(['\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4']);
const DOUBLE_QUOTES = new Set(['\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb']);

/** Replacements already decided, by code point: an array for the Basic Multilingual Plane, a map above it. */
const bmpReplacements: (string | undefined)[] = new Array<string | undefined>(0x10000);
const astralReplacements = new Map<number, string>();

/** The value of a non-ASCII decimal digit: Unicode lays each script's digits out 0..9 in a row. */
function digitValue(codePoint: number): number {
  let zero = codePoint;
  while (codePoint - zero < 9 && DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return codePoint - zero;
}

function decideReplacement(codePoint: number): string {
  const ch = String.fromCodePoint(codePoint);
  if (codePoint >= 0xe0020 && codePoint <= 0xe007e) return String.fromCharCode(codePoint - 0xe0000); // tag characters
  if (ch === '\r' || LINE_BREAK.test(ch)) return '\n';
  if (SPACE.test(ch)) return ' ';
  if (INVISIBLE.test(ch)) return '';
  if (DASH.test(ch)) return '-';
  if (DIGIT.test(ch)) return String(digitValue(codePoint));
  if (SINGLE_QUOTES.has(ch)) return "'";
  if (DOUBLE_QUOTES.has(ch)) return '"';
  if (ch === 'ß') return 'ss'; // the confusables table reads ß as B
  return confusablesMap.get(ch) ?? ch;
}

function replacementFor(codePoint: number): string {
  if (codePoint < 0x10000) return (bmpReplacements[codePoint] ??= decideReplacement(codePoint));
  let out = astralReplacements.get(codePoint);
  if (out === undefined) astralReplacements.set(codePoint, (out = decideReplacement(codePoint)));
  return out;
}

const isPlain = (code: number) => (code >= 0x20 && code <= 0x7e) || code === 10 || code === 9;

/**
 * The canonical text detectors read (see the top of this file). One pass over the NFKC text:
 * printable ASCII is copied in slices, every other character is replaced by its cached
 * replacement (a per-character callback costs several times more on text that is all non-ASCII).
 */
export function normalizeText(input: string): string {
  if (ONLY_PLAIN.test(input)) return input;
  const text = input.normalize('NFKC');
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isPlain(code)) continue;
    if (from < i) out += text.slice(from, i);
    from = i + 1;
    if (code === 13 && text.charCodeAt(i + 1) === 10) continue; // CRLF: the LF that follows is the line break
    let codePoint = code;
    if (code >= 0xd800 && code <= 0xdbff) {
      codePoint = text.codePointAt(i)!;
      if (codePoint > 0xffff) from = ++i + 1;
    }
    out += replacementFor(codePoint);
  }
  return from === 0 ? text : out + text.slice(from);
}

// Five or more single characters, each standing alone between spaces: "4 1 1 1 1", "a l i c e".
// Two or more spaces inside such a run separate words ("m y  p i n").
// A run may start right after "=", ":", a quote or an opening bracket ("TOKEN=g h s _ …",
// "<n a i r @ …>") and end before punctuation or a closing bracket ("… 1 1 4 7, Denver").
// (The look-behind comes after the first character, which lets the engine skip spaces fast.)
const SPACED_RUN = /\S(?<![^\s=:"([{<]\S)(?: {1,3}\S){4,}(?![^\s,.;:!?)\]}>"'])/g;
// A run's first token may be a one-letter word of the sentence ("é f @ l c 0 n", "a 4 1 1 1"):
// a second view keeps it apart.
const ONE_LETTER_WORD = /^[aAeEiIoOuUyY] /;
// A trailing dash or stop is the sentence's, not the value's ("… k O T T — should"); a dash right
// before a quote, a bracket or the end is the value's last character ("\"A I z a … U 8 -\"").
const TRAILING_MARK = / ?([-.,;:!?]) ?$/;
// A line break inside a token ("ghp_0ACd\ngIy7…", "chen_i@o\nrange.fr") is joined up when neither
// piece is a plain word: "Jane Doe\nHead of Communications" and "…6BWQ\nexport" stay apart.
const PLAIN_WORD = /^(?:[A-Z]?[a-z]+|[A-Z]{1,7})[,.;:!?)]?$/;
const MAX_PIECE = 80;
const WORD_GAP = / {2,}/g;
const SINGLE_SPACE = / /g;

/** The run joined up; `next` is the character after it in the text. */
function joinRun(run: string, next = ' '): string {
  const found = TRAILING_MARK.exec(run);
  const mark = found && (found[1] !== '-' || next === ' ') ? found : null;
  const body = mark ? run.slice(0, mark.index) : run;
  const joined = body.replace(WORD_GAP, '\u0000').replace(SINGLE_SPACE, '').replaceAll('\u0000', ' ');
  return mark ? `${joined} ${mark[1]}` : joined;
}

/** How much of the text around a run with a leading one-letter word its excerpt keeps. */
const EXCERPT_BEFORE = 200;
const EXCERPT_AFTER = 100;
/** How much of such a run its excerpt reads: enough for any one value after the word. */
const EXCERPT_RUN = 600;

/**
 * The runs that start with a one-letter word, that word kept apart ("a 4 1 1 1 …" → "a 4111…"),
 * each with the text around it, as excerpts joined by blank lines. Only the start of each run
 * differs from the fully joined view, so a copy of the whole text would be read for nothing.
 */
function leadingWordExcerpts(text: string): string {
  const excerpts: string[] = [];
  for (const match of text.matchAll(SPACED_RUN)) {
    const run = match[0];
    if (!ONE_LETTER_WORD.test(run)) continue;
    const end = match.index + run.length;
    const whole = run.length <= EXCERPT_RUN;
    const value = whole ? run.slice(2) : run.slice(2, EXCERPT_RUN);
    excerpts.push(text.slice(Math.max(0, match.index - EXCERPT_BEFORE), match.index) + run.slice(0, 2) + joinRun(value, whole ? text[end] : ' ') + (whole ? text.slice(end, end + EXCERPT_AFTER) : ''));
  }
  return excerpts.join('\n\n');
}

/**
 * The text with tokens split by a line break and spaced-out runs joined up, and excerpts with a
 * leading one-letter word kept apart (see ONE_LETTER_WORD); empty when there is nothing to join.
 */
export function despace(text: string): string[] {
  const rejoined = text.includes('\n') ? joinSplitTokens(text) : text;
  const versions = new Set<string>();
  if (rejoined !== text) versions.add(rejoined);
  if (text.includes(' ')) {
    let leadingWord = false;
    const all = rejoined.replace(SPACED_RUN, (run: string, offset: number) => {
      leadingWord ||= ONE_LETTER_WORD.test(run);
      return joinRun(run, rejoined[offset + run.length]);
    });
    if (all !== rejoined) versions.add(all);
    if (leadingWord) versions.add(leadingWordExcerpts(rejoined));
  }
  return [...versions];
}

const isSpace = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\n' || ch === '\t';
// A line break with a character of a token on both sides.
const BREAK_IN_TOKEN = /[^ \n\t]\n(?=[^ \n\t])/g;

function joinSplitTokens(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (const match of text.matchAll(BREAK_IN_TOKEN)) {
    const at = match.index + 1;
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

/** Is this character code a hex digit that can lead a byte of text (2–9, a–f: not a control byte)? */
const isTextLead = (code: number) => (code >= 50 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);

/**
 * A cheap look before decoding hex: text has no control bytes, so no byte's first hex digit is 0
 * or 1 (a quarter may differ: tabs, line breaks). Figures and hashes mostly fail this. Base64 is
 * left to the UTF-8 check, which random bytes fail at once.
 */
function hexMayHideText(compact: string): boolean {
  let misses = 0;
  for (let i = 0; i < compact.length; i += 2) if (!isTextLead(compact.charCodeAt(i))) misses++;
  return misses <= Math.max(1, compact.length / 8);
}
const MAX_RUN = 16_000;
// A run of 16 or more base64 or hex characters, which may be wrapped over lines (a blank line ends
// it). A match starts only where a run starts (the look-behind after its first character):
// otherwise each position inside a shorter run would be tried again and read up to 16
// characters. The first character is read before the look-behind because a plain character
// class lets the engine skip ahead.
const ENCODED_RUN = /[A-Za-z0-9+/_-](?<![A-Za-z0-9+/_-].)(?:[A-Za-z0-9+/_-]|\n(?=[A-Za-z0-9+/_-])){15,}={0,2}/g;
const HEX_ONLY = /^[0-9a-fA-F]+$/;
const BASE32_ONLY = /^[A-Z2-7]+=*$/;
const NEWLINES = /\n/g;
// Slashes, pluses, dashes and underscores in front of a run may belong to what precedes it ("https://" + base64).
const LEADING_MARKS = /^[+/_-]+/;

export function printable(decoded: string): boolean {
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

function decodeCompact(compact: string): string | undefined {
  const hex = compact.length % 2 === 0 && HEX_ONLY.test(compact);
  if (hex && !hexMayHideText(compact)) return undefined;
  const bytes = hex ? Buffer.from(compact, 'hex') : Buffer.from(compact.slice(0, compact.length - (compact.length % 4 === 1 ? 1 : 0)), 'base64');
  const decoded = textOf(bytes) ?? inflated(bytes);
  if (decoded !== undefined || hex || !BASE32_ONLY.test(compact)) return decoded;
  // Upper-case letters and 2-7 only, and not base64 text: perhaps base32.
  let end = compact.length;
  while (end > 0 && compact[end - 1] === '=') end--;
  const base32 = base32Bytes(compact.slice(0, end));
  return base32 === undefined ? undefined : textOf(base32);
}

/** The most a compressed run may inflate to (a zip bomb stops there). */
const INFLATED_MAX = 64_000;

/**
 * Text compressed before it was encoded ("H4sI…": gzip, "eJ…": zlib, as `gzip | base64` and
 * Python's zlib write them), when the bytes start with either header and inflate to text.
 */
function inflated(bytes: Buffer): string | undefined {
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  // A zlib header: deflate with a 32 KiB window or less, and a check that makes the pair a multiple of 31.
  const zlib = bytes.length > 2 && ((bytes[0] as number) & 0x0f) === 8 && (bytes[0] as number) >> 4 <= 7 && (((bytes[0] as number) << 8) | (bytes[1] as number)) % 31 === 0;
  if (!gzip && !zlib) return undefined;
  try {
    const out = gzip ? gunzipSync(bytes, { maxOutputLength: INFLATED_MAX }) : inflateSync(bytes, { maxOutputLength: INFLATED_MAX });
    return textOf(out);
  } catch {
    // Not compressed after all, or cut short.
    return undefined;
  }
}

/** The bytes as text, when they are UTF-8 and printable. */
function textOf(bytes: Buffer): string | undefined {
  // Not UTF-8: binary, not hidden text. (A check, not a decoder that throws: exceptions cost
  // microseconds each, and a text may hold a thousand runs.)
  if (!isUtf8(bytes)) return undefined;
  const decoded = bytes.toString('utf8');
  return printable(decoded) ? decoded : undefined;
}

function decodeLines(lines: string): string | undefined {
  const compact = lines.includes('\n') ? lines.slice(0, 2 * MAX_RUN).replace(NEWLINES, '').slice(0, MAX_RUN) : lines.slice(0, MAX_RUN);
  const decoded = decodeCompact(compact);
  if (decoded !== undefined) return decoded;
  const unmarked = compact.replace(LEADING_MARKS, '');
  return unmarked.length !== compact.length && unmarked.length >= 16 ? decodeCompact(unmarked) : undefined;
}

function decodeRun(run: string): string | undefined {
  const decoded = decodeLines(run);
  if (decoded !== undefined || !run.includes('\n')) return decoded;
  // A word on the next line may have run on into the block ("…2d2d2d0a\nPermissions: 600").
  return decodeLines(run.slice(0, run.lastIndexOf('\n')));
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

// A run of URL percent-escapes ("%68%74%74%70", "%40", "%2F").
const PERCENT_ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;
const PERCENT_SIGNS = /%/g;

/** `text` with its URL percent-escapes decoded, where they decode to UTF-8; undefined when nothing changed. */
export function percentDecode(text: string): string | undefined {
  if (!text.includes('%')) return undefined;
  let changed = false;
  const decoded = text.replace(PERCENT_ESCAPES, (run) => {
    if (run.length === 3) {
      // One escape ("%20", "%40"): an ASCII character, or a lone byte that is no text.
      const code = parseInt(run.slice(1), 16);
      if (code >= 0x80) return run;
      changed = true;
      return String.fromCharCode(code);
    }
    const bytes = Buffer.from(run.replace(PERCENT_SIGNS, ''), 'hex');
    if (!isUtf8(bytes)) return run;
    changed = true;
    return bytes.toString('utf8');
  });
  return changed ? decoded : undefined;
}

/** The texts detectors read for `input`: the canonical text first, then its despaced and decoded views. */
export function detectionTexts(input: string): string[] {
  const canonical = normalizeText(input);
  const texts = [canonical];
  texts.push(...despace(canonical));
  const decoded = decodeHidden(canonical);
  if (decoded !== undefined) {
    const decodedCanonical = normalizeText(decoded);
    texts.push(decodedCanonical, ...despace(decodedCanonical));
  }
  const unescaped = percentDecode(canonical);
  if (unescaped !== undefined) texts.push(normalizeText(unescaped));
  for (const decode of DECODINGS) {
    const view = decode(canonical);
    if (view !== undefined) texts.push(normalizeText(view));
  }
  return texts;
}

/** The decodings of decodings.ts, each a view of its own. */
const DECODINGS: ((text: string) => string | undefined)[] = [
  decodeCode,
  decodeCharacterReferences,
  spelledDigits,
  decodeQuotedPrintable,
  (text) => decodeAscii85(text, printable),
  joinOneByOne,
  symbolsBetweenDigits,
];

/** Every pattern used here, for the linear-time test. */
export const NORMALIZE_PATTERNS: readonly RegExp[] = [ONLY_PLAIN, INVISIBLE, DASH, SPACE, LINE_BREAK, DIGIT, SPACED_RUN, ONE_LETTER_WORD, TRAILING_MARK, PLAIN_WORD, WORD_GAP, SINGLE_SPACE, ENCODED_RUN, HEX_ONLY, BASE32_ONLY, NEWLINES, LEADING_MARKS, BREAK_IN_TOKEN, PERCENT_ESCAPES, PERCENT_SIGNS];
