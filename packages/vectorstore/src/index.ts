export type {
  ChunkRecord,
  DenseQuery,
  DocumentChunksChange,
  Embedder,
  KeywordLookup,
  KeywordQuery,
  KeywordTermMatches,
  QueryHit,
  Sensitivity,
  StoredChunk,
  TextChunk,
  VectorStore,
} from './types';
export { LocalEmbedder, OpenAIEmbedder, type OpenAIEmbedderOptions } from './embedders';
export { EmbedderPool, type EmbedderPoolOptions, type EmbedThreadMemory } from './embed-pool';
export { chunkText, defaultChunkOptions, type ChunkOptions } from './chunk';
export { normalizeText } from './normalize';
export { detectMime, MIME } from './detect-mime';
export {
  defaultParseLimits,
  ParseError,
  parseDocument,
  parseTimeoutError,
  SUPPORTED_FORMATS,
  SUPPORTED_MIME,
  type OcrSettings,
  type ParseErrorCode,
  type ParseLimits,
  type ParsedDocument,
  type ParseOptions,
  type ParseProgress,
} from './parse';
export { memoryKeywordLookup } from './memory-keyword-lookup';
export { CollectionChunkStore, type CollectionChunkStoreOptions, type CollectionDirectory, type IndexLocation, type KeywordIndexWriter } from './collection-store';
export { ChromaIndexes, ChromaStore, chromaClient, collectionIndexName, collectionNameFor, type ChromaStoreOptions } from './chroma-store';
export {
  defaultFusionWeights,
  contentTerms,
  defaultRelevanceFloor,
  identifierTokens,
  keywordTerms,
  RARE_TERM_SHARE,
  LEXICAL_EVIDENCE_WEIGHT,
  LruCache,
  passesRelevanceFloor,
  passageSentences,
  sentenceRelevanceFloors,
  defaultSentenceRelevanceFloor,
  relevanceFloors,
  Retriever,
  type FusionWeights,
  type QueryEmbeddingCache,
  type RetrievalMode,
  type RetrievedHit,
  type RetrieverOptions,
  type SearchScope,
  type SearchRequest,
} from './retriever';
