// Server-sent events on an Express response: the headers proxies need to pass events through
// unbuffered, one flushed write per event, heartbeat comments so idle connections survive load
// balancers, and a signal that fires when the client goes away.
import type { Response } from 'express';

export interface SseStream {
  /** Aborted when the client disconnects before `end()`. */
  readonly signal: AbortSignal;
  readonly closed: boolean;
  /** `event: name` + `data: json`. */
  send(event: string, data: unknown): void;
  /** A bare `data:` line (the OpenAI wire format uses unnamed events). */
  data(payload: string): void;
  end(): void;
}

export interface OpenSseOptions {
  heartbeatMs?: number;
  /** Extra response headers (set before the first byte). */
  headers?: Record<string, string>;
  /** Aborted together with the stream's own signal when the client goes away. */
  abort?: AbortController;
}

export const HEARTBEAT_MS = 15_000;

export function wantsEventStream(accept: string | undefined): boolean {
  return accept !== undefined && accept.includes('text/event-stream');
}

export function openSse(res: Response, options: OpenSseOptions = {}): SseStream {
  const controller = options.abort ?? new AbortController();
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
  // The headers leave with the first event when it is written at once (one write to the socket,
  // not two: a streamed /v1 answer opens with its first chunk); else on the next tick, so the
  // client sees the stream open before the first event.
  process.nextTick(() => {
    if (!res.headersSent && !res.writableEnded) res.flushHeaders();
  });
  res.socket?.setNoDelay(true);

  let closed = false;
  const write = (chunk: string) => {
    if (closed || res.writableEnded) return;
    res.write(chunk);
    // compression middleware (if any) buffers unless told to flush
    (res as Response & { flush?: () => void }).flush?.();
  };
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  res.on('close', () => {
    clearInterval(heartbeat);
    if (!closed) {
      closed = true;
      controller.abort(new Error('client disconnected'));
    }
  });

  return {
    signal: controller.signal,
    get closed() {
      return closed;
    },
    send(event, data) {
      write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    data(payload) {
      write(`data: ${payload}\n\n`);
    },
    end() {
      clearInterval(heartbeat);
      if (closed) return;
      closed = true;
      res.end();
    },
  };
}

/** An AbortSignal that fires when the client of a (non-streamed) request goes away early. */
export function abortOnClientGone(res: Response): AbortController {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort(new Error('client disconnected'));
  });
  return controller;
}
