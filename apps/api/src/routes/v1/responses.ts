// POST /v1/responses: OpenAI's Responses API, JSON or its event stream (services/v1/responses.ts).
// A stored response (store is on unless `store: false`) is written before the answer ends, so
// the next request can name it as `previous_response_id` at once.
import { responsesRequestSchema } from '@switchyard/client';
import { Router, type Request, type Response } from 'express';
import { callerOf } from '../../http/caller';
import type { ChatOutcome } from '../../services/chat';
import { abortOnClientGone, type SseStream } from '../../http/sse';
import { hintsFrom, type V1Gateway } from '../../services/v1/gateway';
import { answerTurn, fromResponses, newResponseId, responseObject, ResponsesStreamEncoder, type ResponseEvent, type ResponseStore } from '../../services/v1/responses';
import { routeHeader, streamAnswer } from './streaming';

const sendAll = (sse: SseStream, events: ResponseEvent[]) => {
  for (const [event, data] of events) sse.send(event, data);
};

export function createResponsesRouter(gateway: V1Gateway, store: ResponseStore): Router {
  const router = Router();
  router.post('/responses', async (req: Request, res: Response) => {
    const { userId, role } = callerOf(req);
    const body = responsesRequestSchema.parse(req.body);
    const previous = body.previous_response_id ? await store.get(userId, body.previous_response_id) : undefined;
    const request = { ...fromResponses(body, previous), ownerId: userId, role, hints: hintsFrom(body.switchyard, req.headers) };
    const id = newResponseId();
    const echo = { body, createdAt: Math.floor(Date.now() / 1000) };
    const remember = async (outcome: ChatOutcome) => {
      if (body.store === false) return;
      // Instructions are not carried over to the next response, as OpenAI does it.
      const turns = [...request.turns.filter((_, index) => !(body.instructions && index === 0)), answerTurn(outcome)];
      await store.put(userId, { id, model: outcome.route.model, turns });
    };

    if (!request.stream) {
      const abort = abortOnClientGone(res);
      const outcome = await gateway.run(request, { signal: abort.signal });
      await remember(outcome);
      res.setHeader('x-switchyard-route', routeHeader(outcome.route));
      res.json(responseObject(id, echo, outcome.route.model, outcome));
      return;
    }

    const encoder = new ResponsesStreamEncoder(id, echo);
    await streamAnswer(res, {
      run: async (hooks) => {
        const outcome = await gateway.run(request, hooks);
        await remember(outcome);
        return outcome;
      },
      open: (sse, route) => sendAll(sse, encoder.start(route.model)),
      chunk: (sse, chunk) => sendAll(sse, encoder.piece(chunk)),
      finish: (sse, outcome) => sendAll(sse, encoder.finish(outcome)),
      fail: (sse, error) => sse.send('error', { type: 'error', code: error.code, message: error.message, param: null, sequence_number: 0 }),
    });
  });
  return router;
}
