import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIT, fit } from '../eval/complexity/logistic';
import { evaluate } from '../eval/complexity/evaluate';
import { prompts, testSet, trainSet } from '../eval/complexity/dataset';
import { DOMAINS } from '../eval/complexity/types';
import { complexityFeatures, COMPLEXITY_PATTERNS, estimateComplexity, FEATURE_NAMES } from './complexity';
import model from './complexity-model.json';
import { COMPLEXITIES } from './types';

describe('the labelled complexity set', () => {
  it('has at least 300 prompts in every domain and label, with about 30% held out', () => {
    expect(prompts.length).toBeGreaterThanOrEqual(300);
    for (const domain of DOMAINS) {
      for (const label of COMPLEXITIES) {
        expect(prompts.filter((p) => p.domain === domain && p.label === label).length, `${domain}/${label}`).toBeGreaterThanOrEqual(4);
      }
    }
    expect(testSet.length / prompts.length).toBeGreaterThan(0.25);
    expect(testSet.length / prompts.length).toBeLessThan(0.35);
    expect(new Set(prompts.map((p) => p.text)).size).toBe(prompts.length);
  });
});

// Issue 15 asks for 85% (3-class) and 95% (extremes) on held-out prompts. The estimator reaches
// 88.3% and 95.4% on this split of 472 prompts (eval/complexity/README.md); these floors sit just
// under what it reaches, so any regression fails here.
describe('estimateComplexity on the held-out split', () => {
  const { score } = evaluate(testSet);

  it('gets the 3-class label right for at least 86% of held-out prompts', () => {
    expect(score.accuracy).toBeGreaterThanOrEqual(0.86);
  });

  it('names at least 94% of held-out simple and complex prompts exactly, and almost never swaps them', () => {
    expect(score.extremes.accuracy).toBeGreaterThanOrEqual(0.94);
    expect(score.extremes.swapped).toBeLessThanOrEqual(2);
  });

  it('gets at least 80% of the held-out hard cases and other-language prompts (batch 3) right', () => {
    expect(evaluate(testSet.filter((p) => p.batch === 3)).score.accuracy).toBeGreaterThanOrEqual(0.8);
  });
});

describe('estimateComplexity', () => {
  it('rates a short request for a proof or a concurrent design complex, and says why', () => {
    const proof = estimateComplexity('Prove that there are infinitely many primes.');
    expect(proof.complexity).toBe('complex');
    expect(proof.signals.map((s) => s.reason).join('; ')).toContain('proof');
    const queue = estimateComplexity('Design a lock-free MPMC queue with memory orderings');
    expect(queue.complexity).toBe('complex');
    expect(queue.signals.map((s) => s.reason).join('; ')).toMatch(/lock-free|design/);
  });

  // The examples issue 15 names, phrased anew (none of these texts is in the labelled set).
  it('rates the clearly complex requests of issue 15 complex and a lookup or a thank-you simple', () => {
    const complex = [
      'Derive the least-squares estimator in matrix form and state when it is unique.',
      'Write a 12-week plan to migrate our payments platform from a monolith to services, with rollback at each phase.',
      'Compare Raft and Multi-Paxos for a replicated log: leader election, reconfiguration and behaviour under partitions.',
    ];
    for (const message of complex) expect(estimateComplexity(message).complexity, message).toBe('complex');
    for (const message of ["What's the capital of France?", 'thanks!']) expect(estimateComplexity(message).complexity, message).toBe('simple');
  });

  it('reads requests in other languages: a proof or a design is complex, a lookup or thanks simple', () => {
    const proof = estimateComplexity('Beweisen Sie, dass es unendlich viele Primzahlen gibt.');
    expect(proof.complexity).toBe('complex');
    expect(proof.signals.map((s) => s.reason).join('; ')).toContain('proof');
    expect(estimateComplexity('Diseña un sistema de colas distribuido con entrega exactamente una vez y explica cómo se recupera de fallos.').complexity).toBe('complex');
    expect(estimateComplexity('证明根号2是无理数。').complexity).toBe('complex');
    expect(estimateComplexity('¿Cuál es la capital de Francia?').complexity).toBe('simple');
    expect(estimateComplexity('Merci beaucoup !').complexity).toBe('simple');
  });

  it('does not take a design brief with a colon for pasted text', () => {
    // "text" before the colon once made the brief after it look like a paste to edit: rated simple.
    const brief = estimateComplexity(
      'Build a CRDT-based collaborative text editor backend (RGA or similar): data structures, merging concurrent inserts and deletes, tombstone garbage collection, and convergence tests.',
    );
    expect(brief.complexity).toBe('complex');
    expect(brief.signals.map((s) => s.reason).join('; ')).not.toContain('pasted material');
  });

  it('rates a long pasted text with a mechanical edit simple, and says the bulk is pasted', () => {
    const pasted = 'The comittee met on tuesday to discuss the budjet for next year and agreed to review it again in march. '.repeat(12);
    const result = estimateComplexity(`Fix the typos in this:\n\n${pasted}`);
    expect(result.complexity).toBe('simple');
    expect(result.signals.map((s) => s.reason).join('; ')).toMatch(/pasted material|mechanical edit/);
  });

  it('reports a score between 0 and 1 that orders the three labels', () => {
    const simple = estimateComplexity('hi').score;
    const moderate = estimateComplexity('Write a polite email to my landlord asking to fix a leaking kitchen tap this week.').score;
    const complex = estimateComplexity('Compare Raft and Multi-Paxos: leader election, log replication, membership changes, and performance under partitions.').score;
    expect(simple).toBeGreaterThanOrEqual(0);
    expect(simple).toBeLessThan(moderate);
    expect(moderate).toBeLessThan(complex);
    expect(complex).toBeLessThanOrEqual(1);
  });

  it('explains every estimate with readable complexity signals', () => {
    for (const prompt of prompts.slice(0, 60)) {
      const { signals } = estimateComplexity(prompt.text);
      expect(signals.length).toBeGreaterThan(0);
      for (const signal of signals) {
        expect(signal.kind).toMatch(/^complexity\.[a-z_]+$/);
        expect(signal.reason).toMatch(/^(message|most of the message|the request) /);
      }
    }
  });

  it('handles empty and enormous messages', () => {
    expect(estimateComplexity('').complexity).toBe('simple');
    const huge = estimateComplexity(`Summarise this:\n\n${'word '.repeat(50_000)}`);
    expect(COMPLEXITIES).toContain(huge.complexity);
  });
});

describe('the complexity model', () => {
  // Refitting takes a second or two of CPU; the timeout allows for a machine busy with other work.
  it('is what eval/complexity/train.ts fits on the training split (deterministic, no test data)', () => {
    const refit = fit(
      trainSet.map((p) => (({ values, hashed }) => ({ values, hashed, label: p.label }))(complexityFeatures(p.text))),
      FEATURE_NAMES,
      DEFAULT_FIT,
    );
    expect(model.features).toEqual([...FEATURE_NAMES]);
    expect(model.mean).toEqual(refit.mean);
    expect(model.scale).toEqual(refit.scale);
    expect(model.weights).toEqual(refit.weights);
    expect(model.hashed).toEqual(refit.hashed);
  }, 120_000);

  it(
    'runs only linear-time patterns (recheck)',
    async () => {
      const verdicts: string[] = [];
      for (const pattern of COMPLEXITY_PATTERNS) {
        const result = await check(pattern.source, pattern.flags, { randomSeed: 1, seeder: 'dynamic', timeout: 60_000 });
        if (result.status !== 'safe') verdicts.push(`${result.status} /${pattern.source}/${pattern.flags}`);
      }
      expect(verdicts).toEqual([]);
    },
    300_000,
  );
});
