// API keys of the caller. A created key is in the response once; only its hash is stored.
// Users list and revoke their own keys; admins may list (`?userId=`) and revoke anyone's.
import { apiKeysResponseSchema, createApiKeySchema, createdApiKeySchema, listApiKeysQuerySchema } from '@switchyard/client';
import { Router } from 'express';
import { currentUser } from '../middleware/auth';
import type { AuthService } from '../services/auth';

export function createKeysRouter(auth: AuthService): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { userId } = listApiKeysQuerySchema.parse(req.query);
    res.json(apiKeysResponseSchema.parse({ keys: await auth.listApiKeysFor(currentUser(req), userId) }));
  });

  router.post('/', async (req, res) => {
    const { name } = createApiKeySchema.parse(req.body ?? {});
    const created = await auth.createApiKey(currentUser(req).id, name);
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(createdApiKeySchema.parse(created));
  });

  router.delete('/:id', async (req, res) => {
    await auth.revokeApiKey(currentUser(req), req.params.id);
    res.status(204).end();
  });

  return router;
}
