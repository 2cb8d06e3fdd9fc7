// The answer eval's machinery, shared by `pnpm eval:answers` (run.ts) and the test that holds
// the target (answers.int.test.ts). Passages are retrieved the way the API does it: documents
// chunked by `chunkText` with the worker's default sizes, embedded by the real local sentence
// encoder, searched by the vectorstore `Retriever` (hybrid, k = 5 like RETRIEVAL_K) over an
// in-memory store, with the question found in the message as the query; summaries and dates of
// whole documents (named, the newest, or all of them) read those documents' passages instead, as
// the chat service plans it (extractive/document-plan.ts; the corpus is in upload order). The
// answerer then gets those passages and the same encoder, as in the API.
import {
  chunkText,
  LocalEmbedder,
  memoryKeywordLookup,
  Retriever,
  type ChunkRecord,
  type DenseQuery,
  type KeywordQuery,
  type QueryHit,
  type SearchScope,
  type StoredChunk,
  type VectorStore,
} from '@switchyard/vectorstore';
import { planDocumentContext, plannedPassages } from '../../src/extractive/document-plan';
import { cachedEmbedder, extractiveAnswer, type EmbedTexts, type ExtractiveDeps } from '../../src/providers/local-extractive';
import type { ContextPassage } from '../../src/types';
import { documents as firstDocuments, type EvalDocument } from './documents';
import { freshDocuments, freshQuestions } from './fresh';
import { fresh3Documents, fresh3Questions } from './fresh3';
import { fresh4Documents, fresh4Questions } from './fresh4';
import { questions as firstQuestions, NEWEST_DOCUMENT_QUESTION, type EvalQuestion, type QuestionKind } from './questions';

/** All four parts; documents in upload order (the last one is the most recent). */
const documents = [...firstDocuments, ...freshDocuments, ...fresh3Documents, ...fresh4Documents];
const questions = [...firstQuestions, ...freshQuestions, ...fresh3Questions, ...fresh4Questions].map((question) =>
  // "Summarize my most recent document" is answered by the last document uploaded, whichever part added it.
  question.question === NEWEST_DOCUMENT_QUESTION ? { ...question, expect: [(documents.at(-1) as EvalDocument).title] } : question,
);

/** Which part of the eval a question belongs to: each was written at a different time (see the files). */
export function batchOf(question: EvalQuestion): 'first' | 'fresh' | 'fresh3' | 'fresh4' {
  const asked = (part: EvalQuestion[]) => part.some((q) => q.question === question.question);
  if (asked(fresh4Questions)) return 'fresh4';
  return asked(fresh3Questions) ? 'fresh3' : asked(freshQuestions) ? 'fresh' : 'first';
}

const OWNER = 'eval-owner';
/** The worker's defaults (CHUNK_SIZE, CHUNK_OVERLAP) and the API's RETRIEVAL_K. */
const CHUNK_SIZE = 1000;
const CHUNK_OVERLAP = 150;
const RETRIEVAL_K = 5;
/** Share of the questions held out: never looked at while tuning. */
const HELD_OUT_SHARE = 0.3;

/** A store over arrays: cosine ranking and substring matching, as Chroma would answer. */
class InMemoryStore implements VectorStore {
  private readonly records: { record: ChunkRecord; vector: number[] }[] = [];

  async upsert(chunks: ChunkRecord[], embeddings: number[][]): Promise<void> {
    chunks.forEach((record, i) => this.records.push({ record, vector: embeddings[i] as number[] }));
  }

  async query(q: DenseQuery): Promise<QueryHit[]> {
    return this.records
      .filter(({ record }) => q.ownerId === undefined || record.ownerId === q.ownerId)
      .map(({ record, vector }) => ({ ...hitOf(record), score: Math.max(0, Math.min(1, cosine(q.vector, vector))) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, q.k);
  }

  /** Chunks by id with their vectors: how the retriever scores the keyword index's candidates. */
  async getChunks(ids: string[]): Promise<StoredChunk[]> {
    const wanted = new Set(ids);
    return this.records
      .filter(({ record }) => wanted.has(`${record.documentId}:${record.chunkIndex}`))
      .map(({ record, vector }) => ({ ...hitOf(record), score: 0, embedding: vector, version: record.version, start: record.start, end: record.end }));
  }

  async keywordCandidates(q: KeywordQuery): Promise<QueryHit[]> {
    return this.records
      .filter(({ record }) => record.ownerId === q.ownerId && q.terms.some((term) => record.text.includes(term)))
      .slice(0, q.limit)
      .map(({ record }) => ({ ...hitOf(record), score: 0 }));
  }

  // Not used by the eval: documents are indexed once and never changed.
  async deleteDocument(): Promise<number> {
    return 0;
  }
  async updateDocumentChunks(): Promise<number> {
    return 0;
  }
  async countDocument(documentId: string): Promise<number> {
    return this.records.filter(({ record }) => record.documentId === documentId).length;
  }
  async listDocumentChunks(documentId: string): Promise<QueryHit[]> {
    return this.records.filter(({ record }) => record.documentId === documentId).map(({ record }) => ({ ...hitOf(record), score: 1 }));
  }
  async ping(): Promise<boolean> {
    return true;
  }
}

function hitOf(record: ChunkRecord): Omit<QueryHit, 'score'> {
  return {
    id: `${record.documentId}:${record.chunkIndex}`,
    documentId: record.documentId,
    ownerId: record.ownerId,
    title: record.title,
    chunkIndex: record.chunkIndex,
    text: record.text,
    sensitivity: record.sensitivity,
    ...(record.heading ? { heading: record.heading } : {}),
  };
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] as number) * (b[i] as number);
    na += (a[i] as number) ** 2;
    nb += (b[i] as number) ** 2;
  }
  return dot / Math.sqrt(na * nb || 1);
}

/** FNV-1a: a stable split that does not depend on the order questions are listed in. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function isHeldOut(question: EvalQuestion): boolean {
  return question.heldOut ?? (hash(question.question) % 1000) / 1000 < HELD_OUT_SHARE;
}

const REFUSAL = /couldn't find the answer in your documents|couldn't find anything in your documents/;
const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

/** Whether an answer is right: it holds the expected fact, or honestly refuses when there is none. */
export function judge(question: EvalQuestion, answer: string): boolean {
  const refused = REFUSAL.test(answer);
  if (question.expect === null) return refused;
  if (refused) return false;
  const text = normalize(answer);
  if (question.expectAll) return question.expectAll.every((phrase) => text.includes(normalize(phrase)));
  return (question.expect ?? []).some((phrase) => text.includes(normalize(phrase)));
}

export interface Outcome {
  question: EvalQuestion;
  heldOut: boolean;
  correct: boolean;
  answer: string;
  /** How many sentences the answer quotes (citation markers). */
  quoted: number;
  passages: string[];
}

export interface AskOptions {
  /** false: words only, as when no embedder is given. */
  semantic?: boolean;
  /** false: the top 5 passages as ranked, without the retriever's relevance floor. */
  floor?: boolean;
  trace?: ExtractiveDeps['trace'];
  /** What is searched for, when it is not the question's own query (a follow-up searched with the questions before it). */
  searchFor?: string;
  /** The user's earlier messages in the conversation, oldest first, for the answerer. */
  earlier?: string[];
}

export interface EvalCorpus {
  ask(question: string, opts?: AskOptions): Promise<{ answer: string; passages: ContextPassage[] }>;
  chunks: number;
}

/** A document's text as another kind of file would give it, and the format it is then chunked as. */
export type Layout = (text: string) => { text: string; format: 'markdown' | 'text' };

/**
 * Chunks, embeds and indexes the documents once. `layout` rewrites each document's text first
 * (layout.ts: the same documents as a hard-wrapped text file or as a PDF's extracted lines).
 */
export async function buildCorpus(opts: { layout?: Layout } = {}): Promise<EvalCorpus> {
  const embedder = await LocalEmbedder.create();
  const store = new InMemoryStore();
  const allRecords: ChunkRecord[] = [];
  let chunks = 0;
  for (const doc of documents) {
    const laid = opts.layout ? opts.layout(doc.text) : { text: doc.text, format: doc.format };
    const pieces = await chunkText(laid.text, { format: laid.format, chunkSize: CHUNK_SIZE, chunkOverlap: CHUNK_OVERLAP });
    const records: ChunkRecord[] = pieces.map((piece) => ({ ...piece, documentId: doc.id, ownerId: OWNER, title: doc.title, sensitivity: 'internal', version: 'eval' }));
    await store.upsert(records, await embedder.embed(records.map((record) => record.text)));
    allRecords.push(...records);
    chunks += records.length;
  }
  const retriever = new Retriever({ store, embedder });
  // One collection holding every document, searched as the API searches a collection: its own
  // index, with keyword candidates from its keyword index over all of its chunks.
  const scope: SearchScope = { store, embedder, keywords: memoryKeywordLookup(allRecords) };
  const newestFirst = [...documents].reverse().map((doc) => ({ id: doc.id, title: doc.title }));
  const embed: EmbedTexts = cachedEmbedder((texts) => embedder.embed(texts));
  return {
    chunks,
    async ask(question, opts = {}) {
      // As the chat service does: summaries and dates of named, the newest or all documents read
      // those documents; everything else is searched.
      const plan = planDocumentContext(question, newestFirst);
      const hits =
        plan.kind === 'documents'
          ? plannedPassages(plan, await Promise.all(plan.documentIds.map((id) => store.listDocumentChunks(id))))
          : await retriever.search({ scopes: [scope], query: opts.searchFor ?? plan.query, k: RETRIEVAL_K, ...(opts.floor === false ? { relevanceFloor: 0 } : {}) });
      const passages: ContextPassage[] = hits.map((hit) => ({
        id: hit.id,
        documentId: hit.documentId,
        title: hit.title,
        chunkIndex: hit.chunkIndex,
        text: hit.text,
        sensitivity: hit.sensitivity,
        score: hit.score,
      }));
      const answer = await extractiveAnswer(question, passages, { ...(opts.semantic === false ? {} : { embed }), ...(opts.trace ? { trace: opts.trace } : {}) }, opts.earlier ?? []);
      return { answer: answer.text, passages };
    },
  };
}

export async function runEval(corpus: EvalCorpus, opts: AskOptions = {}): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const question of questions) {
    const { answer, passages } = await corpus.ask(question.question, opts);
    outcomes.push({
      question,
      heldOut: isHeldOut(question),
      correct: judge(question, answer),
      answer,
      quoted: (answer.match(/\[\d+\]/g) ?? []).length,
      passages: passages.map((p) => p.id),
    });
  }
  return outcomes;
}

export function accuracy(outcomes: Outcome[]): { questions: number; correct: number; accuracy: number } {
  const correct = outcomes.filter((o) => o.correct).length;
  return { questions: outcomes.length, correct, accuracy: outcomes.length === 0 ? 0 : Math.round((correct / outcomes.length) * 1000) / 1000 };
}

export function byKind(outcomes: Outcome[]): Record<QuestionKind, ReturnType<typeof accuracy>> {
  const kinds = [...new Set(outcomes.map((o) => o.question.kind))];
  return Object.fromEntries(kinds.map((kind) => [kind, accuracy(outcomes.filter((o) => o.question.kind === kind))])) as Record<QuestionKind, ReturnType<typeof accuracy>>;
}

export { documents, questions };
