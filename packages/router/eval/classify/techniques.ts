// The ways people and pasted text hide or mangle a sensitive value, from issue 12. Each
// technique rewrites one span of a message (the value, or a key phrase); `base64`, `hex` and
// `split_turns` rework the whole message and are applied in dataset.ts.
import type { Random } from './random';

export const TECHNIQUES = [
  'plain',
  'zero_width',
  'soft_hyphen',
  'word_joiner',
  'fullwidth',
  'spaced',
  'nbsp_separator',
  'en_dash_separator',
  'homoglyph',
  'tag_characters',
  'line_break',
  'base64',
  'hex',
  'split_turns',
  // Added after the first release of the benchmark: encodings code, markup and mail carry, and
  // the rewrites red-team tools try (garak's encoding probes: base32, quoted-printable, ROT13).
  'code_escape',
  'html_entities',
  'url_encoded',
  'spelled_digits',
  'base32',
  'quoted_printable',
  'string_concat',
  'reversed',
  'rot13',
] as const;
export type Technique = (typeof TECHNIQUES)[number];

/** Techniques that rewrite the characters of a span (the rest work on the whole message). */
export type SpanTechnique = Exclude<Technique, 'base64' | 'hex' | 'split_turns' | WholeMessageTechnique>;
/** Techniques (added later) that rework the whole message or the value in dataset.ts. */
export type WholeMessageTechnique = 'base32' | 'quoted_printable' | 'string_concat' | 'reversed' | 'rot13';

const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\ufeff'];

function between(text: string, pick: () => string): string {
  const chars = [...text];
  return chars.map((ch, i) => (i < chars.length - 1 && ch !== '\n' ? ch + pick() : ch)).join('');
}

/** Separators inside a value: a space or hyphen between two letters or digits. */
const SEPARATOR = /(?<=[\p{L}\p{N}])[ -](?=[\p{L}\p{N}])/gu;

export function hasSeparators(text: string): boolean {
  return new RegExp(SEPARATOR.source, 'u').test(text);
}

// Look-alikes that UTS #39 maps back to the same Latin letter (so a normaliser can undo them).
// Left out on purpose: I/l/1 and O/0 look-alikes, which the skeleton folds together.
const CYRILLIC: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', s: 'ѕ', j: 'ј', h: 'һ',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', S: 'Ѕ', J: 'Ј',
};
const GREEK: Record<string, string> = {
  o: 'ο', v: 'ν', A: 'Α', B: 'Β', E: 'Ε', Z: 'Ζ', H: 'Η', K: 'Κ', M: 'Μ', N: 'Ν', O: 'Ο', P: 'Ρ', T: 'Τ', X: 'Χ', Y: 'Υ',
};

/** Swaps Latin letters for Cyrillic or Greek look-alikes; returns the text unchanged when it has none. */
export function homoglyphs(text: string, random: Random): string {
  const table = random.chance(0.65) ? CYRILLIC : GREEK;
  const chars = [...text];
  const swappable = chars.map((ch, i) => (table[ch] ? i : -1)).filter((i) => i >= 0);
  if (swappable.length === 0) return text;
  const chosen = new Set(swappable.filter(() => random.chance(0.6)));
  if (chosen.size === 0) chosen.add(random.pick(swappable));
  return chars.map((ch, i) => (chosen.has(i) ? (table[ch] ?? ch) : ch)).join('');
}

export function fullwidth(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if (code >= 0x21 && code <= 0x7e) return String.fromCodePoint(code + 0xfee0);
      return ch === ' ' ? '\u3000' : ch;
    })
    .join('');
}

/** ASCII smuggling: each ASCII character becomes its invisible Unicode tag (U+E0000 + code). */
export function tagCharacters(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code >= 0x20 && code <= 0x7e ? String.fromCodePoint(0xe0000 + code) : ch;
    })
    .join('');
}

/**
 * Where to cut a value in two: at the separator nearest the middle (which the cut replaces), else
 * the middle. A value without separators (a key, a token, a password) is only ever cut in the
 * middle: a hyphen inside "glpat-…" or "AIza…-…" is a character of the key, and dropping it would
 * make a shorter key than the vendor issues.
 */
export function cutPoint(text: string, separators = true): { head: string; tail: string; atSeparator: boolean } {
  const middle = Math.floor(text.length / 2);
  let best = -1;
  for (const match of separators ? text.matchAll(SEPARATOR) : []) {
    if (best < 0 || Math.abs(match.index - middle) < Math.abs(best - middle)) best = match.index;
  }
  if (best > 0 && Math.abs(best - middle) <= text.length / 4) return { head: text.slice(0, best), tail: text.slice(best + 1), atSeparator: true };
  return { head: text.slice(0, middle), tail: text.slice(middle), atSeparator: false };
}

/** The spaces of a phrase as NBSP (sometimes a narrow NBSP or a figure space), as word processors paste them. */
export function nbspBetweenWords(phrase: string, random: Random): string {
  return phrase.replace(/ /g, () => (random.chance(0.75) ? '\u00a0' : random.pick(['\u202f', '\u2007'])));
}

/** Rewrites `span` with a character-level technique (`separators`: may the value's spaces and hyphens be treated as separators?). */
export function obfuscateSpan(span: string, technique: SpanTechnique, random: Random, separators = true): string {
  switch (technique) {
    case 'plain':
      return span;
    case 'zero_width': {
      const one = random.pick(ZERO_WIDTH);
      return between(span, () => (random.chance(0.7) ? one : random.pick(ZERO_WIDTH)));
    }
    case 'soft_hyphen':
      return between(span, () => '\u00ad');
    case 'word_joiner':
      return between(span, () => '\u2060');
    case 'fullwidth':
      return fullwidth(span);
    case 'spaced':
      // Groups stay visible as wider gaps ("1 5 3   1 6   2 7 1 5"): spacing out must not erase the SSN's shape.
      return span
        .split(' ')
        .map((group) => [...group].join(' '))
        .join('   ');
    case 'nbsp_separator':
      return span.replace(SEPARATOR, () => (random.chance(0.75) ? '\u00a0' : random.pick(['\u202f', '\u2007'])));
    case 'en_dash_separator':
      return span.replace(SEPARATOR, () => (random.chance(0.75) ? '\u2013' : random.pick(['\u2014', '\u2012', '\u2212'])));
    case 'homoglyph':
      return homoglyphs(span, random);
    case 'tag_characters':
      return tagCharacters(span);
    case 'code_escape':
      return codeEscapes(span, random);
    case 'html_entities':
      return characterReferences(span, random);
    case 'url_encoded':
      return [...span].map((ch) => [...Buffer.from(ch, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('')).join('');
    case 'spelled_digits':
      return spellDigits(span, random);
    case 'line_break': {
      // At a separator the newline replaces it; otherwise it splits the value in the middle.
      const { head, tail } = cutPoint(span, separators);
      return `${head}${random.chance(0.8) ? '\n' : '\r\n'}${tail}`;
    }
  }
}

/** Each character as a code escape: JSON's "\\u0073" or Python's "\\x73" (one style per value). */
function codeEscapes(span: string, random: Random): string {
  const python = random.chance(0.4);
  return [...span]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if (python && code < 0x80) return `\\x${code.toString(16).padStart(2, '0')}`;
      if (code > 0xffff) return `\\u{${code.toString(16)}}`;
      return `\\u${code.toString(16).padStart(4, '0')}`;
    })
    .join('');
}

const NAMED_REFERENCES: Record<string, string> = { '@': '&commat;', '.': '&period;', '-': '&hyphen;', _: '&lowbar;', ':': '&colon;', '/': '&sol;', ' ': '&nbsp;' };

/** Each character as an HTML character reference: decimal, hex or (for some punctuation) named. */
function characterReferences(span: string, random: Random): string {
  const hex = random.chance(0.4);
  return [...span]
    .map((ch) => {
      const named = NAMED_REFERENCES[ch];
      if (named && random.chance(0.5)) return named;
      const code = ch.codePointAt(0) ?? 0;
      return hex ? `&#x${code.toString(16)};` : `&#${code};`;
    })
    .join('');
}

const DIGIT_NAMES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Digits spelled out ("536-22-8741" → "five three six, two two, eight seven four one"), a group per comma or "dash". */
export function spellDigits(span: string, random: Random): string {
  const groupWord = random.pick([', ', ' dash ', ' - ']);
  return span
    .split(/[\s\-./]+/)
    .filter((group) => group !== '')
    .map((group) => [...group].map((ch) => (ch >= '0' && ch <= '9' ? DIGIT_NAMES[Number(ch)] : ch === '+' ? 'plus' : ch)).join(' '))
    .join(groupWord);
}

/** RFC 4648 base32, padded. */
export function toBase32(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const byte of Buffer.from(text, 'utf8')) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out.padEnd(Math.ceil(out.length / 8) * 8, '=');
}

/**
 * Quoted-printable (RFC 2045) as a mail body carries it: "=" and non-ASCII bytes escaped, lines
 * broken with a soft break ("=" at the end) before 76 characters, and one soft break at `cut`
 * (where an encoder wrapping the line would have put it inside the value).
 */
export function toQuotedPrintable(text: string, cut: number): string {
  const escape = (ch: string) =>
    ch === '=' || ch.charCodeAt(0) > 0x7e ? [...Buffer.from(ch, 'utf8')].map((byte) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('') : ch;
  const lines: string[] = [];
  let line = '';
  [...text].forEach((ch, i) => {
    if (i === cut || line.length >= 72) {
      lines.push(`${line}=`);
      line = '';
    }
    if (ch === '\n') {
      lines.push(line);
      line = '';
      return;
    }
    line += escape(ch);
  });
  lines.push(line);
  return lines.join('\n');
}

/** A key split into two or three string literals joined the way code joins them. */
export function concatenated(value: string, random: Random): string {
  const pieces = random.chance(0.5) ? 2 : 3;
  const size = Math.ceil(value.length / pieces);
  const parts = Array.from({ length: pieces }, (_, i) => value.slice(i * size, (i + 1) * size)).filter((part) => part !== '');
  const quote = random.pick(['"', "'"]);
  const joiner = random.pick([' + ', ' +\n    ', '\n    ', ' . ', ' .. ']);
  return parts.map((part) => `${quote}${part}${quote}`).join(joiner);
}

export function reverseText(text: string): string {
  return [...text].reverse().join('');
}

export function rot13Text(text: string): string {
  return text.replace(/[A-Za-z]/g, (ch) => {
    const base = ch <= 'Z' ? 65 : 97;
    return String.fromCharCode(((ch.charCodeAt(0) - base + 13) % 26) + base);
  });
}

export function toBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function toHex(text: string, random: Random): string {
  const hex = Buffer.from(text, 'utf8').toString('hex');
  return random.chance(0.3) ? hex.toUpperCase() : hex;
}
