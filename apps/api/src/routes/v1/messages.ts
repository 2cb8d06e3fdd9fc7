// POST /v1/messages: Anthropic's Messages API, JSON or its event stream (services/v1/anthropic-messages.ts),
// and POST /v1/messages/count_tokens (Claude Code calls it on start and to size its context).
// The official Anthropic SDKs work unchanged with `baseURL` set to this server and a Switchyard
// API key as `x-api-key` (or a bearer token).
import { anthropicCountTokensRequestSchema, anthropicMessagesRequestSchema } from '@switchyard/client';
import { Router, type Request, type Response } from 'express';
import { callerOf } from '../../http/caller';
import { abortOnClientGone, type SseStream } from '../../http/sse';
import { AppError } from '../../errors';
import { AnthropicStreamEncoder, anthropicMessageBody, countInputTokens, fromAnthropicMessages, newMessageId, type SseEvent } from '../../services/v1/anthropic-messages';
import { hintsFrom, type V1Gateway } from '../../services/v1/gateway';
import type { V1ModelCatalog } from '../../services/v1/models';
import { routeHeader, streamAnswer } from './streaming';

const sendAll = (sse: SseStream, events: SseEvent[]) => {
  for (const [event, data] of events) sse.send(event, data);
};

export function createMessagesRouter(gateway: V1Gateway, models: V1ModelCatalog): Router {
  const router = Router();
  router.post('/messages/count_tokens', (req: Request, res: Response) => {
    callerOf(req);
    const body = anthropicCountTokensRequestSchema.parse(req.body);
    // The model must be one /v1/messages would take: 404 for an unknown one, as there.
    if (models.get(body.model).switchyard.kind === 'embedding') {
      throw new AppError('model_not_found', 404, `model "${body.model}" is an embedding model, not a chat model`, { param: 'model' });
    }
    res.json({ input_tokens: countInputTokens(body) });
  });
  router.post('/messages', async (req: Request, res: Response) => {
    const { userId, role } = callerOf(req);
    const body = anthropicMessagesRequestSchema.parse(req.body);
    const request = { ...fromAnthropicMessages(body), ownerId: userId, role, hints: hintsFrom(body.switchyard, req.headers) };
    const id = newMessageId();

    if (!request.stream) {
      const abort = abortOnClientGone(res);
      const outcome = await gateway.run(request, { signal: abort.signal });
      res.setHeader('x-switchyard-route', routeHeader(outcome.route));
      res.json(anthropicMessageBody(outcome, id));
      return;
    }

    const encoder = new AnthropicStreamEncoder(id);
    await streamAnswer(res, {
      run: (hooks) => gateway.run(request, hooks),
      open: (sse, route) => sendAll(sse, encoder.start(route.model)),
      chunk: (sse, chunk) => sendAll(sse, encoder.piece(chunk)),
      finish: (sse, outcome) => sendAll(sse, encoder.finish(outcome)),
      fail: (sse, error) => sse.send('error', { type: 'error', error: { type: error.type, message: error.message, code: error.code } }),
    });
  });
  return router;
}
