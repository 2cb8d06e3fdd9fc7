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

function predict(train: typeof examples, test: typeof examples, options: FitOptions, moderateOffset = 0) {
  const model = { ...fit(train.map((e) => e.example), FEATURE_NAMES, options), moderateOffset };
  return test.map(({ prompt, example }) => {
    const p = predictProbabilities(example.values, model, example.hashed);
    const predicted = COMPLEXITIES.reduce((best, label) => (p[label] > p[best] ? label : best));
    return { label: prompt.label, predicted, domain: prompt.domain, id: prompt.id, text: prompt.text };
  });
}

function fiveFold(options: FitOptions, moderateOffset = 0) {
  const folds = 5;
  return Array.from({ length: folds }, (_, fold) =>
    predict(examples.filter((_, i) => i % folds !== fold), examples.filter((_, i) => i % folds === fold), options, moderateOffset),
  ).flat();
}

/** The moderate offset that maximises 3-class accuracy plus extremes accuracy in 5-fold CV. */
function chooseModerateOffset(options: FitOptions): { offset: number; cv: ReturnType<typeof score> } {
  let best = { offset: 0, cv: score(fiveFold(options, 0)) };
  for (const offset of [0.25, 0.5, 0.75, 1, 1.25, 1.5]) {
    const cv = score(fiveFold(options, offset));
    if (cv.accuracy + cv.extremes.accuracy > best.cv.accuracy + best.cv.extremes.accuracy) best = { offset, cv };
  }
  return best;
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
  const { offset, cv } = chooseModerateOffset(DEFAULT_FIT);
  const model = { ...fit(examples.map((e) => e.example), FEATURE_NAMES, DEFAULT_FIT), moderateOffset: offset };
  writeFileSync(MODEL_PATH, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`wrote ${MODEL_PATH} from ${examples.length} training prompts`);
  console.log(JSON.stringify({ moderateOffset: offset, fiveFoldCv: { accuracy: cv.accuracy, extremes: cv.extremes } }));
}
