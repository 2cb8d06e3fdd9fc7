import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('reads TRUST_PROXY as false, a hop count or a list, and refuses a blind true', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => parseEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be false, a hop count/);
  });

  it('names each bad variable on its own line', () => {
    expect(() => parseEnv({ PORT: 'eighty', ADMIN_API_KEY: 'short' })).toThrow(/PORT[\s\S]*\n.*ADMIN_API_KEY must be at least 24/);
  });

  // apps/worker/src/env.test.ts asserts the very same lines: both apps read these settings from @switchyard/runtime.
  it('refuses a bad Redis setting with the same line as the worker', () => {
    expect(() => parseEnv({ REDIS_URL: 'redis host 6379' })).toThrow(/^invalid environment variable REDIS_URL: must be a URL such as redis:\/\/127\.0\.0\.1:6379 \(rediss:\/\/ for TLS\)$/);
    expect(() => parseEnv({ REDIS_CLUSTER_NODES: 'a:7000', REDIS_PREFIX: 'sy:' })).toThrow(
      'invalid environment variable REDIS_PREFIX: must start with a hash tag such as {sy}: on a Redis Cluster, so the keys one operation touches share a slot',
    );
  });

  it('reads the classifier threads and the inline limit as small counts, and refuses anything else', () => {
    expect(parseEnv({})).toMatchObject({ API_CLASSIFY_THREADS: 1, API_CLASSIFY_INLINE_MAX_CHARS: 4000 });
    expect(parseEnv({ API_CLASSIFY_THREADS: '2', API_CLASSIFY_INLINE_MAX_CHARS: '0' })).toMatchObject({ API_CLASSIFY_THREADS: 2, API_CLASSIFY_INLINE_MAX_CHARS: 0 });
    for (const bad of ['0', '-1', '1.5', 'many', '17']) expect(() => parseEnv({ API_CLASSIFY_THREADS: bad })).toThrow(/^invalid environment variable API_CLASSIFY_THREADS: /);
    for (const bad of ['-1', 'lots', '2.5']) expect(() => parseEnv({ API_CLASSIFY_INLINE_MAX_CHARS: bad })).toThrow(/^invalid environment variable API_CLASSIFY_INLINE_MAX_CHARS: /);
  });

  it('asks for the OpenAI key with EMBEDDER=openai at boot, like the worker', () => {
    expect(() => parseEnv({ EMBEDDER: 'openai' })).toThrow('invalid environment variable OPENAI_API_KEY: required when EMBEDDER=openai');
  });
});
