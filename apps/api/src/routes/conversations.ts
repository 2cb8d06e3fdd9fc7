// The caller's conversations (mounted at /api/conversations): list or search (?q=), get with its
// other versions, rename (PATCH), delete and restore (undo, for DELETED_RETENTION_SECONDS), and
// versions: POST /:id/branches starts a new version at a message (edit and resend, regenerate),
// POST /:id/branches/:branchId/activate brings an earlier one back. Another user's id answers
// 404, exactly like an unknown one.
import {
  conversationDetailResponseSchema,
  conversationSearchResponseSchema,
  conversationsQuerySchema,
  conversationsResponseSchema,
  forkConversationResponseSchema,
  forkConversationSchema,
  renameConversationSchema,
} from '@switchyard/client';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { AppError, notFound } from '../errors';
import { callerOf } from '../http/caller';
import type { ConversationStore } from '../services/conversations';

const summaryResponseSchema = z.object({ conversation: conversationsResponseSchema.shape.conversations.element });

export function createConversationsRouter(conversations: ConversationStore): Router {
  const router = Router();

  router.get('/', async (req: Request, res: Response) => {
    const { userId } = callerOf(req);
    const { q } = conversationsQuerySchema.parse(req.query);
    if (q === undefined) {
      res.json({ conversations: await conversations.list(userId) });
      return;
    }
    res.json(conversationSearchResponseSchema.parse({ conversations: await conversations.search(userId, q) }));
  });

  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    const { userId } = callerOf(req);
    const conversation = await conversations.get(userId, req.params.id);
    if (!conversation) throw notFound('conversation');
    res.json(conversationDetailResponseSchema.parse({ conversation }));
  });

  router.patch('/:id', async (req: Request<{ id: string }>, res: Response) => {
    const { userId } = callerOf(req);
    const { title } = renameConversationSchema.parse(req.body);
    const conversation = await conversations.rename(userId, req.params.id, title);
    if (!conversation) throw notFound('conversation');
    res.json(summaryResponseSchema.parse({ conversation }));
  });

  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    const { userId } = callerOf(req);
    if (!(await conversations.delete(userId, req.params.id))) throw notFound('conversation');
    res.status(204).end();
  });

  router.post('/:id/restore', async (req: Request<{ id: string }>, res: Response) => {
    const { userId } = callerOf(req);
    const conversation = await conversations.restore(userId, req.params.id);
    if (!conversation) throw notFound('conversation');
    res.json(summaryResponseSchema.parse({ conversation }));
  });

  router.post('/:id/branches', async (req: Request<{ id: string }>, res: Response) => {
    const { userId } = callerOf(req);
    const { messageId } = forkConversationSchema.parse(req.body);
    const forked = await conversations.fork(userId, req.params.id, messageId);
    if (!forked) throw new AppError('message_not_found', 404, 'no such message in this conversation');
    res.status(201).json(forkConversationResponseSchema.parse(forked));
  });

  router.post('/:id/branches/:branchId/activate', async (req: Request<{ id: string; branchId: string }>, res: Response) => {
    const { userId } = callerOf(req);
    const activated = await conversations.activateBranch(userId, req.params.id, req.params.branchId);
    if (!activated) throw new AppError('branch_not_found', 404, 'no such version of this conversation');
    res.json(conversationDetailResponseSchema.parse(activated));
  });

  return router;
}
