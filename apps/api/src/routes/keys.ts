// API keys of the caller. A created key is in the response once; only its hash is stored.
// Users list and revoke their own keys; admins may list (`?userId=`) and revoke anyone's.
// Creating and revoking a key are audited.
import { apiKeysResponseSchema, createApiKeySchema, createdApiKeySchema, listApiKeysQuerySchema } from '@switchyard/client';
import { Router } from 'express';
import { currentUser, originOf } from '../middleware/auth';
import type { AuthService } from '../services/auth';

export function createKeysRouter(auth: AuthService): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { userId } = listApiKeysQuerySchema.parse(req.query);
    res.json(apiKeysResponseSchema.parse({ keys: await auth.listApiKeysFor(currentUser(req), userId) }));
  });

  router.post('/', async (req, res) => {
    const { name } = createApiKeySchema.parse(req.body ?? {});
    const actor = currentUser(req);
    const created = await auth.createApiKey(actor.id, name, { actor, origin: originOf(req) });
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(createdApiKeySchema.parse(created));
  });

  // The id was checked against the shared id schema before this router (app.ts).
  router.delete('/:id', async (req, res) => {
    await auth.revokeApiKey(currentUser(req), req.params.id, originOf(req));
    res.status(204).end();
  });

  return router;
}
