// Vitest global setup for integration tests: makes sure Redis and Chroma are up (with the
// launcher's own code), gives this run its own key and collection prefixes, and removes
// everything the run created afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureChroma, ensureRedis, type ManagedService } from '@switchyard/stack';
import { ChromaClient } from 'chromadb';
import { Redis } from 'ioredis';
import { publishTestEnv, testServiceUrls, type TestEnv } from './env';

const { redisUrl, chromaUrl } = testServiceUrls();
const repoRoot = path.resolve(import.meta.dirname, '../../..');

const started: ManagedService[] = [];
let env: TestEnv | undefined;

export async function setup(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[test-stack] ${line}\n`);
  const redis = await ensureRedis({ url: redisUrl, dataDir: path.join(repoRoot, '.data/test/redis'), log });
  if (redis.startedByUs) started.push(redis);
  const chroma = await ensureChroma({ url: chromaUrl, dataDir: path.join(repoRoot, '.data/test/chroma'), log }).catch(async (error: unknown) => {
    await redis.stop();
    throw error;
  });
  if (chroma.startedByUs) started.push(chroma);
  const runId = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  env = {
    redisUrl,
    chromaUrl,
    keyPrefix: `sytest:${runId}:`,
    collectionPrefix: `${runId}_`,
    dataDir: mkdtempSync(path.join(tmpdir(), `switchyard-${runId}-`)),
  };
  publishTestEnv(env);
}

export async function teardown(): Promise<void> {
  if (env) {
    const redis = new Redis(env.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.keyPrefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.unlink(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    const url = new URL(env.chromaUrl);
    const chroma = new ChromaClient({ host: url.hostname, port: Number(url.port), ssl: url.protocol === 'https:' });
    const collections = await chroma.listCollections({ limit: 10_000 }).catch(() => []);
    for (const collection of collections) {
      if (collection.name.startsWith(env.collectionPrefix)) {
        await chroma.deleteCollection({ name: collection.name }).catch(() => undefined);
      }
    }
    rmSync(env.dataDir, { recursive: true, force: true });
  }
  await Promise.all(started.map((service) => service.stop()));
}
