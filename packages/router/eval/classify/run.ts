// Sensitivity benchmark: builds the labelled set from a seed, runs classify() and labelDocument()
// over it and prints JSON (README.md explains the fields). Always exits 0; the targets are
// asserted by classify-eval.test.ts.
//   pnpm eval:classify [--seed N] [--misses]
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from './random';
import { runClassifyEval } from './evaluate';

const { values: options } = parseArgs({
  options: {
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    misses: { type: 'boolean', default: false },
  },
});

const seed = Number(options.seed);
if (!Number.isInteger(seed) || seed < 0) {
  console.error(`--seed must be a non-negative integer, got "${options.seed}"`);
  process.exit(2);
}

const { report, misses } = await runClassifyEval(seed);
const missCounts = {
  sensitiveMissed: misses.sensitiveMissed.length,
  ordinaryFlagged: misses.ordinaryFlagged.length,
  documentsWrong: misses.documentsWrong.length,
  errors: misses.errors.length,
};
console.log(JSON.stringify({ ...report, missCounts, ...(options.misses ? { misses } : {}) }, null, 2));
if (!options.misses && Object.values(missCounts).some((count) => count > 0)) {
  console.error('run with --misses to list every miss (id, family, technique, excerpt)');
}
