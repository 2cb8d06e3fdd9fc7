// POST /api/chat (JSON, or SSE with `stream: true` / `Accept: text/event-stream`) and
// POST /api/route (the decision only). The work is in services/chat.ts.
import { regenerateChatRequestSchema, routeRequestSchema, type ChatResponse } from '@switchyard/client';
import { Router, type Request, type Response } from 'express';
import type { Services } from '../composition';
import { AppError } from '../errors';
import { currentUser } from '../middleware/auth';
import type { ChatInput } from '../services/chat';
import { callerOf } from '../http/caller';
import { abortOnClientGone, openSse, wantsEventStream, type SseStream } from '../http/sse';

export function createChatRouter({ chat, collections }: Pick<Services, 'chat' | 'collections'>): Router {
  const router = Router();

  router.post('/api/route', async (req: Request, res: Response) => {
    const { userId } = callerOf(req);
    const body = routeRequestSchema.parse(req.body);
    // Access to every collection named is checked on each request, before retrieval and the cache.
    const collectionIds = await collections.readableScope(currentUser(req), body.collectionIds);
    const route = await chat.route({
      ownerId: userId,
      collectionIds,
      messages: [{ role: 'user', content: body.message }],
      persist: false,
      useDocuments: body.useDocuments,
      ...(body.conversationId !== undefined ? { conversationId: body.conversationId } : {}),
      ...(body.sensitivity ? { sensitivity: body.sensitivity } : {}),
      ...(body.complexity ? { complexity: body.complexity } : {}),
    });
    res.json({ route });
  });

  router.post('/api/chat', async (req: Request, res: Response) => {
    const { userId } = callerOf(req);
    const body = regenerateChatRequestSchema.parse(req.body);
    const collectionIds = await collections.readableScope(currentUser(req), body.collectionIds);
    const input: ChatInput = {
      ownerId: userId,
      collectionIds,
      messages: [{ role: 'user', content: body.message }],
      persist: true,
      useDocuments: body.useDocuments,
      ...(body.conversationId !== undefined ? { conversationId: body.conversationId } : {}),
      ...(body.sensitivity ? { sensitivity: body.sensitivity } : {}),
      ...(body.complexity ? { complexity: body.complexity } : {}),
      ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
      ...(body.maxTokens !== undefined ? { maxTokens: body.maxTokens } : {}),
      ...(body.regenerate ? { fresh: true } : {}),
    };
    const abort = abortOnClientGone(res);

    if (!body.stream && !wantsEventStream(req.headers.accept)) {
      const outcome: ChatResponse = await chat.chat(input, { signal: abort.signal });
      res.json(outcome);
      return;
    }

    // Errors before the route is known (bad conversation id, budget, no local provider) are
    // plain JSON errors with their status; once the stream is open they become `error` events.
    let sse: SseStream | undefined;
    try {
      const outcome = await chat.chat(input, {
        signal: abort.signal,
        onRoute: (route, conversationId) => {
          sse = openSse(res, { abort });
          sse.send('route', { route, conversationId });
        },
        onDelta: (text) => sse?.send('delta', { text }),
      });
      sse?.send('citations', { citations: outcome.citations });
      sse?.send('done', outcome);
      sse?.end();
    } catch (error) {
      if (!sse) throw error;
      if (!sse.closed) {
        const { code, message } = errorFields(error);
        sse.send('error', { error: { code, message } });
        sse.end();
      }
    }
  });

  return router;
}

/** What a client may see of an error that happens after the stream opened. */
export function errorFields(error: unknown): { code: string; message: string; status: number } {
  if (error instanceof AppError) return { code: error.code, message: error.message, status: error.status };
  return { code: 'internal_error', message: 'something went wrong while answering', status: 500 };
}
