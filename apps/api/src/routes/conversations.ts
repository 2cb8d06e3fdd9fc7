// GET /api/conversations, GET /api/conversations/:id, DELETE /api/conversations/:id.
// Mounted at /api/conversations. Another user's id answers 404, exactly like an unknown one.
import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../context';
import { notFound } from '../errors';
import { chatServiceFor } from '../services/chat';
import { callerOf } from '../services/chat-caller';

export function createConversationsRouter(ctx: AppContext): Router {
  const router = Router();
  const { conversations } = chatServiceFor(ctx);

  router.get('/', async (req: Request, res: Response) => {
    const { userId } = callerOf(req);
    res.json({ conversations: await conversations.list(userId) });
  });

  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    const { userId } = callerOf(req);
    const conversation = await conversations.get(userId, req.params.id);
    if (!conversation) throw notFound('conversation');
    res.json({ conversation });
  });

  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    const { userId } = callerOf(req);
    if (!(await conversations.delete(userId, req.params.id))) throw notFound('conversation');
    res.status(204).end();
  });

  return router;
}
