import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { blobStoreEnv, checkSharedEnv, chromaEnv, embedderEnv, loggingEnv, parseEnvWith, redisEnv, uploadEnv } from './env';

// An app's schema the way apps/api and apps/worker build theirs.
const appSchema = z.object({ ...loggingEnv, ...redisEnv, ...chromaEnv, ...blobStoreEnv, ...embedderEnv, ...uploadEnv }).superRefine((env, ctx) => checkSharedEnv(env, ctx));

describe('the shared environment', () => {
  it('starts on the documented defaults with nothing set', () => {
    expect(parseEnvWith(appSchema, {})).toMatchObject({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: 'sy:',
      CHROMA_URL: 'http://127.0.0.1:8000',
      BLOB_DIR: '.data/blobs',
      BLOB_STORE: 'fs',
      EMBEDDER: 'local',
      MAX_UPLOAD_BYTES: 25 * 1024 * 1024,
    });
  });

  it('refuses bad settings with one line each, naming the variable and never echoing its value', () => {
    const secret = 'redis://:hunter2-in-the-url@';
    let message = '';
    try {
      parseEnvWith(appSchema, { REDIS_URL: secret, CHROMA_URL: 'chroma', EMBEDDER: 'openai', LOG_LEVEL: 'loud' });
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^invalid environment variable LOG_LEVEL: /),
        'invalid environment variable CHROMA_URL: must be a URL such as http://127.0.0.1:8000',
        'invalid environment variable REDIS_URL: must be a URL such as redis://127.0.0.1:6379 (rediss:// for TLS)',
      ]),
    );
    expect(message).not.toContain('hunter2');
  });

  it('asks for the OpenAI key when the OpenAI embedder is chosen', () => {
    expect(() => parseEnvWith(appSchema, { EMBEDDER: 'openai' })).toThrow('invalid environment variable OPENAI_API_KEY: required when EMBEDDER=openai');
    expect(parseEnvWith(appSchema, { EMBEDDER: 'openai', OPENAI_API_KEY: 'sk-test' }).EMBEDDER).toBe('openai');
  });
});
