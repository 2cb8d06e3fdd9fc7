import { ChromaClient } from 'chromadb';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { testEnv } from './index';

describe('test stack', () => {
  const env = testEnv();
  const redis = new Redis(env.redisUrl);
  afterAll(() => redis.disconnect());

  it('gives this run a reachable Redis and its own key prefix', async () => {
    await redis.set(`${env.keyPrefix}probe`, 'ok');
    expect(await redis.get(`${env.keyPrefix}probe`)).toBe('ok');
    expect(env.keyPrefix).toMatch(/^sytest:t[0-9a-z]+:$/);
  });

  it('gives this run a reachable Chroma and its own collection prefix', async () => {
    const url = new URL(env.chromaUrl);
    const chroma = new ChromaClient({ host: url.hostname, port: Number(url.port) });
    const name = `${env.collectionPrefix}probe`;
    const collection = await chroma.getOrCreateCollection({ name, embeddingFunction: null });
    await collection.add({ ids: ['a'], embeddings: [[1, 0, 0]], documents: ['hello'] });
    expect(await collection.count()).toBe(1);
  });
});
