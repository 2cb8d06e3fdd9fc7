// What a value is written in when it is carried by code or markup, or kept from being read at a
// glance, beyond the base64, hex and percent-escapes of normalize.ts:
//   - escape sequences of code and JSON ("\u0073\u006b…", "\x73\x6b", "\u{1F600}") and HTML
//     character references ("&#115;&#107;", "&#x73;", "&commat;");
//   - string literals joined by code ("sk-proj-" + "Q7vN…", Python's "abc" "def" over two lines);
//   - digits spelled out ("five three six, two two, eight seven four one");
//   - quoted-printable (an e-mail body: "=3D", a long line broken by "=" at its end);
//   - base32 and Ascii85 runs (encoders people reach for after base64);
//   - characters put one by one between the same mark ("A.K.I.A…", "4|5|3|9…") and symbols
//     between the digits of a number ("4539🔒1488");
//   - the long tokens of a text, which detectors/secrets.ts reads reversed and ROT13'd for keys
//     written so ("here is my key backwards: …").
// Each function returns the decoded text, or undefined when there was nothing to decode, so the
// views are only built for texts that hold such a thing. Every pattern is linear (checked by
// linear-time.test.ts) and the decoding is bounded by DECODED_BUDGET characters per text.
import { isUtf8 } from 'node:buffer';
import { decodeHTML } from 'entities';

/** The most characters a text is read for by the decoders that run over all of it. */
export const DECODED_BUDGET = 256_000;

// \uXXXX, \u{X…}, \UXXXXXXXX (Python), \xHH.
const CODE_ESCAPE = /\\(?:u\{([0-9A-Fa-f]{1,6})\}|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x([0-9A-Fa-f]{2}))/g;

/** The text with its code and JSON escapes decoded; undefined when it has none. */
export function unescapeCode(text: string): string | undefined {
  if (!text.includes('\\')) return undefined;
  let changed = false;
  const decoded = text.slice(0, DECODED_BUDGET).replace(CODE_ESCAPE, (escape: string, braced?: string, four?: string, eight?: string, byte?: string) => {
    const codePoint = parseInt(braced ?? four ?? eight ?? byte ?? '', 16);
    // Control characters other than line breaks and tabs are no text.
    if (!((codePoint >= 0x20 && codePoint <= 0x10ffff) || codePoint === 0x0a || codePoint === 0x0d || codePoint === 0x09)) return escape;
    changed = true;
    // A surrogate half ("\ud83d\ude00") joins its other half in the decoded string.
    return codePoint <= 0xffff ? String.fromCharCode(codePoint) : String.fromCodePoint(codePoint);
  });
  return changed ? decoded : undefined;
}

const CHARACTER_REFERENCE = /&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** The text with its HTML character references decoded ("&#115;", "&#x6b;", "&commat;"); undefined when it has none. */
export function decodeCharacterReferences(text: string): string | undefined {
  if (!text.includes('&') || !CHARACTER_REFERENCE.test(text)) return undefined;
  const head = text.slice(0, DECODED_BUDGET);
  const decoded = decodeHTML(head);
  return decoded === head ? undefined : decoded;
}

// A string literal's closing quote, what joins it to the next (+, ., .., &, ||, concat( or only
// white space, as Python and C join adjacent literals), and the next literal's opening quote.
// Two quotes side by side ("" or '') are an empty literal, not a seam: something stands between.
const LITERAL_SEAM = /["'`](?:\s{1,40}(?:(?:\+|\.\.|\.|&|\|\||\.concat\()\s{0,40})?|(?:\+|\.\.|\.|&|\|\||\.concat\()\s{0,40})["'`]/g;

/** The text with adjacent string literals joined ('"sk-proj-" + "Q7vN…"' → '"sk-proj-Q7vN…"'); undefined when there are none. */
export function joinStringLiterals(text: string): string | undefined {
  if (!text.includes('"') && !text.includes("'") && !text.includes('`')) return undefined;
  const head = text.slice(0, DECODED_BUDGET);
  LITERAL_SEAM.lastIndex = 0;
  if (!LITERAL_SEAM.test(head)) return undefined;
  return head.replace(LITERAL_SEAM, '');
}

/** A lookup that answers only for its own keys (a word like "constructor" is no key of a Map). */
function mapOf<V>(entries: Record<string, V>): ReadonlyMap<string, V> {
  return new Map(Object.entries(entries));
}

/** Digit words in English, German, French, Spanish, Italian and Portuguese. */
const DIGIT_WORDS = mapOf({
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  null: '0', eins: '1', zwei: '2', drei: '3', vier: '4', fünf: '5', funf: '5', fuenf: '5', sechs: '6', sieben: '7', acht: '8', neun: '9',
  zéro: '0', un: '1', deux: '2', trois: '3', quatre: '4', cinq: '5', sept: '7', huit: '8', neuf: '9',
  cero: '0', uno: '1', dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9',
  due: '2', tre: '3', quattro: '4', cinque: '5', sei: '6', sette: '7', otto: '8', nove: '9',
  um: '1', duas: '2', quatro: '4', oito: '8',
});
const TEENS = mapOf({ ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19' });
const TENS = mapOf({ twenty: '2', thirty: '3', forty: '4', fourty: '4', fifty: '5', sixty: '6', seventy: '7', eighty: '8', ninety: '9' });
/** "double five" is 55, "triple zero" 000. */
const REPEATS = mapOf({ double: 2, triple: 3 });
/** Words read as a separator between groups of spelled digits ("five three six dash two two"). */
const GROUP_WORDS = new Set(['dash', 'hyphen']);
/** Fewest digits a spelled run must give to be read as a number (a PIN, an id, a card). */
const MIN_SPELLED_DIGITS = 6;

// Any word of a spelled number, standing alone (not inside a longer word). The matches are read
// in order; two belong to one run when only a short gap of spaces, commas or hyphens stands between.
const SPELLED_WORD = new RegExp(
  `(?<!\\p{L})(?:${[...DIGIT_WORDS.keys(), ...TEENS.keys(), ...TENS.keys(), ...REPEATS.keys(), ...GROUP_WORDS].sort((a, b) => b.length - a.length).join('|')})(?!\\p{L})`,
  'giu',
);
const DIGIT_GAP = /^[\s,;/-]{1,6}$/;
const GROUP_GAP = /[,;/-]/;

interface SpelledWord {
  word: string;
  start: number;
  end: number;
  /** Stands after a comma, a semicolon, a slash or a hyphen: a new group starts. */
  grouped: boolean;
}

/** The figures a run of spelled words stands for, groups split by "-" ("536-22-8741"). */
function figuresOf(run: SpelledWord[]): { figures: string; digits: number } {
  let figures = '';
  let digits = 0;
  let repeat = 1;
  let groupNext = false;
  for (let i = 0; i < run.length; i++) {
    const { word, grouped } = run[i] as SpelledWord;
    groupNext ||= grouped;
    if (GROUP_WORDS.has(word)) {
      groupNext = true;
      continue;
    }
    const times = REPEATS.get(word);
    if (times !== undefined) {
      repeat = times;
      continue;
    }
    let value = DIGIT_WORDS.get(word) ?? TEENS.get(word);
    const ten = TENS.get(word);
    if (ten !== undefined) {
      // "eighty seven" is 87, "eighty" alone 80.
      const unit = run[i + 1] === undefined || run[i + 1]?.grouped ? undefined : DIGIT_WORDS.get((run[i + 1] as SpelledWord).word);
      if (unit !== undefined && unit !== '0') i += 1;
      value = ten + (unit !== undefined && unit !== '0' ? unit : '0');
    }
    if (value === undefined) continue;
    if (groupNext && figures !== '') figures += '-';
    groupNext = false;
    figures += value.repeat(repeat);
    digits += value.length * repeat;
    repeat = 1;
  }
  return { figures, digits };
}

/**
 * The text with runs of spelled-out digits written as figures ("my SSN is five three six, two two,
 * eight seven four one" → "my SSN is 536-22-8741"); undefined when no run gives MIN_SPELLED_DIGITS.
 * Commas, hyphens and "dash" between words become group separators; plain spaces join.
 */
export function spelledDigits(text: string): string | undefined {
  const head = text.slice(0, DECODED_BUDGET);
  const parts: string[] = [];
  let copied = 0;
  let run: SpelledWord[] = [];
  const flush = () => {
    const { figures, digits } = figuresOf(run);
    const first = run[0];
    const last = run.at(-1);
    if (first && last && digits >= MIN_SPELLED_DIGITS) {
      parts.push(head.slice(copied, first.start), figures);
      copied = last.end;
    }
    run = [];
  };
  for (const match of head.matchAll(SPELLED_WORD)) {
    const previous = run.at(-1);
    const gap = previous === undefined ? '' : head.slice(previous.end, match.index);
    if (previous !== undefined && !DIGIT_GAP.test(gap)) flush();
    run.push({ word: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length, grouped: GROUP_GAP.test(gap) });
  }
  flush();
  return parts.length === 0 ? undefined : parts.join('') + head.slice(copied);
}

// "=3D", "=C3=A9" and "=" at a line's end (a soft line break).
const QP_ESCAPES = /(?:=[0-9A-F]{2})+/g;
const QP_SOFT_BREAK = /=\r?\n/g;
const QP_SIGN = /=/g;

/** The text read as quoted-printable, when it has a soft line break or an escape and decodes to UTF-8; else undefined. */
export function decodeQuotedPrintable(text: string): string | undefined {
  if (!text.includes('=')) return undefined;
  const head = text.slice(0, DECODED_BUDGET);
  let changed = false;
  const joined = head.replace(QP_SOFT_BREAK, () => {
    changed = true;
    return '';
  });
  const decoded = joined.replace(QP_ESCAPES, (run: string) => {
    const bytes = Buffer.from(run.replace(QP_SIGN, ''), 'hex');
    if (!isUtf8(bytes)) return run;
    const value = bytes.toString('utf8');
    // A lone control byte is no text ("=0A" aside, which is a line break).
    if ([...value].some((ch) => ch < ' ' && ch !== '\n' && ch !== '\t')) return run;
    changed = true;
    return value;
  });
  return changed ? decoded : undefined;
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A run of base32 (RFC 4648, upper case, padding already cut) as bytes; undefined when it is not base32. */
export function base32Bytes(run: string): Buffer | undefined {
  if (run.length < 16) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < run.length; i++) {
    const value = BASE32_ALPHABET.indexOf(run[i] as string);
    if (value < 0) return undefined;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

// An Ascii85 block: between "<~" and "~>" (Adobe), or a run of 20 or more of its characters
// with no space, holding at least one that base64 does not use.
const ASCII85_BLOCK = /<~([!-uz\s]{5,20000})~>|[!-uz](?<![!-uz].)[!-uz]{19,}/g;
const BASE64_ONLY = /^[A-Za-z0-9+/=_-]+$/;

/** Decodes Ascii85 characters (no delimiters, white space ignored); undefined when they are not Ascii85. */
export function ascii85Bytes(encoded: string): Buffer | undefined {
  const bytes: number[] = [];
  let group = 0;
  let count = 0;
  for (let i = 0; i < encoded.length; i++) {
    const code = encoded.charCodeAt(i);
    if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) continue;
    if (code === 0x7a && count === 0) {
      bytes.push(0, 0, 0, 0);
      continue;
    }
    if (code < 0x21 || code > 0x75) return undefined;
    group = group * 85 + (code - 0x21);
    count++;
    if (count === 5) {
      if (group > 0xffffffff) return undefined;
      bytes.push((group >>> 24) & 0xff, (group >>> 16) & 0xff, (group >>> 8) & 0xff, group & 0xff);
      group = 0;
      count = 0;
    }
  }
  if (count === 1) return undefined;
  if (count > 0) {
    for (let pad = count; pad < 5; pad++) group = group * 85 + 84;
    const tail = [(group >>> 24) & 0xff, (group >>> 16) & 0xff, (group >>> 8) & 0xff, group & 0xff];
    bytes.push(...tail.slice(0, count - 1));
  }
  return Buffer.from(bytes);
}

/** What the Ascii85 blocks and runs of the text decode to, where that is text; undefined when none does. */
export function decodeAscii85(text: string, isText: (decoded: string) => boolean): string | undefined {
  const found: string[] = [];
  let budget = DECODED_BUDGET;
  for (const match of text.matchAll(ASCII85_BLOCK)) {
    const encoded = match[1] ?? match[0];
    if (match[1] === undefined && BASE64_ONLY.test(encoded)) continue;
    budget -= encoded.length;
    if (budget < 0) break;
    // Its first groups must already read as text: most runs are paths, URLs or code, not Ascii85.
    const lead = encoded.length > 40 ? ascii85Bytes(encoded.slice(0, 40)) : undefined;
    if (lead !== undefined && !isText(lead.toString('latin1'))) continue;
    const bytes = ascii85Bytes(encoded);
    if (bytes === undefined || !isUtf8(bytes)) continue;
    const decoded = bytes.toString('utf8');
    if (isText(decoded)) found.push(decoded);
  }
  return found.length > 0 ? found.join('\n') : undefined;
}

// A token long enough to be a key (they are 20 characters or more), with the dots and dashes
// some keys hold ("SG.…", "xoxb-…").
// (A match starts only where a run starts, the look-behind after its first character: otherwise
// every position of a shorter run would be tried again.)
const LONG_TOKEN = /[A-Za-z0-9_.-](?<![A-Za-z0-9_.-].)[A-Za-z0-9_.-]{19,}/g;
/** The most characters of tokens these views read per text. */
const TOKENS_BUDGET = 64_000;

/** The long tokens of the text (LONG_TOKEN), TOKENS_BUDGET characters of them at most. */
export function longTokens(text: string): string[] {
  const tokens: string[] = [];
  let budget = TOKENS_BUDGET;
  for (const match of text.matchAll(LONG_TOKEN)) {
    const token = match[0].slice(0, budget);
    budget -= token.length;
    tokens.push(token);
    if (budget <= 0) break;
  }
  return tokens;
}

/** A token written backwards (tokens are ASCII: reversing UTF-16 units reverses characters). */
export function reversed(token: string): string {
  let out = '';
  for (let i = token.length - 1; i >= 0; i--) out += token[i];
  return out;
}

/** A token ROT13'd (its own inverse). */
export function rot13(token: string): string {
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code >= 65 && code <= 90) out += String.fromCharCode(((code - 65 + 13) % 26) + 65);
    else if (code >= 97 && code <= 122) out += String.fromCharCode(((code - 97 + 13) % 26) + 97);
    else out += token[i];
  }
  return out;
}

/** Code's escapes decoded and its adjacent literals joined ('"\\x73\\x6b-" + "proj-…"'); undefined when neither changes the text. */
export function decodeCode(text: string): string | undefined {
  const unescaped = unescapeCode(text) ?? text;
  const joined = joinStringLiterals(unescaped) ?? unescaped;
  return joined === text ? undefined : joined;
}

// Separators put between the characters of a value one by one ("A.K.I.A…", "4|5|3|9…"): a
// character, a separator, a character, a separator, a character.
const ONE_BY_ONE_START = /[A-Za-z0-9][.|/_*·:,~+-][A-Za-z0-9][.|/_*·:,~+-][A-Za-z0-9]/g;
/** Fewest characters such a run must have to be joined (shorter ones are initials, dates, paths). */
const ONE_BY_ONE_MIN = 8;
/** Most characters of such a run: a key or a number is shorter; "a.a.a.…" over a page is none. */
const ONE_BY_ONE_MAX = 256;
const isAlnumCode = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * The text with runs of single letters or digits separated by one and the same punctuation mark
 * joined ("A.K.I.A.Q.3.X.R…" → "AKIAQ3XR…", "4|5|3|9|…"); undefined when there are none. One pass.
 */
export function joinOneByOne(text: string): string | undefined {
  const head = text.slice(0, DECODED_BUDGET);
  const parts: string[] = [];
  let copied = 0;
  // The engine finds where a run may start (two separators around single characters); the run is
  // then read on from there.
  ONE_BY_ONE_START.lastIndex = 0;
  for (let found = ONE_BY_ONE_START.exec(head); found !== null; found = ONE_BY_ONE_START.exec(head)) {
    const i = found.index;
    const separator = head[i + 1] as string;
    if (head[i + 3] !== separator || (i > 0 && isAlnumCode(head.charCodeAt(i - 1)))) {
      ONE_BY_ONE_START.lastIndex = i + 1;
      continue;
    }
    let end = i + 1; // one past the last character of the run
    let count = 1;
    // A key's own "-" and "_" are characters of the run too ("g.h.p._.R.8…"), unless they separate it.
    const isRunChar = (code: number) => isAlnumCode(code) || ((code === 45 || code === 95) && code !== separator.charCodeAt(0));
    while (head[end] === separator && isRunChar(head.charCodeAt(end + 1)) && !isRunChar(head.charCodeAt(end + 2))) {
      end += 2;
      count++;
    }
    if (count >= ONE_BY_ONE_MIN && count <= ONE_BY_ONE_MAX) {
      let joined = '';
      for (let k = i; k < end; k += 2) joined += head[k];
      parts.push(head.slice(copied, i), joined);
      copied = end;
    }
    ONE_BY_ONE_START.lastIndex = Math.max(end, i + 1);
  }
  return parts.length === 0 ? undefined : parts.join('') + head.slice(copied);
}

// A symbol between two digits that no one writes inside a number unless hiding it ("4539🔒1488").
// Not the ASCII ones: "1+1=2" and "i<10" are arithmetic, and code is full of them (each would
// have cost a whole second reading of the text).
const SYMBOL_BETWEEN_DIGITS = /(\d)(?:(?=[^\x20-\x7f])[\p{So}\p{Sk}\p{Sm}\p{Co}]){1,2}(?=\d)/gu;

/** The text with symbols between digits read as spaces ("4539🔒1488🔒…" → "4539 1488 …"); undefined when there are none. */
export function symbolsBetweenDigits(text: string): string | undefined {
  const head = text.slice(0, DECODED_BUDGET);
  SYMBOL_BETWEEN_DIGITS.lastIndex = 0;
  if (!SYMBOL_BETWEEN_DIGITS.test(head)) return undefined;
  return head.replace(SYMBOL_BETWEEN_DIGITS, '$1 ');
}

// Short pieces of a key written in groups ("sk-pr oj-Q7 vN2kL …"), four or more in a row.
const GROUPED_RUN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{2,8}(?: [A-Za-z0-9_-]{2,8}){3,}(?![A-Za-z0-9_-])/g;
const SPACES = / /g;
const RANDOM_LOOKING = /\d|[a-z][A-Z]|[A-Z]{2}[a-z]/;
const HAS_LETTER = /[A-Za-z]/;
/** Longest run of groups read as one key (the longest keys are a few hundred characters). */
const GROUPED_MAX = 400;
// A long token with markdown's emphasis or code marks inside ("**sk-proj-**Q7vN…").
const MARKED_TOKEN = /[A-Za-z0-9_.*`~-](?<![A-Za-z0-9_.*`~-].)[A-Za-z0-9_.*`~-]{19,}/g;
const MARKS = /[*`~]/g;

/** Runs of short groups joined, and long tokens without markdown's marks, one per line (TOKENS_BUDGET characters at most). */
export function regroupedTokens(text: string): string[] {
  const out: string[] = [];
  let budget = TOKENS_BUDGET;
  const marked = text.includes('*') || text.includes('`') || text.includes('~');
  for (const pattern of marked ? [GROUPED_RUN, MARKED_TOKEN] : [GROUPED_RUN]) {
    for (const match of text.matchAll(pattern)) {
      if (pattern === MARKED_TOKEN && !match[0].includes('*') && !match[0].includes('`') && !match[0].includes('~')) continue;
      // Groups of a key hold letters with digits or mixed case, and make a key's length: a run of
      // plain words is prose, a run of figures a table.
      if (pattern === GROUPED_RUN && (match[0].length > GROUPED_MAX || !HAS_LETTER.test(match[0]) || !RANDOM_LOOKING.test(match[0]))) continue;
      const joined = (pattern === GROUPED_RUN ? match[0].replace(SPACES, '') : match[0].replace(MARKS, '')).slice(0, budget);
      budget -= joined.length;
      out.push(joined);
      if (budget <= 0) return out;
    }
  }
  return out;
}

/** Every pattern used here, for the linear-time test. */
export const DECODING_PATTERNS: readonly RegExp[] = [CODE_ESCAPE, CHARACTER_REFERENCE, LITERAL_SEAM, SPELLED_WORD, DIGIT_GAP, GROUP_GAP, QP_ESCAPES, QP_SOFT_BREAK, QP_SIGN, ASCII85_BLOCK, BASE64_ONLY, LONG_TOKEN, SYMBOL_BETWEEN_DIGITS, GROUPED_RUN, SPACES, MARKED_TOKEN, MARKS, RANDOM_LOOKING, HAS_LETTER, ONE_BY_ONE_START];
