// Words for collections on the page and in the pickers.
import type { Collection, CollectionAccess } from '@switchyard/client';

/** What a picker's button says about a choice (null: every collection you own or are a member of). */
export function describeCollectionChoice(value: string[] | null, collections: Pick<Collection, 'id' | 'name'>[]): string {
  if (value === null) return 'All my collections';
  if (value.length === 1) return collections.find((collection) => collection.id === value[0])?.name ?? '1 collection';
  return `${value.length} collections`;
}

/** What you may do, in words. */
export function describeAccess(access: CollectionAccess, viaAdmin?: boolean): string {
  if (viaAdmin) return 'Administrator';
  return { owner: 'Owner', editor: 'Editor: search, chat, upload and delete', viewer: 'Viewer: search and chat' }[access];
}

/** The index line of a collection: which embedder answers, and a re-index under way. */
export function describeIndex(index: Collection['index']): string {
  const serving = index.embedder === null ? 'Nothing indexed yet' : `Indexed with ${index.embedder}`;
  if (!index.reindex) return serving;
  return `${serving}; re-indexing with ${index.reindex.embedder}: ${index.reindex.doneDocuments} of ${index.reindex.totalDocuments} documents (${index.reindex.progress}%) — search keeps using the current index until it is done`;
}
