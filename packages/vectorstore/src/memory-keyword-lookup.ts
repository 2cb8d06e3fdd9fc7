// A collection's keyword index kept in memory: each chunk under its `keywordTerms`, counts per
// term, all ids up to the limit — what RedisKeywordIndex in @switchyard/documents answers, for the
// evals that search without Redis (the retrieval eval here, the answer eval in @switchyard/router),
// so they retrieve the way the API does.
import { keywordTerms } from './retriever';
import type { ChunkRecord, KeywordLookup } from './types';

export function memoryKeywordLookup(records: ChunkRecord[]): KeywordLookup {
  const postings = new Map<string, string[]>();
  for (const record of records) {
    for (const term of keywordTerms(`${record.title}\n${record.heading ?? ''}\n${record.text}`)) {
      const ids = postings.get(term) ?? [];
      ids.push(`${record.documentId}:${record.chunkIndex}`);
      postings.set(term, ids);
    }
  }
  return {
    lookup: async (terms, limit) => ({
      indexedChunks: records.length,
      terms: [...new Set(terms)].map((term) => {
        const ids = postings.get(term) ?? [];
        return { term, count: ids.length, ids: ids.length <= limit ? ids : [], common: ids.length > limit };
      }),
    }),
  };
}
