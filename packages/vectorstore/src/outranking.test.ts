import { describe, expect, it } from 'vitest';
import { OUTRANKING_MARGIN, outrankingNearMisses } from './retriever';

const floor = 0.46;
const hit = (id: string, relevance: number) => ({ id, relevance });

describe('outrankingNearMisses', () => {
  it('keeps a passage just under the floor that the ranking puts above one that clears it', () => {
    // The syllabus's grading chunk ranks first on "midterm" and "late" but scores under the floor;
    // the library's late-fees chunk below it passes.
    const ranked = [hit('syllabus', floor - 0.05), hit('library', floor + 0.02), hit('handbook', floor - 0.04)];
    const passing = ranked.filter((h) => h.relevance >= floor);
    expect(outrankingNearMisses(ranked, passing, floor).map((h) => h.id)).toEqual(['syllabus']);
  });

  it('keeps nothing far under the floor, nothing ranked below every passing passage, and nothing when none passes', () => {
    const far = [hit('far', floor - OUTRANKING_MARGIN - 0.01), hit('pass', floor + 0.1)];
    expect(outrankingNearMisses(far, [far[1]!], floor)).toEqual([]);
    const below = [hit('pass', floor + 0.1), hit('near', floor - 0.01)];
    expect(outrankingNearMisses(below, [below[0]!], floor)).toEqual([]);
    const offTopic = [hit('a', floor - 0.01), hit('b', floor - 0.02)];
    expect(outrankingNearMisses(offTopic, [], floor)).toEqual([]);
  });
});
