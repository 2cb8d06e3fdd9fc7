// POST /v1/embeddings (services/v1/embeddings.ts).
import { embeddingsRequestSchema } from '@switchyard/client';
import { Router } from 'express';
import { callerOf } from '../../http/caller';
import type { EmbeddingsService } from '../../services/v1/embeddings';

export function createEmbeddingsRouter(embeddings: EmbeddingsService): Router {
  const router = Router();
  router.post('/embeddings', async (req, res) => {
    callerOf(req);
    res.json(await embeddings.embed(embeddingsRequestSchema.parse(req.body)));
  });
  return router;
}
