// The keyword index on a real Redis Cluster (three primaries): each collection's keys share one
// slot through the deployment's hash-tag prefix, and its scripts must reach the node owning that
// slot. Collections under many tags spread over all three nodes, so a script sent to the wrong
// node ("non local key") would fail here for about two collections in three.
import { uniqueId } from '@switchyard/testing';
import { startRedisCluster, type TestRedisCluster } from '@switchyard/testing/redis-cluster';
import { Cluster, type Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisKeywordIndex } from './keyword-index';

let cluster: TestRedisCluster;
let client: Cluster;

beforeAll(async () => {
  cluster = await startRedisCluster();
  client = new Cluster(cluster.nodes, { redisOptions: { maxRetriesPerRequest: 2 } });
}, 60_000);

afterAll(async () => {
  await client?.quit().catch(() => undefined);
  await cluster?.stop();
});

describe('RedisKeywordIndex on a Redis Cluster', () => {
  it('indexes, finds, removes and drops the chunks of collections whose keys live on every node', async () => {
    const nodesUsed = new Set<string>();
    for (let index = 0; index < 9; index++) {
      const prefix = `{${uniqueId('tenant')}}:`;
      // The ioredis Cluster client speaks the same commands as a single-node client.
      const keywords = new RedisKeywordIndex(client as unknown as Redis, prefix);
      const collectionId = uniqueId('kw');
      const slot = Number(await client.call('CLUSTER', 'KEYSLOT', `${prefix}kw:${collectionId}:meta`));
      nodesUsed.add(String(Math.floor(slot / (16384 / 3))));

      await keywords.add(collectionId, [
        { id: 'd1:0', terms: ['failover', 'replica'] },
        { id: 'd1:1', terms: ['refund'] },
      ]);
      const found = await keywords.lookup(collectionId, ['failover', 'refund', 'absent'], 10);
      expect(found.indexedChunks).toBe(2);
      expect(found.terms.map((term) => term.ids)).toEqual([['d1:0'], ['d1:1'], []]);
      expect(await keywords.remove(collectionId, ['d1:1'])).toBe(1);
      expect((await keywords.lookup(collectionId, ['refund'], 10)).indexedChunks).toBe(1);
      await keywords.drop(collectionId);
      expect(await keywords.lookup(collectionId, ['failover'], 10)).toEqual({ indexedChunks: 0, terms: [{ term: 'failover', count: 0, ids: [], common: false }] });
    }
    // The collections really were spread: not every one on the node a stray script would reach.
    expect(nodesUsed.size).toBeGreaterThan(1);
  }, 60_000);
});
