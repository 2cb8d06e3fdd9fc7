import { describe, expect, it } from 'vitest';
import { fitLabel, formatMsTick, niceTicks, tickStep } from './axis';

const labels = (max: number) => {
  const ticks = niceTicks(max);
  return ticks.map((tick) => formatMsTick(tick, tickStep(ticks)));
};

describe('latency axis', () => {
  it('labels every tick differently, from fractions of a millisecond to minutes', () => {
    for (const max of [0.37, 1.8, 2.4, 7, 48, 230, 999, 1200, 2400, 9800, 12_300, 64_000, 250_000]) {
      const shown = labels(max);
      expect(new Set(shown).size, `${max}: ${shown.join(', ')}`).toBe(shown.length);
      expect(niceTicks(max).at(-1)!).toBeGreaterThanOrEqual(max);
    }
  });

  it('reads as people write durations', () => {
    expect(labels(2.4)).toEqual(['0', '1 ms', '2 ms', '3 ms']);
    expect(labels(0.37)).toEqual(['0', '0.1 ms', '0.2 ms', '0.3 ms', '0.4 ms']);
    expect(labels(2400)).toEqual(['0', '1 s', '2 s', '3 s']);
    expect(labels(1200)).toEqual(['0', '500 ms', '1000 ms', '1500 ms']);
    expect(labels(230)).toEqual(['0', '100 ms', '200 ms', '300 ms']);
    expect(labels(7)).toEqual(['0', '2 ms', '4 ms', '6 ms', '8 ms']);
  });

  it('has a scale with no data at all', () => {
    expect(niceTicks(0)).toEqual([0, 0.5, 1]);
  });
});

describe('fitLabel', () => {
  it('cuts long category names to the room they have', () => {
    expect(fitLabel('local', 12)).toBe('local');
    expect(fitLabel('local-extractive:extractive-v1', 12)).toBe('local-extra…');
    expect(fitLabel('anything', 1)).toBe('an…');
  });
});
