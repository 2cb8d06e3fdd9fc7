import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKeysSecret, SecretBox, SecretBoxError } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, and the sealed value shows nothing of the key', () => {
    const sealed = box.seal('sk-live-very-secret-key-1234', 'openai-eu');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain('secret');
    expect(box.open(sealed, 'openai-eu')).toBe('sk-live-very-secret-key-1234');
    expect(box.seal('same', 'p')).not.toBe(box.seal('same', 'p'));
  });

  it('refuses another key, another provider, a tampered value, and garbage', () => {
    const sealed = box.seal('sk-key', 'openai-eu');
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'openai-eu')).toThrow(SecretBoxError);
    expect(() => box.open(sealed, 'anthropic')).toThrow(SecretBoxError);
    const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.at(-1)}`;
    expect(() => box.open(flipped, 'openai-eu')).toThrow(SecretBoxError);
    for (const junk of ['', 'v1.', 'v2.abcd', 'plain-text-key', 'v1.AAAA']) expect(() => box.open(junk, 'x')).toThrow(SecretBoxError);
  });
});

describe('parseKeysSecret', () => {
  it('takes 64 hex characters or base64 of 32 bytes, nothing else', () => {
    const bytes = randomBytes(32);
    expect(parseKeysSecret(bytes.toString('hex'))?.equals(bytes)).toBe(true);
    expect(parseKeysSecret(bytes.toString('base64'))?.equals(bytes)).toBe(true);
    expect(parseKeysSecret(bytes.toString('base64url'))?.equals(bytes)).toBe(true);
    for (const bad of ['', 'short', 'a'.repeat(63), randomBytes(16).toString('hex'), randomBytes(31).toString('base64'), 'correct horse battery staple and more words']) {
      expect(parseKeysSecret(bad)).toBeUndefined();
    }
  });
});
