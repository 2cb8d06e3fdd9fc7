// Model providers: health and circuit state for everyone, a live test call for admins.
import { providersResponseSchema, providerTestResponseSchema } from '@switchyard/client';
import { Router } from 'express';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { requireAdmin } from '../middleware/auth';

export function createProvidersRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', (_req, res) => {
    res.json(providersResponseSchema.parse({ providers: ctx.router.health() }));
  });

  router.post('/:id/test', requireAdmin, async (req, res) => {
    const id = String(req.params.id);
    const known = ctx.router.health().some((provider) => provider.id === id);
    if (!known) throw new AppError('provider_not_found', 404, 'provider not found');
    res.json(providerTestResponseSchema.parse(await ctx.router.test(id)));
  });

  return router;
}
