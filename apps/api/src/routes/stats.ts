// GET /api/stats?hours=24 (mounted at /api/stats): an admin sees everyone's usage, a user their own.
// `?scope=me` lets an admin look at just their own.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { callerOf } from '../http/caller';
import type { StatsStore } from '../services/stats';

const statsQuerySchema = z.object({
  hours: z.coerce.number().int().min(1).max(168).default(24),
  scope: z.enum(['all', 'me']).optional(),
});

export function createStatsRouter(stats: StatsStore): Router {
  const router = Router();

  router.get('/', async (req: Request, res: Response) => {
    const caller = callerOf(req);
    const query = statsQuerySchema.parse(req.query);
    const everyone = caller.role === 'admin' && query.scope !== 'me';
    res.json(await stats.summary({ hours: query.hours, ...(everyone ? {} : { ownerId: caller.userId }) }));
  });

  return router;
}
