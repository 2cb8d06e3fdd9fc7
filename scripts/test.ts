// `pnpm test`: every package's tests against one real Redis and Chroma (started here once,
// on the test ports, with the launcher's code), then the browser tests, then a one-line total.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureChroma, ensureRedis, repoRoot } from '@switchyard/stack';
import { testEnvVariables, testServiceUrls } from '@switchyard/testing';

// The same Redis and Chroma the packages' vitest global setup reuses (their own ports, 6399/8099).
const { redisUrl, chromaUrl } = testServiceUrls();
const log = (line: string) => console.log(`[test] ${line}`);
const skipE2e = process.argv.includes('--no-e2e');

const packages = ['apps', 'packages', 'tooling'].flatMap((group) =>
  readdirSync(path.join(repoRoot, group)).map((name) => path.join(group, name)),
);
const resultFile = '.test-results.json';
/** Where vitest writes the browser tests' JSON report (relative to the e2e config's root). */
const e2eResults = 'apps/web/e2e/.e2e-results.json';
for (const dir of packages) rmSync(path.join(repoRoot, dir, resultFile), { force: true });
rmSync(path.join(repoRoot, e2eResults), { force: true });

const redis = await ensureRedis({ url: redisUrl, dataDir: path.join(repoRoot, '.data/test/redis'), log });
const chroma = await ensureChroma({ url: chromaUrl, dataDir: path.join(repoRoot, '.data/test/chroma'), log });
const env = { ...process.env, [testEnvVariables.redisUrl]: redisUrl, [testEnvVariables.chromaUrl]: chromaUrl };

let ok: boolean;
let suitesFailedWithoutResults = 0;
try {
  const unit = spawnSync('pnpm', ['exec', 'turbo', 'run', 'test', '--concurrency=2', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${resultFile}`], {
    cwd: repoRoot,
    stdio: 'inherit',
    env,
  });
  ok = unit.status === 0;
  if (!skipE2e) {
    // No `--` here: pnpm would hand it to vitest literally, and vitest would ignore the reporters.
    const e2e = spawnSync('pnpm', ['--filter', '@switchyard/web', 'test:e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${path.basename(e2eResults)}`], { cwd: repoRoot, stdio: 'inherit', env });
    ok = ok && e2e.status === 0;
    if (e2e.status !== 0 && !existsSync(path.join(repoRoot, e2eResults))) suitesFailedWithoutResults += 1;
  }
} finally {
  await chroma.stop();
  await redis.stop();
}

let passed = 0;
// A suite that failed before writing its results (a crash in setup) still counts as a failure.
let failed = suitesFailedWithoutResults;
let skipped = 0;
const files = [...packages.map((dir) => path.join(dir, resultFile)), e2eResults];
for (const file of files) {
  const full = path.join(repoRoot, file);
  if (!existsSync(full)) continue;
  const result = JSON.parse(readFileSync(full, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + result.numTodoTests;
}
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
