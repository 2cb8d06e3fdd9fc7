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
  /** Required: a query only ever sees this owner's chunks. */
  ownerId: string;
  /** Restrict to these documents; an empty list matches nothing. */
  documentIds?: string[];
}

export interface KeywordQuery {
  /** Literal substrings; a chunk matches when it contains any of them (case-sensitive). */
  terms: string[];
  limit: number;
  ownerId: string;
  documentIds?: string[];
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
  /** Deletes the document's chunks; with keepVersion only those of other versions. Returns how many. */
  deleteDocument(documentId: string, opts?: { keepVersion?: string }): Promise<number>;
  countDocument(documentId: string): Promise<number>;
  /** All chunks of a document in chunk order (score 1). */
  listDocumentChunks(documentId: string): Promise<QueryHit[]>;
  /**
   * Rewrites the metadata of a document's chunks in place, without embedding again: each chunk's
   * sensitivity by chunk index (a chunk the list does not reach becomes confidential) and/or the
   * title. Returns how many chunks were rewritten.
   */
  updateDocumentChunks(documentId: string, change: DocumentChunksChange): Promise<number>;
  ping(): Promise<boolean>;
}
