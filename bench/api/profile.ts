// `pnpm exec tsx bench/api/profile.ts [streamed|plain|large] [calls]`: profiles the built API on the
// /v1 request path. Starts the fake provider and the API as bench/api does (built, production
// settings) under the CPU profiler, makes `calls` sequential keep-alive calls after a warm-up,
// stops the API (a preloaded inspector session writes the profile), and prints the CPU ms per call (from /proc) and the
// functions and packages with the most self time. The raw profile stays in the printed directory
// (open it in Chrome's DevTools or speedscope). `large` sends a coding agent's ~340 KB
// conversation (large-conversation.ts) instead of one short question; `profile.ts summarise <file>` prints the summary again.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startFakeLlm } from '@switchyard/fake-llm';
import { startStack } from '@switchyard/stack';
import { testEnv } from '@switchyard/testing';
import { setup, teardown } from '@switchyard/testing/global-setup';
import { cpuMsOf } from '../process';
import { largeConversationBody } from './large-conversation';

const mode = process.argv[2] === 'plain' || process.argv[2] === 'large' ? process.argv[2] : 'streamed';
const CALLS = Number(process.argv[3] ?? 3000);
const WARMUP = mode === 'large' ? 10 : 300;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function post(url: string, token: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => ((res.statusCode ?? 0) < 400 ? resolve() : reject(new Error(`${url} answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

function summarise(file: string): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const where = (url: string) => {
    const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
    if (pkg) return pkg;
    if (url.startsWith('node:')) return url;
    if (url === '') return '(native)';
    return path.relative(process.cwd(), url.replace(/^file:\/\//, ''));
  };
  const frameName = (id: number) => {
    const frame = byId.get(id)!.callFrame;
    return `${frame.functionName || '(anonymous)'} ${where(frame.url)}:${frame.lineNumber + 1}`;
  };
  const selfByFunction = new Map<string, number>();
  const totalByFunction = new Map<string, number>();
  const totalByPackage = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const us = profile.timeDeltas[index] ?? 0;
    const leaf = byId.get(id)!.callFrame.functionName;
    if (leaf === '(idle)' || leaf === '(program)') return;
    busy += us;
    selfByFunction.set(frameName(id), (selfByFunction.get(frameName(id)) ?? 0) + us);
    // Inclusive: every function and package on the stack, once per sample.
    const functions = new Set<string>();
    const packages = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const frame = byId.get(node)!.callFrame;
      if (frame.functionName === '(root)') continue;
      functions.add(frameName(node));
      packages.add(where(frame.url));
    }
    for (const name of functions) totalByFunction.set(name, (totalByFunction.get(name) ?? 0) + us);
    for (const name of packages) totalByPackage.set(name, (totalByPackage.get(name) ?? 0) + us);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => `${((100 * us) / busy).toFixed(1).padStart(5)}%  ${name}`).join('\n');
  console.log(`busy (not idle) ${(busy / 1000).toFixed(0)} ms; shares of it:`);
  console.log(`--- packages on the stack (inclusive)\n${top(totalByPackage, 25)}`);
  console.log(`--- functions, inclusive\n${top(totalByFunction, 60)}`);
  console.log(`--- functions, self\n${top(selfByFunction, 30)}`);
}

async function main() {
  await setup();
  const test = testEnv();
  const fake = await startFakeLlm({ port: 0, host: '127.0.0.1' });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-profile-'));
  const profileDir = mkdtempSync(path.join(tmpdir(), 'switchyard-cpuprofile-'));
  const stack = await startStack({
    apps: ['api'],
    build: false, // build first (`pnpm build`): the profiler must not ride along into turbo
    ports: { api: 4300 + Math.floor(Math.random() * 500) },
    dataDir,
    log: (line) => process.stderr.write(`[profile] ${line}\n`),
    env: {
      ...process.env,
      // Node 20 refuses --cpu-prof in NODE_OPTIONS: a preloaded inspector session does the same.
      NODE_OPTIONS: `--import ${path.join(import.meta.dirname, 'cpu-profile-preload.mjs')}`,
      CPU_PROFILE_DIR: profileDir,
      REDIS_URL: test.redisUrl,
      CHROMA_URL: test.chromaUrl,
      REDIS_PREFIX: `${test.keyPrefix}profile:`,
      CHROMA_COLLECTION_PREFIX: `${test.collectionPrefix}profile_`,
      OPENAI_API_KEY: 'sk-bench-fake-key',
      OPENAI_BASE_URL: fake.openaiBaseURL,
      CACHE_TTL_SECONDS: '0',
      RATE_LIMIT_PER_MINUTE: '100000000',
    },
  });
  try {
    const created = await fetch(`${stack.apiUrl}/api/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'profile' }),
    });
    const { key } = (await created.json()) as { key: string };
    const body =
      mode === 'large'
        ? largeConversationBody('gpt-4o-mini')
        : JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'What is the capital of France?' }], ...(mode === 'streamed' ? { stream: true } : {}) });
    const url = `${stack.apiUrl}/v1/chat/completions`;
    for (let i = 0; i < WARMUP; i++) await post(url, key, body);
    const pid = stack.processes.get('api')!.pid!;
    const before = cpuMsOf(pid);
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) await post(url, key, body);
    const elapsed = performance.now() - started;
    console.log(
      JSON.stringify({ mode, calls: CALLS, cpuMsPerCall: Math.round(((cpuMsOf(pid) - before) / CALLS) * 100) / 100, wallMsPerCall: Math.round((elapsed / CALLS) * 100) / 100, loadAverage: loadavg() }),
    );
  } finally {
    agent.destroy();
    await stack.stop();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
    await teardown();
  }
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile was written to ${profileDir} (did the API exit cleanly?)`);
  console.log(`profile: ${path.join(profileDir, file)}`);
  summarise(path.join(profileDir, file));
}

if (process.argv[2] === 'summarise' && process.argv[3]) summarise(process.argv[3]);
else await main();
