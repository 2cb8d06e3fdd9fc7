// Retrieval evaluation: indexes the golden set with the real LocalEmbedder into a real Chroma
// (throwaway collections, at two chunk sizes), asks every question in dense and hybrid mode and
// prints JSON: recall@1, recall@5 and MRR (document level), and the relevance floor's figures:
// how many relevant answers it keeps and how many off-topic queries it answers with nothing.
//   pnpm eval:retrieval [-- --variants] [-- --sweep]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureChroma } from '@switchyard/stack';
import { ChromaClient } from 'chromadb';
import {
  ChromaIndexes,
  ChromaStore,
  chunkText,
  LocalEmbedder,
  memoryKeywordLookup,
  passesRelevanceFloor,
  Retriever,
  type ChunkRecord,
  type FusionWeights,
  type RetrievalMode,
  type RetrievedHit,
  type SearchScope,
} from '../src/index';
import { documents, offTopicQueries, questions, type GoldenQuestion, type OffTopicQuery } from './golden-set';

const CHROMA_URL = 'http://127.0.0.1:8098';
const OWNER = 'eval-owner';
const SEARCH_K = 10;
/** The chunk sizes indexed: the eval's historical 300 and the worker's default 1000. */
const CHUNK_SIZES = [300, 1000];
const round = (x: number) => Math.round(x * 1000) / 1000;

interface Metrics {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

function metrics(ranks: (number | undefined)[]): Metrics {
  const n = ranks.length;
  return {
    questions: n,
    recallAt1: round(ranks.filter((rank) => rank === 1).length / n),
    recallAt5: round(ranks.filter((rank) => rank !== undefined && rank <= 5).length / n),
    mrr: round(ranks.reduce<number>((sum, rank) => sum + (rank ? 1 / rank : 0), 0) / n),
  };
}

/** Rank (1-based) of the answering document among the documents of the hits, if present. */
function rankOf(hits: RetrievedHit[], documentId: string): number | undefined {
  const index = [...new Set(hits.map((hit) => hit.documentId))].indexOf(documentId);
  return index >= 0 ? index + 1 : undefined;
}

interface FloorFigures {
  floor: number;
  /** Relevant questions whose answering document is still in the top 5 after the floor. */
  relevantRecallAt5: number;
  /** Off-topic queries that get no passage at all. */
  offTopicRejected: number;
  /** Passages of other documents that pass the floor, per relevant question. */
  strayPassagesPerQuestion: number;
}

function floorFigures(floor: number, relevant: Map<GoldenQuestion, RetrievedHit[]>, offTopic: Map<OffTopicQuery, RetrievedHit[]>): FloorFigures {
  const pass = (hits: RetrievedHit[]) => hits.filter((hit) => passesRelevanceFloor(hit, floor));
  let kept = 0;
  let stray = 0;
  for (const [question, hits] of relevant) {
    const passing = pass(hits);
    const rank = rankOf(passing, question.documentId);
    if (rank !== undefined && rank <= 5) kept += 1;
    stray += passing.filter((hit) => hit.documentId !== question.documentId).length;
  }
  const rejected = [...offTopic.values()].filter((hits) => pass(hits).length === 0).length;
  return {
    floor: round(floor),
    relevantRecallAt5: round(kept / relevant.size),
    offTopicRejected: round(rejected / offTopic.size),
    strayPassagesPerQuestion: round(stray / relevant.size),
  };
}

/** Where the eval searches: the one collection's own index with its keyword index (as the API does), or the old shared index filtered by owner. */
interface EvalIndexes {
  shared: ChromaStore;
  collection: SearchScope;
}

async function evaluate(indexes: EvalIndexes, embedder: LocalEmbedder, sweep: boolean): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  const misses: Record<string, string[]> = {};
  type Variant = { name: string; mode: RetrievalMode; fusionWeights?: Partial<FusionWeights>; where: 'collection' | 'shared' };
  const variants: Variant[] = [
    { name: 'dense', mode: 'dense', where: 'collection' },
    // The default: a collection's own index, keyword candidates from the whole collection.
    { name: 'hybrid', mode: 'hybrid', where: 'collection' },
    // Before collections: keyword evidence only among the dense candidates (and identifiers via the store).
    { name: 'hybrid-candidates-only', mode: 'hybrid', where: 'shared' },
    ...(process.argv.includes('--variants')
      ? ([
          { name: 'hybrid-rare0', mode: 'hybrid', where: 'collection', fusionWeights: { rare: 0 } },
          { name: 'hybrid-rare.25', mode: 'hybrid', where: 'collection', fusionWeights: { rare: 0.25 } },
          { name: 'hybrid-rare.5', mode: 'hybrid', where: 'collection', fusionWeights: { rare: 0.5 } },
          { name: 'hybrid-w1-1-0', mode: 'hybrid', where: 'shared', fusionWeights: { dense: 1, keyword: 1, exact: 0, rare: 0 } },
          { name: 'hybrid-w1-1-1', mode: 'hybrid', where: 'shared', fusionWeights: { dense: 1, keyword: 1, exact: 1, rare: 0 } },
          { name: 'hybrid-w1-0-1', mode: 'hybrid', where: 'shared', fusionWeights: { dense: 1, keyword: 0, exact: 1, rare: 0 } },
        ] satisfies Variant[])
      : []),
  ];
  for (const { name, where, ...options } of variants) {
    const retriever = new Retriever({ store: indexes.shared, embedder, ...options });
    const search = async (query: string, relevanceFloor?: number) => {
      const scope = where === 'collection' ? { scopes: [indexes.collection] } : { ownerId: OWNER };
      const hits = await retriever.search({ query, k: SEARCH_K, ...scope, ...(relevanceFloor !== undefined ? { relevanceFloor } : {}) });
      if (hits.some((hit) => hit.ownerId !== OWNER)) throw new Error(`${name} returned another owner's chunk`);
      return hits;
    };

    // Ranking quality without the floor (comparable with earlier runs) and with the default floor.
    const unfloored = new Map<GoldenQuestion, RetrievedHit[]>();
    const floored = new Map<GoldenQuestion, RetrievedHit[]>();
    const started = performance.now();
    for (const question of questions) unfloored.set(question, await search(question.question, 0));
    const msPerQuery = (performance.now() - started) / questions.length;
    for (const question of questions) floored.set(question, await search(question.question));
    const offTopicUnfloored = new Map<OffTopicQuery, RetrievedHit[]>();
    const offTopicFloored = new Map<OffTopicQuery, RetrievedHit[]>();
    for (const query of offTopicQueries) {
      offTopicUnfloored.set(query, await search(query.query, 0));
      offTopicFloored.set(query, await search(query.query));
    }

    const of = (hits: Map<GoldenQuestion, RetrievedHit[]>, kind?: GoldenQuestion['kind']) =>
      metrics(questions.filter((q) => !kind || q.kind === kind).map((q) => rankOf(hits.get(q) ?? [], q.documentId)));
    const byKind = (hits: Map<GoldenQuestion, RetrievedHit[]>) => ({
      all: of(hits),
      paraphrase: of(hits, 'paraphrase'),
      identifier: of(hits, 'identifier'),
      keyword: of(hits, 'keyword'),
    });
    const families = [...new Set(offTopicQueries.map((q) => q.family))];
    result[name] = {
      withoutFloor: byKind(unfloored),
      withFloor: {
        floor: retriever.relevanceFloor,
        ...byKind(floored),
        offTopicRejected: round([...offTopicFloored.values()].filter((hits) => hits.length === 0).length / offTopicQueries.length),
        offTopicRejectedByFamily: Object.fromEntries(
          families.map((family) => {
            const ofFamily = offTopicQueries.filter((q) => q.family === family);
            return [family, `${ofFamily.filter((q) => offTopicFloored.get(q)?.length === 0).length}/${ofFamily.length}`];
          }),
        ),
        offTopicAnswered: offTopicQueries
          .filter((q) => (offTopicFloored.get(q)?.length ?? 0) > 0)
          .map((q) => `${q.query} -> ${offTopicFloored.get(q)?.length} passages, best relevance ${round(Math.max(...(offTopicFloored.get(q) ?? []).map((hit) => hit.relevance)))}`),
        relevantLost: questions
          .filter((q) => rankOf(floored.get(q) ?? [], q.documentId) === undefined)
          .map((q) => `${q.question} -> best relevance of its document ${round(Math.max(0, ...(unfloored.get(q) ?? []).filter((hit) => hit.documentId === q.documentId).map((hit) => hit.relevance)))}`),
      },
      msPerQuery: Math.round(msPerQuery * 10) / 10,
    };
    misses[name] = questions.filter((q) => rankOf(unfloored.get(q) ?? [], q.documentId) !== 1).map((q) => `${q.question} -> rank ${rankOf(unfloored.get(q) ?? [], q.documentId) ?? '>10'}`);

    if (sweep) {
      const figures: FloorFigures[] = [];
      for (let floor = 0.25; floor <= 0.651; floor += 0.01) figures.push(floorFigures(floor, unfloored, offTopicUnfloored));
      result[`${name}FloorSweep`] = figures;
    }
  }
  result.notTopRankedWithoutFloor = misses;
  return result;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-eval-chroma-'));
  const chroma = await ensureChroma({ url: CHROMA_URL, dataDir });
  const embedder = await LocalEmbedder.create();
  const stores: ChromaStore[] = [];
  const indexes = new ChromaIndexes({ url: CHROMA_URL, collectionPrefix: `eval${Date.now().toString(36)}_` });
  const output: Record<string, unknown> = {
    documents: documents.length,
    questions: Object.fromEntries(['paraphrase', 'identifier', 'keyword'].map((kind) => [kind, questions.filter((q) => q.kind === kind).length])),
    offTopicQueries: offTopicQueries.length,
    embedder: embedder.id,
  };
  try {
    for (const chunkSize of CHUNK_SIZES) {
      const store = new ChromaStore({ url: CHROMA_URL, collectionPrefix: `eval${Date.now().toString(36)}_${chunkSize}_`, embedder });
      stores.push(store);
      const records: ChunkRecord[] = [];
      for (const doc of documents) {
        const chunks = await chunkText(doc.text, { format: 'markdown', chunkSize, chunkOverlap: Math.round(chunkSize / 6) });
        records.push(...chunks.map((chunk) => ({ ...chunk, documentId: doc.id, ownerId: OWNER, title: doc.title, sensitivity: 'internal' as const, version: 'eval' })));
      }
      // Another owner holds copies of everything: none of it may ever show up.
      const foreign = records.map((record) => ({ ...record, documentId: `other-${record.documentId}`, ownerId: 'someone-else' }));
      const vectors = await embedder.embed(records.map((record) => record.text));
      await store.upsert([...records, ...foreign], [...vectors, ...vectors]);
      // The same chunks in a collection's own index (no other owner's chunks in it at all).
      const collectionStore = indexes.forCollection(`golden${chunkSize}`, embedder);
      stores.push(collectionStore);
      await collectionStore.upsert(records, vectors);
      const collection: SearchScope = { store: collectionStore, embedder, keywords: memoryKeywordLookup(records) };
      output[`chunkSize${chunkSize}`] = { chunks: records.length, ...(await evaluate({ shared: store, collection }, embedder, process.argv.includes('--sweep'))) };
    }
    console.log(JSON.stringify(output, null, 2));
  } finally {
    const url = new URL(CHROMA_URL);
    const client = new ChromaClient({ host: url.hostname, port: Number(url.port) });
    for (const store of stores) await client.deleteCollection({ name: store.collectionName }).catch(() => undefined);
    await chroma.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
