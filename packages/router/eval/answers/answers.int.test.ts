// The answer eval as a test: the extractive responder over the eval's documents, with passages
// retrieved as the API retrieves them and the real local sentence encoder (loading it and
// answering 427 questions takes about two minutes on two cores).
import { beforeAll, describe, expect, it } from 'vitest';
import { followUpScore, runFollowUps } from './followups-eval';
import { freshFollowUps } from './followups-fresh';
import { accuracy, buildCorpus, runEval, type EvalCorpus, type Outcome } from './harness';
import { LAYOUTS } from './layout';

/**
 * What the responder reaches now, end to end over four parts written at different times (0.68
 * held out, 0.73 all when this was written; the target of 0.9 is not met, see the README): a
 * drop below these floors is a regression someone would notice in chat.
 */
const HELD_OUT_FLOOR = 0.65;
const ALL_FLOOR = 0.7;

describe('answer eval', () => {
  let corpus: EvalCorpus;
  let endToEnd: Outcome[];

  beforeAll(async () => {
    corpus = await buildCorpus();
    endToEnd = await runEval(corpus);
  }, 300_000);

  it('answers held-out questions with the expected fact, or honestly says it could not find one', () => {
    expect(accuracy(endToEnd.filter((o) => o.heldOut)).accuracy).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
    expect(accuracy(endToEnd).accuracy).toBeGreaterThanOrEqual(ALL_FLOOR);
  });

  it('chooses better with the sentence encoder than with words alone', async () => {
    const wordsOnly = await runEval(corpus, { semantic: false });
    expect(accuracy(endToEnd).accuracy).toBeGreaterThan(accuracy(wordsOnly).accuracy);
  }, 120_000);

  it("answers the chat page's suggestion chips and their kin: summaries, dates and mentions over the documents", () => {
    const requests = endToEnd.filter((o) => ['summary', 'dates', 'mentions'].includes(o.question.kind));
    expect(requests.length).toBeGreaterThanOrEqual(15);
    // 30 of 33 when this was written (the later parts' "which documents mention X" miss one document each).
    expect(accuracy(requests).accuracy).toBeGreaterThanOrEqual(0.85);
    const newest = endToEnd.find((o) => o.question.question === 'Summarize my most recent document');
    expect(newest?.correct).toBe(true);
  });

  it("answers as well over the same documents as a hard-wrapped text file or a PDF's lines as over markdown", async () => {
    // 0.57 / 0.61 (wrapped / PDF) against 0.75 before hard-wrapped lines were joined back into sentences.
    for (const [name, layout] of Object.entries(LAYOUTS)) {
      const outcomes = await runEval(await buildCorpus({ layout }));
      expect(accuracy(outcomes).accuracy, name).toBeGreaterThanOrEqual(accuracy(endToEnd).accuracy - 0.03);
    }
  }, 300_000);

  it('quotes a few sentences, not whole passages', () => {
    const answered = endToEnd.filter((o) => o.quoted > 0 && ['plain', 'paraphrase', 'noisy', 'faq'].includes(o.question.kind));
    expect(answered.every((o) => o.quoted <= 4)).toBe(true);
  });

  it('answers follow-ups ("Does it carry over?") far better with the earlier questions than alone', async () => {
    // Held out (written without reading the code): 0.458 alone, 0.722 with the conversation when this was written.
    const score = followUpScore(await runFollowUps(corpus, freshFollowUps));
    expect(score.searchedAndReadWithConversation).toBeGreaterThanOrEqual(0.68);
    expect(score.searchedAndReadWithConversation - score.searchedAlone).toBeGreaterThanOrEqual(0.15);
  }, 300_000);
});
