// How long `pnpm start` takes from nothing running to every service healthy, with a fresh data
// directory (the build is assumed done: `pnpm build` first; turbo makes a re-check cheap).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack } from '@switchyard/stack';

const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-start-bench-'));
const phases: Record<string, number> = {};
let last = performance.now();
const started = last;
const stack = await startStack({
  dataDir,
  ports: { web: 3310, api: 4310, redis: 6310, chroma: 8310 },
  env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn' },
  log: (line) => {
    const now = performance.now();
    phases[line.replace(/ on http.*| \(.*/, '')] = Math.round(now - last);
    last = now;
  },
});
const readyMs = Math.round(performance.now() - started);
await stack.stop();
rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify({ coldStartToReadyMs: readyMs, phasesMs: phases }));
