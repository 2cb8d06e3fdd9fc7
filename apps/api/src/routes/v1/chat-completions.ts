// POST /v1/chat/completions: OpenAI's chat completions, JSON or streamed chunks. The translation
// lives in services/v1/openai-chat.ts; this file is the HTTP side.
import { chatCompletionRequestSchema } from '@switchyard/client';
import { Router, type Request, type Response } from 'express';
import { callerOf } from '../../http/caller';
import { abortOnClientGone } from '../../http/sse';
import { hintsFrom, type V1Gateway } from '../../services/v1/gateway';
import { chatCompletionBody, ChatChunkEncoder, fromChatCompletion, newCompletionId } from '../../services/v1/openai-chat';
import { routeHeader, streamAnswer } from './streaming';

export function createChatCompletionsRouter(gateway: V1Gateway): Router {
  const router = Router();
  router.post('/chat/completions', async (req: Request, res: Response) => {
    const { userId, role } = callerOf(req);
    const body = chatCompletionRequestSchema.parse(req.body);
    const request = { ...fromChatCompletion(body), ownerId: userId, role, hints: hintsFrom(body.switchyard, req.headers) };
    const id = newCompletionId();
    const created = Math.floor(Date.now() / 1000);

    if (!request.stream) {
      const abort = abortOnClientGone(res);
      const outcome = await gateway.run(request, { signal: abort.signal });
      res.setHeader('x-switchyard-route', routeHeader(outcome.route));
      res.json(chatCompletionBody(outcome, id, created));
      return;
    }

    const encoder = new ChatChunkEncoder(id, created);
    await streamAnswer(res, {
      run: (hooks) => gateway.run(request, hooks),
      open: (sse, route) => sse.data(encoder.open(route.model)),
      chunk: (sse, chunk) => {
        const line = encoder.piece(chunk);
        if (line) sse.data(line);
      },
      finish: (sse, outcome) => {
        for (const line of encoder.finish(outcome, body.stream_options?.include_usage === true)) sse.data(line);
        sse.data('[DONE]');
      },
      fail: (sse, error) => sse.data(JSON.stringify({ error: { ...error, param: null } })),
    });
  });
  return router;
}
