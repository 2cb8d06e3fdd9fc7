import { describe, expect, it } from 'vitest';
import { DECODE_BUDGET, decodeHidden, despace, detectionTexts, normalizeText, percentDecode } from './normalize';

describe('normalizeText', () => {
  it.each([
    ['full-width letters and digits (NFKC)', 'ＡＫＩＡ１２３', 'AKIA123'],
    ['zero-width characters', '4\u200b1\u200c1\u200d1\ufeff1', '41111'],
    ['soft hyphens and word joiners', 'ma\u00adria\u2060@x.io', 'maria@x.io'],
    ['bidi controls and variation selectors', '\u202e12\u202c3\u200e4\ufe0f5\u2066', '12345'],
    ['tag characters decode to the ASCII they hide', 'see \u{E0073}\u{E006B}\u{E002D}\u{E0031}', 'see sk-1'],
    ['Cyrillic and Greek look-alikes map to Latin', 'раѕѕwоrd Αlice', 'password Alice'],
    ['dash variants become a hyphen', '536\u201322\u20148411 \u2212 1', '536-22-8411 - 1'],
    ['space variants become a space', '4111\u00a01111\u20091111\u202f1111\u30001', '4111 1111 1111 1111 1'],
    ['digits of other scripts become ASCII digits', '٤١١١ ४१११', '4111 4111'],
    ['line separators and CRLF become a line break', 'a\r\nb\u2028c\rd', 'a\nb\nc\nd'],
    ['curly quotes become straight ones', '\u201cpw\u201d \u2018x\u2019', '"pw" \'x\''],
    ['accents fold (detection only)', 'contraseña Straße', 'contrasena Strasse'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('leaves plain ASCII untouched', () => {
    const text = 'Plain text, with 1234 and symbols: @#$%^&*()\n\tnext line';
    expect(normalizeText(text)).toBe(text);
  });
});

describe('despace', () => {
  it('joins characters spaced out one by one, keeping wider gaps as word breaks', () => {
    expect(despace('card 4 1 1 1  1 1 1 1 now')).toContain('card 4111 1111 now');
    expect(despace('mail a l i c e @ x . i o, thanks')).toContain('mail alice@x.io, thanks');
  });

  it('keeps a one-letter word in front of a spaced run apart in a second view', () => {
    expect(despace('a senha e f @ l c 0 n')).toEqual(expect.arrayContaining(['a senha e f@lc0n']));
  });

  it('joins a token broken by a line break, but not two lines of words', () => {
    expect(despace('key ghp_0ACdgIy73x\nNtOWBHajOA here')).toEqual(['key ghp_0ACdgIy73xNtOWBHajOA here']);
    expect(despace('Jane Doe\nHead of Communications')).toEqual([]);
  });

  it('returns nothing when there is nothing to join', () => {
    expect(despace('An ordinary sentence with words.')).toEqual([]);
  });
});

describe('decodeHidden', () => {
  it('decodes base64 and hex runs that hold text', () => {
    expect(decodeHidden(`log: ${Buffer.from('my SSN is 536-22-8411').toString('base64')}`)).toBe('my SSN is 536-22-8411');
    expect(decodeHidden(`hex ${Buffer.from('password: hunter22').toString('hex')}`)).toBe('password: hunter22');
  });

  it('decodes a second level (base64 of hex)', () => {
    const inner = Buffer.from('card 4111 1111 1111 1111').toString('hex');
    expect(decodeHidden(Buffer.from(inner).toString('base64'))).toContain('card 4111 1111 1111 1111');
  });

  it('decodes a run whose first characters belong to a URL, or whose last line is prose', () => {
    const key = 'gho_aRt88WnJLe5oFvgWBO3jkEZ3JS0JBQXTDaSO';
    expect(decodeHidden(`https://${Buffer.from(key).toString('base64')}@github.com/acme`)).toBe(key);
    const hex = Buffer.from('password: hunter22').toString('hex');
    expect(decodeHidden(`${hex}\n\nPermissions`)).toBe('password: hunter22');
    expect(decodeHidden(`${hex}\nPermissions`)).toBe('password: hunter22');
  });

  it('ignores identifiers, hashes and figures that are not encoded text', () => {
    expect(decodeHidden('internationalization deadbeefcafebabe0123456789abcdef 12345678901234567890')).toBeUndefined();
  });

  it('decodes at most DECODE_BUDGET characters however long the input', () => {
    const hidden = Buffer.from('secret: hunter22 ').toString('base64');
    const decoded = decodeHidden(`${hidden} `.repeat(20_000)) ?? '';
    expect(decoded.length).toBeLessThanOrEqual(DECODE_BUDGET);
    expect(decoded.length).toBeGreaterThan(0);
  });
});

describe('detectionTexts', () => {
  it('gives the canonical text first, then the joined and decoded views', () => {
    const texts = detectionTexts(`x ${Buffer.from('a l i c e @ x . i o').toString('base64')}`);
    expect(texts[0]).toMatch(/^x /);
    expect(texts).toContain('alice@x.io');
  });
});

describe('percentDecode', () => {
  it('decodes URL escapes, single and multi-byte, and leaves broken ones as written', () => {
    expect(percentDecode('token%3Dsk-abc%20x')).toBe('token=sk-abc x');
    expect(percentDecode('caf%C3%A9')).toBe('café');
    expect(percentDecode('%E9 alone')).toBeUndefined();
    expect(percentDecode('100% sure')).toBeUndefined();
  });

  it('adds the decoded text as a view', () => {
    expect(detectionTexts('q=a%40b.io')).toContain('q=a@b.io');
  });
});
