import { describe, expect, it } from 'vitest';
import { evaluateConversations } from '../eval/complexity/conversations/evaluate';
import { fresh } from '../eval/complexity/conversations/fresh';
import { second } from '../eval/complexity/conversations/second';
import { tuning } from '../eval/complexity/conversations/tuning';
import { classify } from './classify';
import { estimateComplexity } from './complexity';

const DESIGN = 'Design a multi-region active-active database replication scheme with conflict resolution and bounded staleness guarantees.';

describe('complexity of a follow-up, judged with the conversation', () => {
  it('gives "now add failover to it", "continue" and "why?" after a design the design\'s complexity', () => {
    for (const message of ['Now add failover to it.', 'continue', 'why hybrid logical clocks?', 'Expand phase 3.', 'and for three regions?']) {
      expect(estimateComplexity(message).complexity, message).not.toBe('complex');
      const estimate = estimateComplexity(message, [DESIGN]);
      expect(estimate.complexity, message).toBe('complex');
      expect(estimate.signals[0]?.kind).toBe('complexity.follow_up');
    }
  });

  it('follows a chain of follow-ups back to the request they continue', () => {
    expect(estimateComplexity('go on', [DESIGN, 'Now add failover to it.', 'continue']).complexity).toBe('complex');
    // Only the last few turns are read: a design six turns back no longer counts.
    expect(estimateComplexity('go on', [DESIGN, 'continue', 'continue', 'continue', 'continue', 'continue']).complexity).not.toBe('complex');
  });

  it('leaves thanks, changes of form and new self-contained requests to their own words', () => {
    expect(estimateComplexity('Thanks, this is great!', [DESIGN]).complexity).toBe('simple');
    expect(estimateComplexity('Turn it into a table.', [DESIGN]).complexity).toBe('simple');
    expect(estimateComplexity('Can you write that in LaTeX?', [DESIGN]).complexity).toBe('simple');
    expect(estimateComplexity('Unrelated: what is 15% of 80?', [DESIGN]).complexity).toBe('simple');
    expect(estimateComplexity('Prove that there are infinitely many primes.', ['hey how are you']).complexity).toBe('complex');
  });

  it('gives a rework of a complex answer ("shorter", "explain it like I am 15") a moderate model, and keeps simple threads simple', () => {
    expect(estimateComplexity('Summarise that in three bullet points.', [DESIGN]).complexity).toBe('moderate');
    expect(estimateComplexity('shorter', [DESIGN]).complexity).toBe('moderate');
    expect(estimateComplexity('and brazil?', ['what is the capital of australia']).complexity).toBe('simple');
    expect(estimateComplexity('continue', ['what is the capital of australia']).complexity).toBe('simple');
  });

  it('does not take a question of its own for a follow-up because of a common word in it', () => {
    // "there" that says something exists, "more" and "next" inside a question, "that" starting a
    // relative clause, "es" and "das" that are a verb and an article.
    for (const message of ['Is there a discount for nonprofits?', 'Which plan has more agents?', 'When is the next train to Porto?', 'make me a budget that saves 500 a month', '¿Qué es la fotosíntesis?', 'Was kostet das Ticket?']) {
      expect(estimateComplexity(message, [DESIGN]).complexity, message).toBe(estimateComplexity(message).complexity);
    }
    for (const message of ['more', 'next', 'Is the water safe there?', 'expand on the consistency part']) {
      expect(estimateComplexity(message, [DESIGN]).complexity, message).toBe('complex');
    }
  });

  it('reads follow-ups in other languages', () => {
    expect(estimateComplexity('继续', ['证明根号2是无理数。']).complexity).toBe('complex');
    expect(estimateComplexity('continúa', ['Diseña un sistema de colas distribuido con entrega exactamente una vez y tolerancia a particiones.']).complexity).toBe('complex');
    expect(estimateComplexity('et du Mexique ?', ['Quelle est la capitale du Canada ?']).complexity).toBe('simple');
  });

  it('does not let a message carrying its own material inherit the earlier work', () => {
    const traceback = 'It fails with this:\n```\nTypeError: \'str\' object cannot be interpreted as an integer\n  File "fib.py", line 3, in fib\n```';
    expect(estimateComplexity(traceback, [DESIGN]).complexity).not.toBe('complex');
  });

  it('reads a long turn it continues like any long message (its start and end)', () => {
    const huge = `${DESIGN} ${'and the replicas '.repeat(20_000)}`;
    expect(estimateComplexity('continue', [...Array.from({ length: 5_000 }, () => 'thanks'), huge]).complexity).toBe('complex');
  });
});

describe('classify() reads the conversation for complexity, not only for sensitivity', () => {
  it('routes "now add failover to it" after a design as complex, with the reason', () => {
    const result = classify({ message: 'Now add failover to it.', history: [{ role: 'user', content: DESIGN }, { role: 'assistant', content: 'Each region accepts writes [...]' }] });
    expect(result.complexity).toBe('complex');
    expect(result.signals.map((s) => s.reason)).toContain('message continues an earlier complex request');
    expect(classify({ message: 'Now add failover to it.' }).complexity).not.toBe('complex');
  });
});

// The conversations (eval/complexity/README.md): the tuning batch shaped the follow-up rules
// (0.484 with the message alone, 0.912 with the conversation); the first blind batch was
// measured once (0.710 -> 0.722) and then refined them (0.728 -> 0.772); the second blind batch
// was never read (0.778 -> 0.778: 3 of 90 fixed, 3 broken; complex recall 0.897 -> 0.931). The
// floors sit just under what it reaches.
describe('the labelled conversations', () => {
  it('are judged right at least 88% of the time with the conversation, far above the message alone', () => {
    const { messageAlone, withConversation } = evaluateConversations(tuning);
    expect(withConversation.accuracy).toBeGreaterThanOrEqual(0.88);
    expect(withConversation.extremes.swapped).toBeLessThanOrEqual(2);
    expect(messageAlone.accuracy).toBeLessThan(0.6);
  });

  it('judge the blind batches at least as well as the message alone, and name more of their complex follow-ups complex', () => {
    const first = evaluateConversations(fresh);
    expect(first.withConversation.accuracy).toBeGreaterThanOrEqual(0.76);
    expect(first.withConversation.accuracy).toBeGreaterThan(first.messageAlone.accuracy);
    const held = evaluateConversations(second);
    expect(held.withConversation.accuracy).toBeGreaterThanOrEqual(held.messageAlone.accuracy);
    expect(held.withConversation.recall.complex).toBeGreaterThan(held.messageAlone.recall.complex);
    expect(held.withConversation.extremes.swapped).toBeLessThanOrEqual(2);
  });
});
