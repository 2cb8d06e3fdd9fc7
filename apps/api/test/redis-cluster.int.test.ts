// The API and a real worker process on a Redis Cluster (three primaries on loopback, every slot
// assigned) instead of one Redis node: sessions, ingestion with its progress events (pub/sub),
// the answer cache, and a rate limit shared by two API replicas. Every key lives under the
// deployment's hash tag (REDIS_PREFIX `{…}:`), so the transactions, Lua scripts and BullMQ's
// scripts stay within one slot; nothing reaches the test run's single Redis.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatResponseSchema, documentEventSchema, parseServerSentEvents, type DocumentEvent } from '@switchyard/client';
import { DEFAULT_REDIS_URL } from '@switchyard/redis';
import { testEnv, uniqueId } from '@switchyard/testing';
import { startRedisCluster, type TestRedisCluster } from '@switchyard/testing/redis-cluster';
import { Redis } from 'ioredis';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, errorCode, signup, waitFor, type SignedUp, type TestApp } from './helpers';
import { startWorkerProcess, type WorkerProcess } from './worker-process';

const RUNBOOK = `# On-call runbook

When the payment service pages, first check the queue depth on the dashboard. A depth above ten
thousand means the consumers are stuck: restart them one at a time, never all at once. If the
database is the cause, fail over to the replica in the second region and tell the incident channel.
Refunds that failed during an incident are retried automatically within four hours.
`;

describe('api and worker on a Redis Cluster', () => {
  let cluster: TestRedisCluster;
  let variables: Record<string, string>;
  let t: TestApp;
  let worker: WorkerProcess | undefined;
  let server: http.Server;
  let baseUrl: string;
  let user: SignedUp;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    variables = {
      REDIS_URL: DEFAULT_REDIS_URL, // unset: the cluster nodes replace it
      REDIS_CLUSTER_NODES: cluster.clusterNodes,
      REDIS_PREFIX: `{${uniqueId('sy')}}:`,
      ALLOW_SIGNUP: 'true',
      RATE_LIMIT_PER_MINUTE: '100000',
    };
    t = await buildTestApp(variables);
    user = await signup(t.app);
    server = http.createServer(t.app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const started = startWorkerProcess(t.env, { REDIS_CLUSTER_NODES: cluster.clusterNodes });
    worker = started;
    await waitFor(
      'the worker process to come up on the cluster (GET /ready answering 200)',
      async () => {
        if (started.child.exitCode !== null) throw new Error(`the worker exited early:\n${started.output()}`);
        return (await request(t.app).get('/ready')).status === 200;
      },
      90_000,
      250,
    );
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
    await cluster?.stop();
  });

  it('signs up, logs in and out: a session works until logout, then is refused', async () => {
    const email = `${uniqueId('c')}@example.com`;
    const password = `${uniqueId('pass')}-${uniqueId('phrase')}`;
    await signup(t.app, email, password);
    const login = await request(t.app).post('/api/auth/login').send({ email, password });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    expect((await request(t.app).get('/api/auth/me').set(bearer(token))).status).toBe(200);
    expect((await request(t.app).post('/api/auth/logout').set(bearer(token))).status).toBeLessThan(300);
    const after = await request(t.app).get('/api/auth/me').set(bearer(token));
    expect(after.status).toBe(401);
  }, 60_000);

  it('indexes an upload through the queue, streams its progress, and answers a repeated question from the cache', async () => {
    await t.ctx.ingestQueue.pause();
    const uploaded = await request(t.app).post('/api/documents').set(bearer(user.token)).attach('files', Buffer.from(RUNBOOK), 'runbook.md');
    expect(uploaded.status).toBe(202);
    const { id } = uploaded.body.documents[0] as { id: string };

    // Progress events travel over Redis pub/sub on the cluster to this API's subscriber.
    const response = await fetch(`${baseUrl}/api/documents/${id}/events`, { headers: bearer(user.token), signal: AbortSignal.timeout(60_000) });
    expect(response.status).toBe(200);
    const events: DocumentEvent[] = [];
    const reading = (async () => {
      for await (const event of parseServerSentEvents(response, AbortSignal.timeout(60_000))) {
        if (event.event === 'status') events.push(documentEventSchema.parse(JSON.parse(event.data)));
      }
    })();
    await waitFor('the first status event', async () => events.length > 0);
    await t.ctx.ingestQueue.resume();
    await reading;
    expect(events[0]).toMatchObject({ id, status: 'queued' });
    expect(events.at(-1)).toMatchObject({ id, status: 'ready', progress: 100 });
    expect(events.at(-1)!.chunks).toBeGreaterThan(0);

    const question = { message: 'What should I do when the queue depth is above ten thousand?', useDocuments: true, complexity: 'simple' };
    const firstResponse = await request(t.app).post('/api/chat').set(bearer(user.token)).send(question);
    expect(firstResponse.status, JSON.stringify(firstResponse.body)).toBe(200);
    const first = chatResponseSchema.parse(firstResponse.body);
    expect(first.cached).toBe(false);
    expect(first.citations.map((citation) => citation.documentId), `the route said: ${first.route.reasons.join('; ')}`).toContain(id);
    // Search's default scope reads the caller's collections with their index states in one script.
    const searched = await request(t.app).post('/api/search').set(bearer(user.token)).send({ query: question.message });
    expect(searched.status, JSON.stringify(searched.body)).toBe(200);
    expect(searched.body.hits.map((hit: { documentId: string }) => hit.documentId)).toContain(id);
    // The cache entry is written once the answer has gone out: ask again until it is there.
    let second = first;
    await waitFor('the repeated question to be answered from the cache', async () => {
      second = chatResponseSchema.parse((await request(t.app).post('/api/chat').set(bearer(user.token)).send(question)).body);
      return second.cached;
    });
    expect(second.answer).toBe(first.answer);
  }, 90_000);

  it('counts a rate limit across two API replicas sharing the cluster', async () => {
    const replicaA = await buildTestApp({ ...variables, REDIS_PREFIX: t.env.REDIS_PREFIX, RATE_LIMIT_PER_MINUTE: '3' });
    const replicaB = await buildTestApp({ ...variables, REDIS_PREFIX: t.env.REDIS_PREFIX, RATE_LIMIT_PER_MINUTE: '3' });
    // A user of its own: its count starts at zero whatever the other tests sent.
    const limitedUser = await signup(t.app);
    try {
      const list = (app: TestApp) => request(app.app).get('/api/documents').set(bearer(limitedUser.token));
      expect((await list(replicaA)).status).toBe(200);
      expect((await list(replicaB)).status).toBe(200);
      expect((await list(replicaA)).status).toBe(200);
      const limited = await list(replicaB);
      expect(limited.status).toBe(429);
      expect(errorCode(limited)).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await replicaA.close();
      await replicaB.close();
    }
  }, 60_000);

  it('keeps every key on the cluster: none reaches the single test Redis', async () => {
    const single = new Redis(testEnv().redisUrl);
    try {
      expect(await single.keys(`${t.env.REDIS_PREFIX}*`)).toEqual([]);
    } finally {
      single.disconnect();
    }
    // And the cluster holds the deployment's keys on the one slot of its hash tag.
    const node = new Redis(cluster.nodes[0]!.port, '127.0.0.1');
    try {
      const slot = Number(await node.call('CLUSTER', 'KEYSLOT', t.env.REDIS_PREFIX));
      expect(Number(await node.call('CLUSTER', 'KEYSLOT', `${t.env.REDIS_PREFIX}bull:ingest:wait`))).toBe(slot);
      const owner = new Redis(await ownerPort(node, slot), '127.0.0.1');
      try {
        expect(Number(await owner.call('CLUSTER', 'COUNTKEYSINSLOT', slot))).toBeGreaterThan(5);
      } finally {
        owner.disconnect();
      }
    } finally {
      node.disconnect();
    }
  });
});

/** The port of the primary that serves `slot`. */
async function ownerPort(node: Redis, slot: number): Promise<number> {
  const ranges = (await node.call('CLUSTER', 'SLOTS')) as [number, number, [string, number, ...unknown[]], ...unknown[]][];
  const range = ranges.find(([start, end]) => slot >= start && slot <= end);
  if (!range) throw new Error(`no node serves slot ${slot}`);
  return range[2][1];
}
