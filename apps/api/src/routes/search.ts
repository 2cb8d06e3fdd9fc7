// POST /api/search: meaning search over the caller's documents only. documentIds in the body are
// checked like ids in paths: one that is not the caller's is "not found".
import { searchRequestSchema, searchResponseSchema } from '@switchyard/client';
import { Router } from 'express';
import type { AppContext } from '../context';
import { currentUser } from '../middleware/auth';
import { DocumentService } from '../services/documents';

export function createSearchRouter(ctx: AppContext, documents = new DocumentService(ctx)): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    const owner = currentUser(req);
    const { query, limit, documentIds } = searchRequestSchema.parse(req.body);
    const started = performance.now();
    if (documentIds) await documents.assertOwned(owner.id, documentIds);
    const hits = await ctx.retriever.search({ ownerId: owner.id, query, k: limit, ...(documentIds ? { documentIds } : {}) });
    res.json(
      searchResponseSchema.parse({
        hits: hits.map(({ documentId, title, chunkIndex, text, score }) => ({ documentId, title, chunkIndex, text, score })),
        tookMs: Math.round((performance.now() - started) * 100) / 100,
      }),
    );
  });
  return router;
}
