// `pnpm bench api`: what /v1 adds over calling the provider directly, side by side with Portkey's
// open-source gateway, in one run. Prints JSON:
//   {"v1": {"overheadP50Ms", "overheadP99Ms", "reqPerSec", "ttftOverheadP50Ms"},
//    "peer": {"portkey": {...the same}}, "largeConversations": {...}, "runs": [...], "settings": {...}}
// Set-up, as deployed: the API is built and started the way `pnpm start` does it (`node
// dist/server.js`, NODE_ENV=production, default logging) against the test Redis and Chroma;
// Portkey's gateway (@portkey-ai/gateway, pinned) runs with its own `start-server.js`; the fake
// provider (tooling/fake-llm) runs in a process of its own. The answer cache is off, and the
// rate limit is on (high enough never to refuse).
// Latency: sequential keep-alive calls, direct / Switchyard / Portkey interleaved, timed with
// performance.now(); overhead = the gateway's percentile minus the direct call's. Throughput:
// autocannon, 10 connections. Time to first token: the first content chunk of a streamed call.
// Each figure is the median of BENCH_RUNS runs (default 3).
// Large conversations: small calls' latency alone and while another client sends ~330 KB agent
// requests back to back, against this API (large requests classified on a thread) and against a
// second one started with API_CLASSIFY_INLINE_MAX_CHARS=10000000 (everything on the event loop).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, startStack } from '@switchyard/stack';
import { testEnv } from '@switchyard/testing';
import { setup, teardown } from '@switchyard/testing/global-setup';
import autocannon from 'autocannon';
import { cpuMsOf, freePort, loadAverage } from '../process';
import { largeConversationBody } from './large-conversation';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const WARMUP = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = 10;
const MODEL = 'gpt-4o-mini';
const MESSAGES = [{ role: 'user', content: 'What is the capital of France?' }];

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** A child process that prints `ready` (a pattern) on stdout once it listens. */
async function startProcess(command: string, args: string[], ready: RegExp, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ChildProcess> {
  const child = spawn(command, args, { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')} did not start: ${output.slice(-500)}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code}: ${output.slice(-500)}`));
    });
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

/** One POST; resolves with the ms to the end and to the first byte matching `firstToken`. */
function timedPost(url: string, headers: Record<string, string>, body: string, firstToken?: RegExp, via: http.Agent = agent): Promise<{ total: number; first: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let first = -1;
    let seen = '';
    const req = http.request(url, { method: 'POST', agent: via, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (first < 0 && firstToken) {
          seen += chunk;
          if (firstToken.test(seen)) first = performance.now() - started;
        }
        if ((res.statusCode ?? 0) >= 400) seen += firstToken ? '' : chunk;
      });
      res.on('end', () => {
        if ((res.statusCode ?? 0) >= 400) return reject(new Error(`${url} answered ${res.statusCode}: ${seen.slice(0, 300)}`));
        if (firstToken && first < 0) return reject(new Error(`${url}: no content chunk in the stream`));
        resolve({ total: performance.now() - started, first });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const round = (value: number) => Math.round(value * 100) / 100;
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
const median = (values: number[]) => percentile(values, 50);

async function cannon(url: string, headers: Record<string, string>, body: string): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, connections: CONNECTIONS, duration: DURATION_S }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

interface Target {
  name: 'direct' | 'v1' | 'portkey';
  url: string;
  headers: Record<string, string>;
  /** The gateway's process, whose CPU time per request is reported (none for the direct call). */
  pid?: number;
}

interface RunFigures {
  latency: Record<Target['name'], { p50: number; p99: number }>;
  ttftP50: Partial<Record<Target['name'], number>>;
  ttftErrors: Partial<Record<Target['name'], string>>;
  reqPerSec: Record<Target['name'], number>;
  non2xx: Record<Target['name'], number>;
  /** Each gateway's CPU ms per call over the sequential calls (warm-up included), non-streamed and streamed. */
  cpuMsPerCall: Partial<Record<Target['name'], { plain: number; streamed: number }>>;
  /** The machine's 1/5/15-minute load average when the run started and when it ended. */
  loadAverage: { start: number[]; end: number[] };
}

async function measure(targets: Target[]): Promise<RunFigures> {
  const startLoad = loadAverage();
  const cpuNow = () => Object.fromEntries(targets.flatMap((t) => (t.pid ? [[t.name, cpuMsOf(t.pid)]] : []))) as Partial<Record<Target['name'], number>>;
  const calls = WARMUP + SAMPLES;
  const perCall = (before: Partial<Record<Target['name'], number>>, after: Partial<Record<Target['name'], number>>, name: Target['name']) =>
    round(((after[name] ?? 0) - (before[name] ?? 0)) / calls);
  const plain = JSON.stringify({ model: MODEL, messages: MESSAGES });
  const streamed = JSON.stringify({ model: MODEL, messages: MESSAGES, stream: true });
  const totals = Object.fromEntries(targets.map((t) => [t.name, [] as number[]])) as Record<Target['name'], number[]>;
  const cpuBeforePlain = cpuNow();
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    for (const target of targets) {
      const { total } = await timedPost(target.url, target.headers, plain);
      if (i >= WARMUP) totals[target.name].push(total);
    }
  }
  const cpuAfterPlain = cpuNow();
  const firsts: Partial<Record<Target['name'], number[]>> = {};
  const ttftErrors: RunFigures['ttftErrors'] = {};
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    for (const target of targets) {
      if (ttftErrors[target.name]) continue;
      try {
        const { first } = await timedPost(target.url, target.headers, streamed, /"content":"[^"]/);
        if (i >= WARMUP) (firsts[target.name] ??= []).push(first);
      } catch (error) {
        ttftErrors[target.name] = (error as Error).message.slice(0, 300);
      }
    }
  }
  const cpuAfterStreamed = cpuNow();
  const cpuMsPerCall: RunFigures['cpuMsPerCall'] = {};
  for (const target of targets) {
    if (target.pid) cpuMsPerCall[target.name] = { plain: perCall(cpuBeforePlain, cpuAfterPlain, target.name), streamed: ttftErrors[target.name] ? Number.NaN : perCall(cpuAfterPlain, cpuAfterStreamed, target.name) };
  }
  const reqPerSec = {} as RunFigures['reqPerSec'];
  const non2xx = {} as RunFigures['non2xx'];
  for (const target of targets) {
    await cannon(target.url, target.headers, plain); // warm-up at load
    const result = await cannon(target.url, target.headers, plain);
    reqPerSec[target.name] = Math.round(result.requests.average);
    non2xx[target.name] = result.non2xx + result.errors;
  }
  const latency = Object.fromEntries(targets.map((t) => [t.name, { p50: round(percentile(totals[t.name], 50)), p99: round(percentile(totals[t.name], 99)) }])) as RunFigures['latency'];
  const ttftP50 = Object.fromEntries(Object.entries(firsts).map(([name, values]) => [name, round(percentile(values, 50))]));
  return { latency, ttftP50, ttftErrors, reqPerSec, non2xx, cpuMsPerCall, loadAverage: { start: startLoad, end: loadAverage() } };
}

function summarise(runs: RunFigures[], name: 'v1' | 'portkey') {
  const overhead = (p: 'p50' | 'p99') => round(median(runs.map((r) => r.latency[name][p] - r.latency.direct[p])));
  const ttft = runs.filter((r) => r.ttftP50[name] !== undefined && r.ttftP50.direct !== undefined).map((r) => r.ttftP50[name]! - r.ttftP50.direct!);
  return {
    overheadP50Ms: overhead('p50'),
    overheadP99Ms: overhead('p99'),
    reqPerSec: Math.round(median(runs.map((r) => r.reqPerSec[name]))),
    cpuMsPerCall: { plain: round(median(runs.map((r) => r.cpuMsPerCall[name]?.plain ?? Number.NaN))), streamed: round(median(runs.map((r) => r.cpuMsPerCall[name]?.streamed ?? Number.NaN))) },
    ...(ttft.length > 0 ? { ttftOverheadP50Ms: round(median(ttft)) } : { ttftError: runs.find((r) => r.ttftErrors[name])?.ttftErrors[name] }),
  };
}

const LARGE_SAMPLES = Number(process.env.BENCH_LARGE_SAMPLES ?? 100);
/** Large requests answered before the small calls beside them stop. */
const LARGE_MIN = 10;

/**
 * Small calls on their own, then while another client sends large agent requests back to back:
 * how much one client's large conversations slow everybody else's calls. Each large request is
 * classified (~0.7 ms of CPU per 1,000 characters read); on the event loop, the process answers
 * nothing else meanwhile. `fresh`: every large request is a conversation never seen before;
 * otherwise each one is the agent's next turn (the earlier turns again, one new file read).
 */
async function alongsideLargeRequests(target: Target, fresh: boolean) {
  const small = JSON.stringify({ model: MODEL, messages: MESSAGES });
  // Alongside large requests, small calls go on until LARGE_MIN of those have been answered too.
  const smallCalls = async (largeDone: () => number = () => LARGE_MIN) => {
    const totals: number[] = [];
    for (let i = 0; i < WARMUP + LARGE_SAMPLES || largeDone() < LARGE_MIN; i++) {
      const { total } = await timedPost(target.url, target.headers, small);
      if (i >= WARMUP) totals.push(total);
    }
    return { calls: totals.length, p50: round(percentile(totals, 50)), p99: round(percentile(totals, 99)) };
  };
  const idle = await smallCalls();
  const largeAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const largeTotals: number[] = [];
  let stop = false;
  let bytes = 0;
  const background = (async () => {
    for (let turn = 1; !stop; turn++) {
      const body = largeConversationBody(MODEL, largeRun * 100_000 + turn, fresh);
      bytes = Buffer.byteLength(body);
      largeTotals.push((await timedPost(target.url, target.headers, body, undefined, largeAgent)).total);
    }
  })();
  largeRun += 1;
  try {
    const alongside = await smallCalls(() => largeTotals.length);
    return { requestKb: Math.round(bytes / 1024), smallIdle: idle, smallAlongside: alongside, largeRequests: largeTotals.length, largeP50Ms: round(percentile(largeTotals, 50)) };
  } finally {
    stop = true;
    await background;
    largeAgent.destroy();
  }
}
/** Each measurement's large conversations are its own (none is in the memo of an earlier one). */
let largeRun = 0;

/** The built API as `pnpm start` starts it, with the bench's settings (and `extraEnv`), and an API key. */
async function startApi(test: ReturnType<typeof testEnv>, dataDir: string, fakeBase: string, extraEnv: Record<string, string> = {}) {
  const apiPort = await freePort();
  const stack = await startStack({
    apps: ['api'],
    ports: { api: apiPort },
    dataDir,
    log: (line) => process.stderr.write(`[bench] ${line}\n`),
    // What `pnpm start` hands the apps: this process's environment, plus the bench's settings.
    env: {
      ...process.env,
      REDIS_URL: test.redisUrl,
      CHROMA_URL: test.chromaUrl,
      REDIS_PREFIX: `${test.keyPrefix}bench:`,
      CHROMA_COLLECTION_PREFIX: `${test.collectionPrefix}bench_`,
      OPENAI_API_KEY: 'sk-bench-fake-key',
      OPENAI_BASE_URL: fakeBase,
      CACHE_TTL_SECONDS: '0',
      RATE_LIMIT_PER_MINUTE: '100000000',
      ...extraEnv,
    },
  });
  const created = await fetch(`${stack.apiUrl}/api/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (!created.ok) throw new Error(`could not create an API key: ${created.status} ${await created.text()}`);
  return { stack, apiKey: ((await created.json()) as { key: string }).key };
}

async function main() {
  await setup();
  const test = testEnv();
  const children: ChildProcess[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-bench-'));
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
  try {
    const fakePort = await freePort();
    children.push(await startProcess('pnpm', ['exec', 'tsx', 'tooling/fake-llm/src/cli.ts', '--port', String(fakePort)], /openaiBaseURL/));
    const fakeBase = `http://127.0.0.1:${fakePort}/v1`;

    const started = await startApi(test, dataDir, fakeBase);
    stack = started.stack;
    const apiKey = started.apiKey;

    const portkeyPort = await freePort();
    const portkey = await startProcess(process.execPath, [path.join(repoRoot, 'node_modules/@portkey-ai/gateway/build/start-server.js'), `--port=${portkeyPort}`, '--headless'], /Ready for connections/);
    children.push(portkey);

    const targets: Target[] = [
      { name: 'direct', url: `${fakeBase}/chat/completions`, headers: { authorization: 'Bearer sk-bench-fake-key' } },
      { name: 'v1', url: `${stack.apiUrl}/v1/chat/completions`, headers: { authorization: `Bearer ${apiKey}` }, pid: stack.processes.get('api')?.pid },
      {
        name: 'portkey',
        url: `http://127.0.0.1:${portkeyPort}/v1/chat/completions`,
        headers: { authorization: 'Bearer sk-bench-fake-key', 'x-portkey-provider': 'openai', 'x-portkey-custom-host': fakeBase },
        pid: portkey.pid,
      },
    ];
    const runs: RunFigures[] = [];
    for (let run = 0; run < RUNS; run++) {
      process.stderr.write(`[bench] run ${run + 1} of ${RUNS}…\n`);
      runs.push(await measure(targets));
    }
    // Large conversations: this API (large requests classified on a thread), then a second one
    // started with every request classified on the event loop, as before the classifier threads.
    process.stderr.write('[bench] small calls beside large agent requests…\n');
    const v1Target = targets[1] as Target;
    const largeOnThread = { agentTurns: await alongsideLargeRequests(v1Target, false), freshConversations: await alongsideLargeRequests(v1Target, true) };
    const inlineDir = mkdtempSync(path.join(tmpdir(), 'switchyard-bench-inline-'));
    const inline = await startApi(test, inlineDir, fakeBase, { API_CLASSIFY_INLINE_MAX_CHARS: '10000000' });
    let largeOnEventLoop: typeof largeOnThread;
    try {
      const inlineTarget: Target = { name: 'v1', url: `${inline.stack.apiUrl}/v1/chat/completions`, headers: { authorization: `Bearer ${inline.apiKey}` } };
      largeOnEventLoop = { agentTurns: await alongsideLargeRequests(inlineTarget, false), freshConversations: await alongsideLargeRequests(inlineTarget, true) };
    } finally {
      await inline.stack.stop();
      rmSync(inlineDir, { recursive: true, force: true });
    }
    const result = {
      v1: summarise(runs, 'v1'),
      largeConversations: { classifiedOnThread: largeOnThread, classifiedOnEventLoop: largeOnEventLoop },
      peer: { portkey: summarise(runs, 'portkey') },
      direct: { reqPerSec: Math.round(median(runs.map((r) => r.reqPerSec.direct))), latencyP50Ms: round(median(runs.map((r) => r.latency.direct.p50))) },
      loadAverage: { start: runs[0]?.loadAverage.start, end: runs.at(-1)?.loadAverage.end },
      runs,
      settings: { runs: RUNS, latencySamples: SAMPLES, connections: CONNECTIONS, durationSeconds: DURATION_S, model: MODEL, node: process.version },
      notes: {
        portkeyStreaming: "Portkey 1.15.2 holds a streamed answer back on purpose (about 25 ms), and its streaming needs fresh response headers (its issues #1389/#1550); its time to first token is reported as measured",
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    agent.destroy();
    for (const child of children) child.kill('SIGTERM');
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await teardown();
  }
}

await main();
