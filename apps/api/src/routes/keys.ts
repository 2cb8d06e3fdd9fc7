// API keys of the caller. A created key is in the response once; only its hash is stored.
// Users revoke their own keys; admins may revoke anyone's.
import { apiKeysResponseSchema, createApiKeySchema, createdApiKeySchema } from '@switchyard/client';
import { Router } from 'express';
import { currentUser } from '../middleware/auth';
import type { AuthService } from '../services/auth';

export function createKeysRouter(auth: AuthService): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(apiKeysResponseSchema.parse({ keys: await auth.listApiKeys(currentUser(req).id) }));
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
