// Sensitivity benchmark: builds the labelled set from a seed, runs classify() and labelDocument()
// over it and prints JSON (README.md explains the fields). Always exits 0; the targets are
// asserted by classify-eval.test.ts.
//   pnpm eval:classify [--seed N] [--misses]
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from './random';
import { HELD_OUT_FRESH, runClassifyEval, scoreHeldOut } from './evaluate';
import { MULTILINGUAL } from './multilingual';
import { MULTILINGUAL_FRESH } from './multilingual-fresh';
import { scoreInstalled } from './installed';

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
const heldOut = scoreHeldOut();
const { misses: heldOutMisses, ...heldOutReport } = heldOut;
const { misses: heldOutFreshMisses, ...heldOutFreshReport } = scoreHeldOut(HELD_OUT_FRESH);
const { misses: multilingualMisses, ...multilingualReport } = scoreHeldOut(MULTILINGUAL);
const { misses: multilingualFreshMisses, ...multilingualFreshReport } = scoreHeldOut(MULTILINGUAL_FRESH);
console.log(
  JSON.stringify(
    {
      ...report,
      missCounts,
      heldOut: { ...heldOutReport, missCounts: { sensitiveMissed: heldOutMisses.sensitiveMissed.length, ordinaryFlagged: heldOutMisses.ordinaryFlagged.length } },
      heldOutFresh: { ...heldOutFreshReport, missCounts: { sensitiveMissed: heldOutFreshMisses.sensitiveMissed.length, ordinaryFlagged: heldOutFreshMisses.ordinaryFlagged.length } },
      multilingual: { ...multilingualReport, missCounts: { sensitiveMissed: multilingualMisses.sensitiveMissed.length, ordinaryFlagged: multilingualMisses.ordinaryFlagged.length } },
      multilingualFresh: { ...multilingualFreshReport, missCounts: { sensitiveMissed: multilingualFreshMisses.sensitiveMissed.length, ordinaryFlagged: multilingualFreshMisses.ordinaryFlagged.length } },
      // Real technical text, unlabelled: the installed packages' READMEs and sources (installed.ts).
      installedPackages: scoreInstalled(options.misses) ?? 'not installed',
      ...(options.misses ? { misses, heldOutMisses, heldOutFreshMisses, multilingualMisses, multilingualFreshMisses } : {}),
    },
    null,
    2,
  ),
);
if (!options.misses && Object.values(missCounts).some((count) => count > 0)) {
  console.error('run with --misses to list every miss (id, family, technique, excerpt)');
}
