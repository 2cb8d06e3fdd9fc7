// Answer eval: `pnpm eval:answers` prints JSON. Exact-answer accuracy of the extractive responder
// over the documents and questions in this folder, on the tuning split and on the held-out split
// (30%, by a hash of the question): end to end as the API runs it, on the top five passages
// without the relevance floor, and with words alone (no encoder); and how many plain questions
// survive being wrapped in greetings, pasted ids and preambles (noise.ts). Failures are listed for the
// tuning split only, so the held-out questions stay unseen while tuning; `--show-held-out` lists
// those too. Follow-up questions (followups-*.ts) are scored alone and with the conversation.
import { followUpScore, runFollowUps } from './followups-eval';
import { freshFollowUps } from './followups-fresh';
import { tuningFollowUps } from './followups-tuning';
import { accuracy, batchOf, buildCorpus, byKind, documents, runEval, type Outcome } from './harness';
import { LAYOUTS } from './layout';
import { noiseRobustness } from './noise';

const showHeldOut = process.argv.includes('--show-held-out');

function failures(outcomes: Outcome[]) {
  return outcomes
    .filter((o) => !o.correct && (showHeldOut || !o.heldOut))
    .map((o) => ({
      question: o.question.question,
      heldOut: o.heldOut,
      kind: o.question.kind,
      expected: o.question.expectAll ?? o.question.expect ?? 'an honest "couldn\'t find"',
      answer: o.answer,
      passages: o.passages,
    }));
}

function summary(outcomes: Outcome[]) {
  const answered = outcomes.filter((o) => o.quoted > 0);
  return {
    all: accuracy(outcomes),
    tuning: accuracy(outcomes.filter((o) => !o.heldOut)),
    heldOut: accuracy(outcomes.filter((o) => o.heldOut)),
    // Each part on its own: fresh and fresh3 were written later, fresh3 by someone who had not seen the answerer.
    byBatch: {
      first: accuracy(outcomes.filter((o) => batchOf(o.question) === 'first')),
      fresh: accuracy(outcomes.filter((o) => batchOf(o.question) === 'fresh')),
      fresh3: accuracy(outcomes.filter((o) => batchOf(o.question) === 'fresh3')),
      fresh4: accuracy(outcomes.filter((o) => batchOf(o.question) === 'fresh4')),
    },
    // The questions for which the retriever let at least one passage through: the answerer's own share.
    withPassages: { tuning: accuracy(outcomes.filter((o) => !o.heldOut && o.passages.length > 0)), heldOut: accuracy(outcomes.filter((o) => o.heldOut && o.passages.length > 0)) },
    byKind: byKind(outcomes),
    // The held-out split alone, by kind: where the answerer falls short on questions nobody tuned on.
    byKindHeldOut: byKind(outcomes.filter((o) => o.heldOut)),
    meanQuotedSentences: Math.round((answered.reduce((sum, o) => sum + o.quoted, 0) / Math.max(1, answered.length)) * 100) / 100,
  };
}

const corpus = await buildCorpus();
const started = performance.now();
const endToEnd = await runEval(corpus);
const msPerAnswer = Math.round((performance.now() - started) / endToEnd.length);
const topFive = await runEval(corpus, { floor: false });
const wordsOnly = await runEval(corpus, { semantic: false });
const noise = await noiseRobustness(corpus);
const followUps = { tuning: followUpScore(await runFollowUps(corpus, tuningFollowUps)), heldOut: followUpScore(await runFollowUps(corpus, freshFollowUps)) };
const layouts: Record<string, { tuning: ReturnType<typeof accuracy>; heldOut: ReturnType<typeof accuracy> }> = {};
for (const [name, layout] of Object.entries(LAYOUTS)) {
  const outcomes = await runEval(await buildCorpus({ layout }));
  layouts[name] = { tuning: accuracy(outcomes.filter((o) => !o.heldOut)), heldOut: accuracy(outcomes.filter((o) => o.heldOut)) };
}

console.log(
  JSON.stringify(
    {
      documents: documents.length,
      chunks: corpus.chunks,
      questions: endToEnd.length,
      heldOutQuestions: endToEnd.filter((o) => o.heldOut).length,
      // As the API runs: passages above the retriever's relevance floor, sentences chosen with the encoder.
      endToEnd: { ...summary(endToEnd), msPerAnswerWithRetrieval: msPerAnswer },
      // The answerer on the five best passages however weak (no floor): it alone must say "couldn't find".
      topFiveNoFloor: summary(topFive),
      // As the API runs, without the encoder (words only).
      wordsOnly: summary(wordsOnly),
      // Plain questions answered right, asked again inside greetings, pasted ids, preambles...: the share still right.
      noiseRobustness: noise,
      // Follow-ups ("Does it carry over?") after earlier questions: searched alone, searched with the
      // earlier questions, and searched and read with them as the chat service does (followups*.ts).
      followUps,
      // All questions over the same documents laid out as a hard-wrapped text file and as a PDF's lines (layout.ts).
      layoutRobustness: layouts,
      failures: failures(endToEnd),
    },
    null,
    2,
  ),
);
