// The OpenAI- and Anthropic-compatible API, mounted at /v1: chat completions, Responses,
// Messages, embeddings and models. Model `auto` lets the router choose; an explicit model is
// honoured only when the policy allows it, never sends a confidential request to a cloud
// provider, and only when it can honour every parameter of the request. Errors keep the one
// shape `{error: {code, message}}`; the error middleware adds OpenAI's `type` and `param`.
import { Router } from 'express';
import type { Services } from '../../composition';
import { createChatCompletionsRouter } from './chat-completions';
import { createEmbeddingsRouter } from './embeddings';
import { createMessagesRouter } from './messages';
import { createResponsesRouter } from './responses';
import { createV1ModelsRouter } from './models';

export function createV1Router({ gateway, responses, models, embeddings }: Services['v1']): Router {
  const router = Router();
  router.use(createChatCompletionsRouter(gateway));
  router.use(createMessagesRouter(gateway, models));
  router.use(createResponsesRouter(gateway, responses));
  router.use(createV1ModelsRouter(models));
  router.use(createEmbeddingsRouter(embeddings));
  return router;
}
