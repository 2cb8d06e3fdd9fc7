// The HTTP side of a streamed /v1 answer, shared by the three wire formats: the stream opens once
// the route is known (errors before that are ordinary JSON errors with their status), every
// piece is written as it arrives, and an error after the first byte becomes the format's error
// event, since the status line is gone.
import type { AnswerChunk } from '@switchyard/router';
import type { Response } from 'express';
import type { Route } from '@switchyard/client';
import { openAiErrorType } from '../../middleware/errors';
import { streamAdmission } from '../../middleware/streams';
import type { ChatHooks, ChatOutcome } from '../../services/chat';
import { abortOnClientGone, openSse, type SseStream } from '../../http/sse';
import { errorFields } from '../chat';

export const routeHeader = (route: { tier: string; provider: string; model: string }) => `tier=${route.tier}; provider=${route.provider}; model=${route.model}`;

export interface StreamHandlers {
  run(hooks: ChatHooks): Promise<ChatOutcome>;
  open(sse: SseStream, route: Route): void;
  chunk(sse: SseStream, chunk: AnswerChunk): void;
  finish(sse: SseStream, outcome: ChatOutcome): void;
  /** The format's error event once the stream is open (`type` is OpenAI's error type). */
  fail(sse: SseStream, error: { code: string; message: string; type: string }): void;
}

export async function streamAnswer(res: Response, handlers: StreamHandlers): Promise<void> {
  const abort = abortOnClientGone(res);
  let sse: SseStream | undefined;
  const admitted = streamAdmission(res);
  try {
    const outcome = await handlers.run({
      signal: abort.signal,
      // The stream cap's answer arrives while the request is classified and routed; nothing is
      // sent anywhere before it (a refusal is a 429 in the one error shape).
      ...(admitted ? { admitted } : {}),
      onRoute: (route) => {
        sse = openSse(res, { abort, headers: { 'x-switchyard-route': routeHeader(route) } });
        handlers.open(sse, route);
      },
      onChunk: (chunk) => {
        if (sse) handlers.chunk(sse, chunk);
      },
    });
    if (sse) {
      handlers.finish(sse, outcome);
      sse.end();
    }
  } catch (error) {
    if (!sse) throw error;
    if (!sse.closed) {
      const { code, message, status } = errorFields(error);
      handlers.fail(sse, { code, message, type: openAiErrorType(status) });
      sse.end();
    }
  }
}
