// Scores for the complexity eval. "Extremes" is strict: an item labelled simple or complex counts
// as right only when it is predicted exactly so; calling it moderate is a miss.
import { COMPLEXITIES, type Complexity } from '../../src/types';

export interface Scored {
  label: Complexity;
  predicted: Complexity;
  domain: string;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function score(items: Scored[]) {
  const confusion = Object.fromEntries(
    COMPLEXITIES.map((label) => [label, Object.fromEntries(COMPLEXITIES.map((p) => [p, 0]))]),
  ) as Record<Complexity, Record<Complexity, number>>;
  for (const item of items) confusion[item.label][item.predicted]++;
  const right = (xs: Scored[]) => xs.filter((item) => item.label === item.predicted).length;
  const extremes = items.filter((item) => item.label !== 'moderate');
  const swapped = extremes.filter((item) => item.predicted !== 'moderate' && item.predicted !== item.label);
  const domains = [...new Set(items.map((item) => item.domain))];
  return {
    items: items.length,
    accuracy: round(right(items) / items.length),
    extremes: {
      items: extremes.length,
      /** Labelled simple or complex and predicted exactly that. */
      accuracy: round(right(extremes) / extremes.length),
      /** Labelled simple and predicted complex, or the other way round. */
      swapped: swapped.length,
    },
    recall: Object.fromEntries(
      COMPLEXITIES.map((label) => {
        const ofLabel = items.filter((item) => item.label === label);
        return [label, round(right(ofLabel) / Math.max(1, ofLabel.length))];
      }),
    ) as Record<Complexity, number>,
    /** Rows are the labels, columns the predictions. */
    confusion,
    perDomain: Object.fromEntries(
      domains.map((domain) => {
        const ofDomain = items.filter((item) => item.domain === domain);
        return [domain, { items: ofDomain.length, accuracy: round(right(ofDomain) / ofDomain.length) }];
      }),
    ),
  };
}
