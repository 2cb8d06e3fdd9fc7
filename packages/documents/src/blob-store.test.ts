import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FsBlobStore } from './blob-store';

describe('FsBlobStore', () => {
  const store = new FsBlobStore(mkdtempSync(path.join(tmpdir(), 'blobs-')));

  it('stores bytes under their sha256 and returns them unchanged', async () => {
    const bytes = new TextEncoder().encode('quarterly report');
    const key = await store.put(bytes);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.put(bytes)).toBe(key);
    expect(new TextDecoder().decode(await store.get(key))).toBe('quarterly report');
    await store.delete(key);
    expect(await store.has(key)).toBe(false);
  });

  it('refuses keys that could escape its directory', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toThrow('invalid blob key');
  });
});
