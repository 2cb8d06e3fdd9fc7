// Retrieval over a VectorStore: dense (embedding) search, optionally fused with a keyword
// (BM25) ranking by reciprocal rank fusion. Query embeddings are cached in a small LRU.
import MiniSearch from 'minisearch';
import type { Embedder, QueryHit, VectorStore } from './types';

export type RetrievalMode = 'dense' | 'hybrid';

/** Anything Map-like: a Map, an LRU, or a shared cache adapter. */
export interface QueryEmbeddingCache {
  get(key: string): number[] | undefined;
  set(key: string, value: number[]): unknown;
}

/** A small least-recently-used cache (a Map keeps insertion order; re-inserting refreshes). */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly maxEntries = 256) {}
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return this;
  }
  get size(): number {
    return this.entries.size;
  }
}

export interface RetrieverOptions {
  store: VectorStore;
  embedder: Embedder;
  /**
   * Default 'hybrid': on the golden set (eval/) it is at least as good as dense on paraphrased
   * questions and finds exact identifiers (error codes, part numbers) that the sentence encoder
   * misses (identifier recall@1 0.56 dense vs 0.89 hybrid; see the eval README).
   */
  mode?: RetrievalMode;
  queryCache?: QueryEmbeddingCache;
  /** How many dense candidates hybrid search re-ranks (at least k). */
  candidatePool?: number;
  /** Weights of the rankings fused in hybrid mode. */
  fusionWeights?: Partial<FusionWeights>;
}

export interface FusionWeights {
  /** Embedding similarity ranking. */
  dense: number;
  /** BM25 ranking over all candidates. */
  keyword: number;
  /** Chunks that literally contain an identifier of the query (error code, part number). */
  exact: number;
}

/**
 * Chosen on the golden set (`pnpm eval:retrieval -- --variants` prints the alternatives).
 * BM25 over a small candidate set is noisy for paraphrased questions (common words such as
 * "business" or "costs" pull in the wrong chunks): at full weight it pushed a paraphrase out of
 * the top 5, at a quarter it never ranks worse than dense alone. An exact identifier match is
 * strong evidence and counts fully.
 */
export const defaultFusionWeights: FusionWeights = { dense: 1, keyword: 0.25, exact: 1 };

export interface SearchRequest {
  ownerId: string;
  query: string;
  k: number;
  documentIds?: string[];
}

const RRF_K = 60;

const STOPWORDS = new Set(
  'a an and are as at be by can do does for from has have how i if in is it its of on or our should that the their there this to was we what when where which who why will with you your'.split(' '),
);

/** Tokens like E-4021, PX-220B, ERR_CONN_RESET, 0x80070005, v2.3.1, SKU12: kept whole for matching. */
export function identifierTokens(query: string): string[] {
  const tokens = query.match(/[\p{L}\p{N}][\p{L}\p{N}_\-./:#]*[\p{L}\p{N}]/gu) ?? [];
  return [
    ...new Set(
      tokens.filter(
        (token) =>
          (/\p{N}/u.test(token) && /[\p{L}_\-.:#]/u.test(token)) || // letters or separators with digits
          /[_]/.test(token) || // snake_case identifiers
          (/^[\p{Lu}\p{N}-]{3,}$/u.test(token) && /\p{Lu}/u.test(token)) || // ALLCAPS codes
          /^\p{N}{4,}$/u.test(token), // long numbers (order, ticket, invoice ids)
      ),
    ),
  ];
}

/** Words plus whole identifiers, so "PX-220B" matches as one token and as "px", "220b". */
function tokenize(text: string): string[] {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...words, ...identifierTokens(text)];
}

function processTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return STOPWORDS.has(lower) ? null : lower;
}

export class Retriever {
  readonly mode: RetrievalMode;
  private readonly store: VectorStore;
  private readonly embedder: Embedder;
  private readonly cache: QueryEmbeddingCache;
  private readonly candidatePool: number;
  private readonly weights: FusionWeights;

  constructor(opts: RetrieverOptions) {
    this.store = opts.store;
    this.embedder = opts.embedder;
    this.mode = opts.mode ?? 'hybrid';
    this.cache = opts.queryCache ?? new LruCache<number[]>(256);
    this.candidatePool = opts.candidatePool ?? 40;
    this.weights = { ...defaultFusionWeights, ...opts.fusionWeights };
  }

  async embedQuery(query: string): Promise<number[]> {
    const key = `${this.embedder.id}\u0000${query.trim()}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const [vector] = await this.embedder.embed([query.trim()]);
    if (!vector) throw new Error('the embedder returned no vector for the query');
    this.cache.set(key, vector);
    return vector;
  }

  async search(request: SearchRequest): Promise<QueryHit[]> {
    if (!request.ownerId) throw new Error('ownerId is required for every search');
    const k = Math.floor(request.k);
    if (k <= 0 || request.query.trim() === '') return [];
    const vector = await this.embedQuery(request.query);
    const scope = { ownerId: request.ownerId, ...(request.documentIds ? { documentIds: request.documentIds } : {}) };
    if (this.mode === 'dense') return this.store.query({ vector, k, ...scope });

    const pool = Math.max(k, this.candidatePool);
    const identifiers = identifierTokens(request.query);
    const [dense, literal] = await Promise.all([
      this.store.query({ vector, k: pool, ...scope }),
      identifiers.length > 0 && this.store.keywordCandidates
        ? this.store.keywordCandidates({
            terms: identifiers.flatMap((token) => [token, token.toUpperCase(), token.toLowerCase()]),
            limit: pool,
            ...scope,
          })
        : Promise.resolve([]),
    ]);
    return fuse(request.query, identifiers, dense, literal, k, this.weights);
  }
}

/** Reciprocal rank fusion of the dense ranking and a BM25 ranking over all candidates. */
function fuse(query: string, identifiers: string[], dense: QueryHit[], literal: QueryHit[], k: number, weights: FusionWeights): QueryHit[] {
  const candidates = new Map<string, QueryHit>();
  for (const hit of [...dense, ...literal]) if (!candidates.has(hit.id)) candidates.set(hit.id, hit);
  if (candidates.size === 0) return [];

  const index = new MiniSearch<QueryHit>({
    fields: ['text', 'title', 'heading'],
    idField: 'id',
    tokenize,
    processTerm,
  });
  index.addAll([...candidates.values()]);
  const keywordRanking = index.search(query, { combineWith: 'OR', boost: { title: 0.5, heading: 0.5 } }).map((result) => String(result.id));

  // Exact matches of the query's identifiers (any case), best BM25 first.
  const lowered = identifiers.map((token) => token.toLowerCase());
  const exactRanking = keywordRanking.filter((id) => {
    const text = (candidates.get(id) as QueryHit).text.toLowerCase();
    return lowered.some((token) => text.includes(token));
  });

  const fused = new Map<string, number>();
  const add = (ids: string[], weight: number) => ids.forEach((id, rank) => fused.set(id, (fused.get(id) ?? 0) + weight / (RRF_K + rank + 1)));
  add(dense.map((hit) => hit.id), weights.dense);
  add(keywordRanking, weights.keyword);
  add(exactRanking, weights.exact);
  const best = (weights.dense + weights.keyword + (exactRanking.length > 0 ? weights.exact : 0)) / (RRF_K + 1);
  return [...fused.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([id, score]) => ({ ...(candidates.get(id) as QueryHit), score: Math.min(1, score / best) }));
}
