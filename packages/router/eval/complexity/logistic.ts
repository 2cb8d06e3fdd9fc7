// Multinomial logistic regression, fitted by full-batch gradient descent from zero weights: no
// randomness, so the same data always gives the same model.
import { HASH_BUCKETS, hashedValue, type ComplexityModel, type FeatureName } from '../../src/complexity';
import { COMPLEXITIES, type Complexity } from '../../src/types';

export interface Example {
  values: Record<FeatureName, number>;
  /** Hashed word and word-pair buckets (complexityFeatures().hashed). */
  hashed: readonly number[];
  label: Complexity;
}

export interface FitOptions {
  /** L2 penalty on the weights (not the biases). */
  l2: number;
  iterations: number;
  learningRate: number;
  /** Buckets of the hashed words: HASH_BUCKETS, or 0 for a model without them. */
  hashBuckets: number;
  /** L2 penalty on the hashed weights: far smaller, since each one is seen by a few messages only. */
  l2Hashed: number;
}

// l2Hashed and the bucket count were chosen by 5-fold cross-validation on the training split
// (words and word pairs; 2048 buckets did as well as 4096; character 4-grams did no better).
export const DEFAULT_FIT: FitOptions = { l2: 0.01, iterations: 1500, learningRate: 1, hashBuckets: HASH_BUCKETS, l2Hashed: 0.0003 };

export function fit(examples: Example[], features: readonly FeatureName[], options: FitOptions = DEFAULT_FIT): ComplexityModel {
  const k = COMPLEXITIES.length;
  const d = features.length;
  const n = examples.length;
  // Row-major copies in typed arrays: the loop below runs thousands of times.
  // Features are standardised (mean 0, sd 1 over the training set) so that one L2 penalty treats
  // a rare cue and a length the same way; the model stores the shift and scale it used.
  const mean = features.map((name) => examples.reduce((sum, e) => sum + e.values[name], 0) / n);
  const scale = features.map((name, j) => {
    const variance = examples.reduce((sum, e) => sum + (e.values[name] - (mean[j] ?? 0)) ** 2, 0) / n;
    return variance > 0 ? 1 / Math.sqrt(variance) : 0;
  });
  const x = new Float64Array(n * d);
  examples.forEach((example, i) => features.forEach((name, j) => (x[i * d + j] = (example.values[name] - mean[j]!) * scale[j]!)));
  const y = examples.map((example) => COMPLEXITIES.indexOf(example.label));
  const w = new Float64Array(k * d);
  const b = new Float64Array(k);
  const gradW = new Float64Array(k * d);
  const gradB = new Float64Array(k);
  const h = options.hashBuckets;
  const wHashed = new Float64Array(k * h);
  const gradHashed = new Float64Array(k * h);
  const hashedValues = examples.map((example) => hashedValue(example.hashed.length));
  const probabilities = new Float64Array(k);
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    gradW.fill(0);
    gradB.fill(0);
    if (h > 0) gradHashed.fill(0);
    for (let i = 0; i < n; i++) {
      const buckets = h > 0 ? examples[i]!.hashed : [];
      const value = hashedValues[i]!;
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let logit = b[c]!;
        for (let j = 0; j < d; j++) logit += w[c * d + j]! * x[i * d + j]!;
        for (const bucket of buckets) logit += wHashed[c * h + bucket]! * value;
        probabilities[c] = logit;
        if (logit > max) max = logit;
      }
      let total = 0;
      for (let c = 0; c < k; c++) total += probabilities[c] = Math.exp(probabilities[c]! - max);
      for (let c = 0; c < k; c++) {
        const error = probabilities[c]! / total - (y[i] === c ? 1 : 0);
        gradB[c]! += error / n;
        for (let j = 0; j < d; j++) gradW[c * d + j]! += (error * x[i * d + j]!) / n;
        for (const bucket of buckets) gradHashed[c * h + bucket]! += (error * value) / n;
      }
    }
    for (let q = 0; q < k * h; q++) wHashed[q]! -= options.learningRate * (gradHashed[q]! + options.l2Hashed * wHashed[q]!);
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) w[c * d + j]! -= options.learningRate * (gradW[c * d + j]! + options.l2 * w[c * d + j]!);
      b[c]! -= options.learningRate * gradB[c]!;
    }
  }
  // `+ 0` turns -0 into 0, as JSON does, so a refit compares equal to the checked-in weights.
  const round = (v: number) => Math.round(v * 10_000) / 10_000 + 0;
  return {
    features: [...features],
    mean: mean.map(round),
    scale: scale.map(round),
    weights: Object.fromEntries(
      COMPLEXITIES.map((label, c) => [label, { bias: round(b[c]!), weights: Array.from(w.subarray(c * d, (c + 1) * d), round) }]),
    ) as ComplexityModel['weights'],
    ...(h > 0
      ? { hashed: Object.fromEntries(COMPLEXITIES.map((label, c) => [label, Array.from(wHashed.subarray(c * h, (c + 1) * h), round)])) as ComplexityModel['hashed'] }
      : {}),
  };
}
