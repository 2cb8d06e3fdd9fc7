// Diagnostics while tuning: the focused question and best-scored sentences of each TUNING
// question (held-out ones are skipped). `npx tsx eval/answers/debug.ts [substring]`
import { buildCorpus, isHeldOut, judge, questions } from './harness';

const filter = process.argv[2]?.toLowerCase();
const corpus = await buildCorpus();
for (const question of questions) {
  if (isHeldOut(question)) continue;
  if (filter && !question.question.toLowerCase().includes(filter) && filter !== 'all') continue;
  let traced: unknown;
  const { answer, passages } = await corpus.ask(question.question, { trace: (t) => (traced = t) });
  const ok = judge(question, answer);
  if (filter !== 'all' || !ok) {
    console.log(`${ok ? 'OK ' : 'BAD'} [${question.kind}] ${question.question.replace(/\n/g, ' | ')}  expect=${JSON.stringify(question.expect ?? question.expectAll)}`);
    console.log(`    passages: ${passages.map((p) => p.id).join(' ')}`);
    console.log(`    trace: ${JSON.stringify(traced)}`);
    console.log(`    answer: ${answer.slice(0, 300).replace(/\n/g, ' / ')}`);
  }
}
