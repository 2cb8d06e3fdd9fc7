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
] as const;
export type Technique = (typeof TECHNIQUES)[number];

/** Techniques that rewrite the characters of a span (the rest work on the whole message). */
export type SpanTechnique = Exclude<Technique, 'base64' | 'hex' | 'split_turns'>;

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
    case 'line_break': {
      // At a separator the newline replaces it; otherwise it splits the value in the middle.
      const { head, tail } = cutPoint(span, separators);
      return `${head}${random.chance(0.8) ? '\n' : '\r\n'}${tail}`;
    }
  }
}

export function toBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

export function toHex(text: string, random: Random): string {
  const hex = Buffer.from(text, 'utf8').toString('hex');
  return random.chance(0.3) ? hex.toUpperCase() : hex;
}
