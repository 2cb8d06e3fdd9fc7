import Anthropic from '@anthropic-ai/sdk';
import type { ContentBlockParam, ImageBlockParam, MessageCreateParamsBase, MessageParam, Tool, ToolChoice as AnthropicToolChoice } from '@anthropic-ai/sdk/resources/messages/messages';
import type { AnswerChunk, ChatTurn, FinishReason, GenerationOptions, ModelCapabilities, ToolCall, WireTurn } from '../types';
import { turnText } from '../wire';
import { citationsFromMarkers, groundingPrompt, parseJsonOrUndefined, toProviderError } from './generative';
import type { DiscoveredModel, Provider, ProviderAnswer, ProviderCall } from './provider';
import { registerProviderKind, type ProviderSpec } from './registry';

const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
/** Anthropic requires a limit; used when the caller gives none. */
const DEFAULT_MAX_TOKENS = 4096;
/** The tool that carries a JSON answer (response_format): its input is the answer. */
const JSON_ANSWER_TOOL = 'json_answer';

/** Anthropic wants a separate system prompt and strictly alternating user/assistant turns. */
function toAnthropicMessages(messages: ChatTurn[]): { role: 'user' | 'assistant'; content: string }[] {
  const out: { role: 'user' | 'assistant'; content: string }[] = [];
  for (const message of messages) {
    if (message.role === 'system') continue;
    const last = out[out.length - 1];
    if (last && last.role === message.role) last.content += `\n\n${message.content}`;
    else out.push({ role: message.role, content: message.content });
  }
  if (out[0]?.role === 'assistant') out.unshift({ role: 'user', content: '(conversation continues)' });
  return out;
}

/** An image part as Anthropic's image block: a data URL becomes base64, any other URL is fetched by Anthropic. */
function imageBlock(url: string): ImageBlockParam {
  const data = /^data:(image\/(?:png|jpeg|gif|webp));base64,/.exec(url);
  if (data) return { type: 'image', source: { type: 'base64', media_type: data[1] as 'image/png', data: url.slice(data[0].length) } };
  return { type: 'image', source: { type: 'url', url } };
}

function contentBlocks(turn: WireTurn): ContentBlockParam[] {
  const blocks: ContentBlockParam[] = [];
  if (typeof turn.content === 'string') {
    if (turn.content.length > 0) blocks.push({ type: 'text', text: turn.content });
  } else {
    for (const part of turn.content ?? []) {
      if (part.type === 'text') {
        if (part.text.length > 0) blocks.push({ type: 'text', text: part.text });
      } else blocks.push(imageBlock(part.image_url.url));
    }
  }
  return blocks;
}

/**
 * A wire conversation in Anthropic's shape: system turns lifted out, tool results as
 * `tool_result` blocks of a user turn, assistant tool calls as `tool_use` blocks, consecutive
 * turns of one role merged.
 */
export function toAnthropicWire(turns: WireTurn[]): { system: string[]; messages: MessageParam[] } {
  const system: string[] = [];
  const messages: { role: 'user' | 'assistant'; content: ContentBlockParam[] }[] = [];
  const push = (role: 'user' | 'assistant', blocks: ContentBlockParam[]) => {
    const last = messages[messages.length - 1];
    if (last && last.role === role) last.content.push(...blocks);
    else messages.push({ role, content: blocks });
  };
  for (const turn of turns) {
    if (turn.role === 'system') system.push(turnText(turn));
    else if (turn.role === 'tool') {
      push('user', [{ type: 'tool_result', tool_use_id: turn.toolCallId ?? '', content: turnText(turn) }]);
    } else if (turn.role === 'assistant') {
      const calls = (turn.toolCalls ?? []).map(
        (call): ContentBlockParam => ({ type: 'tool_use', id: call.id, name: call.function.name, input: parseJsonOrUndefined(call.function.arguments) ?? {} }),
      );
      push('assistant', [...contentBlocks(turn), ...calls]);
    } else push('user', contentBlocks(turn));
  }
  const nonEmpty = messages.filter((m) => m.content.length > 0);
  if (nonEmpty[0]?.role === 'assistant') nonEmpty.unshift({ role: 'user', content: [{ type: 'text', text: '(conversation continues)' }] });
  return { system, messages: nonEmpty };
}

/** Tools, tool choice and structured output in Anthropic's terms. */
function toolParams(g: GenerationOptions): Pick<MessageCreateParamsBase, 'tools' | 'tool_choice'> {
  const tools: Tool[] = (g.tools ?? []).map((tool) => ({
    name: tool.name,
    ...(tool.description !== undefined ? { description: tool.description } : {}),
    input_schema: (tool.parameters as Tool['input_schema'] | undefined) ?? { type: 'object', properties: {} },
  }));
  const format = g.responseFormat;
  const jsonAnswer = format?.type === 'json_schema' || format?.type === 'json_object';
  if (format?.type === 'json_schema') {
    tools.push({ name: JSON_ANSWER_TOOL, description: format.description ?? `Give the answer (${format.name}) as this tool's input.`, input_schema: format.schema as Tool['input_schema'] });
  } else if (format?.type === 'json_object') {
    tools.push({ name: JSON_ANSWER_TOOL, description: 'Give the answer as a JSON object: this tool\'s input.', input_schema: { type: 'object', additionalProperties: true } });
  }
  if (tools.length === 0) return {};
  const parallel = g.parallelToolCalls === false ? { disable_parallel_tool_use: true } : {};
  let choice: AnthropicToolChoice | undefined;
  const userChoice = g.toolChoice;
  if (userChoice === 'none') choice = jsonAnswer ? { type: 'tool', name: JSON_ANSWER_TOOL } : { type: 'none' };
  else if (typeof userChoice === 'object') choice = { type: 'tool', name: userChoice.name, ...parallel };
  else if (userChoice === 'required') choice = { type: 'any', ...parallel };
  else if (jsonAnswer) choice = (g.tools?.length ?? 0) > 0 ? { type: 'any', ...parallel } : { type: 'tool', name: JSON_ANSWER_TOOL };
  else if (userChoice === 'auto' || g.parallelToolCalls === false) choice = { type: 'auto', ...parallel };
  return { tools, ...(choice ? { tool_choice: choice } : {}) };
}

/** Anthropic's stop reasons in OpenAI's words. */
function finishReasonOf(stopReason: string | null | undefined, answeredWithJson: boolean): FinishReason {
  switch (stopReason) {
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return answeredWithJson ? 'stop' : 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return 'stop';
  }
}

/** What Anthropic's models take: tools (parallel), images, stop sequences, JSON through a tool; no `n`, log probabilities, seed or penalties. */
export const ANTHROPIC_CAPABILITIES: ModelCapabilities = {
  tools: true,
  parallelToolCalls: true,
  jsonMode: true,
  jsonSchema: true,
  vision: true,
  streaming: true,
  contextWindow: 200_000,
  multipleChoices: false,
  logprobs: false,
  seed: false,
  penalties: false,
  stopSequences: true,
};

export function createAnthropicProvider(spec: ProviderSpec): Provider {
  const clients = new Map<string, Anthropic>();
  const clientFor = (apiKey: string | undefined): Anthropic => {
    const key = apiKey ?? 'not-needed';
    let client = clients.get(key);
    if (!client) {
      client = new Anthropic({ apiKey: key, baseURL: spec.baseURL ?? ANTHROPIC_BASE_URL, maxRetries: 0, timeout: 10 * 60_000, logLevel: 'off' });
      clients.set(key, client);
    }
    return client;
  };

  return {
    id: spec.id,
    kind: spec.kind,
    local: spec.local,
    models: spec.models,
    async chat(call: ProviderCall): Promise<ProviderAnswer> {
      const g = call.generation ?? {};
      const wire = call.turns ? toAnthropicWire(call.turns) : undefined;
      const systemParts = wire ? wire.system : call.messages.filter((m) => m.role === 'system').map((m) => m.content);
      const system = [...systemParts, groundingPrompt(call.context)].filter((part): part is string => Boolean(part)).join('\n\n');
      const params: MessageCreateParamsBase = {
        model: call.model,
        max_tokens: call.maxTokens ?? DEFAULT_MAX_TOKENS,
        messages: wire ? wire.messages : toAnthropicMessages(call.messages),
        ...(system ? { system } : {}),
        ...(call.temperature !== undefined ? { temperature: call.temperature } : {}),
        ...(g.topP !== undefined ? { top_p: g.topP } : {}),
        ...(g.stop && g.stop.length > 0 ? { stop_sequences: g.stop } : {}),
        ...(g.user !== undefined ? { metadata: { user_id: g.user } } : {}),
        ...toolParams(g),
      };
      const answer = new AnthropicAnswer(call);
      try {
        if (call.stream === false) {
          const message = await clientFor(call.apiKey).messages.create({ ...params, stream: false }, { signal: call.signal });
          for (const block of message.content) {
            if (block.type === 'text') answer.text(block.text);
            else if (block.type === 'tool_use') answer.toolUse(block.id, block.name, JSON.stringify(block.input));
          }
          answer.stopped(message.stop_reason, message.stop_sequence);
          answer.usage(message.usage.input_tokens, message.usage.output_tokens);
          return answer.result();
        }
        const stream = await clientFor(call.apiKey).messages.create({ ...params, stream: true }, { signal: call.signal });
        let inputTokens: number | undefined;
        for await (const event of stream) {
          if (event.type === 'message_start') inputTokens = event.message.usage.input_tokens;
          else if (event.type === 'content_block_start' && event.content_block.type === 'tool_use') {
            answer.toolUseStart(event.index, event.content_block.id, event.content_block.name);
          } else if (event.type === 'content_block_delta') {
            if (event.delta.type === 'text_delta') answer.text(event.delta.text);
            else if (event.delta.type === 'input_json_delta') answer.toolUseArguments(event.index, event.delta.partial_json);
          } else if (event.type === 'message_delta') {
            answer.stopped(event.delta.stop_reason, event.delta.stop_sequence);
            if (inputTokens !== undefined) answer.usage(inputTokens, event.usage.output_tokens);
          }
        }
        if (call.signal.aborted) throw call.signal.reason;
        return answer.result();
      } catch (error) {
        throw toProviderError(error, call.signal);
      }
    },
    async ping(signal, apiKey) {
      try {
        await clientFor(apiKey).models.list({}, { signal });
      } catch (error) {
        throw toProviderError(error, signal);
      }
    },
    async listModels(signal, apiKey) {
      try {
        const models: DiscoveredModel[] = [];
        for await (const model of clientFor(apiKey).models.list({}, { signal })) {
          models.push({ id: model.id, ownedBy: 'anthropic', ...(model.display_name ? { name: model.display_name } : {}) });
        }
        return models;
      } catch (error) {
        throw toProviderError(error, signal);
      }
    },
  };
}

registerProviderKind({
  name: 'anthropic',
  label: 'Anthropic',
  generative: true,
  needsApiKey: true,
  locality: 'either',
  defaultBaseURL: ANTHROPIC_BASE_URL,
  // Claude models take the longest inputs of the built-in kinds: first in the long-context tier.
  longContextRank: 1,
  capabilities: () => ANTHROPIC_CAPABILITIES,
  create: createAnthropicProvider,
});

/**
 * Builds one answer from Anthropic's content blocks (whole or streamed): text, tool calls in
 * OpenAI's shape, and the JSON answer tool's input as the answer's text.
 */
class AnthropicAnswer {
  private answerText = '';
  private readonly calls: ToolCall[] = [];
  /** Stream block index -> tool call (or the JSON answer). */
  private readonly blocks = new Map<number, ToolCall | 'json'>();
  private finish: FinishReason = 'stop';
  private stopSequence: string | undefined;
  private answeredWithJson = false;
  private tokens: { input: number; output: number } | undefined;

  constructor(private readonly call: ProviderCall) {}

  private emit(chunk: AnswerChunk): void {
    if (this.call.onChunk) this.call.onChunk(chunk);
    else if (chunk.text) this.call.onDelta(chunk.text);
  }

  text(text: string): void {
    this.answerText += text;
    this.emit({ choice: 0, text });
  }

  toolUseStart(blockIndex: number, id: string, name: string): void {
    if (name === JSON_ANSWER_TOOL) {
      this.answeredWithJson = true;
      this.blocks.set(blockIndex, 'json');
      return;
    }
    const call: ToolCall = { id, type: 'function', function: { name, arguments: '' } };
    this.blocks.set(blockIndex, call);
    this.calls.push(call);
    this.emit({ choice: 0, toolCall: { index: this.calls.length - 1, id, name, arguments: '' } });
  }

  toolUseArguments(blockIndex: number, json: string): void {
    const block = this.blocks.get(blockIndex);
    if (!block || json.length === 0) return;
    if (block === 'json') return this.text(json);
    block.function.arguments += json;
    this.emit({ choice: 0, toolCall: { index: this.calls.indexOf(block), arguments: json } });
  }

  /** A whole tool_use block (non-streamed answers). */
  toolUse(id: string, name: string, argumentsJson: string): void {
    const index = this.blocks.size;
    this.toolUseStart(index, id, name);
    this.toolUseArguments(index, argumentsJson);
  }

  stopped(reason: string | null | undefined, stopSequence?: string | null): void {
    if (reason) this.finish = finishReasonOf(reason, this.answeredWithJson && this.calls.length === 0);
    if (reason === 'stop_sequence' && stopSequence) this.stopSequence = stopSequence;
  }

  usage(input: number, output: number): void {
    this.tokens = { input, output };
  }

  result(): ProviderAnswer {
    // A tool call with no arguments streamed is a call with empty arguments.
    for (const call of this.calls) if (call.function.arguments === '') call.function.arguments = '{}';
    const toolCalls = this.calls.length > 0 ? this.calls : undefined;
    return {
      text: this.answerText,
      citations: citationsFromMarkers(this.answerText, this.call.context),
      usage: this.tokens
        ? { promptTokens: this.tokens.input, completionTokens: this.tokens.output, totalTokens: this.tokens.input + this.tokens.output, estimated: false }
        : null,
      finishReason: this.finish,
      ...(toolCalls ? { toolCalls } : {}),
      choices: [
        {
          index: 0,
          text: this.answerText,
          finishReason: this.finish,
          ...(this.stopSequence !== undefined ? { stopSequence: this.stopSequence } : {}),
          ...(toolCalls ? { toolCalls } : {}),
        },
      ],
    };
  }
}
