// Trains the complexity model on the TRAIN split and writes src/complexity-model.json.
//   pnpm --filter @switchyard/router train:complexity          train and write the weights
//   ... train:complexity --cv [--grid] [--errors]               only cross-validate on TRAIN
// Cross-validation (5 folds, and leave-one-domain-out) reads the train split alone, so choices
// made with it never see the held-out test split. Training is deterministic: same data, same JSON.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { complexityFeatures, FEATURE_NAMES, predictProbabilities } from '../../src/complexity';
import { COMPLEXITIES } from '../../src/types';
import { trainSet } from './dataset';
import { DEFAULT_FIT, fit, type Example, type FitOptions } from './logistic';
import { score } from './metrics';

const MODEL_PATH = fileURLToPath(new URL('../../src/complexity-model.json', import.meta.url));

const examples = trainSet.map((prompt) => ({
  prompt,
  example: (({ values, hashed }) => ({ values, hashed, label: prompt.label }))(complexityFeatures(prompt.text)) satisfies Example,
}));

const OFFSETS = [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5];

/** Fits on `train` once and predicts `test` under each moderate offset (the offset does not change the fit). */
function predictAt(train: typeof examples, test: typeof examples, options: FitOptions, offsets: number[]) {
  const fitted = fit(train.map((e) => e.example), FEATURE_NAMES, options);
  return offsets.map((moderateOffset) =>
    test.map(({ prompt, example }) => {
      const p = predictProbabilities(example.values, { ...fitted, moderateOffset }, example.hashed);
      const predicted = COMPLEXITIES.reduce((best, label) => (p[label] > p[best] ? label : best));
      return { label: prompt.label, predicted, domain: prompt.domain, id: prompt.id, text: prompt.text };
    }),
  );
}

function predict(train: typeof examples, test: typeof examples, options: FitOptions, moderateOffset = 0) {
  return predictAt(train, test, options, [moderateOffset])[0] ?? [];
}

/** 5-fold predictions on the training split, one list per offset. */
function fiveFoldAt(options: FitOptions, offsets: number[]) {
  const folds = 5;
  const perFold = Array.from({ length: folds }, (_, fold) =>
    predictAt(examples.filter((_, i) => i % folds !== fold), examples.filter((_, i) => i % folds === fold), options, offsets),
  );
  return offsets.map((_, o) => perFold.flatMap((fold) => fold[o] ?? []));
}

function fiveFold(options: FitOptions, moderateOffset = 0) {
  return fiveFoldAt(options, [moderateOffset])[0] ?? [];
}

/**
 * The moderate offset that maximises 3-class accuracy plus twice the extremes accuracy in 5-fold
 * CV. Extremes count double because naming a complex request moderate (or a simple one moderate)
 * sends it to the wrong tier, which is what routing by complexity is for; a moderate request named
 * simple or complex costs less (a cheaper or a stronger model than needed for an ordinary task).
 */
function chooseModerateOffset(options: FitOptions) {
  const table = fiveFoldAt(options, OFFSETS).map((rows, o) => ({ offset: OFFSETS[o] ?? 0, cv: score(rows) }));
  const value = ({ cv }: (typeof table)[number]) => cv.accuracy + 2 * cv.extremes.accuracy;
  const best = table.reduce((a, b) => (value(b) > value(a) ? b : a));
  return { ...best, table: table.map(({ offset, cv }) => ({ offset, accuracy: cv.accuracy, extremes: cv.extremes.accuracy })) };
}

function crossValidate(options: FitOptions) {
  const kFold = fiveFold(options);
  const domains = [...new Set(examples.map((e) => e.prompt.domain))];
  const byDomain = domains.flatMap((domain) =>
    predict(examples.filter((e) => e.prompt.domain !== domain), examples.filter((e) => e.prompt.domain === domain), options),
  );
  return { kFold, byDomain };
}

if (process.argv.includes('--cv')) {
  const penalties = process.argv.includes('--grid') ? [0.003, 0.01, 0.03, 0.1] : [DEFAULT_FIT.l2];
  for (const l2 of penalties) {
    const { kFold, byDomain } = crossValidate({ ...DEFAULT_FIT, l2 });
    const fiveFold = score(kFold);
    const leaveDomainOut = score(byDomain);
    console.log(JSON.stringify({ l2, fiveFold, leaveDomainOut: { accuracy: leaveDomainOut.accuracy, extremes: leaveDomainOut.extremes, perDomain: leaveDomainOut.perDomain } }, null, 2));
    if (process.argv.includes('--errors')) {
      for (const miss of kFold.filter((r) => r.label !== r.predicted)) {
        console.log(`${miss.label} -> ${miss.predicted}  ${miss.id}: ${miss.text.slice(0, 110).replace(/\n/g, ' ')}`);
      }
    }
  }
} else {
  const { offset, cv, table } = chooseModerateOffset(DEFAULT_FIT);
  const model = { ...fit(examples.map((e) => e.example), FEATURE_NAMES, DEFAULT_FIT), moderateOffset: offset };
  writeFileSync(MODEL_PATH, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`wrote ${MODEL_PATH} from ${examples.length} training prompts`);
  console.log(JSON.stringify({ moderateOffset: offset, fiveFoldCv: { accuracy: cv.accuracy, extremes: cv.extremes }, byOffset: table }));
}
