// OpenAI's own API, and the OpenAI wire format every compatible server speaks (the
// `openai-compatible` kind builds on `createOpenAIWireProvider`).
import { StringDecoder } from 'node:string_decoder';
import OpenAI from 'openai';
import { Agent, request, type Dispatcher } from 'undici';
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionCreateParamsBase, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { DEFAULT_CONTEXT_WINDOWS } from '../config';
import type { AnswerChoice, AnswerChunk, FinishReason, ModelCapabilities, ToolCall, Usage, WireTurn } from '../types';
import { citationsFromMarkers, toProviderError, withGrounding, withGroundingTurns } from './generative';
import { ProviderError, type DiscoveredModel, type Provider, type ProviderAnswer, type ProviderCall } from './provider';
import { registerProviderKind, type ProviderSpec } from './registry';

/** A turn in OpenAI's own message shape. */
export function toOpenAIMessage(turn: WireTurn): ChatCompletionMessageParam {
  switch (turn.role) {
    case 'system':
      return { role: 'system', content: typeof turn.content === 'string' ? turn.content : (turn.content ?? []).map((p) => (p.type === 'text' ? p.text : '')).join('') };
    case 'tool':
      return { role: 'tool', tool_call_id: turn.toolCallId ?? '', content: typeof turn.content === 'string' ? turn.content : (turn.content ?? []).map((p) => (p.type === 'text' ? p.text : '')).join('') };
    case 'assistant':
      return {
        role: 'assistant',
        content: typeof turn.content === 'string' || turn.content === null ? turn.content : turn.content.map((p) => (p.type === 'text' ? p.text : '')).join(''),
        ...(turn.name ? { name: turn.name } : {}),
        ...(turn.toolCalls && turn.toolCalls.length > 0 ? { tool_calls: turn.toolCalls } : {}),
      };
    default:
      return { role: 'user', content: turn.content ?? '', ...(turn.name ? { name: turn.name } : {}) };
  }
}

/** The request body: the conversation and every generation setting, as OpenAI names them. */
function requestParams(call: ProviderCall, officialApi: boolean): ChatCompletionCreateParamsBase {
  const g = call.generation ?? {};
  const messages = call.turns ? withGroundingTurns(call.turns, call.context).map(toOpenAIMessage) : withGrounding(call.messages, call.context);
  const format = g.responseFormat;
  return {
    model: call.model,
    messages,
    ...(call.temperature !== undefined ? { temperature: call.temperature } : {}),
    ...(call.maxTokens !== undefined ? (officialApi ? { max_completion_tokens: call.maxTokens } : { max_tokens: call.maxTokens }) : {}),
    ...(g.tools && g.tools.length > 0
      ? {
          tools: g.tools.map((tool) => ({
            type: 'function' as const,
            function: {
              name: tool.name,
              ...(tool.description !== undefined ? { description: tool.description } : {}),
              ...(tool.parameters !== undefined ? { parameters: tool.parameters } : {}),
              ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
            },
          })),
        }
      : {}),
    ...(g.toolChoice !== undefined ? { tool_choice: typeof g.toolChoice === 'string' ? g.toolChoice : { type: 'function' as const, function: { name: g.toolChoice.name } } } : {}),
    ...(g.parallelToolCalls !== undefined ? { parallel_tool_calls: g.parallelToolCalls } : {}),
    ...(format
      ? {
          response_format:
            format.type === 'json_schema'
              ? {
                  type: 'json_schema' as const,
                  json_schema: {
                    name: format.name,
                    schema: format.schema,
                    ...(format.strict !== undefined ? { strict: format.strict } : {}),
                    ...(format.description !== undefined ? { description: format.description } : {}),
                  },
                }
              : { type: format.type },
        }
      : {}),
    ...(g.n !== undefined ? { n: g.n } : {}),
    ...(g.stop && g.stop.length > 0 ? { stop: g.stop } : {}),
    ...(g.seed !== undefined ? { seed: g.seed } : {}),
    ...(g.topP !== undefined ? { top_p: g.topP } : {}),
    ...(g.presencePenalty !== undefined ? { presence_penalty: g.presencePenalty } : {}),
    ...(g.frequencyPenalty !== undefined ? { frequency_penalty: g.frequencyPenalty } : {}),
    ...(g.logitBias !== undefined ? { logit_bias: g.logitBias } : {}),
    ...(g.logprobs !== undefined ? { logprobs: g.logprobs } : {}),
    ...(g.topLogprobs !== undefined ? { top_logprobs: g.topLogprobs } : {}),
    ...(g.user !== undefined ? { user: g.user } : {}),
  };
}

const FINISH_REASONS = new Set<string>(['stop', 'length', 'tool_calls', 'content_filter']);
/** OpenAI's finish reasons pass as they are; the legacy `function_call` is a tool call. */
const finishReasonOf = (reason: string | null | undefined): FinishReason =>
  reason === 'function_call' ? 'tool_calls' : reason && FINISH_REASONS.has(reason) ? (reason as FinishReason) : 'stop';

const usageOf = (usage: OpenAI.CompletionUsage): Usage => ({
  promptTokens: usage.prompt_tokens,
  completionTokens: usage.completion_tokens,
  totalTokens: usage.total_tokens,
  estimated: false,
});

function answerFromChoices(choices: AnswerChoice[], usage: Usage | null, call: ProviderCall): ProviderAnswer {
  const first = choices[0] ?? { index: 0, text: '', finishReason: 'stop' as const };
  return {
    text: first.text,
    citations: citationsFromMarkers(first.text, call.context),
    usage,
    finishReason: first.finishReason,
    ...(first.toolCalls ? { toolCalls: first.toolCalls } : {}),
    choices,
  };
}

/** The status, headers and message of a refused call, in the shape `toProviderError` reads from SDK errors. */
class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly headers: { get(name: string): string | null },
  ) {
    super(message);
  }
}

/** Sends a completion request with undici's `request`; a refusal (4xx, 5xx) comes back as the SDK's error shape. */
async function postToProvider(dispatcher: Agent, url: string, apiKey: string, payload: unknown, signal: AbortSignal, accept: string): Promise<Dispatcher.ResponseData> {
  let response: Dispatcher.ResponseData;
  try {
    response = await request(url, {
      method: 'POST',
      dispatcher,
      signal,
      headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(payload),
    });
  } catch (error) {
    if (signal.aborted) throw error;
    const code = (error as { code?: unknown }).code;
    throw new ProviderError(`cannot reach the provider: ${(error as Error).message}${typeof code === 'string' ? ` (${code})` : ''}`, 'connection');
  }
  if (response.statusCode >= 400) {
    const text = await response.body.text();
    let message = text.slice(0, 300);
    try {
      message = String((JSON.parse(text) as { error?: { message?: unknown } }).error?.message ?? message);
    } catch {
      // not JSON: the text itself
    }
    const headers = response.headers;
    throw new HttpError(`${response.statusCode} ${message}`, response.statusCode, {
      get: (name) => {
        const value = headers[name.toLowerCase()];
        return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
      },
    });
  }
  return response;
}

/**
 * A whole (non-streamed) completion, fetched with undici's `request` rather than the SDK: the
 * SDK's fetch (WHATWG streams, Request and Headers objects) cost more CPU than the rest of a
 * gateway call, and a non-streamed call needs none of it. Errors come back in the SDK's shape.
 */
async function postCompletion(dispatcher: Agent, url: string, apiKey: string, payload: unknown, signal: AbortSignal): Promise<ChatCompletion> {
  const response = await postToProvider(dispatcher, url, apiKey, payload, signal, 'application/json');
  return (await response.body.json()) as ChatCompletion;
}

/** An `error` object the provider sent inside its event stream (after a 200). */
class StreamError extends Error {}

/**
 * A streamed completion's chunks as they arrive, read with undici's `request` and a small
 * server-sent events parser instead of the SDK: the SDK's fetch and its WHATWG streams were most
 * of a streamed gateway call's CPU, and they sat between the provider's first token and the
 * caller's. Each `data:` event is parsed once, as soon as its blank line arrives; `[DONE]` ends
 * the stream; an `error` event throws; a broken last event is a SyntaxError (`malformed`), as
 * with the SDK.
 */
async function* streamCompletion(dispatcher: Agent, url: string, apiKey: string, payload: unknown, signal: AbortSignal): AsyncGenerator<ChatCompletionChunk> {
  const response = await postToProvider(dispatcher, url, apiKey, payload, signal, 'text/event-stream');
  // A character split across two reads is held back until its last byte arrives.
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const eventOf = (block: string): ChatCompletionChunk | 'done' | undefined => {
    let data: string | undefined;
    for (const line of block.split('\n')) {
      if (!line.startsWith('data:')) continue; // `event:`, `id:`, comments (heartbeats)
      const value = line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5);
      data = data === undefined ? value : `${data}\n${value}`;
    }
    if (data === undefined) return undefined;
    if (data === '[DONE]') return 'done';
    const parsed = JSON.parse(data) as ChatCompletionChunk & { error?: { message?: unknown } };
    if (parsed.error) throw new StreamError(String(parsed.error.message ?? 'the provider sent an error in its stream'));
    return parsed;
  };
  try {
    for await (const bytes of response.body as AsyncIterable<Buffer>) {
      pending += decoder.write(bytes);
      if (pending.includes('\r')) pending = pending.replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = pending.indexOf('\n\n')) !== -1) {
        const event = eventOf(pending.slice(0, end));
        pending = pending.slice(end + 2);
        if (event === 'done') return;
        if (event) yield event;
      }
    }
    pending += decoder.end();
    const last = pending.trim() === '' ? undefined : eventOf(pending);
    if (last && last !== 'done') yield last;
  } finally {
    // Stops reading (and frees the connection) when the caller leaves early.
    if (!response.body.destroyed) response.body.destroy();
  }
}

/** A whole (non-streamed) completion as an answer. */
function answerOf(completion: ChatCompletion, call: ProviderCall): ProviderAnswer {
  const choices: AnswerChoice[] = completion.choices.map((choice) => {
    const toolCalls = (choice.message.tool_calls ?? []).flatMap((tc): ToolCall[] =>
      tc.type === 'function' ? [{ id: tc.id, type: 'function', function: { name: tc.function.name, arguments: tc.function.arguments } }] : [],
    );
    return {
      index: choice.index,
      text: choice.message.content ?? '',
      finishReason: finishReasonOf(choice.finish_reason),
      ...(toolCalls.length > 0 ? { toolCalls } : {}),
      ...(choice.logprobs ? { logprobs: choice.logprobs } : {}),
    };
  });
  return answerFromChoices(choices, completion.usage ? usageOf(completion.usage) : null, call);
}

/** Puts streamed choice deltas back together, and turns each into the chunks the caller hears. */
class ChoiceAssembler {
  private readonly choices = new Map<number, { text: string; finish: FinishReason; calls: Map<number, ToolCall>; logprobs: unknown[] }>();

  add(choice: ChatCompletionChunk.Choice): AnswerChunk[] {
    let state = this.choices.get(choice.index);
    if (!state) {
      state = { text: '', finish: 'stop', calls: new Map(), logprobs: [] };
      this.choices.set(choice.index, state);
    }
    const pieces: AnswerChunk[] = [];
    const text = choice.delta?.content;
    if (text) {
      state.text += text;
      pieces.push({ choice: choice.index, text });
    }
    for (const delta of choice.delta?.tool_calls ?? []) {
      let call = state.calls.get(delta.index);
      if (!call) {
        call = { id: delta.id ?? '', type: 'function', function: { name: delta.function?.name ?? '', arguments: '' } };
        state.calls.set(delta.index, call);
      } else {
        if (delta.id) call.id = delta.id;
        if (delta.function?.name) call.function.name += delta.function.name;
      }
      const args = delta.function?.arguments ?? '';
      call.function.arguments += args;
      pieces.push({
        choice: choice.index,
        toolCall: { index: delta.index, ...(delta.id ? { id: delta.id } : {}), ...(delta.function?.name ? { name: delta.function.name } : {}), arguments: args },
      });
    }
    if (choice.logprobs) {
      state.logprobs.push(...(choice.logprobs.content ?? []));
      pieces.push({ choice: choice.index, logprobs: choice.logprobs });
    }
    if (choice.finish_reason) state.finish = finishReasonOf(choice.finish_reason);
    return pieces;
  }

  answer(usage: Usage | null, call: ProviderCall): ProviderAnswer {
    const choices: AnswerChoice[] = [...this.choices.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, state]) => ({
        index,
        text: state.text,
        finishReason: state.finish,
        ...(state.calls.size > 0 ? { toolCalls: [...state.calls.entries()].sort(([a], [b]) => a - b).map(([, c]) => c) } : {}),
        ...(state.logprobs.length > 0 ? { logprobs: { content: state.logprobs } } : {}),
      }));
    return answerFromChoices(choices, usage, call);
  }
}

/** OpenAI's models: everything the chat API offers. */
export function openAIModelCapabilities(model: string): ModelCapabilities {
  return {
    tools: true,
    parallelToolCalls: true,
    jsonMode: true,
    jsonSchema: true,
    vision: true,
    streaming: true,
    contextWindow: DEFAULT_CONTEXT_WINDOWS[model] ?? 128_000,
    multipleChoices: true,
    logprobs: true,
    seed: true,
    penalties: true,
    stopSequences: true,
  };
}

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export function createOpenAIWireProvider(spec: ProviderSpec, defaultBaseURL: string): Provider {
  const baseURL = spec.baseURL ?? defaultBaseURL;
  // One SDK client per key, made on first use: the router picks the key of each call.
  const clients = new Map<string, OpenAI>();
  const clientFor = (apiKey: string | undefined): OpenAI => {
    // Local servers ignore the key, but the SDK requires one (and must never fall back to env).
    const key = apiKey ?? 'not-needed';
    let client = clients.get(key);
    if (!client) {
      client = new OpenAI({
        apiKey: key,
        baseURL,
        maxRetries: 0, // the router retries and falls back itself
        timeout: 10 * 60_000, // the router enforces its own idle timeout through the AbortSignal
        logLevel: 'off',
      });
      clients.set(key, client);
    }
    return client;
  };
  // OpenAI's own API wants max_completion_tokens; compatible servers know max_tokens.
  const officialApi = baseURL.startsWith('https://api.openai.com');
  // Keep-alive connections to the provider (postCompletion, streamCompletion).
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
  const completionsUrl = `${baseURL.replace(/\/+$/, '')}/chat/completions`;

  return {
    id: spec.id,
    kind: spec.kind,
    local: spec.local,
    models: spec.models,
    async chat(call: ProviderCall): Promise<ProviderAnswer> {
      const params = requestParams(call, officialApi);
      try {
        if (call.stream === false) {
          // Local servers ignore the key, but send one as the SDK would.
          return answerOf(await postCompletion(dispatcher, completionsUrl, call.apiKey ?? 'not-needed', { ...params, stream: false }, call.signal), call);
        }
        const stream = streamCompletion(dispatcher, completionsUrl, call.apiKey ?? 'not-needed', { ...params, stream: true, stream_options: { include_usage: true } }, call.signal);
        const choices = new ChoiceAssembler();
        let usage: ProviderAnswer['usage'] = null;
        for await (const chunk of stream) {
          for (const choice of chunk.choices) {
            for (const piece of choices.add(choice)) {
              if (call.onChunk) call.onChunk(piece);
              else if (piece.choice === 0 && piece.text) call.onDelta(piece.text);
            }
          }
          if (chunk.usage) usage = usageOf(chunk.usage);
        }
        if (call.signal.aborted) throw call.signal.reason;
        return choices.answer(usage, call);
      } catch (error) {
        throw toProviderError(error, call.signal);
      }
    },
    async ping(signal, apiKey) {
      try {
        await clientFor(apiKey).models.list({ signal });
      } catch (error) {
        throw toProviderError(error, signal);
      }
    },
    async listModels(signal, apiKey) {
      try {
        const models: DiscoveredModel[] = [];
        // `GET /models`: OpenAI, Ollama (/v1/models), vLLM, llama.cpp and LM Studio all answer it.
        for await (const model of clientFor(apiKey).models.list({ signal })) {
          const extra = model as unknown as { context_length?: unknown; context_window?: unknown; max_model_len?: unknown };
          const window = [extra.context_window, extra.context_length, extra.max_model_len].find((v): v is number => typeof v === 'number');
          models.push({
            id: model.id,
            ...(model.owned_by ? { ownedBy: model.owned_by } : {}),
            ...(window !== undefined ? { contextWindow: window } : {}),
          });
        }
        return models;
      } catch (error) {
        throw toProviderError(error, signal);
      }
    },
  };
}

registerProviderKind({
  name: 'openai',
  label: 'OpenAI',
  generative: true,
  needsApiKey: true,
  locality: 'either',
  defaultBaseURL: OPENAI_BASE_URL,
  longContextRank: 0,
  capabilities: openAIModelCapabilities,
  create: (spec) => createOpenAIWireProvider(spec, OPENAI_BASE_URL),
});
