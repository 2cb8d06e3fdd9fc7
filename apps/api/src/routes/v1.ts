// The OpenAI-compatible API, mounted at /v1: POST /chat/completions (JSON and streamed chunks)
// and GET /models. Model `auto` lets the router choose; an explicit model is honoured only when
// the policy allows it and never sends a confidential request to a cloud provider. Errors keep
// the one shape `{error: {code, message}}`; the one error middleware adds OpenAI's `type`.
import { randomUUID } from 'node:crypto';
import { openAiChatRequestSchema } from '@switchyard/client';
import type { ChatTurn } from '@switchyard/router';
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { openAiErrorType } from '../middleware/errors';
import { chatServiceFor, type ChatOutcome } from '../services/chat';
import { callerOf } from '../services/chat-caller';
import { abortOnClientGone, openSse, type SseStream } from '../services/sse';
import { errorFields } from './chat';

type OpenAiMessage = z.infer<typeof openAiChatRequestSchema>['messages'][number];

/** Flattens OpenAI message content (string or parts) and maps roles onto the router's three. */
export function toChatTurns(messages: OpenAiMessage[]): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (const message of messages) {
    const content =
      typeof message.content === 'string'
        ? message.content
        : (message.content ?? []).map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
    const role = message.role === 'system' || message.role === 'developer' ? 'system' : message.role === 'assistant' ? 'assistant' : 'user';
    turns.push({ role, content });
  }
  return turns;
}

const routeHeader = (route: { tier: string; provider: string; model: string }) => `tier=${route.tier}; provider=${route.provider}; model=${route.model}`;


export function createV1Router(ctx: AppContext): Router {
  const router = Router();
  const chat = chatServiceFor(ctx);

  router.get('/models', (req: Request, res: Response) => {
    callerOf(req);
    const created = Math.floor(Date.now() / 1000);
    res.json({
      object: 'list',
      data: ctx.router.models().map((model) => ({
        id: model.id,
        object: 'model',
        created,
        owned_by: model.provider === 'router' ? 'switchyard' : model.provider,
        local: model.local,
      })),
    });
  });

  router.post('/chat/completions', async (req: Request, res: Response) => {
    const { userId } = callerOf(req);
    const body = openAiChatRequestSchema.parse(req.body);
    const messages = toChatTurns(body.messages);
    if (!messages.some((m) => m.role === 'user' && m.content.trim().length > 0)) {
      throw new AppError('invalid_request', 400, 'messages must include a user message with text');
    }
    const maxTokens = body.max_completion_tokens ?? body.max_tokens;
    const input = {
      ownerId: userId,
      messages,
      persist: false,
      useDocuments: false,
      ...(body.model !== 'auto' ? { requestedModel: body.model } : {}),
      ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
      ...(maxTokens !== undefined ? { maxTokens } : {}),
    };
    const id = `chatcmpl-${randomUUID().replace(/-/g, '')}`;
    const created = Math.floor(Date.now() / 1000);
    const abort = abortOnClientGone(res);

    if (!body.stream) {
      const outcome = await chat.chat(input, {
        signal: abort.signal,
        onRoute: (route) => res.setHeader('x-switchyard-route', routeHeader(route)),
      });
      res.setHeader('x-switchyard-route', routeHeader(outcome.route));
      res.json({
        id,
        object: 'chat.completion',
        created,
        model: outcome.route.model,
        choices: [{ index: 0, message: { role: 'assistant', content: outcome.answer, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: openAiUsage(outcome),
        switchyard: { route: outcome.route, cached: outcome.cached, costUsd: outcome.costUsd, citations: outcome.citations, latencyMs: outcome.latencyMs },
      });
      return;
    }

    let sse: SseStream | undefined;
    let model = '';
    const chunk = (delta: Record<string, unknown>, finishReason: string | null) =>
      JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] });
    try {
      const outcome = await chat.chat(input, {
        signal: abort.signal,
        onRoute: (route) => {
          model = route.model;
          sse = openSse(res, { abort, headers: { 'x-switchyard-route': routeHeader(route) } });
          sse.data(chunk({ role: 'assistant', content: '' }, null));
        },
        onDelta: (text) => sse?.data(chunk({ content: text }, null)),
      });
      sse?.data(chunk({}, 'stop'));
      if (body.stream_options?.include_usage) {
        sse?.data(JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage: openAiUsage(outcome) }));
      }
      sse?.data('[DONE]');
      sse?.end();
    } catch (error) {
      if (!sse) throw error;
      if (!sse.closed) {
        const { code, message, status } = errorFields(error);
        sse.data(JSON.stringify({ error: { code, message, type: openAiErrorType(status) } }));
        sse.end();
      }
    }
  });

  return router;
}

function openAiUsage(outcome: ChatOutcome) {
  return {
    prompt_tokens: outcome.usage.promptTokens,
    completion_tokens: outcome.usage.completionTokens,
    total_tokens: outcome.usage.totalTokens,
  };
}
