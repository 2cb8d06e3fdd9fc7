// Shared shapes of @switchyard/vectorstore: what is stored per chunk and what a query returns.

export type Sensitivity = 'public' | 'internal' | 'confidential';

/** Turns texts into vectors. Vectors of different embedders never share a collection. */
export interface Embedder {
  /** Stable identifier of the model (part of the collection name). */
  id: string;
  dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}

/** One piece of a document, with character offsets into the normalized document text. */
export interface TextChunk {
  chunkIndex: number;
  text: string;
  /** Offset of the first character in the source text. */
  start: number;
  /** Offset just past the last character: `source.slice(start, end) === text`. */
  end: number;
  /** The nearest markdown heading at or before the chunk, for citations. */
  heading?: string;
}

export interface ChunkRecord extends TextChunk {
  documentId: string;
  ownerId: string;
  /** The collection the document belongs to (kept in the chunk's metadata). */
  collectionId?: string;
  title: string;
  sensitivity: Sensitivity;
  /** Ingest version id: chunks of other versions are leftovers of an earlier ingest. */
  version: string;
}

export interface QueryHit {
  /** `${documentId}:${chunkIndex}` */
  id: string;
  documentId: string;
  ownerId: string;
  /** The collection of the chunk's document, when the chunk was written with one. */
  collectionId?: string;
  title: string;
  chunkIndex: number;
  text: string;
  sensitivity: Sensitivity;
  heading?: string;
  /** Higher is better. Dense: cosine similarity clamped to 0..1; hybrid: fused rank score 0..1. */
  score: number;
}

export interface DenseQuery {
  vector: number[];
  k: number;
  /**
   * Required by the one shared index of the days before collections (a query only ever sees this
   * owner's chunks); a collection's own index holds nothing else, so it needs none.
   */
  ownerId?: string;
  /** Restrict to these documents; an empty list matches nothing. */
  documentIds?: string[];
}

export interface KeywordQuery {
  /** Literal substrings; a chunk matches when it contains any of them (case-sensitive). */
  terms: string[];
  limit: number;
  /** As in DenseQuery. */
  ownerId?: string;
  documentIds?: string[];
}

/** A chunk with everything stored for it, vector included: what a re-index copies. */
export interface StoredChunk extends QueryHit {
  embedding: number[];
  version: string;
  start: number;
  end: number;
}

/** What a keyword lookup says of one term. */
export interface KeywordTermMatches {
  term: string;
  /** How many chunks of the collection contain it (for a common term: at least the limit). */
  count: number;
  /** Every chunk containing it, when at most `limit` do; otherwise empty. */
  ids: string[];
  common: boolean;
}

/**
 * A collection's keyword index: which chunks of the whole collection contain a term (terms as
 * `keywordTerms` makes them). Implemented over Redis by @switchyard/documents.
 */
export interface KeywordLookup {
  lookup(terms: string[], limit: number): Promise<{ indexedChunks: number; terms: KeywordTermMatches[] }>;
}

export interface DocumentChunksChange {
  /** The new label of each chunk, by chunk index. */
  sensitivities?: Sensitivity[];
  title?: string;
}

export interface VectorStore {
  /** Ids are `${documentId}:${chunkIndex}`, so re-running an ingest overwrites instead of duplicating. */
  upsert(chunks: ChunkRecord[], embeddings: number[][]): Promise<void>;
  query(q: DenseQuery): Promise<QueryHit[]>;
  /** Chunks of the owner that literally contain one of the terms (no ranking; score 0). */
  keywordCandidates?(q: KeywordQuery): Promise<QueryHit[]>;
  /** The chunks with these ids, with their vectors (to score keyword matches by meaning). */
  getChunks?(ids: string[]): Promise<StoredChunk[]>;
  /** Deletes the document's chunks; with keepVersion only those of other versions. Returns how many. */
  deleteDocument(documentId: string, opts?: { keepVersion?: string }): Promise<number>;
  countDocument(documentId: string): Promise<number>;
  /** All chunks of a document in chunk order (score 1); with `firstChunks`, only that many from its start. */
  listDocumentChunks(documentId: string, opts?: { firstChunks?: number }): Promise<QueryHit[]>;
  /**
   * Rewrites the metadata of a document's chunks in place, without embedding again: each chunk's
   * sensitivity by chunk index (a chunk the list does not reach becomes confidential) and/or the
   * title. Returns how many chunks were rewritten.
   */
  updateDocumentChunks(documentId: string, change: DocumentChunksChange): Promise<number>;
  ping(): Promise<boolean>;
}
