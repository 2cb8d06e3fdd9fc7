// Where a citation in a chat answer leads: the cited passage inside its document, named by ids
// only (the document id and the passage's index). The quoted text never goes into the URL, where
// browser history, prefetch requests and server logs would keep it.
import type { Citation } from '@switchyard/client';

export function citationHref(citation: Pick<Citation, 'documentId' | 'chunkIndex'>): string {
  return `/documents/${encodeURIComponent(citation.documentId)}#chunk-${citation.chunkIndex}`;
}
