// GET /v1/models, GET /v1/models/{id} (ids may hold `:` or `/`, as local model names do).
import { Router } from 'express';
import { callerOf } from '../../http/caller';
import type { V1ModelCatalog } from '../../services/v1/models';

export function createV1ModelsRouter(models: V1ModelCatalog): Router {
  const router = Router();
  router.get('/models', (req, res) => {
    callerOf(req);
    res.json({ object: 'list', data: models.list() });
  });
  router.get('/models/*id', (req, res) => {
    callerOf(req);
    const id = (req.params as { id: string[] }).id.join('/');
    res.json(models.get(id));
  });
  return router;
}
