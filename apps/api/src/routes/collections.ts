// Collections: create, list, read, rename, delete, and share (members with a role). The rules are
// in services/collections.ts: what the caller may do is read from Redis on every request.
import { addCollectionMemberSchema, collectionResponseSchema, collectionsResponseSchema, createCollectionSchema, updateCollectionSchema } from '@switchyard/client';
import { Router } from 'express';
import { currentUser } from '../middleware/auth';
import type { CollectionService } from '../services/collections';

export function createCollectionsRouter(collections: CollectionService): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(collectionsResponseSchema.parse({ collections: await collections.list(currentUser(req)) }));
  });

  router.post('/', async (req, res) => {
    const { name } = createCollectionSchema.parse(req.body);
    res.status(201).json(collectionResponseSchema.parse({ collection: await collections.create(currentUser(req), name) }));
  });

  router.get('/:id', async (req, res) => {
    res.json(collectionResponseSchema.parse({ collection: await collections.get(currentUser(req), req.params.id) }));
  });

  router.patch('/:id', async (req, res) => {
    const { name } = updateCollectionSchema.parse(req.body);
    res.json(collectionResponseSchema.parse({ collection: await collections.rename(currentUser(req), req.params.id, name) }));
  });

  router.delete('/:id', async (req, res) => {
    await collections.delete(currentUser(req), req.params.id);
    res.status(204).end();
  });

  router.post('/:id/members', async (req, res) => {
    const { userId, email, role } = addCollectionMemberSchema.parse(req.body);
    res.json(collectionResponseSchema.parse({ collection: await collections.addMember(currentUser(req), req.params.id, { userId, email }, role) }));
  });

  router.delete('/:id/members/:userId', async (req, res) => {
    await collections.removeMember(currentUser(req), req.params.id, req.params.userId);
    res.status(204).end();
  });

  return router;
}
