// GET /v1/models, GET /v1/models/{id} (ids may hold `:` or `/`, as local model names do): in
// OpenAI's shape, or in Anthropic's for its SDKs, which send the `anthropic-version` header.
import { anthropicModelsQuerySchema } from '@switchyard/client';
import { Router, type Request } from 'express';
import { callerOf } from '../../http/caller';
import { anthropicModel, anthropicModelPage, type V1ModelCatalog } from '../../services/v1/models';

const fromAnthropicSdk = (req: Request) => req.headers['anthropic-version'] !== undefined;

export function createV1ModelsRouter(models: V1ModelCatalog): Router {
  const router = Router();
  router.get('/models', (req, res) => {
    callerOf(req);
    if (fromAnthropicSdk(req)) res.json(anthropicModelPage(models.list(), anthropicModelsQuerySchema.parse(req.query)));
    else res.json({ object: 'list', data: models.list() });
  });
  router.get('/models/*id', (req, res) => {
    callerOf(req);
    const model = models.get((req.params as { id: string[] }).id.join('/'));
    res.json(fromAnthropicSdk(req) ? anthropicModel(model) : model);
  });
  return router;
}
