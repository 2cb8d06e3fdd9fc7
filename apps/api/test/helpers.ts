// Builds the real app against the test run's Redis and Chroma, isolated per call by its own
// Redis key prefix, Chroma collection prefix and blob directory.
import path from 'node:path';
import { testEnv, uniqueId, waitForValue as waitFor } from '@switchyard/testing';
import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { createApp } from '../src/app';
import { createServices, type ServiceOverrides, type Services } from '../src/composition';
import { parseEnv, type Env } from '../src/env';

export interface TestApp {
  /** The services the app was built from (composition.ts). */
  ctx: Services;
  app: Express;
  env: Env;
  close: () => Promise<void>;
}

export async function buildTestApp(variables: Record<string, string> = {}, overrides: ServiceOverrides = {}): Promise<TestApp> {
  const stack = testEnv();
  const run = uniqueId('api');
  const env = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    REDIS_URL: stack.redisUrl,
    REDIS_PREFIX: `${stack.keyPrefix}${run}:`,
    CHROMA_URL: stack.chromaUrl,
    CHROMA_COLLECTION_PREFIX: `${stack.collectionPrefix}${run}_`,
    BLOB_DIR: path.join(stack.dataDir, run, 'blobs'),
    ...variables,
  });
  const ctx = await createServices(env, overrides);
  return { ctx, app: createApp(ctx), env, close: () => ctx.close() };
}

export interface SignedUp {
  token: string;
  user: { id: string; email: string; role: 'admin' | 'user' };
}

export async function signup(app: Express, email = `${uniqueId('u')}@example.com`, password = 'correct horse battery'): Promise<SignedUp> {
  const response = await request(app).post('/api/auth/signup').send({ email, password });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as SignedUp;
}

/** Asserts the one error shape and returns the code. */
export function errorCode(response: request.Response): string {
  expect(response.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  return (response.body as { error: { code: string } }).error.code;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Polls until the probe returns a value; fails after the deadline (shared test tooling). */
export { waitFor };
