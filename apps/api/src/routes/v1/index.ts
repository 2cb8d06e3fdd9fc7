// The OpenAI- and Anthropic-compatible API, mounted at /v1: chat completions, Responses,
// Messages, embeddings and models. Model `auto` lets the router choose; an explicit model is
// honoured only when the policy allows it, never sends a confidential request to a cloud
// provider, and only when it can honour every parameter of the request. Errors keep the one
// shape `{error: {code, message}}`; the error middleware adds OpenAI's `type` and `param`.
import { Router } from 'express';
import type { AppContext } from '../../context';
import { chatServiceFor } from '../../services/chat';
import { DocumentService } from '../../services/documents';
import { EmbeddingsService } from '../../services/v1/embeddings';
import { V1Gateway } from '../../services/v1/gateway';
import { V1ModelCatalog } from '../../services/v1/models';
import { ResponseStore } from '../../services/v1/responses';
import { createChatCompletionsRouter } from './chat-completions';
import { createEmbeddingsRouter } from './embeddings';
import { createMessagesRouter } from './messages';
import { createResponsesRouter } from './responses';
import { createV1ModelsRouter } from './models';

export function createV1Router(ctx: AppContext): Router {
  const documents = new DocumentService(ctx);
  const gateway = new V1Gateway({
    chat: chatServiceFor(ctx),
    assertOwned: (ownerId, ids) => documents.assertOwned(ownerId, ids),
    readableScope: (caller, requested) => ctx.collections.readableScope(caller, requested),
  });
  const router = Router();
  router.use(createChatCompletionsRouter(gateway));
  router.use(createMessagesRouter(gateway));
  router.use(createResponsesRouter(gateway, new ResponseStore(ctx.redis, ctx.env.REDIS_PREFIX)));
  router.use(createV1ModelsRouter(new V1ModelCatalog({ router: ctx.router })));
  router.use(createEmbeddingsRouter(new EmbeddingsService({ embedder: ctx.embedder, embedderIsLocal: ctx.env.EMBEDDER === 'local' })));
  return router;
}
