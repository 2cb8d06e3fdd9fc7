// Ids in paths are checked against the shared id schema before any router turns them into a
// Redis key: `conversations/<id>:messages` would otherwise name the conversation's message list
// and fail with WRONGTYPE (a 500). An id that cannot exist is simply not found (404), the same
// answer as an unknown one, so nothing can be probed.
import { resourceIdSchema } from '@switchyard/client';
import type { RequestHandler } from 'express';
import { AppError } from '../errors';

/**
 * Mount under a resource's prefix (`/api/documents`). `positions` are the path segments after it
 * that hold ids: `[0]` for `/:id/...`, `[0, 2]` for `/:id/members/:userId`.
 */
export function validatePathIds(resource: string, positions: readonly number[] = [0]): RequestHandler {
  const notFound = () => new AppError(`${resource}_not_found`, 404, `${resource.replace(/_/g, ' ')} not found`);
  return (req, _res, next) => {
    const segments = req.path.split('/').slice(1);
    for (const position of positions) {
      const raw = segments[position];
      if (raw === undefined || raw === '') continue;
      let id: string;
      try {
        id = decodeURIComponent(raw);
      } catch {
        throw notFound();
      }
      if (!resourceIdSchema.safeParse(id).success) throw notFound();
    }
    next();
  };
}
