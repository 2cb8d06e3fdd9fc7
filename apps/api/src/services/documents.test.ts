import { describe, expect, it } from 'vitest';
import { sanitizeDisplayName } from './documents';

describe('sanitizeDisplayName', () => {
  it('drops directories, control, bidi and zero-width characters and leading dots', () => {
    expect(sanitizeDisplayName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeDisplayName('C:\\Users\\ada\\report.pdf')).toBe('report.pdf');
    expect(sanitizeDisplayName('in\u202Ecod.exe\u0000\u200B.txt')).toBe('incod.exe.txt');
    expect(sanitizeDisplayName('..hidden')).toBe('hidden');
  });

  it('caps the length by characters and falls back when nothing is left', () => {
    expect(Array.from(sanitizeDisplayName('é'.repeat(500)))).toHaveLength(200);
    expect(sanitizeDisplayName('\u200B\u0007/')).toBe('untitled');
  });
});
