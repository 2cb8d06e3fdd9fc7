import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('worker environment', () => {
  it('runs with no configuration at all, on the documented defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: 'sy:',
      CHROMA_URL: 'http://127.0.0.1:8000',
      CHROMA_COLLECTION_PREFIX: 'switchyard_',
      BLOB_DIR: '.data/blobs',
      WORKER_CONCURRENCY: 2,
      CHUNK_SIZE: 1000,
      CHUNK_OVERLAP: 150,
      EMBED_BATCH_SIZE: 32,
      EMBEDDER: 'local',
      MAX_PARSE_MEMORY_MB: 1024,
      EMBED_THREADS: availableParallelism(),
    });
  });

  it('takes the number of embedder threads from EMBED_THREADS, refusing nonsense and settings the OpenAI embedder cannot honour', () => {
    expect(parseEnv({ EMBED_THREADS: '3' }).EMBED_THREADS).toBe(3);
    for (const bad of ['0', '-1', '1.5', 'many', '65']) {
      expect(() => parseEnv({ EMBED_THREADS: bad })).toThrow(/^invalid environment variable EMBED_THREADS: /);
    }
    expect(() => parseEnv({ EMBEDDER: 'openai', OPENAI_API_KEY: 'sk-test', EMBED_THREADS: '2' })).toThrow(
      'invalid environment variable EMBED_THREADS: applies to EMBEDDER=local only (the OpenAI embedder runs no threads); unset it',
    );
  });

  it('names every bad variable on its own line', () => {
    const problems = (source: Record<string, string>) => {
      try {
        parseEnv(source);
        return [];
      } catch (error) {
        return (error as Error).message.split('\n');
      }
    };
    const badValues = problems({ WORKER_CONCURRENCY: 'lots', REDIS_URL: 'not a url', MAX_PARSE_MEMORY_MB: '16' });
    expect(badValues).toHaveLength(3);
    expect(badValues.some((line) => line.startsWith('invalid environment variable MAX_PARSE_MEMORY_MB: '))).toBe(true);
    expect(badValues.some((line) => line.startsWith('invalid environment variable WORKER_CONCURRENCY: '))).toBe(true);
    expect(badValues.some((line) => line.startsWith('invalid environment variable REDIS_URL: '))).toBe(true);

    expect(problems({ CHUNK_SIZE: '500', CHUNK_OVERLAP: '600', EMBEDDER: 'openai' })).toEqual([
      'invalid environment variable OPENAI_API_KEY: required when EMBEDDER=openai',
      'invalid environment variable CHUNK_OVERLAP: must be smaller than CHUNK_SIZE',
    ]);
  });

  it('accepts an OpenAI embedder with its key, and never prints the key', () => {
    const env = parseEnv({ EMBEDDER: 'openai', OPENAI_API_KEY: 'sk-test-secret' });
    expect(env.EMBEDDER).toBe('openai');
    expect(() => parseEnv({ EMBEDDER: 'openai', OPENAI_API_KEY: 'sk-test-secret', CHUNK_SIZE: 'x' })).toThrow(/^(?!.*sk-test-secret)/s);
  });

  // apps/api/src/env.test.ts asserts the very same lines: both apps read these settings from @switchyard/runtime.
  it('refuses a bad Redis setting with the same line as the API', () => {
    expect(() => parseEnv({ REDIS_URL: 'redis host 6379' })).toThrow(/^invalid environment variable REDIS_URL: must be a URL such as redis:\/\/127\.0\.0\.1:6379 \(rediss:\/\/ for TLS\)$/);
    expect(() => parseEnv({ REDIS_CLUSTER_NODES: 'a:7000', REDIS_PREFIX: 'sy:' })).toThrow(
      'invalid environment variable REDIS_PREFIX: must start with a hash tag such as {sy}: on a Redis Cluster, so the keys one operation touches share a slot',
    );
  });
});
