// Router benchmark (prints JSON):
//  1. classify() p50/p99 in microseconds over the labelled message corpus (plus long variants),
//     and each hostile 100,000-character input (packages/router/test/hostile-inputs.ts): median
//     wall time of five runs, the worst input named, against the 20 ms target;
//  2. a routed chat (classify + decide + router.chat over the openai provider) versus the same fake
//     server called directly with the OpenAI SDK, interleaved in one run.
import OpenAI from 'openai';
import { startFakeLlm } from '@switchyard/fake-llm';
import fixtures from '../../packages/router/test/fixtures/messages.json';
import { HOSTILE_INPUTS } from '../../packages/router/test/hostile-inputs';
import { classify, createRouter } from '@switchyard/router';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

const corpus = [...fixtures.sensitivity, ...fixtures.complexity].map((row) => row.message);
corpus.push(...corpus.slice(0, 10).map((m) => `${m} ${'Please keep the answer grounded in the attached policy text. '.repeat(20)}`));

for (let i = 0; i < 2000; i++) classify({ message: corpus[i % corpus.length] ?? '' }); // warm up
const classifyMicros: number[] = [];
const rounds = 30;
for (let r = 0; r < rounds; r++) {
  for (const message of corpus) {
    const started = process.hrtime.bigint();
    classify({ message });
    classifyMicros.push(Number(process.hrtime.bigint() - started) / 1000);
  }
}

// Hostile inputs: what one request can cost the event loop.
const HOSTILE_TARGET_MS = 20;
// Wall time is what the event loop feels; CPU time is shown beside it because on a busy machine
// wall time also counts waiting for a core.
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const hostileMs: Record<string, number> = {};
const hostileCpuMs: Record<string, number> = {};
for (const [name, hostile] of Object.entries(HOSTILE_INPUTS)) {
  // Each run's text is new (a run number at its end): the detectors remember texts they read.
  classify({ message: `${hostile} w` }); // warm up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 5; run++) {
    const message = `${hostile} ${run}`;
    const started = performance.now();
    const startedCpu = cpuMs();
    classify({ message });
    wall.push(performance.now() - started);
    cpu.push(cpuMs() - startedCpu);
  }
  hostileMs[name] = round(percentile(wall, 50), 2);
  hostileCpuMs[name] = round(percentile(cpu, 50), 2);
}
const [worstName, worstMs] = Object.entries(hostileMs).sort((a, b) => b[1] - a[1])[0]!;

const fake = await startFakeLlm();
const router = createRouter({
  providers: [{ id: 'fake', kind: 'openai', local: false, apiKey: 'sk-bench', baseURL: fake.openaiBaseURL, models: ['fake-small'] }],
});
const sdk = new OpenAI({ apiKey: 'sk-bench', baseURL: fake.openaiBaseURL, maxRetries: 0 });
const question = 'What is the capital of France and why is it famous?';

async function direct() {
  const stream = await sdk.chat.completions.create({
    model: 'fake-small',
    messages: [{ role: 'user', content: question }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  return text;
}
async function routed() {
  const decision = router.decide(classify({ message: question }));
  let text = '';
  await router.chat(decision, { messages: [{ role: 'user', content: question }] }, { onDelta: (d) => (text += d) });
  return text;
}

const iterations = 200;
for (let i = 0; i < 20; i++) {
  await direct();
  await routed();
}
const directMs: number[] = [];
const routedMs: number[] = [];
for (let i = 0; i < iterations; i++) {
  // Interleave so both see the same machine load.
  let started = performance.now();
  await direct();
  directMs.push(performance.now() - started);
  started = performance.now();
  await routed();
  routedMs.push(performance.now() - started);
}
fake.reset();
await fake.close();

const summary = (values: number[]) => ({ p50: round(percentile(values, 50), 2), p99: round(percentile(values, 99), 2) });
const d = summary(directMs);
const r = summary(routedMs);
console.log(
  JSON.stringify(
    {
      classify: { messages: corpus.length, samples: classifyMicros.length, p50Us: round(percentile(classifyMicros, 50)), p99Us: round(percentile(classifyMicros, 99)), maxUs: round(Math.max(...classifyMicros)) },
      hostileClassify: {
        inputChars: 100_000,
        inputs: Object.keys(hostileMs).length,
        targetMs: HOSTILE_TARGET_MS,
        worst: { input: worstName, medianMs: worstMs, medianCpuMs: hostileCpuMs[worstName] },
        withinTarget: worstMs < HOSTILE_TARGET_MS,
        medianMsByInput: hostileMs,
        medianCpuMsByInput: hostileCpuMs,
      },
      chat: {
        iterations,
        directSdkMs: d,
        routedMs: r,
        overheadMs: { p50: round(r.p50 - d.p50, 2), p99: round(r.p99 - d.p99, 2) },
      },
      node: process.version,
    },
    null,
    2,
  ),
);
