// Retrieval over one or several indexes (one per collection): dense (embedding) search, optionally
// fused with keyword rankings by reciprocal rank fusion. Keyword candidates come from the whole
// collection (its keyword index: every chunk holding a rare word or an identifier of the query),
// not only from the dense candidates. Query embeddings are cached in a small LRU.
import MiniSearch from 'minisearch';
import { cosineSimilarity } from './similarity';
import type { Embedder, KeywordLookup, QueryHit, VectorStore } from './types';

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
  /** The index searched when a request names no scopes (the shared index, filtered by owner). */
  store?: VectorStore;
  /** Embeds queries for indexes whose scope names no embedder of its own. */
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
  /**
   * The relevance floor: a passage whose embedding similarity to the query is below it is not
   * returned, unless it literally contains an identifier of the query. Default: the calibrated
   * floor of the embedder (`defaultRelevanceFloor`); 0 turns the floor off.
   */
  relevanceFloor?: number;
  /**
   * The sentence floor: a passage under the relevance floor still passes when one of its
   * sentences is this relevant to the query on its own (`sentenceRelevance`). Default: the
   * calibrated one of the embedder (`defaultSentenceRelevanceFloor`); 0 turns it off.
   */
  sentenceRelevanceFloor?: number;
}

export interface FusionWeights {
  /** Embedding similarity ranking. */
  dense: number;
  /** BM25 ranking over all candidates. */
  keyword: number;
  /** Chunks that literally contain an identifier of the query (error code, part number). */
  exact: number;
  /**
   * Chunks that hold a rare word of the query, found in the whole collection by its keyword index
   * and ranked by how rare the words are (inverse document frequency).
   */
  rare: number;
}

/**
 * Chosen on the golden set (`pnpm eval:retrieval -- --variants` prints the alternatives). The
 * rare-term ranking counts fully: with the floor it gives recall@1 0.873 / 0.873 (chunks of 300 /
 * 1000 characters) against 0.859 / 0.845 with keyword evidence from the dense candidates only, the
 * same at 0.25, and it is what lifts a chunk whose only link to the query is a rare word above
 * the dense candidates of a large collection.
 * BM25 over a small candidate set is noisy for paraphrased questions (common words such as
 * "business" or "costs" pull in the wrong chunks): at full weight it pushed a paraphrase out of
 * the top 5, at a quarter it never ranks worse than dense alone. An exact identifier match is
 * strong evidence and counts fully.
 */
export const defaultFusionWeights: FusionWeights = { dense: 1, keyword: 0.25, exact: 1, rare: 1 };

/** One index to search: a collection's own, or the shared one filtered by owner. */
export interface SearchScope {
  store: VectorStore;
  /** The embedder its vectors come from (default: the retriever's). */
  embedder?: Embedder;
  /** Required by the shared index; a collection's own index needs none. */
  ownerId?: string;
  /** Restrict to these documents of the index. */
  documentIds?: string[];
  /** The collection's keyword index: keyword candidates come from the whole collection. */
  keywords?: KeywordLookup;
}

export interface SearchRequest {
  query: string;
  k: number;
  /** The indexes to search together (one per collection); the hits are fused as if from one index. */
  scopes?: SearchScope[];
  /** Without scopes: the retriever's store, filtered by this owner. */
  ownerId?: string;
  /** Without scopes: restrict to these documents. */
  documentIds?: string[];
  /** Overrides the retriever's relevance floor for this search (0: everything, ranked). */
  relevanceFloor?: number;
  /** Overrides the retriever's sentence floor for this search (0: off). */
  sentenceRelevanceFloor?: number;
}

/**
 * A word of the query is rare in a collection when at most this share of its chunks hold it (and
 * at least RARE_MIN_CHUNKS may): its chunks are all fetched and ranked by rarity, however far down
 * the dense ranking they sit. Common words are left to the embedding.
 */
export const RARE_TERM_SHARE = 0.02;
const RARE_MIN_CHUNKS = 3;
const RARE_MAX_CHUNKS = 50;
/** Most keyword candidates fetched per index (the rarest terms' chunks first). */
const MAX_KEYWORD_CANDIDATES = 50;

/** A hit with what the relevance floor looked at. */
export interface RetrievedHit extends QueryHit {
  /** Cosine similarity of the query and the chunk (0..1); 0 for a chunk found by its identifier alone. */
  similarity: number;
  /** Share of the query's content words that the chunk contains (0..1). */
  termCoverage: number;
  /** What the floor compares: similarity + LEXICAL_EVIDENCE_WEIGHT x termCoverage. */
  relevance: number;
  /** The chunk literally contains an identifier of the query (any case). */
  exactMatch: boolean;
  /**
   * The best relevance of one of its sentences (similarity + LEXICAL_EVIDENCE_WEIGHT x coverage),
   * computed only for a passage the relevance floor would drop (see SENTENCE_CHECKS).
   */
  sentenceRelevance?: number;
}

/**
 * How much the query's own words in a passage count beside the embedding similarity. The local
 * sentence encoder is weak on short queries ("Calvin cycle" scores 0.34 against the passage that
 * explains it, "What is the capital of France?" 0.35 against a passage on Roman history), so
 * similarity alone separates relevant from off-topic poorly (ROC AUC 0.83-0.87 on the eval set);
 * adding the share of query words found in the passage lifts it to 0.94.
 */
export const LEXICAL_EVIDENCE_WEIGHT = 0.4;

/**
 * Relevance floors by embedder id, on `relevance` (see RetrievedHit). Sentence encoders give
 * unrelated texts a similarity well above 0 and hybrid search reports rank scores (a nonsense
 * query's best passage scores 0.8), so "the best k passages" always found something; the floor is
 * what makes "nothing relevant" possible. Calibrated with `pnpm eval:retrieval -- --sweep` on 71
 * relevant questions and 54 off-topic queries (eval/README.md), hybrid mode, chunks of 300 / 1000
 * characters: at 0.46 the answering document stays in the top 5 for 91.5% / 91.5% of relevant
 * questions (98.6% / 97.2% without a floor) and 79.6% / 79.6% of off-topic queries get no passage
 * (0% without); the few that still do get one or two passages instead of ten. Lower floors keep
 * more paraphrases but let chit-chat and how-tos in (0.36: 95.8% / 97.2% kept, 53.7% / 63.0%
 * rejected); higher ones lose short questions fast (0.55: 83.1% / 77.5% kept).
 * Other embedders have their own similarity scale and no calibrated floor: pass `relevanceFloor`.
 */
export const relevanceFloors: Readonly<Record<string, number>> = {
  'local-use-en': 0.46,
};

/** The calibrated floor of an embedder, or 0 (no floor) when there is none. */
export function defaultRelevanceFloor(embedderId: string): number {
  return relevanceFloors[embedderId] ?? 0;
}

/**
 * Sentence floors by embedder id, on `sentenceRelevance`. A short question scores low against a
 * whole chunk of 1000 characters that answers it in one sentence among ten ("How much can I
 * spend on courses each year?" 0.39 against the handbook's training section, 0.72 against its
 * sentence), so the chunk floor alone dropped many answerable questions. One sentence scoring
 * this much lets its passage through. Calibrated on the golden set (eval/README.md): at 0.55 the
 * off-topic queries are rejected exactly as often as by the chunk floor alone (79.6%; "good
 * morning!" reaches 0.50, the highest of those the chunk floor rejects) while the answering
 * document stays in the top 5 for 93.0% of relevant questions (from 91.5% / 90.1%).
 */
export const sentenceRelevanceFloors: Readonly<Record<string, number>> = {
  'local-use-en': 0.55,
};

/** The calibrated sentence floor of an embedder, or 0 (off) when there is none. */
export function defaultSentenceRelevanceFloor(embedderId: string): number {
  return sentenceRelevanceFloors[embedderId] ?? 0;
}

/**
 * Whether a hit clears the floor: relevant enough as a whole, one of its sentences relevant
 * enough on its own, or it holds one of the query's identifiers.
 */
export function passesRelevanceFloor(hit: Pick<RetrievedHit, 'relevance' | 'exactMatch' | 'sentenceRelevance'>, floor: number, sentenceFloor = 0): boolean {
  return hit.exactMatch || hit.relevance >= floor || (sentenceFloor > 0 && (hit.sentenceRelevance ?? 0) >= sentenceFloor);
}

/**
 * Sentences are only looked at for passages under the floor whose relevance is at least this
 * (no answering passage of the golden set or the answer eval scored less and still had a
 * sentence above the sentence floor), and for at most SENTENCE_CHECKS of them per search, the
 * best ranked first: their sentences are embedded at query time (cached).
 */
const SENTENCE_CHECK_MIN_RELEVANCE = 0.33;
const SENTENCE_CHECKS = 8;

/**
 * How far under the floor a passage may be and still be kept when the ranking puts it above a
 * passage that clears the floor. "What happens if I hand in my midterm two days late?" ranks the
 * syllabus's grading chunk first (it holds "midterm" and "late"), but a 1000-character chunk
 * scores under the floor against a short question, while the library's late-fees chunk below it
 * passes: the answer was dropped and the near miss kept. Measured on the retrieval and answer
 * evals: packages/vectorstore/eval/README.md.
 */
export const OUTRANKING_MARGIN = 0.1;

/**
 * Passages under the floor by at most OUTRANKING_MARGIN that the ranking puts above a passage
 * that clears it, in rank order. They come after every passing passage, so the best passage
 * stays the best one that clears the floor; a search where nothing clears it still returns
 * nothing (off-topic queries are refused as before).
 */
export function outrankingNearMisses<T extends Pick<RetrievedHit, 'relevance'>>(ranked: T[], passing: T[], floor: number): T[] {
  const lastPassing = ranked.findLastIndex((hit) => passing.includes(hit));
  return ranked.filter((hit, i) => i < lastPassing && !passing.includes(hit) && hit.relevance >= floor - OUTRANKING_MARGIN);
}

/** Sentences of one passage looked at, at most. */
const MAX_SENTENCES_PER_PASSAGE = 40;

/** Markers at the start of a markdown line: headings, bullets, quotes (then an item number). */
const LINE_MARKERS = /^[\s#>*+•-]*(?:\d{1,3}[.)]\s)?/u;

/**
 * The sentences of a passage: its lines without markdown markers, split after ". ", "? " or "! "
 * before a capital or a digit; lines of fewer than three words (headings, labels) are left out.
 */
export function passageSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split('\n')) {
    const body = line.replace(LINE_MARKERS, '').trim();
    if (body === '') continue;
    for (const part of body.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“(])/u)) {
      const sentence = part.trim();
      if (sentence.split(' ').length >= 3) sentences.push(sentence);
      if (sentences.length >= MAX_SENTENCES_PER_PASSAGE) return sentences;
    }
  }
  return sentences;
}

const RRF_K = 60;

const STOPWORDS = new Set(
  'a an and are as at be by can do does for from has have how i if in is it its of on or our should that the their there this to was we what when where which who why will with you your'.split(' '),
);

/** Tokens like E-4021, PX-220B, ERR_CONN_RESET, 0x80070005, v2.3.1, SKU12: kept whole for matching. */
export function identifierTokens(query: string): string[] {
  const tokens = query.match(/[\p{L}\p{N}][\p{L}\p{N}_\-./:#]*[\p{L}\p{N}]/gu) ?? [];
  // Each distinct token is judged once, and a judged word is remembered: BM25 over the candidates
  // tokenizes every candidate passage with this on every search, and the tests below were the
  // largest share of a search's CPU time.
  return [...new Set(tokens)].filter(isIdentifier);
}

/** Words already judged (bounded: cleared when full; a word's verdict never changes). */
const identifierVerdicts = new Map<string, boolean>();
const IDENTIFIER_VERDICTS_MAX = 50_000;

function isIdentifier(token: string): boolean {
  const known = identifierVerdicts.get(token);
  if (known !== undefined) return known;
  const verdict =
    (/\p{N}/u.test(token) && /[\p{L}_\-.:#]/u.test(token)) || // letters or separators with digits
    /[_]/.test(token) || // snake_case identifiers
    (/^[\p{Lu}\p{N}-]{3,}$/u.test(token) && /\p{Lu}/u.test(token)) || // ALLCAPS codes
    /^\p{N}{4,}$/u.test(token); // long numbers (order, ticket, invoice ids)
  if (token.length <= 64) {
    if (identifierVerdicts.size >= IDENTIFIER_VERDICTS_MAX) identifierVerdicts.clear();
    identifierVerdicts.set(token, verdict);
  }
  return verdict;
}

/**
 * The terms a chunk is indexed under and a query is looked up by, in a collection's keyword index:
 * its content words, lowercased and lightly stemmed, and its identifiers whole and lowercased
 * ("PX-220B" is "px-220b", "px" and "220b").
 */
export function keywordTerms(text: string): string[] {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length >= 2 && word.length <= 64 && !FUNCTION_WORDS.has(word)).map(stem);
  const identifiers = identifierTokens(text)
    .map((token) => token.toLowerCase())
    .filter((token) => token.length <= 64);
  return [...new Set([...words, ...identifiers])];
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

/** Words that say nothing about what a passage is about (on top of STOPWORDS). */
const FUNCTION_WORDS = new Set([
  ...STOPWORDS,
  ...'about after again all also am any been before being between both but could did doing down during each few further get got had having he her here him his into just me more most my no nor not now off once only other out over own same she so some such than then them these they those through too under until up very would'.split(' '),
]);

/** A light stem, so "tomatoes" meets "tomato" and "restarting" meets "restart". */
function stem(word: string): string {
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.length > suffix.length + 3 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/** The content words of a text: lowercased, stemmed, without function words. */
export function contentTerms(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => word.length >= 2 && !FUNCTION_WORDS.has(word)).map(stem));
}

/** Share of the query's content words that occur in the passage (0 when the query has none). */
function termCoverage(queryTerms: Set<string>, passage: string): number {
  if (queryTerms.size === 0) return 0;
  const passageTerms = contentTerms(passage);
  let found = 0;
  for (const term of queryTerms) if (passageTerms.has(term)) found += 1;
  return found / queryTerms.size;
}

/** Adds what the relevance floor needs to a hit. */
function withRelevance(hit: QueryHit, similarity: number, queryTerms: Set<string>, identifiers: string[]): RetrievedHit {
  const coverage = termCoverage(queryTerms, hit.text);
  return { ...hit, similarity, termCoverage: coverage, relevance: similarity + LEXICAL_EVIDENCE_WEIGHT * coverage, exactMatch: containsAny(hit.text, identifiers) };
}

export class Retriever {
  readonly mode: RetrievalMode;
  private readonly store: VectorStore | undefined;
  private readonly embedder: Embedder;
  private readonly cache: QueryEmbeddingCache;
  private readonly candidatePool: number;
  private readonly weights: FusionWeights;
  readonly relevanceFloor: number;
  readonly sentenceRelevanceFloor: number;
  /** Sentence vectors by embedder and text: the same passages come back query after query. */
  private readonly sentenceVectors = new LruCache<number[]>(4096);

  constructor(opts: RetrieverOptions) {
    this.store = opts.store;
    this.embedder = opts.embedder;
    this.mode = opts.mode ?? 'hybrid';
    this.cache = opts.queryCache ?? new LruCache<number[]>(256);
    this.candidatePool = opts.candidatePool ?? 40;
    this.weights = { ...defaultFusionWeights, ...opts.fusionWeights };
    const floor = opts.relevanceFloor ?? defaultRelevanceFloor(opts.embedder.id);
    if (!(floor >= 0 && floor <= 1)) throw new RangeError(`relevanceFloor must be between 0 and 1, got ${floor}`);
    this.relevanceFloor = floor;
    const sentenceFloor = opts.sentenceRelevanceFloor ?? defaultSentenceRelevanceFloor(opts.embedder.id);
    if (!(sentenceFloor >= 0 && sentenceFloor <= 2)) throw new RangeError(`sentenceRelevanceFloor must be between 0 and 2, got ${sentenceFloor}`);
    this.sentenceRelevanceFloor = sentenceFloor;
  }

  /** Embeds sentences with a cache. */
  private async embedSentences(sentences: string[], embedder: Embedder): Promise<number[][]> {
    const key = (sentence: string) => `${embedder.id}\u0000${sentence}`;
    const missing = [...new Set(sentences.filter((sentence) => this.sentenceVectors.get(key(sentence)) === undefined))];
    if (missing.length > 0) {
      const vectors = await embedder.embed(missing);
      missing.forEach((sentence, i) => vectors[i] && this.sentenceVectors.set(key(sentence), vectors[i] as number[]));
    }
    return sentences.map((sentence) => this.sentenceVectors.get(key(sentence)) ?? []);
  }

  /**
   * Adds `sentenceRelevance` to the best ranked hits the floor would drop but that come close
   * (see SENTENCE_CHECK_MIN_RELEVANCE), in place.
   */
  private async judgeSentences(hits: RetrievedHit[], queryVector: number[], queryTerms: Set<string>, embedder: Embedder): Promise<void> {
    const checked = hits.slice(0, SENTENCE_CHECKS);
    const sentences = checked.map((hit) => passageSentences(hit.text));
    const vectors = await this.embedSentences(sentences.flat(), embedder);
    let next = 0;
    checked.forEach((hit, i) => {
      let best = 0;
      for (const sentence of sentences[i] ?? []) {
        const vector = vectors[next++] ?? [];
        best = Math.max(best, cosineSimilarity(queryVector, vector) + LEXICAL_EVIDENCE_WEIGHT * termCoverage(queryTerms, sentence));
      }
      hit.sentenceRelevance = best;
    });
  }

  async embedQuery(query: string, embedder: Embedder = this.embedder): Promise<number[]> {
    const key = `${embedder.id}\u0000${query.trim()}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const [vector] = await embedder.embed([query.trim()]);
    if (!vector) throw new Error('the embedder returned no vector for the query');
    this.cache.set(key, vector);
    return vector;
  }

  /**
   * The k best passages of the scopes' chunks (or the owner's, in the retriever's store) that clear
   * the relevance floor, best first; none when nothing is relevant.
   */
  async search(request: SearchRequest): Promise<RetrievedHit[]> {
    const scopes = this.scopesOf(request);
    const k = Math.floor(request.k);
    if (k <= 0 || request.query.trim() === '' || scopes.length === 0) return [];
    const floor = request.relevanceFloor ?? this.relevanceFloor;
    const sentenceFloor = floor > 0 ? (request.sentenceRelevanceFloor ?? this.sentenceRelevanceFloor) : 0;
    const identifiers = identifierTokens(request.query);
    const queryTerms = contentTerms(request.query);
    const relevant = (hit: RetrievedHit) => passesRelevanceFloor(hit, floor, sentenceFloor);
    // Close misses of the chunk floor get a second look, sentence by sentence (best ranked first).
    const sentenceEmbedder = scopes[0]?.embedder ?? this.embedder;
    const judge = async (ranked: RetrievedHit[]): Promise<RetrievedHit[]> => {
      if (sentenceFloor > 0) {
        const close = ranked.filter((hit) => !relevant(hit) && hit.relevance >= SENTENCE_CHECK_MIN_RELEVANCE);
        if (close.length > 0) await this.judgeSentences(close, await this.embedQuery(request.query, sentenceEmbedder), queryTerms, sentenceEmbedder);
      }
      const passing = ranked.filter(relevant);
      return [...passing, ...outrankingNearMisses(ranked, passing, floor)].slice(0, k);
    };
    const pool = this.mode === 'dense' ? k : Math.max(k, this.candidatePool);

    const perScope = await Promise.all(scopes.map((scope) => this.searchScope(scope, request.query, identifiers, pool)));
    // One dense ranking across the indexes, as one index would have given: best similarity first,
    // each chunk once (a collection being moved into its own index has some chunks in both).
    const seen = new Set<string>();
    const dense = perScope
      .flatMap((found) => found.dense)
      .sort((a, b) => b.score - a.score)
      .filter((hit) => !seen.has(hit.id) && seen.add(hit.id))
      .slice(0, pool);
    if (this.mode === 'dense') return judge(dense.map((hit) => withRelevance(hit, hit.score, queryTerms, identifiers)));

    const literal = perScope.flatMap((found) => found.literal);
    const rare = perScope.flatMap((found) => found.rare);
    // The floor applies before the cut to k, so k relevant passages are returned when there are k;
    // best first, so only as many candidates are judged as it takes to find them.
    const judged: RetrievedHit[] = [];
    let passing = 0;
    for (const { hit, similarity } of fuse(request.query, identifiers, dense, literal, rare, this.weights)) {
      const withScores = withRelevance(hit, similarity, queryTerms, identifiers);
      judged.push(withScores);
      if (relevant(withScores)) passing += 1;
      if (passing === k) break;
    }
    return judge(judged);
  }

  private scopesOf(request: SearchRequest): SearchScope[] {
    if (request.scopes) return request.scopes;
    if (!request.ownerId) throw new Error('ownerId is required for a search without scopes');
    if (!this.store) throw new Error('this retriever has no store of its own: pass scopes');
    return [{ store: this.store, ownerId: request.ownerId, ...(request.documentIds ? { documentIds: request.documentIds } : {}) }];
  }

  /** Dense candidates of one index, and its keyword candidates (each with its real similarity). */
  private async searchScope(scope: SearchScope, query: string, identifiers: string[], pool: number): Promise<{ dense: QueryHit[]; literal: QueryHit[]; rare: RareHit[] }> {
    const vector = await this.embedQuery(query, scope.embedder);
    const filter = { ...(scope.ownerId ? { ownerId: scope.ownerId } : {}), ...(scope.documentIds ? { documentIds: scope.documentIds } : {}) };
    const denseSearch = scope.store.query({ vector, k: pool, ...filter });
    if (this.mode === 'dense') return { dense: await denseSearch, literal: [], rare: [] };

    if (!scope.keywords || !scope.store.getChunks) {
      // No keyword index (the shared index of the days before collections): the chunks that
      // literally contain an identifier, through the store's own full-text filter.
      const [dense, literal] = await Promise.all([
        denseSearch,
        identifiers.length > 0 && scope.store.keywordCandidates
          ? scope.store.keywordCandidates({ terms: identifiers.flatMap((token) => [token, token.toUpperCase(), token.toLowerCase()]), limit: pool, ...filter })
          : Promise.resolve([]),
      ]);
      return { dense, literal, rare: [] };
    }

    // The keyword side does not wait for the dense query: its lookup (Redis, well under a
    // millisecond) and the reading of its candidates' vectors (a small get from the same index)
    // run while the dense query runs, so a search costs about one index query, not two in a row.
    const keywordSide = scope.keywords.lookup(keywordTerms(query), RARE_MAX_CHUNKS).then(async (lookup) => {
      const rarity = rareCandidates(lookup, identifiers, scope.documentIds);
      // The first MAX_KEYWORD_CANDIDATES that the dense query does not return are used; which
      // those are is known only once it has answered, so up to `pool` more are scored.
      const hits = await this.scoreKeywordCandidates(scope.store, [...rarity.keys()].slice(0, MAX_KEYWORD_CANDIDATES + pool), vector);
      return { rarity, hits };
    });
    const [dense, keyword] = await Promise.all([denseSearch, keywordSide]);
    const denseById = new Map(dense.map((hit) => [hit.id, hit]));
    const wanted = new Set([...keyword.rarity.keys()].filter((id) => !denseById.has(id)).slice(0, MAX_KEYWORD_CANDIDATES));
    const found = new Map<string, QueryHit>(denseById);
    for (const hit of keyword.hits) if (wanted.has(hit.id)) found.set(hit.id, hit);
    const rare: RareHit[] = [...keyword.rarity.entries()].flatMap(([id, score]) => {
      const hit = found.get(id);
      return hit ? [{ hit, rarity: score }] : [];
    });
    return { dense, literal: [], rare };
  }

  /**
   * Keyword candidates with their similarity to the query, from their stored vectors. (Letting
   * Chroma 1.0 score them, a query restricted to their ids, was measured at 100,000 chunks: 250 ms
   * p50 against 5 ms for reading the vectors, so it does not.)
   */
  private async scoreKeywordCandidates(store: VectorStore, ids: string[], vector: number[]): Promise<QueryHit[]> {
    if (ids.length === 0 || !store.getChunks) return [];
    return (await store.getChunks(ids)).map(({ embedding, version: _version, start: _start, end: _end, ...hit }) => ({ ...hit, score: cosineSimilarity(vector, embedding) }));
  }
}

/**
 * The chunks holding a telling term of the query (a rare word, or an identifier that is not
 * common), rarest terms first, each with its rarity (the sum of its terms' IDF).
 */
function rareCandidates(lookup: Awaited<ReturnType<KeywordLookup['lookup']>>, identifiers: string[], documentIds: string[] | undefined): Map<string, number> {
  const rareLimit = Math.min(RARE_MAX_CHUNKS, Math.max(RARE_MIN_CHUNKS, Math.floor(RARE_TERM_SHARE * lookup.indexedChunks)));
  const identifierTerms = new Set(identifiers.map((token) => token.toLowerCase()));
  const inScope = (id: string) => !documentIds || documentIds.includes(id.slice(0, id.lastIndexOf(':')));
  // Rarest first: when there are too many candidates, the most telling ones are kept.
  const telling = lookup.terms
    .filter((term) => term.count > 0 && (term.count <= rareLimit || (identifierTerms.has(term.term) && !term.common)))
    .sort((a, b) => a.count - b.count);
  const rarity = new Map<string, number>();
  for (const term of telling) {
    const idf = Math.log(1 + (lookup.indexedChunks - term.count + 0.5) / (term.count + 0.5));
    for (const id of term.ids) if (inScope(id)) rarity.set(id, (rarity.get(id) ?? 0) + idf);
  }
  return rarity;
}

/** A chunk holding rare words of the query, with how telling they are (sum of their IDF). */
interface RareHit {
  hit: QueryHit;
  rarity: number;
}

function containsAny(text: string, identifiers: string[]): boolean {
  const lowered = text.toLowerCase();
  return identifiers.some((token) => lowered.includes(token.toLowerCase()));
}

/**
 * Reciprocal rank fusion of the dense ranking and a BM25 ranking over all candidates, best first.
 * The fused score is a rank score (1 for the best possible ranks), not a measure of relevance, so
 * each hit comes with its embedding similarity for the relevance floor.
 */
function fuse(query: string, identifiers: string[], dense: QueryHit[], literal: QueryHit[], rare: RareHit[], weights: FusionWeights): { hit: QueryHit; similarity: number }[] {
  const candidates = new Map<string, QueryHit>();
  for (const hit of [...dense, ...rare.map((entry) => entry.hit), ...literal]) if (!candidates.has(hit.id)) candidates.set(hit.id, hit);
  if (candidates.size === 0) return [];
  // Dense hits and keyword-index hits carry their similarity; the store's literal matches do not (0).
  const similarity = new Map([...rare.map((entry): [string, number] => [entry.hit.id, entry.hit.score]), ...dense.map((hit): [string, number] => [hit.id, hit.score])]);

  // Only the query's own terms are indexed: BM25 needs nothing else (MiniSearch counts a field's
  // length before processTerm, so scores are the same), and indexing every word of every candidate
  // was most of the time of a search.
  const queryTerms = new Set(tokenize(query).flatMap((term) => processTerm(term) ?? []));
  const index = new MiniSearch<QueryHit>({
    fields: ['text', 'title', 'heading'],
    idField: 'id',
    tokenize,
    // queryTerms holds no stopword, so a lowercased token is either one of them or dropped.
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return queryTerms.has(lower) ? lower : null;
    },
  });
  index.addAll([...candidates.values()]);
  const keywordRanking = index.search(query, { combineWith: 'OR', boost: { title: 0.5, heading: 0.5 } }).map((result) => String(result.id));

  // Exact matches of the query's identifiers (any case), best BM25 first.
  const exactRanking = keywordRanking.filter((id) => containsAny((candidates.get(id) as QueryHit).text, identifiers));

  const fused = new Map<string, number>();
  const add = (ids: string[], weight: number) => ids.forEach((id, rank) => fused.set(id, (fused.get(id) ?? 0) + weight / (RRF_K + rank + 1)));
  // Rarest words first; among equally rare, the closer in meaning.
  const rareRanking = [...rare].sort((a, b) => b.rarity - a.rarity || b.hit.score - a.hit.score).map((entry) => entry.hit.id);
  add(dense.map((hit) => hit.id), weights.dense);
  add(keywordRanking, weights.keyword);
  add(exactRanking, weights.exact);
  add(rareRanking, weights.rare);
  const best = (weights.dense + weights.keyword + (exactRanking.length > 0 ? weights.exact : 0) + (rareRanking.length > 0 ? weights.rare : 0)) / (RRF_K + 1);
  return [...fused.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([id, score]) => ({ hit: { ...(candidates.get(id) as QueryHit), score: Math.min(1, score / best) }, similarity: similarity.get(id) ?? 0 }));
}
