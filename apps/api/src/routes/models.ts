// GET /api/models: every model on offer, with price, context window and capabilities.
// GET /api/autodecide/:model: which enabled providers serve it, in the order the router tries
// them (`?sensitivity=confidential` keeps only those such a request may reach). Everyone signed in.
import { autodecideQuerySchema, autodecideResponseSchema, modelsResponseSchema } from '@switchyard/client';
import { Router } from 'express';
import type { ModelService } from '../services/models';

export function createModelsRouter(models: ModelService): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(modelsResponseSchema.parse({ models: await models.list() }));
  });
  return router;
}

export function createAutodecideRouter(models: ModelService): Router {
  const router = Router();
  router.get('/:model', async (req, res) => {
    const { sensitivity } = autodecideQuerySchema.parse(req.query);
    res.json(autodecideResponseSchema.parse(await models.autodecide(String(req.params.model), sensitivity)));
  });
  return router;
}
