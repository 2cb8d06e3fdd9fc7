// `pnpm bench`: runs every benchmark, each printing one JSON object, and prints them together.
import { spawnSync } from 'node:child_process';
import { repoRoot } from '@switchyard/stack';

const benchmarks: { name: string; command: string[] }[] = [
  { name: 'router', command: ['pnpm', 'exec', 'tsx', 'bench/router/router.bench.ts'] },
  { name: 'retrieval', command: ['pnpm', '--silent', 'eval:retrieval'] },
  { name: 'ingest', command: ['pnpm', 'exec', 'tsx', 'bench/ingest/ingest.bench.ts'] },
  { name: 'api', command: ['pnpm', 'exec', 'tsx', 'bench/api/api.bench.ts'] },
  { name: 'search', command: ['pnpm', 'exec', 'tsx', 'bench/search/search.bench.ts'] },
  { name: 'start', command: ['pnpm', 'exec', 'tsx', 'bench/start/start.bench.ts'] },
];

const only = process.argv.slice(2);
const results: Record<string, unknown> = {};
let failed = false;
for (const { name, command } of benchmarks) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`[bench] ${name}…\n`);
  const run = spawnSync(command[0]!, command.slice(1), { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  // Each benchmark prints its JSON object last on stdout.
  const match = /(\{[\s\S]*\})\s*$/.exec(run.stdout ?? '');
  if (run.status !== 0 || !match) {
    failed = true;
    results[name] = { error: `exit ${run.status}`, output: (run.stdout ?? '').slice(-2000) };
    continue;
  }
  results[name] = JSON.parse(match[1]!);
}
console.log(JSON.stringify(results, null, 2));
process.exit(failed ? 1 : 0);
