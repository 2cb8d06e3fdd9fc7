import { testEnv, uniqueId } from '@switchyard/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkText } from './chunk';
import { ChromaStore } from './chroma-store';
import { LocalEmbedder } from './embedders';
import { contentTerms, defaultRelevanceFloor, identifierTokens, LruCache, passageSentences, Retriever } from './retriever';
import type { ChunkRecord, Embedder } from './types';

const env = testEnv();
let embedder: LocalEmbedder;
let store: ChromaStore;

const docs = {
  printer: 'Printer codes. E-201: paper jam in tray 2. E-305: toner not recognized. E-417: fuser overheated, switch off for thirty minutes.',
  payments: 'Payments API. PAY-4021: card declined by the bank. PAY-4090: idempotency key reused with another body. PAY-5003: acquirer timeout.',
  pump: 'Pump maintenance. Impeller part HX-220B fits models HX-200 to HX-260. Shaft seal kit SK-7731 for dripping housings.',
  volcano: 'Volcanologists watch earthquake swarms, ground swelling and sulphur dioxide to predict eruptions.',
  bread: 'A sourdough starter is fed daily with flour and water and is ready when it doubles within six hours.',
};

async function ingestAll(ownerId: string): Promise<Record<keyof typeof docs, string>> {
  const ids = {} as Record<keyof typeof docs, string>;
  for (const [name, text] of Object.entries(docs) as [keyof typeof docs, string][]) {
    ids[name] = uniqueId(name);
    const chunks = await chunkText(text);
    const records: ChunkRecord[] = chunks.map((chunk) => ({ ...chunk, documentId: ids[name], ownerId, title: name, sensitivity: 'internal', version: 'v1' }));
    await store.upsert(records, await embedder.embed(records.map((record) => record.text)));
  }
  return ids;
}

beforeAll(async () => {
  embedder = await LocalEmbedder.create();
  store = new ChromaStore({ url: env.chromaUrl, collectionPrefix: env.collectionPrefix, embedder });
});

describe('Retriever', () => {
  it('hybrid search puts the chunk with the exact error code first', async () => {
    const ownerId = uniqueId('owner');
    const ids = await ingestAll(ownerId);
    const hybrid = new Retriever({ store, embedder, mode: 'hybrid' });
    for (const [query, expected] of [
      ['E-417', ids.printer],
      ['what is PAY-4090', ids.payments],
      ['SK-7731', ids.pump],
    ] as const) {
      const hits = await hybrid.search({ ownerId, query, k: 3 });
      expect(hits[0]?.documentId, query).toBe(expected);
      expect(hits[0]!.score).toBeGreaterThan(0);
      expect(hits[0]!.score).toBeLessThanOrEqual(1);
    }
    // Questions by meaning still work in both modes.
    for (const mode of ['dense', 'hybrid'] as const) {
      const hits = await new Retriever({ store, embedder, mode }).search({ ownerId, query: 'how do scientists know lava is coming?', k: 2 });
      expect(hits[0]?.documentId, mode).toBe(ids.volcano);
    }
  });

  it("never returns another owner's chunks, even when only they contain the identifier", async () => {
    const alice = uniqueId('alice');
    const bob = uniqueId('bob');
    await ingestAll(bob);
    const aliceIds = await ingestAll(alice);
    for (const mode of ['dense', 'hybrid'] as const) {
      const retriever = new Retriever({ store, embedder, mode });
      const hits = await retriever.search({ ownerId: alice, query: 'PAY-4021 declined card', k: 20 });
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((hit) => hit.ownerId === alice)).toBe(true);
      const scoped = await retriever.search({ ownerId: alice, query: 'E-417', k: 5, documentIds: [aliceIds.bread], relevanceFloor: 0 });
      expect(scoped.map((hit) => hit.documentId)).toEqual([aliceIds.bread]);
    }
    await expect(new Retriever({ store, embedder }).search({ ownerId: '', query: 'x', k: 1 })).rejects.toThrow(/ownerId/);
  });

  it('answers a question none of the documents is about with no passages, in both modes', async () => {
    const ownerId = uniqueId('owner');
    const ids = await ingestAll(ownerId);
    const offTopic = ['What is the capital of France?', 'blorp zizzle frumious wug', 'hi, how are you?', 'Who won the World Cup in 2014?', 'asdfghjkl'];
    for (const mode of ['dense', 'hybrid'] as const) {
      const retriever = new Retriever({ store, embedder, mode });
      expect(retriever.relevanceFloor).toBe(defaultRelevanceFloor(embedder.id));
      for (const query of offTopic) {
        expect(await retriever.search({ ownerId, query, k: 8 }), `${mode}: ${query}`).toEqual([]);
        // The control: without the floor the same search fills the page with passages.
        expect((await retriever.search({ ownerId, query, k: 8, relevanceFloor: 0 })).length, `${mode}: ${query}`).toBe(5);
      }
      // A question the documents answer still finds its passage, and only passages that are about it.
      const hits = await retriever.search({ ownerId, query: 'how do scientists know lava is coming?', k: 8 });
      expect(hits[0]?.documentId, mode).toBe(ids.volcano);
      expect(hits.length, mode).toBeLessThan(5);
      expect(hits.every((hit) => hit.relevance >= retriever.relevanceFloor || hit.exactMatch || (hit.sentenceRelevance ?? 0) >= retriever.sentenceRelevanceFloor)).toBe(true);
    }
  });

  it('lets a passage holding the exact identifier of the query through, whatever its similarity', async () => {
    const ownerId = uniqueId('owner');
    const ids = await ingestAll(ownerId);
    // A floor nothing reaches by similarity: only the literal match remains.
    const strict = new Retriever({ store, embedder, relevanceFloor: 1, sentenceRelevanceFloor: 0 });
    const hits = await strict.search({ ownerId, query: 'where do I order SK-7731', k: 5 });
    expect(hits.map((hit) => hit.documentId)).toEqual([ids.pump]);
    expect(hits[0]?.exactMatch).toBe(true);
    expect(await strict.search({ ownerId, query: 'where do I order a shaft seal', k: 5 })).toEqual([]);
  });

  it('finds a long passage that answers a short question in one of its sentences, and still nothing for off-topic questions', async () => {
    const ownerId = uniqueId('owner');
    const handbook = [
      '## Working at Northwind',
      'Visitors sign in at reception and wear a badge at all times. The car park closes at 22:00 and the building at midnight.',
      'Security incidents such as a lost laptop are reported to the service desk within one hour.',
      'Our core hours are 10:00 to 15:00, Monday to Friday. Overtime must be approved in advance by your manager and is compensated with time off in lieu.',
      'Employees may work from home up to three days per week. We provide a one-time home office allowance of 400 euros for a chair, a desk or a monitor.',
      'The notice period after probation is one month for the first two years and three months after that. Return your laptop, badge and any company cards on your last day.',
      'If you are ill, tell your manager before 9:00. From the fourth consecutive day of illness you need a doctor\'s note.',
      'Hotel costs on business trips are reimbursed up to 180 euros per night, or 250 euros in London, Paris and Zurich.',
      'Partners receive 8 weeks of paid parental leave, to be taken within the first year after the birth.',
      'Every employee has a learning budget of 1,500 euros per year for courses, conferences and books. Unused budget does not carry over.',
    ].join('\n\n');
    const records: ChunkRecord[] = [{ documentId: uniqueId('handbook'), ownerId, title: 'Handbook', chunkIndex: 0, start: 0, end: handbook.length, text: handbook, sensitivity: 'internal', version: 'v1' }];
    await store.upsert(records, await embedder.embed([handbook]));
    const retriever = new Retriever({ store, embedder });
    const question = 'How much can I spend on courses each year?';
    const hits = await retriever.search({ ownerId, query: question, k: 5 });
    expect(hits.map((hit) => hit.documentId)).toEqual([records[0]!.documentId]);
    // The passage as a whole is under the floor: one sentence of it carries it.
    expect(hits[0]!.relevance).toBeLessThan(retriever.relevanceFloor);
    expect(hits[0]!.sentenceRelevance).toBeGreaterThanOrEqual(retriever.sentenceRelevanceFloor);
    expect(await retriever.search({ ownerId, query: question, k: 5, sentenceRelevanceFloor: 0 })).toEqual([]);
    for (const query of ['What is the capital of France?', 'good morning!', 'How do I learn to play the guitar?', 'asdfghjkl']) {
      expect(await retriever.search({ ownerId, query, k: 5 }), query).toEqual([]);
    }
  });

  it('splits a passage into sentences without markdown markers, leaving out headings', () => {
    expect(passageSentences('## Refunds\n- Refunds are paid within 14 days. Ask support first!\n2. Keep the receipt for a year.')).toEqual([
      'Refunds are paid within 14 days.',
      'Ask support first!',
      'Keep the receipt for a year.',
    ]);
  });

  it('refuses a relevance floor outside 0..1 instead of ignoring it', () => {
    expect(() => new Retriever({ store, embedder, relevanceFloor: 1.5 })).toThrow(/relevanceFloor/);
    expect(() => new Retriever({ store, embedder, relevanceFloor: Number.NaN })).toThrow(/relevanceFloor/);
  });

  it('embeds a repeated query only once', async () => {
    let calls = 0;
    const counting: Embedder = { id: embedder.id, dimensions: embedder.dimensions, embed: (texts) => ((calls += 1), embedder.embed(texts)) };
    const retriever = new Retriever({ store, embedder: counting, mode: 'dense' });
    const ownerId = uniqueId('owner');
    await retriever.search({ ownerId, query: 'toner problems', k: 3 });
    await retriever.search({ ownerId, query: 'toner problems', k: 3 });
    expect(calls).toBe(1);
    await retriever.search({ ownerId, query: 'paper jam', k: 3 });
    expect(calls).toBe(2);
  });
});

describe('LruCache and identifierTokens', () => {
  it('evicts the least recently used entry', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1).set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.size).toBe(2);
  });

  it('reads the content words of a query: no function words, plural and verb endings stripped', () => {
    expect([...contentTerms('Why do my tomatoes keep cracking?')]).toEqual(['tomato', 'keep', 'crack']);
    expect([...contentTerms('What is the')]).toEqual([]);
  });

  it('picks out codes and part numbers but not ordinary words', () => {
    expect(identifierTokens('what does E-417 mean for part HX-220B, ERR_CONN_RESET or order 58213?')).toEqual(['E-417', 'HX-220B', 'ERR_CONN_RESET', '58213']);
    expect(identifierTokens('how do I reset my password')).toEqual([]);
  });
});
