// OpenAI's Responses API (POST /v1/responses) <-> the gateway: input items become wire turns
// (function_call -> tool calls, function_call_output -> tool turns), the answer becomes a
// `response` with message and function_call output items, or its stream of typed events.
// Responses are stored in Redis, scoped to their owner, so `previous_response_id` continues a
// conversation; another user's id is simply not found.
import { randomUUID } from 'node:crypto';
import { TOOL_NAMESPACE_SEPARATOR, type ResponsesInputItem, type ResponsesRequest } from '@switchyard/client';
import type { AnswerChoice, AnswerChunk, GenerationOptions, WirePart, WireTurn } from '@switchyard/router';
import type { Redis } from 'ioredis';
import { AppError } from '../../errors';
import type { ChatOutcome } from '../chat';
import { switchyardExtension, type GatewayRequest } from './gateway';
import { choicesOf } from './openai-chat';

/** How long a stored response can be continued (OpenAI keeps them 30 days). */
export const RESPONSE_TTL_SECONDS = 30 * 24 * 3600;

/** What a stored response keeps: the conversation up to and including its answer (instructions are not carried over). */
export interface StoredResponse {
  id: string;
  model: string;
  turns: WireTurn[];
}

export class ResponseStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key = (ownerId: string, id: string) => `${this.prefix}v1:response:${ownerId}:${id}`;

  async get(ownerId: string, id: string): Promise<StoredResponse> {
    const raw = await this.redis.get(this.key(ownerId, id));
    if (!raw) throw new AppError('response_not_found', 404, `no stored response "${id}"`, { param: 'previous_response_id' });
    return JSON.parse(raw) as StoredResponse;
  }

  async put(ownerId: string, response: StoredResponse): Promise<void> {
    await this.redis.set(this.key(ownerId, response.id), JSON.stringify(response), 'EX', RESPONSE_TTL_SECONDS);
  }
}

type ResponsesTool = NonNullable<ResponsesRequest['tools']>[number];
type FunctionTool = Extract<ResponsesTool, { type: 'function' }>;

/** The name the model sees for a tool in a namespace. */
const flatName = (namespace: string | undefined, name: string) => (namespace ? `${namespace}${TOOL_NAMESPACE_SEPARATOR}${name}` : name);

/** Every function tool, namespaced ones under their flat name. */
function flatTools(tools: ResponsesTool[]): (FunctionTool & { namespace?: string })[] {
  return tools.flatMap((tool) => (tool.type === 'namespace' ? tool.tools.map((inner) => ({ ...inner, name: flatName(tool.name, inner.name), namespace: tool.name })) : [tool]));
}

/** Flat name -> namespace and name, for the namespaced tools of a request: how their calls are given back. */
export function namespacedTools(tools: ResponsesTool[] | undefined): Map<string, { namespace: string; name: string }> {
  const names = new Map<string, { namespace: string; name: string }>();
  for (const tool of tools ?? []) {
    if (tool.type === 'namespace') for (const inner of tool.tools) names.set(flatName(tool.name, inner.name), { namespace: tool.name, name: inner.name });
  }
  return names;
}

/** A function call's name and namespace as the client knows them. */
const callName = (names: Map<string, { namespace: string; name: string }>, flat: string) => names.get(flat) ?? { name: flat };

type MessageContent = Extract<ResponsesInputItem, { role: string }>['content'];

function contentOf(content: MessageContent): string | WirePart[] {
  if (typeof content === 'string') return content;
  const parts: WirePart[] = content.map((part) => {
    if (part.type === 'input_image') return { type: 'image_url', image_url: { url: part.image_url ?? '', ...(part.detail ? { detail: part.detail } : {}) } };
    return { type: 'text', text: part.type === 'refusal' ? part.refusal : part.text };
  });
  return parts.every((p) => p.type === 'text') ? parts.map((p) => (p.type === 'text' ? p.text : '')).join('') : parts;
}

/** Input items as wire turns; an assistant message and the function calls after it are one assistant turn. */
export function turnsOfInput(input: ResponsesRequest['input']): WireTurn[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const turns: WireTurn[] = [];
  for (const item of input) {
    const last = turns[turns.length - 1];
    if (item.type === 'function_call') {
      const call = { id: item.call_id, type: 'function' as const, function: { name: flatName(item.namespace, item.name), arguments: item.arguments } };
      if (last?.role === 'assistant') last.toolCalls = [...(last.toolCalls ?? []), call];
      else turns.push({ role: 'assistant', content: null, toolCalls: [call] });
    } else if (item.type === 'function_call_output') {
      turns.push({ role: 'tool', toolCallId: item.call_id, content: item.output });
    } else {
      const role = item.role === 'developer' ? 'system' : item.role;
      const content = contentOf(item.content);
      if (role === 'assistant' && last?.role === 'assistant' && !last.toolCalls && typeof content === 'string') {
        last.content = `${typeof last.content === 'string' ? last.content : ''}${content}`;
      } else turns.push({ role, content });
    }
  }
  return turns;
}

export function fromResponses(body: ResponsesRequest, previous: StoredResponse | undefined): Omit<GatewayRequest, 'ownerId' | 'role' | 'hints'> {
  const format = body.text?.format;
  const generation: GenerationOptions = {
    ...(body.tools && body.tools.length > 0
      ? {
          tools: flatTools(body.tools).map((tool) => ({
            name: tool.name,
            ...(tool.description ? { description: tool.description } : {}),
            ...(tool.parameters ? { parameters: tool.parameters } : {}),
            ...(tool.strict != null ? { strict: tool.strict } : {}),
          })),
        }
      : {}),
    ...(body.tool_choice !== undefined ? { toolChoice: typeof body.tool_choice === 'string' ? body.tool_choice : { name: body.tool_choice.name } } : {}),
    ...(body.parallel_tool_calls != null ? { parallelToolCalls: body.parallel_tool_calls } : {}),
    ...(format && format.type !== 'text'
      ? {
          responseFormat:
            format.type === 'json_schema'
              ? { type: 'json_schema' as const, name: format.name, schema: format.schema, ...(format.strict != null ? { strict: format.strict } : {}), ...(format.description ? { description: format.description } : {}) }
              : { type: 'json_object' as const },
        }
      : {}),
    ...(body.top_p != null ? { topP: body.top_p } : {}),
    ...(body.user !== undefined ? { user: body.user } : {}),
  };
  const instructions = body.instructions ? [{ role: 'system' as const, content: body.instructions }] : [];
  return {
    model: body.model,
    turns: [...instructions, ...(previous?.turns ?? []), ...turnsOfInput(body.input)],
    generation,
    stream: body.stream === true,
    ...(body.temperature != null ? { temperature: body.temperature } : {}),
    ...(body.max_output_tokens != null ? { maxTokens: body.max_output_tokens } : {}),
  };
}

/** The answer as the assistant turn a later `previous_response_id` continues from. */
export function answerTurn(outcome: ChatOutcome): WireTurn {
  const choice = choicesOf(outcome)[0]!;
  return { role: 'assistant', content: choice.text.length > 0 || !choice.toolCalls ? choice.text : null, ...(choice.toolCalls ? { toolCalls: choice.toolCalls } : {}) };
}

export const newResponseId = () => `resp_${randomUUID().replace(/-/g, '')}`;
const itemId = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '')}`;

interface OutputIds {
  message: string;
  /** Per tool call index. */
  calls: Map<number, string>;
}

function outputItems(choice: AnswerChoice, ids: OutputIds, names: Map<string, { namespace: string; name: string }>): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  if (choice.text.length > 0 || !choice.toolCalls) {
    items.push({ type: 'message', id: ids.message, status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: choice.text, annotations: [], logprobs: [] }] });
  }
  for (const [index, call] of (choice.toolCalls ?? []).entries()) {
    items.push({ type: 'function_call', id: ids.calls.get(index) ?? itemId('fc'), call_id: call.id, ...callName(names, call.function.name), arguments: call.function.arguments, status: 'completed' });
  }
  return items;
}

/** The echo of the request every response object carries. */
export interface ResponseEcho {
  body: ResponsesRequest;
  createdAt: number;
}

const echoedTool = (tool: FunctionTool) => ({ ...tool, description: tool.description ?? null, parameters: tool.parameters ?? null, strict: tool.strict ?? null });

/** A `response` object; `outcome` absent while it is in progress. */
export function responseObject(id: string, echo: ResponseEcho, model: string, outcome?: ChatOutcome, ids: OutputIds = { message: itemId('msg'), calls: new Map() }) {
  const { body } = echo;
  const choice = outcome ? choicesOf(outcome)[0] : undefined;
  const incomplete = choice?.finishReason === 'length';
  return {
    id,
    object: 'response',
    created_at: echo.createdAt,
    status: !outcome ? 'in_progress' : incomplete ? 'incomplete' : 'completed',
    error: null,
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model,
    output: choice ? outputItems(choice, ids, namespacedTools(body.tools)) : [],
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    store: body.store ?? true,
    temperature: body.temperature ?? null,
    text: { format: body.text?.format ?? { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: (body.tools ?? []).map((tool) => (tool.type === 'namespace' ? { ...tool, description: tool.description ?? null, tools: tool.tools.map(echoedTool) } : echoedTool(tool))),
    top_p: body.top_p ?? null,
    truncation: 'disabled',
    usage: outcome
      ? {
          input_tokens: outcome.usage.promptTokens,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: outcome.usage.completionTokens,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: outcome.usage.totalTokens,
        }
      : null,
    user: body.user ?? null,
    metadata: body.metadata ?? {},
    reasoning: { effort: body.reasoning?.effort ?? null, summary: body.reasoning?.summary ?? null },
    prompt_cache_key: body.prompt_cache_key ?? null,
    ...(outcome ? { switchyard: switchyardExtension(outcome) } : {}),
  };
}

export type ResponseEvent = [event: string, data: Record<string, unknown>];

/** The Responses event stream: created, in_progress, output items with their deltas, completed (or incomplete). */
export class ResponsesStreamEncoder {
  private sequence = 0;
  private readonly ids: OutputIds = { message: itemId('msg'), calls: new Map() };
  private model = '';
  private nextOutput = 0;
  /** The open output item: the message (with its text so far) or a function call. */
  private open: { outputIndex: number; kind: 'message'; text: string } | { outputIndex: number; kind: 'call'; call: number; name: string; callId: string; args: string } | undefined;

  /** The request's namespaced tools, to give their calls back as `{name, namespace}`. */
  private readonly names: Map<string, { namespace: string; name: string }>;

  constructor(
    private readonly id: string,
    private readonly echo: ResponseEcho,
  ) {
    this.names = namespacedTools(echo.body.tools);
  }

  private event(type: string, data: Record<string, unknown>): ResponseEvent {
    return [type, { type, sequence_number: this.sequence++, ...data }];
  }

  start(model: string): ResponseEvent[] {
    this.model = model;
    const response = responseObject(this.id, this.echo, model, undefined, this.ids);
    return [this.event('response.created', { response }), this.event('response.in_progress', { response })];
  }

  private close(): ResponseEvent[] {
    const open = this.open;
    if (!open) return [];
    this.open = undefined;
    if (open.kind === 'message') {
      const part = { type: 'output_text', text: open.text, annotations: [], logprobs: [] };
      const base = { item_id: this.ids.message, output_index: open.outputIndex, content_index: 0 };
      return [
        this.event('response.output_text.done', { ...base, text: open.text, logprobs: [] }),
        this.event('response.content_part.done', { ...base, part }),
        this.event('response.output_item.done', { output_index: open.outputIndex, item: { type: 'message', id: this.ids.message, status: 'completed', role: 'assistant', content: [part] } }),
      ];
    }
    const itemIdOf = this.ids.calls.get(open.call)!;
    return [
      this.event('response.function_call_arguments.done', { item_id: itemIdOf, output_index: open.outputIndex, arguments: open.args }),
      this.event('response.output_item.done', {
        output_index: open.outputIndex,
        item: { type: 'function_call', id: itemIdOf, call_id: open.callId, ...callName(this.names, open.name), arguments: open.args, status: 'completed' },
      }),
    ];
  }

  piece(chunk: AnswerChunk): ResponseEvent[] {
    if (chunk.choice !== 0) return [];
    const events: ResponseEvent[] = [];
    if (chunk.text) {
      if (this.open?.kind !== 'message') {
        events.push(...this.close());
        this.open = { outputIndex: this.nextOutput++, kind: 'message', text: '' };
        events.push(
          this.event('response.output_item.added', { output_index: this.open.outputIndex, item: { type: 'message', id: this.ids.message, status: 'in_progress', role: 'assistant', content: [] } }),
          this.event('response.content_part.added', { item_id: this.ids.message, output_index: this.open.outputIndex, content_index: 0, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } }),
        );
      }
      this.open.text += chunk.text;
      events.push(this.event('response.output_text.delta', { item_id: this.ids.message, output_index: this.open.outputIndex, content_index: 0, delta: chunk.text, logprobs: [] }));
    } else if (chunk.toolCall) {
      const call = chunk.toolCall;
      if (this.open?.kind !== 'call' || this.open.call !== call.index) {
        events.push(...this.close());
        const id = itemId('fc');
        this.ids.calls.set(call.index, id);
        this.open = { outputIndex: this.nextOutput++, kind: 'call', call: call.index, name: call.name ?? '', callId: call.id ?? itemId('call'), args: '' };
        events.push(
          this.event('response.output_item.added', {
            output_index: this.open.outputIndex,
            item: { type: 'function_call', id, call_id: this.open.callId, ...callName(this.names, this.open.name), arguments: '', status: 'in_progress' },
          }),
        );
      }
      if (call.arguments && this.open.kind === 'call') {
        this.open.args += call.arguments;
        events.push(this.event('response.function_call_arguments.delta', { item_id: this.ids.calls.get(call.index), output_index: this.open.outputIndex, delta: call.arguments }));
      }
    }
    return events;
  }

  finish(outcome: ChatOutcome): ResponseEvent[] {
    const events = this.close();
    const response = responseObject(this.id, this.echo, this.model, outcome, this.ids);
    events.push(this.event(response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response }));
    return events;
  }
}
