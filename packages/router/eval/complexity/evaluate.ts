// Runs the estimator over labelled prompts and scores the predictions.
import { estimateComplexity } from '../../src/complexity';
import { score } from './metrics';
import type { LabelledPrompt } from './types';

export function evaluate(items: LabelledPrompt[]) {
  const results = items.map((item) => ({ ...item, predicted: estimateComplexity(item.text).complexity }));
  return { results, score: score(results) };
}
