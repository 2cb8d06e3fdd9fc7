// Provider API keys at rest: AES-256-GCM with a 32-byte key from PROVIDER_KEYS_SECRET, a fresh
// 12-byte nonce per value, and the provider id as associated data, so a ciphertext copied onto
// another provider does not decrypt. Stored as `v1.<base64url nonce|tag|ciphertext>`.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** A value that is not ours to read: wrong secret, tampered with, or not a ciphertext at all. */
export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('a SecretBox needs a 32-byte key');
  }

  seal(plaintext: string, context: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([nonce, cipher.getAuthTag(), sealed]).toString('base64url')}`;
  }

  open(value: string, context: string): string {
    const [version, body] = value.split('.');
    if (version !== VERSION || !body) throw new SecretBoxError('not a sealed value');
    const raw = Buffer.from(body, 'base64url');
    if (raw.length < NONCE_BYTES + TAG_BYTES) throw new SecretBoxError('sealed value is too short');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, NONCE_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('cannot decrypt: wrong key or tampered value');
    }
  }
}

/** PROVIDER_KEYS_SECRET as bytes: 64 hex characters, or base64/base64url of exactly 32 bytes. */
export function parseKeysSecret(value: string): Buffer | undefined {
  const trimmed = value.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return bytes.length === 32 ? bytes : undefined;
  }
  return undefined;
}
