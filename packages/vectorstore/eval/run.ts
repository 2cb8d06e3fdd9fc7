// Retrieval evaluation: indexes the golden set with the real LocalEmbedder into a real Chroma
// (a throwaway collection), asks every question in dense and hybrid mode and prints recall@1,
// recall@5 and MRR (document level) as JSON.   pnpm eval:retrieval
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureChroma } from '@switchyard/stack';
import { ChromaClient } from 'chromadb';
import { ChromaStore, chunkText, LocalEmbedder, Retriever, type ChunkRecord, type FusionWeights, type RetrievalMode } from '../src/index';
import { documents, questions, type GoldenQuestion } from './golden-set';

const CHROMA_URL = 'http://127.0.0.1:8098';
const OWNER = 'eval-owner';
const SEARCH_K = 10;

interface Metrics {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

function metrics(ranks: (number | undefined)[]): Metrics {
  const n = ranks.length;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    questions: n,
    recallAt1: round(ranks.filter((rank) => rank === 1).length / n),
    recallAt5: round(ranks.filter((rank) => rank !== undefined && rank <= 5).length / n),
    mrr: round(ranks.reduce<number>((sum, rank) => sum + (rank ? 1 / rank : 0), 0) / n),
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchyard-eval-chroma-'));
  const chroma = await ensureChroma({ url: CHROMA_URL, dataDir });
  const collectionPrefix = `eval${Date.now().toString(36)}_`;
  const embedder = await LocalEmbedder.create();
  const store = new ChromaStore({ url: CHROMA_URL, collectionPrefix, embedder });
  try {
    const records: ChunkRecord[] = [];
    for (const doc of documents) {
      const chunks = await chunkText(doc.text, { format: 'markdown', chunkSize: 300, chunkOverlap: 50 });
      records.push(...chunks.map((chunk) => ({ ...chunk, documentId: doc.id, ownerId: OWNER, title: doc.title, sensitivity: 'internal' as const, version: 'eval' })));
    }
    // Another owner holds copies of everything: none of it may ever show up.
    const foreign = records.map((record) => ({ ...record, documentId: `other-${record.documentId}`, ownerId: 'someone-else' }));
    const vectors = await embedder.embed(records.map((record) => record.text));
    await store.upsert([...records, ...foreign], [...vectors, ...vectors]);

    const result: Record<string, unknown> = {
      documents: documents.length,
      chunks: records.length,
      questions: { paraphrase: questions.filter((q) => q.kind === 'paraphrase').length, identifier: questions.filter((q) => q.kind === 'identifier').length },
      embedder: embedder.id,
    };
    const misses: Record<string, string[]> = {};
    const variants: { name: string; mode: RetrievalMode; fusionWeights?: FusionWeights }[] = [
      { name: 'dense', mode: 'dense' },
      { name: 'hybrid', mode: 'hybrid' },
      ...(process.argv.includes('--variants') ? [
        { name: 'hybrid-w1-1-0', mode: 'hybrid' as const, fusionWeights: { dense: 1, keyword: 1, exact: 0 } },
        { name: 'hybrid-w1-1-1', mode: 'hybrid' as const, fusionWeights: { dense: 1, keyword: 1, exact: 1 } },
        { name: 'hybrid-w1-.25-1', mode: 'hybrid' as const, fusionWeights: { dense: 1, keyword: 0.25, exact: 1 } },
        { name: 'hybrid-w1-0-1', mode: 'hybrid' as const, fusionWeights: { dense: 1, keyword: 0, exact: 1 } },
      ] : []),
    ];
    for (const { name: mode, ...options } of variants) {
      const retriever = new Retriever({ store, embedder, ...options });
      const ranks = new Map<GoldenQuestion, number | undefined>();
      const started = performance.now();
      for (const question of questions) {
        const hits = await retriever.search({ ownerId: OWNER, query: question.question, k: SEARCH_K });
        if (hits.some((hit) => hit.ownerId !== OWNER)) throw new Error(`${mode} returned another owner's chunk`);
        const rankedDocuments = [...new Set(hits.map((hit) => hit.documentId))];
        const index = rankedDocuments.indexOf(question.documentId);
        ranks.set(question, index >= 0 ? index + 1 : undefined);
      }
      const msPerQuery = (performance.now() - started) / questions.length;
      const of = (kind?: GoldenQuestion['kind']) => metrics(questions.filter((q) => !kind || q.kind === kind).map((q) => ranks.get(q)));
      result[mode] = { all: of(), paraphrase: of('paraphrase'), identifier: of('identifier'), msPerQuery: Math.round(msPerQuery * 10) / 10 };
      misses[mode] = questions.filter((q) => ranks.get(q) !== 1).map((q) => `${q.question} -> rank ${ranks.get(q) ?? '>10'}`);
    }
    result.notTopRanked = misses;
    console.log(JSON.stringify(result, null, 2));
  } finally {
    const url = new URL(CHROMA_URL);
    await new ChromaClient({ host: url.hostname, port: Number(url.port) }).deleteCollection({ name: store.collectionName }).catch(() => undefined);
    await chroma.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
