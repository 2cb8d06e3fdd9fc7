// A fake OpenAI + Anthropic server speaking their real wire formats (JSON and SSE), so tests and
// benchmarks exercise the official SDKs end to end. It records every request (minus credentials),
// notices client aborts, and can be told to fail in the ways real providers fail.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { anthropicRequest, countTokens, generate, openAIRequest, type FakeChoice, type FakeToolCall } from './generate';
import { responseObject, responsesRequest, streamResponses } from './responses';

export { echoReply, sampleFromSchema } from './generate';

export type FakeMode = 'ok' | 'error500' | 'rate429' | 'slow' | 'hang' | 'malformed-stream' | 'down';

export interface FakeBehavior {
  mode: FakeMode;
  /** Sent as the Retry-After header in `rate429` mode (default 1). */
  retryAfterSeconds?: number;
  /** `slow`: wait this long before answering (default 2000). */
  delayMs?: number;
  /** Wait this long between stream chunks in any streaming answer (default 0). */
  chunkDelayMs?: number;
  /** The answer text; by default derived from the last user message (`Echo: ...`). */
  reply?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** Parsed JSON body, or the raw string when it is not JSON, or undefined when empty. */
  body: unknown;
  /** Request headers without `authorization` and `x-api-key`. */
  headers: Record<string, string | string[] | undefined>;
  /** The last four characters of the API key the client sent (Bearer or x-api-key), to see which key was used. */
  keyLastFour?: string;
  /** The client went away before the answer was complete. */
  aborted: boolean;
  /** The answer was completely written. */
  completed: boolean;
  at: number;
}

/** A fault for every request made with one API key: a revoked key (401/403) or that key's quota (429). */
export interface KeyFault {
  status: 401 | 403 | 429;
  /** Sent as Retry-After with a 429 (default 1). */
  retryAfterSeconds?: number;
}

export interface FakeLlm {
  url: string;
  openaiBaseURL: string;
  anthropicBaseURL: string;
  requests: RecordedRequest[];
  setBehavior(behavior: FakeBehavior): void;
  /** Fails every request made with `apiKey` as given; `undefined` clears it. */
  setKeyFault(apiKey: string, fault: KeyFault | undefined): void;
  /** Replaces the model list `GET /v1/models` answers with. */
  setModels(models: string[]): void;
  /** Resolves when `predicate(requests)` holds, rejects after `timeoutMs` (default 2000). */
  waitFor(predicate: (requests: RecordedRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Clears the request log and key faults, restores the model list, and returns to `ok`. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeLlmOptions {
  port?: number;
  host?: string;
  /** Listed by GET /v1/models. */
  models?: string[];
}

const DEFAULT_MODELS = ['fake-small', 'fake-medium', 'fake-large'];
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startFakeLlm(options: FakeLlmOptions = {}): Promise<FakeLlm> {
  let behavior: FakeBehavior = { mode: 'ok' };
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let models = options.models ?? DEFAULT_MODELS;
  const keyFaults = new Map<string, KeyFault>();
  let counter = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    const apiKey = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '')?.[1] ?? (typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : undefined);
    const headers = { ...req.headers };
    delete headers.authorization;
    delete headers['x-api-key'];
    let body: unknown = undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0] ?? '/',
      body,
      headers,
      ...(apiKey ? { keyLastFour: apiKey.slice(-4) } : {}),
      aborted: false,
      completed: false,
      at: Date.now(),
    };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.aborted = true;
    });
    res.on('finish', () => {
      record.completed = true;
    });

    const current = behavior;
    const isAnthropic = record.path === '/v1/messages' || req.headers['anthropic-version'] !== undefined;
    const closed = () => res.destroyed || record.aborted;

    const keyFault = apiKey ? keyFaults.get(apiKey) : undefined;
    if (keyFault && current.mode !== 'down' && current.mode !== 'hang') {
      if (keyFault.status === 429) {
        res.setHeader('retry-after', String(keyFault.retryAfterSeconds ?? 1));
        return sendError(res, 429, isAnthropic, 'rate_limit_error', 'Rate limit reached for this key.');
      }
      return keyFault.status === 401
        ? sendError(res, 401, isAnthropic, 'authentication_error', 'Incorrect API key provided.')
        : sendError(res, 403, isAnthropic, 'permission_error', 'This key may not use this resource.');
    }

    switch (current.mode) {
      case 'down':
        req.socket.destroy();
        return;
      case 'hang':
        return; // never answer; the client must time out or abort
      case 'error500':
        return sendError(res, 500, isAnthropic, 'api_error', 'The fake server had an internal error.');
      case 'rate429':
        res.setHeader('retry-after', String(current.retryAfterSeconds ?? 1));
        return sendError(res, 429, isAnthropic, 'rate_limit_error', 'Rate limit reached. Try again later.');
      case 'slow':
        await sleep(current.delayMs ?? 2000);
        if (closed()) return;
        break;
      default:
        break;
    }

    const route = `${record.method} ${record.path}`;
    if (route === 'GET /v1/models') {
      return isAnthropic ? sendJson(res, 200, anthropicModels(models)) : sendJson(res, 200, openaiModels(models));
    }
    if (route === 'POST /v1/embeddings') return sendJson(res, 200, embeddings(body));
    if (route === 'POST /v1/chat/completions') {
      const params = asRecord(body);
      const choices = generate(openAIRequest(params, current.reply), () => ++counter);
      const id = `chatcmpl-fake${++counter}`;
      const model = typeof params.model === 'string' ? params.model : 'fake-small';
      const promptTokens = countTokens(JSON.stringify(params.messages ?? ''));
      const completionTokens = choices.reduce((sum, c) => sum + countTokens(c.text + c.toolCalls.map((t) => t.arguments).join('')), 0);
      const logprobs = params.logprobs === true;
      if (params.stream === true) {
        const includeUsage = asRecord(params.stream_options).include_usage === true;
        return streamOpenAI(res, { id, model, choices, promptTokens, completionTokens, includeUsage, logprobs }, current, closed);
      }
      if (current.mode === 'malformed-stream') return sendRaw(res, 200, '{"id": "broken", "choices": [');
      return sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model,
        ...(params.seed !== undefined ? { system_fingerprint: `fp_seed_${String(params.seed)}` } : {}),
        choices: choices.map((choice, index) => ({
          index,
          message: {
            role: 'assistant',
            content: choice.toolCalls.length > 0 ? null : choice.text,
            refusal: null,
            ...(choice.toolCalls.length > 0 ? { tool_calls: choice.toolCalls.map(openAIToolCall) } : {}),
          },
          logprobs: logprobs ? { content: pieces(choice.text).map(tokenLogprob), refusal: null } : null,
          finish_reason: choice.finish,
        })),
        usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
      });
    }
    if (route === 'POST /v1/messages') {
      const params = asRecord(body);
      const [choice] = generate(anthropicRequest(params, current.reply), () => ++counter);
      const answer = choice ?? { text: '', toolCalls: [], finish: 'stop' as const };
      const id = `msg_fake${++counter}`;
      const model = typeof params.model === 'string' ? params.model : 'claude-fake';
      const inputTokens = countTokens(JSON.stringify(params.messages ?? '') + JSON.stringify(params.system ?? ''));
      const outputTokens = countTokens(answer.text + answer.toolCalls.map((t) => t.arguments).join(''));
      if (params.stream === true) {
        return streamAnthropic(res, { id, model, answer, inputTokens, outputTokens }, current, closed);
      }
      if (current.mode === 'malformed-stream') return sendRaw(res, 200, '{"id": "broken", "content": [');
      return sendJson(res, 200, {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content: anthropicContent(answer),
        stop_reason: anthropicStopReason(answer),
        stop_sequence: answer.stopSequence ?? null,
        usage: { input_tokens: inputTokens, output_tokens: outputTokens },
      });
    }
    if (route === 'POST /v1/responses') {
      const params = asRecord(body);
      const [choice] = generate(responsesRequest(params, current.reply), () => ++counter);
      const answer = choice ?? { text: '', toolCalls: [], finish: 'stop' as const };
      const spec = {
        id: `resp_fake${++counter}`,
        model: typeof params.model === 'string' ? params.model : 'fake-small',
        answer,
        inputTokens: countTokens(JSON.stringify(params.input ?? '') + String(params.instructions ?? '')),
        outputTokens: countTokens(answer.text + answer.toolCalls.map((t) => t.arguments).join('')),
      };
      if (params.stream === true) return streamResponses(res, spec, current, closed);
      return sendJson(res, 200, responseObject(spec, 'completed'));
    }
    return sendError(res, 404, isAnthropic, 'not_found_error', `No route ${route} on the fake server.`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${address.port}`;

  return {
    url,
    openaiBaseURL: `${url}/v1`,
    anthropicBaseURL: url,
    requests,
    setBehavior(next) {
      behavior = { ...next };
    },
    setKeyFault(key, fault) {
      if (fault) keyFaults.set(key, { ...fault });
      else keyFaults.delete(key);
    },
    setModels(next) {
      models = [...next];
    },
    async waitFor(predicate, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        if (Date.now() > deadline) throw new Error(`fake-llm: condition not met within ${timeoutMs} ms`);
        await sleep(5);
      }
    },
    reset() {
      requests.length = 0;
      behavior = { mode: 'ok' };
      keyFaults.clear();
      models = options.models ?? DEFAULT_MODELS;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** Splits text into word-sized pieces that join back to the original. */
function pieces(text: string): string[] {
  const parts = text.match(/\S+\s*|\s+/g) ?? [];
  return parts.length > 0 ? parts : [''];
}

function sendJson(res: ServerResponse, status: number, payload: unknown) {
  sendRaw(res, status, JSON.stringify(payload));
}

function sendRaw(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, anthropic: boolean, type: string, message: string) {
  if (anthropic) return sendJson(res, status, { type: 'error', error: { type, message } });
  return sendJson(res, status, { error: { message, type, param: null, code: status === 429 ? 'rate_limit_exceeded' : null } });
}

function startSse(res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
}

interface OpenAIStreamSpec {
  id: string;
  model: string;
  choices: FakeChoice[];
  promptTokens: number;
  completionTokens: number;
  includeUsage: boolean;
  logprobs: boolean;
}

const openAIToolCall = (call: FakeToolCall) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } });
const tokenLogprob = (token: string) => ({ token, logprob: -0.25, bytes: [...Buffer.from(token)], top_logprobs: [{ token, logprob: -0.25, bytes: [...Buffer.from(token)] }] });

/** Splits JSON text into a few pieces, as models stream tool arguments. */
function jsonPieces(json: string): string[] {
  const size = Math.max(1, Math.ceil(json.length / 3));
  const out: string[] = [];
  for (let at = 0; at < json.length; at += size) out.push(json.slice(at, at + size));
  return out.length > 0 ? out : [''];
}

async function streamOpenAI(res: ServerResponse, spec: OpenAIStreamSpec, behavior: FakeBehavior, closed: () => boolean) {
  startSse(res);
  const created = Math.floor(Date.now() / 1000);
  const chunk = (choices: unknown[], usage: unknown = null) =>
    `data: ${JSON.stringify({ id: spec.id, object: 'chat.completion.chunk', created, model: spec.model, choices, usage })}\n\n`;
  for (const [index, choice] of spec.choices.entries()) {
    res.write(chunk([{ index, delta: { role: 'assistant', content: choice.toolCalls.length > 0 ? null : '' }, logprobs: null, finish_reason: null }]));
    for (const [callIndex, call] of choice.toolCalls.entries()) {
      res.write(chunk([{ index, delta: { tool_calls: [{ index: callIndex, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }, logprobs: null, finish_reason: null }]));
      for (const piece of jsonPieces(call.arguments)) {
        if (behavior.chunkDelayMs) await sleep(behavior.chunkDelayMs);
        if (closed()) return;
        res.write(chunk([{ index, delta: { tool_calls: [{ index: callIndex, function: { arguments: piece } }] }, logprobs: null, finish_reason: null }]));
      }
    }
    for (const [pieceIndex, part] of (choice.toolCalls.length > 0 ? [] : pieces(choice.text)).entries()) {
      if (behavior.chunkDelayMs) await sleep(behavior.chunkDelayMs);
      if (closed()) return;
      const logprobs = spec.logprobs ? { content: [tokenLogprob(part)], refusal: null } : null;
      res.write(chunk([{ index, delta: { content: part }, logprobs, finish_reason: null }]));
      if (behavior.mode === 'malformed-stream' && pieceIndex === 0) {
        res.write('data: {"id": "chatcmpl-broken", "choices": [{"delta": {"content": "oops\n\n');
        res.end();
        return;
      }
    }
    res.write(chunk([{ index, delta: {}, logprobs: null, finish_reason: choice.finish }]));
  }
  if (spec.includeUsage) {
    const total = spec.promptTokens + spec.completionTokens;
    res.write(chunk([], { prompt_tokens: spec.promptTokens, completion_tokens: spec.completionTokens, total_tokens: total }));
  }
  res.write('data: [DONE]\n\n');
  res.end();
}

interface AnthropicStreamSpec {
  id: string;
  model: string;
  answer: FakeChoice;
  inputTokens: number;
  outputTokens: number;
}

const anthropicStopReason = (answer: FakeChoice) =>
  answer.finish === 'tool_calls' ? 'tool_use' : answer.finish === 'length' ? 'max_tokens' : answer.stopSequence !== undefined ? 'stop_sequence' : 'end_turn';

function anthropicContent(answer: FakeChoice): unknown[] {
  if (answer.toolCalls.length > 0) return answer.toolCalls.map((call) => ({ type: 'tool_use', id: call.id.replace('call_', 'toolu_'), name: call.name, input: JSON.parse(call.arguments) as unknown }));
  return [{ type: 'text', text: answer.text }];
}

async function streamAnthropic(res: ServerResponse, spec: AnthropicStreamSpec, behavior: FakeBehavior, closed: () => boolean) {
  startSse(res);
  const event = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  res.write(
    event('message_start', {
      message: {
        id: spec.id,
        type: 'message',
        role: 'assistant',
        model: spec.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: spec.inputTokens, output_tokens: 1 },
      },
    }),
  );
  if (spec.answer.toolCalls.length > 0) {
    res.write(event('ping', {}));
    for (const [index, call] of spec.answer.toolCalls.entries()) {
      res.write(event('content_block_start', { index, content_block: { type: 'tool_use', id: call.id.replace('call_', 'toolu_'), name: call.name, input: {} } }));
      for (const piece of jsonPieces(call.arguments)) {
        if (behavior.chunkDelayMs) await sleep(behavior.chunkDelayMs);
        if (closed()) return;
        res.write(event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: piece } }));
      }
      res.write(event('content_block_stop', { index }));
    }
  } else {
    res.write(event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }));
    res.write(event('ping', {}));
    for (const [index, part] of pieces(spec.answer.text).entries()) {
      if (behavior.chunkDelayMs) await sleep(behavior.chunkDelayMs);
      if (closed()) return;
      res.write(event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: part } }));
      if (behavior.mode === 'malformed-stream' && index === 0) {
        res.write('event: content_block_delta\ndata: {"type": "content_block_delta", "index": 0, "delta": {\n\n');
        res.end();
        return;
      }
    }
    res.write(event('content_block_stop', { index: 0 }));
  }
  res.write(
    event('message_delta', {
      delta: { stop_reason: anthropicStopReason(spec.answer), stop_sequence: spec.answer.stopSequence ?? null },
      usage: { output_tokens: spec.outputTokens },
    }),
  );
  res.write(event('message_stop', {}));
  res.end();
}

function openaiModels(models: string[]) {
  return { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'fake-llm' })) };
}

function anthropicModels(models: string[]) {
  const data = models.map((id) => ({ type: 'model', id, display_name: id, created_at: '2025-01-01T00:00:00Z' }));
  return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
}

/** Deterministic bag-of-words hashing vectors: texts sharing words get similar vectors. */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const word of words.length > 0 ? words : ['']) {
    let hash = 2166136261;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619);
    const index = (hash >>> 0) % dimensions;
    vector[index] = (vector[index] ?? 0) + ((hash & 1) === 0 ? 1 : -1);
  }
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0)) || 1;
  return vector.map((x) => x / norm);
}

function embeddings(body: unknown) {
  const params = asRecord(body);
  const inputs = Array.isArray(params.input) ? params.input.map(String) : [String(params.input ?? '')];
  const dimensions = typeof params.dimensions === 'number' && params.dimensions > 0 ? params.dimensions : 1536;
  const base64 = params.encoding_format === 'base64';
  const data = inputs.map((input, index) => {
    const vector = fakeEmbedding(input, dimensions);
    const embedding = base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  const tokens = inputs.reduce((sum, input) => sum + countTokens(input), 0);
  return {
    object: 'list',
    data,
    model: typeof params.model === 'string' ? params.model : 'fake-embedding',
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}
