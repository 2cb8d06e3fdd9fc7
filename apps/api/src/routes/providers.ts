// Model providers. Everyone may list them (health, circuit, reachability); admins also see keys
// (last four characters only), base URLs and recent errors, and operate them at run time: add,
// change, delete, test, toggle, roll to the next key, and ask a provider which models it has.
// The work lives in services/providers.ts and services/models.ts.
import {
  createProviderSchema,
  discoveredModelsResponseSchema,
  managedProviderResponseSchema,
  managedProvidersResponseSchema,
  providerTestResponseSchema,
  updateProviderSchema,
} from '@switchyard/client';
import { Router, type Request } from 'express';
import { currentUser, requireAdmin } from '../middleware/auth';
import type { ModelService } from '../services/models';
import { kindInfo, type ProviderService } from '../services/providers';

const idOf = (req: Request) => String(req.params.id);

export function createProvidersRouter(providers: ProviderService, models: ModelService): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const admin = currentUser(req).role === 'admin';
    res.json(managedProvidersResponseSchema.parse({ providers: await providers.list(admin), kinds: kindInfo() }));
  });

  router.post('/', requireAdmin, async (req, res) => {
    const input = createProviderSchema.parse(req.body);
    res.status(201).json(managedProviderResponseSchema.parse({ provider: await providers.create(input) }));
  });

  router.get('/:id', requireAdmin, async (req, res) => {
    res.json(managedProviderResponseSchema.parse({ provider: await providers.get(idOf(req)) }));
  });

  router.patch('/:id', requireAdmin, async (req, res) => {
    const patch = updateProviderSchema.parse(req.body);
    res.json(managedProviderResponseSchema.parse({ provider: await providers.update(idOf(req), patch) }));
  });

  router.delete('/:id', requireAdmin, async (req, res) => {
    await providers.remove(idOf(req));
    res.status(204).end();
  });

  router.post('/:id/test', requireAdmin, async (req, res) => {
    res.json(providerTestResponseSchema.parse(await providers.test(idOf(req))));
  });

  router.post('/:id/toggle', requireAdmin, async (req, res) => {
    res.json(managedProviderResponseSchema.parse({ provider: await providers.toggle(idOf(req)) }));
  });

  router.post('/:id/roll-key', requireAdmin, async (req, res) => {
    res.json(managedProviderResponseSchema.parse({ provider: await providers.rollKey(idOf(req)) }));
  });

  /** Discovery: the models the provider offers now (its `GET /models`), marked when already configured. */
  router.get('/:id/models', requireAdmin, async (req, res) => {
    res.json(discoveredModelsResponseSchema.parse(await models.discover(idOf(req))));
  });

  return router;
}
