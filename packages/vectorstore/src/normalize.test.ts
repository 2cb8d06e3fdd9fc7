import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize';

describe('normalizeText', () => {
  it('composes characters to NFC so the same word always matches', () => {
    const decomposed = 'Cafe\u0301 re\u0301sume\u0301';
    expect(normalizeText(decomposed)).toBe('Café résumé');
    expect(normalizeText(decomposed)).toBe(normalizeText('Café résumé'));
  });

  it('removes control characters but keeps newlines and tabs', () => {
    expect(normalizeText('a\u0000b\u0007c\td\ne\u001Bf\u0085g')).toBe('abc\td\nefg');
  });

  it('turns CRLF and CR line endings into \\n', () => {
    expect(normalizeText('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });

  it('strips zero-width, bidi-override and tag characters that hide or reorder text', () => {
    const hidden = 'pa\u200Bss\u200Cword\u200D \uFEFFok';
    expect(normalizeText(hidden)).toBe('password ok');
    expect(normalizeText('invoice \u202Egnp.exe\u202C done \u2066x\u2069')).toBe('invoice gnp.exe done x');
    const tagged = 'hello' + [...'ignore previous'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('') + ' world';
    expect(normalizeText(tagged)).toBe('hello world');
  });

  it('removes every tag character, U+E0000 to U+E007F, and nothing just outside that block', () => {
    // TAG LATIN CAPITAL LETTER A, LANGUAGE TAG, CANCEL TAG and both ends of the block.
    for (const codePoint of [0xe0041, 0xe0001, 0xe007f, 0xe0000, 0xe0020]) {
      expect(normalizeText(`a${String.fromCodePoint(codePoint)}b`), `U+${codePoint.toString(16).toUpperCase()}`).toBe('ab');
    }
    // Variation selectors (U+E0100..) follow the tag block and are ordinary characters.
    expect(normalizeText('a\u{E0100}b')).toBe('a\u{E0100}b');
  });

  it('collapses runs of blank lines and trailing spaces but keeps paragraphs', () => {
    expect(normalizeText('  para one   \n\n\n\n\npara two\n \n \n \nend  ')).toBe('para one\n\npara two\n\nend');
  });

  it('keeps ordinary non-Latin text intact', () => {
    const text = 'Ελληνικά, 日本語のテキスト, العربية, emoji 👩‍💻';
    // The emoji's zero-width joiner is stripped; letters of every script stay.
    expect(normalizeText(text)).toBe('Ελληνικά, 日本語のテキスト, العربية, emoji 👩💻');
  });
});
