// API benchmark (prints JSON): `pnpm bench api`.
//  1. throughput: cache-hit POST /api/chat req/s ÷ a bare Express JSON route's req/s (autocannon,
//     same process, same settings; target >= 0.5);
//  2. overhead of POST /v1/chat/completions over calling the same fake provider directly (raw HTTP,
//     and the official SDK the router itself uses), p50 and
//     p99 (targets <= 1 ms / <= 5 ms);
//  3. streaming time-to-first-token overhead, /v1 and /api/chat (target <= 2 ms).
// Two floors put the targets in context: the chat pipeline alone behind a bare route (no HTTP
// middleware), and the thinnest /v1 proxy the required stack allows (Express, the Redis rate
// limit, the official SDK; nothing else).
// Latencies are measured with a sequential keep-alive client and performance.now(), interleaving
// the direct and the proxied call, because autocannon's histogram has 1 ms resolution.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeLlm } from '@switchyard/fake-llm';
import { setup, teardown } from '@switchyard/testing/global-setup';
import autocannon from 'autocannon';
import express from 'express';
import OpenAI from 'openai';
import { redisRateLimit } from '../../apps/api/src/middleware/rate-limit';
import { percentile } from '../../apps/api/src/services/stats';
import { startChatHarness } from '../../apps/api/test/chat/harness';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = 10;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => ((res.statusCode ?? 0) >= 400 ? reject(new Error(`${url} answered ${res.statusCode}`)) : resolve(performance.now() - started)));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sends one POST and resolves with the ms to the first byte matching `firstToken` and to the end. */
function timedPost(url: string, headers: Record<string, string>, body: string, firstToken?: RegExp): Promise<{ total: number; first: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let first = -1;
    let seen = '';
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (first < 0 && firstToken) {
          seen += chunk;
          if (firstToken.test(seen)) first = performance.now() - started;
        }
      });
      res.on('end', () => {
        if ((res.statusCode ?? 0) >= 400) return reject(new Error(`${url} answered ${res.statusCode}: ${seen}`));
        resolve({ total: performance.now() - started, first });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)) };
};

async function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...opts }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function listen(app: express.Express): Promise<{ url: string; server: http.Server }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function main() {
  await setup();
  const fake = await startFakeLlm();
  const benchEnv = { RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'silent' };
  const cached = await startChatHarness({ fake, env: benchEnv });
  const uncached = await startChatHarness({ fake, embedder: cached.ctx.embedder, env: { ...benchEnv, CACHE_TTL_SECONDS: '0' } });
  const bare = express();
  bare.use(express.json());
  bare.post('/bare', (req, res) => {
    res.json({ ok: true, message: (req.body as { message?: string }).message });
  });
  const { url: bareUrl, server: bareServer } = await listen(bare);

  // Floor 1: the same chat service (cache read, conversation write, spend, stats) behind a bare
  // route: no authentication, rate limit, request log, security headers, metrics or validation.
  let pipelineOwner = '';
  const pipelineOnly = express();
  pipelineOnly.use(express.json());
  pipelineOnly.post('/chat', async (req, res) => {
    const message = String((req.body as { message?: unknown }).message);
    res.json(await cached.ctx.chat.chat({ ownerId: pipelineOwner, messages: [{ role: 'user', content: message }], persist: true, useDocuments: false }));
  });
  const { url: pipelineUrl, server: pipelineServer } = await listen(pipelineOnly);

  // Floor 2: the thinnest /v1 proxy on the required stack: JSON parsing, the same Redis rate limit,
  // the official SDK (not streamed upstream, the cheaper call), the answer.
  const floorSdk = new OpenAI({ apiKey: 'sk-fake', baseURL: fake.openaiBaseURL, maxRetries: 0 });
  const floorLimit = redisRateLimit({ redis: uncached.ctx.redis, prefix: uncached.ctx.env.REDIS_PREFIX, name: 'floor', perMinute: 100_000_000, key: () => 'floor' });
  const floor = express();
  floor.use(express.json());
  floor.post('/v1/chat/completions', floorLimit, async (req, res) => {
    const { model, messages } = req.body as { model: string; messages: { role: 'user'; content: string }[] };
    res.json(await floorSdk.chat.completions.create({ model, messages }));
  });
  const { url: floorUrl, server: floorServer } = await listen(floor);

  try {
    // 1. throughput
    const user = await cached.signup('bench');
    const auth = { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' };
    const chatBody = JSON.stringify({ message: 'What is the capital of France?', useDocuments: false });
    await timedPost(`${cached.url}/api/chat`, auth, chatBody); // miss: fills the cache
    const check = await fetch(`${cached.url}/api/chat`, { method: 'POST', headers: auth, body: chatBody });
    const checked = (await check.json()) as { cached?: boolean };
    if (checked.cached !== true) throw new Error('the warm-up answer was not cached');

    await cannon({ url: `${bareUrl}/bare`, method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody, duration: 1 });
    const bareResult = await cannon({ url: `${bareUrl}/bare`, method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody });
    await cannon({ url: `${cached.url}/api/chat`, method: 'POST', headers: auth, body: chatBody, duration: 1 });
    const chatResult = await cannon({ url: `${cached.url}/api/chat`, method: 'POST', headers: auth, body: chatBody });
    if (chatResult.non2xx > 0) throw new Error(`cache-hit chat had ${chatResult.non2xx} non-2xx answers`);
    // The cheapest authenticated route of the same app: what auth, rate limit, logging and
    // security headers cost before the chat code runs.
    const meResult = await cannon({ url: `${cached.url}/api/auth/me`, headers: auth });
    pipelineOwner = user.userId;
    const pipelineCheck = (await (await fetch(`${pipelineUrl}/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody })).json()) as { cached?: boolean };
    if (pipelineCheck.cached !== true) throw new Error('the chat pipeline alone did not hit the cache');
    await cannon({ url: `${pipelineUrl}/chat`, method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody, duration: 1 });
    const pipelineResult = await cannon({ url: `${pipelineUrl}/chat`, method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody });

    // Sequential latency of the same two baselines, to split the /v1 overhead below.
    const bareLatency: number[] = [];
    const meLatency: number[] = [];
    for (let i = 0; i < SAMPLES + 30; i++) {
      const a = await timedPost(`${bareUrl}/bare`, {}, chatBody);
      const b = await timedGet(`${cached.url}/api/auth/me`, auth);
      if (i >= 30) {
        bareLatency.push(a.total);
        meLatency.push(b);
      }
    }

    // 2. /v1 overhead over the same fake provider called directly (no cache on this API)
    const v1User = await uncached.signup('bench');
    const v1Auth = { authorization: `Bearer ${v1User.token}` };
    const messages = [{ role: 'user', content: 'What is the capital of France?' }];
    const directUrl = `${fake.openaiBaseURL}/chat/completions`;
    const directBody = JSON.stringify({ model: 'gpt-4o-mini', messages });
    const v1Body = JSON.stringify({ model: 'gpt-4o-mini', messages });
    // A second baseline: the fake called directly with the official SDK, which is what the router
    // itself uses upstream (and what a program calling the provider directly would use).
    const sdk = new OpenAI({ apiKey: 'sk-fake', baseURL: fake.openaiBaseURL, maxRetries: 0 });
    const timedSdk = async (stream: boolean): Promise<{ total: number; first: number }> => {
      const started = performance.now();
      if (!stream) {
        await sdk.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'What is the capital of France?' }] });
        return { total: performance.now() - started, first: -1 };
      }
      let first = -1;
      const chunks = await sdk.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'What is the capital of France?' }], stream: true });
      for await (const chunk of chunks) if (first < 0 && chunk.choices[0]?.delta.content) first = performance.now() - started;
      return { total: performance.now() - started, first };
    };
    const direct: number[] = [];
    const directSdk: number[] = [];
    const proxied: number[] = [];
    const floorProxied: number[] = [];
    for (let i = 0; i < SAMPLES + 30; i++) {
      const a = await timedPost(directUrl, { authorization: 'Bearer sk-fake' }, directBody);
      const b = await timedPost(`${uncached.url}/v1/chat/completions`, v1Auth, v1Body);
      const c = await timedSdk(false);
      const d = await timedPost(`${floorUrl}/v1/chat/completions`, v1Auth, v1Body);
      if (i >= 30) {
        direct.push(a.total);
        proxied.push(b.total);
        directSdk.push(c.total);
        floorProxied.push(d.total);
      }
    }

    // 3. time to first token, streamed
    const contentToken = /"content":"[^"]/;
    const directStream = JSON.stringify({ model: 'gpt-4o-mini', messages, stream: true });
    const v1Stream = JSON.stringify({ model: 'gpt-4o-mini', messages, stream: true });
    const chatStream = JSON.stringify({ message: 'What is the capital of France?', useDocuments: false, stream: true, complexity: 'simple' });
    const ttftDirect: number[] = [];
    const ttftDirectSdk: number[] = [];
    const ttftV1: number[] = [];
    const ttftChat: number[] = [];
    for (let i = 0; i < SAMPLES + 30; i++) {
      const a = await timedPost(directUrl, { authorization: 'Bearer sk-fake' }, directStream, contentToken);
      const b = await timedPost(`${uncached.url}/v1/chat/completions`, v1Auth, v1Stream, contentToken);
      const c = await timedPost(`${uncached.url}/api/chat`, v1Auth, chatStream, /event: delta/);
      const d = await timedSdk(true);
      if (i >= 30) {
        ttftDirect.push(a.first);
        ttftV1.push(b.first);
        ttftChat.push(c.first);
        ttftDirectSdk.push(d.first);
      }
    }

    const directLatency = summary(direct);
    const directSdkLatency = summary(directSdk);
    const v1Latency = summary(proxied);
    const floorLatency = summary(floorProxied);
    const ttft = { direct: summary(ttftDirect), directSdk: summary(ttftDirectSdk), v1: summary(ttftV1), apiChat: summary(ttftChat) };
    const result = {
      settings: { durationSeconds: DURATION_S, connections: CONNECTIONS, latencySamples: SAMPLES, node: process.version },
      throughput: {
        bareExpressReqPerSec: Math.round(bareResult.requests.average),
        cacheHitChatReqPerSec: Math.round(chatResult.requests.average),
        ratio: round(chatResult.requests.average / bareResult.requests.average),
        target: '>= 0.5',
        cacheHitChatLatencyMs: { p50: chatResult.latency.p50, p99: chatResult.latency.p99 },
        authenticatedNoopReqPerSec: Math.round(meResult.requests.average),
        cacheHitChatVsAuthenticatedNoop: round(chatResult.requests.average / meResult.requests.average),
        chatPipelineOnlyReqPerSec: Math.round(pipelineResult.requests.average),
        chatPipelineOnlyRatio: round(pipelineResult.requests.average / bareResult.requests.average),
        chatPipelineOnlyNote: 'the same cache-hit chat service behind a bare route: no auth, rate limit, request log, security headers, metrics or validation',
      },
      sharedMiddlewareMs: {
        bareExpress: summary(bareLatency),
        authenticatedNoop: summary(meLatency),
        note: 'GET /api/auth/me minus a bare Express route: auth, per-user rate limit, pino-http, helmet, metrics',
      },
      v1Overhead: {
        directMs: directLatency,
        v1Ms: v1Latency,
        directSdkMs: directSdkLatency,
        overheadMs: { p50: round(v1Latency.p50 - directLatency.p50), p99: round(v1Latency.p99 - directLatency.p99) },
        overheadOverSdkMs: { p50: round(v1Latency.p50 - directSdkLatency.p50), p99: round(v1Latency.p99 - directSdkLatency.p99) },
        floorMs: floorLatency,
        floorOverheadMs: { p50: round(floorLatency.p50 - directLatency.p50), p99: round(floorLatency.p99 - directLatency.p99) },
        floorNote: 'the thinnest proxy on the required stack: express.json, the Redis rate limit, the official SDK (not streamed), res.json',
        chatPipelineShareP50Ms: round(v1Latency.p50 - directLatency.p50 - (summary(meLatency).p50 - summary(bareLatency).p50)),
        target: 'p50 <= 1 ms, p99 <= 5 ms',
      },
      streamingTimeToFirstToken: {
        ...ttft,
        overheadMs: {
          v1: { p50: round(ttft.v1.p50 - ttft.direct.p50), p99: round(ttft.v1.p99 - ttft.direct.p99) },
          apiChat: { p50: round(ttft.apiChat.p50 - ttft.direct.p50), p99: round(ttft.apiChat.p99 - ttft.direct.p99) },
        },
        overheadOverSdkMs: {
          v1: { p50: round(ttft.v1.p50 - ttft.directSdk.p50), p99: round(ttft.v1.p99 - ttft.directSdk.p99) },
          apiChat: { p50: round(ttft.apiChat.p50 - ttft.directSdk.p50), p99: round(ttft.apiChat.p99 - ttft.directSdk.p99) },
        },
        target: 'p50 overhead <= 2 ms',
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    agent.destroy();
    for (const server of [bareServer, pipelineServer, floorServer]) {
      server.closeAllConnections();
      server.close();
    }
    await uncached.close();
    await cached.close();
    await fake.close();
    await teardown();
  }
}

await main();
