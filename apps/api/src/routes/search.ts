// POST /api/search: meaning and keyword search over the collections the caller can read (by
// default every collection they own or are a member of), each in its own index. Collection and
// document ids in the body are checked like ids in paths, before anything is searched: one the
// caller cannot read is "not found".
import { searchRequestSchema, searchResponseSchema } from '@switchyard/client';
import { Router } from 'express';
import type { Services } from '../composition';
import { currentUser } from '../middleware/auth';

export function createSearchRouter(ctx: Pick<Services, 'retriever' | 'collections'>): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    const caller = currentUser(req);
    const { query, limit, documentIds, collectionIds } = searchRequestSchema.parse(req.body);
    const started = performance.now();
    // Named collections are checked readable here; the default scope (every collection the
    // caller owns or is a member of) is read by the search itself, with the collections' index
    // states in the same Redis round trip.
    const scope = collectionIds === undefined ? undefined : await ctx.collections.readableScope(caller, collectionIds);
    if (documentIds) await Promise.all([...new Set(documentIds)].map((id) => ctx.collections.document(caller, id, 'viewer')));
    const hits = await ctx.retriever.search({ ownerId: caller.id, query, k: limit, ...(scope ? { collectionIds: scope } : {}), ...(documentIds ? { documentIds } : {}) });
    res.json(
      searchResponseSchema.parse({
        hits: hits.map(({ documentId, collectionId, title, chunkIndex, text, score }) => ({ documentId, ...(collectionId ? { collectionId } : {}), title, chunkIndex, text, score })),
        tookMs: Math.round((performance.now() - started) * 100) / 100,
      }),
    );
  });
  return router;
}
