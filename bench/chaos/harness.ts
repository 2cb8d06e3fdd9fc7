// The chaos suite's stack: real Redis, Chroma, api and worker processes, with the fake
// OpenAI/Anthropic server standing in for the cloud. Redis and Chroma are started here (not by
// startStack) so the suite can stop and restart them.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type SwitchyardClient } from '@switchyard/client';
import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import { ensureChroma, ensureRedis, startStack, waitFor, type ManagedService, type RunningStack } from '@switchyard/stack';

export interface Summary {
  faultsInjected: number;
  faultsSurvived: number;
  inputsTried: number;
  requestsSent: number;
  errors: number;
  itemsLost: number;
  /** Figures by scenario (latency percentiles, counts). */
  scenarios: Record<string, Record<string, unknown>>;
}

export interface Chaos {
  stack: RunningStack;
  fake: FakeLlm;
  apiUrl: string;
  dataDir: string;
  admin: SwitchyardClient;
  adminKey: string;
  /** Secrets configured for this run; none may ever appear in output. */
  canaries: { openaiKey: string; anthropicKey: string; adminKey: string; password: string; metricsToken: string };
  summary: Summary;
  /** Every response body the suite saw (typed clients included), for the secrets canary. */
  seenBodies: string[];
  /** fetch for typed clients (`createClient({ fetch })`): counts the request and keeps the body. */
  recordingFetch: (input: string, init?: RequestInit) => Promise<Response>;
  /** Every user the suite created, so the canary can read what each of them sees. */
  users: { client: SwitchyardClient; email: string }[];
  /** fetch against the API that counts the request and keeps the body. */
  request(pathname: string, init?: RequestInit & { token?: string }): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }>;
  stopRedis(): Promise<void>;
  startRedis(): Promise<void>;
  stopChroma(): Promise<void>;
  startChroma(): Promise<void>;
  logs(): string;
  stop(): Promise<void>;
}

const ports = { web: 3297, api: 4297, redis: 6297, chroma: 8297 };

export interface ChaosOptions {
  /** The apps to run (api and worker by default; add web to go through its proxy). */
  apps?: ('api' | 'worker' | 'web')[];
  /** Settings over the suite's defaults. */
  env?: Record<string, string>;
}

export async function startChaos(options: ChaosOptions = {}): Promise<Chaos> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-chaos-'));
  const canary = (label: string) => `${label}${randomBytes(12).toString('hex')}`;
  const canaries = {
    openaiKey: canary('sk-canaryopenai'),
    anthropicKey: canary('sk-ant-canary'),
    adminKey: canary('sy_admin_canary'),
    password: canary('pw-canary-'),
    metricsToken: canary('metrics-canary-'),
  };
  const redisUrl = `redis://127.0.0.1:${ports.redis}`;
  const chromaUrl = `http://127.0.0.1:${ports.chroma}`;
  let redis: ManagedService = await ensureRedis({ url: redisUrl, dataDir: path.join(dataDir, 'redis') });
  let chroma: ManagedService = await ensureChroma({ url: chromaUrl, dataDir: path.join(dataDir, 'chroma') });
  const fake = await startFakeLlm();

  const stack = await startStack({
    dataDir,
    ports,
    apps: options.apps ?? ['api', 'worker'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      REDIS_URL: redisUrl,
      CHROMA_URL: chromaUrl,
      ADMIN_API_KEY: canaries.adminKey,
      OPENAI_API_KEY: canaries.openaiKey,
      OPENAI_BASE_URL: fake.openaiBaseURL,
      ANTHROPIC_API_KEY: canaries.anthropicKey,
      ANTHROPIC_BASE_URL: fake.anthropicBaseURL,
      ALLOW_SIGNUP: 'true',
      RATE_LIMIT_PER_MINUTE: '1000000',
      // The load scenario streams 200 chats at once as one user.
      MAX_STREAMS_PER_USER: '1000',
      DAILY_BUDGET_USD: '0',
      WORKER_CONCURRENCY: '2',
      LOG_LEVEL: 'info',
      METRICS_TOKEN: canaries.metricsToken,
      ...options.env,
    },
  });

  const summary: Summary = { faultsInjected: 0, faultsSurvived: 0, inputsTried: 0, requestsSent: 0, errors: 0, itemsLost: 0, scenarios: {} };
  const seenBodies: string[] = [];
  const recordingFetch = async (input: string, init?: RequestInit): Promise<Response> => {
    summary.requestsSent += 1;
    const response = await fetch(input, init);
    // The copy is read alongside the caller. A JSON body is kept before the caller sees it; an
    // event stream is kept once it ends (or not at all if the caller aborts it).
    const kept = response
      .clone()
      .text()
      .then(
        (text) => {
          seenBodies.push(text);
        },
        () => undefined,
      );
    if (!response.headers.get('content-type')?.includes('text/event-stream')) await kept;
    return response;
  };
  const admin = createClient({ baseUrl: stack.apiUrl, token: canaries.adminKey, fetch: recordingFetch });

  const chaos: Chaos = {
    stack,
    fake,
    apiUrl: stack.apiUrl,
    dataDir,
    admin,
    adminKey: canaries.adminKey,
    canaries,
    summary,
    seenBodies,
    recordingFetch,
    users: [],
    async request(pathname, init = {}) {
      const headers = new Headers(init.headers);
      if (init.token) headers.set('authorization', `Bearer ${init.token}`);
      summary.requestsSent += 1;
      const response = await fetch(`${stack.apiUrl}${pathname}`, { ...init, headers });
      const text = await response.text();
      seenBodies.push(text);
      return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
    },
    async stopRedis() {
      await redis.stop();
    },
    async startRedis() {
      redis = await ensureRedis({ url: redisUrl, dataDir: path.join(dataDir, 'redis') });
    },
    async stopChroma() {
      await chroma.stop();
    },
    async startChroma() {
      chroma = await ensureChroma({ url: chromaUrl, dataDir: path.join(dataDir, 'chroma') });
    },
    logs() {
      return ['api', 'worker'].map((name) => readFileSync(path.join(dataDir, 'logs', `${name}.log`), 'utf8')).join('\n');
    },
    async stop() {
      await stack.stop();
      await fake.close();
      await chroma.stop();
      await redis.stop();
    },
  };
  await waitFor('api /ready', async () => (await fetch(`${stack.apiUrl}/ready`)).ok, { timeoutMs: 30_000 });
  return chaos;
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
