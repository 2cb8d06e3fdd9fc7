// Anthropic Messages (POST /v1/messages) <-> the gateway: content blocks become wire turns
// (tool_use -> tool calls, tool_result -> tool turns, images -> image parts), the answer becomes
// a `message` with text and tool_use blocks, or Anthropic's stream of typed events.
import { randomUUID } from 'node:crypto';
import type { AnthropicCountTokensRequest, AnthropicMessage, AnthropicMessagesRequest } from '@switchyard/client';
import { estimateTokens, type AnswerChoice, type AnswerChunk, type FinishReason, type GenerationOptions, type WirePart, type WireTurn } from '@switchyard/router';
import type { ChatOutcome } from '../chat';
import { switchyardExtension, type GatewayRequest } from './gateway';
import { choicesOf } from './openai-chat';

type Block = Exclude<Extract<AnthropicMessage, { role: 'user' | 'assistant' }>['content'], string>[number];

const textOf = (content: string | { type: string; text?: string }[] | undefined): string =>
  typeof content === 'string' ? content : (content ?? []).map((block) => (block.type === 'text' ? (block.text ?? '') : '')).join('\n');

function imagePart(block: Extract<Block, { type: 'image' }>): WirePart {
  const url = block.source.type === 'base64' ? `data:${block.source.media_type};base64,${block.source.data}` : block.source.url;
  return { type: 'image_url', image_url: { url } };
}

/** One Anthropic message as wire turns: tool results become tool turns, the rest one turn. */
function turnsOf(message: AnthropicMessage, index: number, lastUserIndex: number): WireTurn[] {
  if (message.role === 'system') {
    const cleared = message.clear_at === 'next_user_message' && index < lastUserIndex;
    const text = textOf(message.content);
    return cleared || text.length === 0 ? [] : [{ role: 'system', content: text }];
  }
  if (typeof message.content === 'string') return [{ role: message.role, content: message.content }];
  const turns: WireTurn[] = [];
  const parts: WirePart[] = [];
  const calls: NonNullable<WireTurn['toolCalls']> = [];
  for (const block of message.content) {
    if (block.type === 'text') parts.push({ type: 'text', text: block.text });
    else if (block.type === 'image') parts.push(imagePart(block));
    else if (block.type === 'tool_use') calls.push({ id: block.id, type: 'function', function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) } });
    else if (block.type === 'thinking' || block.type === 'redacted_thinking') continue; // earlier reasoning: not read, as at Anthropic
    else {
      const result = textOf(block.content);
      turns.push({ role: 'tool', toolCallId: block.tool_use_id, content: block.is_error ? `Error: ${result}` : result });
    }
  }
  if (message.role === 'assistant') {
    const text = parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
    if (text.length > 0 || calls.length > 0) turns.push({ role: 'assistant', content: text.length > 0 ? text : null, ...(calls.length > 0 ? { toolCalls: calls } : {}) });
  } else if (parts.length > 0) {
    turns.push({ role: 'user', content: parts.every((p) => p.type === 'text') ? parts.map((p) => (p.type === 'text' ? p.text : '')).join('\n') : parts });
  }
  return turns;
}

export function fromAnthropicMessages(body: AnthropicMessagesRequest): Omit<GatewayRequest, 'ownerId' | 'role' | 'hints'> {
  const system = body.system === undefined ? '' : textOf(body.system);
  // A system message with `clear_at: "next_user_message"` is shown only while no user message follows it.
  const lastUserIndex = body.messages.findLastIndex((message) => message.role === 'user');
  const choice = body.tool_choice;
  const generation: GenerationOptions = {
    ...(body.tools && body.tools.length > 0
      ? { tools: body.tools.map((tool) => ({ name: tool.name, ...(tool.description !== undefined ? { description: tool.description } : {}), parameters: tool.input_schema })) }
      : {}),
    ...(choice
      ? { toolChoice: choice.type === 'any' ? ('required' as const) : choice.type === 'tool' ? { name: choice.name } : choice.type }
      : {}),
    ...(choice && 'disable_parallel_tool_use' in choice && choice.disable_parallel_tool_use ? { parallelToolCalls: false } : {}),
    ...(body.stop_sequences && body.stop_sequences.length > 0 ? { stop: body.stop_sequences } : {}),
    ...(body.output_config?.format ? { responseFormat: { type: 'json_schema' as const, name: 'output', schema: body.output_config.format.schema, strict: true } } : {}),
    ...(body.top_p !== undefined ? { topP: body.top_p } : {}),
    ...(body.metadata?.user_id ? { user: body.metadata.user_id } : {}),
  };
  return {
    model: body.model,
    turns: [...(system ? [{ role: 'system' as const, content: system }] : []), ...body.messages.flatMap((message, index) => turnsOf(message, index, lastUserIndex))],
    generation,
    stream: body.stream === true,
    maxTokens: body.max_tokens,
    ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
  };
}

/**
 * What an image counts for in POST /v1/messages/count_tokens: Anthropic's figure for an image at
 * the largest size it reads without scaling (about 1.15 megapixels, width × height / 750). We do
 * not decode images to count, so every image counts as a large one.
 */
export const IMAGE_TOKENS = 1600;

/** The text a block stands for when counting; images are counted apart. */
function countedText(block: Block): string {
  if (block.type === 'text') return block.text;
  if (block.type === 'tool_use') return `${block.name} ${JSON.stringify(block.input ?? {})}`;
  if (block.type === 'tool_result') return textOf(block.content);
  return '';
}

const imagesIn = (block: Block): number =>
  block.type === 'image' ? 1 : block.type === 'tool_result' && Array.isArray(block.content) ? block.content.filter((b) => b.type === 'image').length : 0;

/**
 * POST /v1/messages/count_tokens: the input tokens of a Messages request, estimated the way the
 * gateway estimates usage for providers that report none (router `estimateTokens`) over the
 * system prompt, every message, the tool definitions and the output schema. Switchyard serves
 * several model families, none of whose tokenizers ships here, so this is an estimate; it does
 * not include passages that retrieval adds to a grounded request.
 */
export function countInputTokens(body: AnthropicCountTokensRequest): number {
  const texts: string[] = [];
  let images = 0;
  if (body.system !== undefined) texts.push(textOf(body.system));
  for (const message of body.messages) {
    if (message.role === 'system') texts.push(textOf(message.content));
    else if (typeof message.content === 'string') texts.push(message.content);
    else
      for (const block of message.content) {
        texts.push(countedText(block));
        images += imagesIn(block);
      }
  }
  for (const tool of body.tools ?? []) texts.push(`${tool.name} ${tool.description ?? ''} ${JSON.stringify(tool.input_schema)}`);
  if (body.output_config?.format) texts.push(JSON.stringify(body.output_config.format.schema));
  return estimateTokens(texts.filter((text) => text.length > 0).join('\n')) + images * IMAGE_TOKENS;
}

const STOP_REASONS: Record<FinishReason, string> = { stop: 'end_turn', length: 'max_tokens', tool_calls: 'tool_use', content_filter: 'refusal' };

/** Anthropic's stop_reason and stop_sequence: which sequence stopped it is known when the provider said so. */
const stopOf = (choice: AnswerChoice) =>
  choice.finishReason === 'stop' && choice.stopSequence !== undefined
    ? { stop_reason: 'stop_sequence', stop_sequence: choice.stopSequence }
    : { stop_reason: STOP_REASONS[choice.finishReason], stop_sequence: null };

const parseInput = (json: string): unknown => {
  try {
    return JSON.parse(json);
  } catch {
    return {};
  }
};

export const newMessageId = () => `msg_${randomUUID().replace(/-/g, '')}`;

/** A whole Anthropic `message`. */
export function anthropicMessageBody(outcome: ChatOutcome, id: string) {
  const choice = choicesOf(outcome)[0]!;
  const content = [
    ...(choice.text.length > 0 || !choice.toolCalls ? [{ type: 'text', text: choice.text }] : []),
    ...(choice.toolCalls ?? []).map((call) => ({ type: 'tool_use', id: call.id, name: call.function.name, input: parseInput(call.function.arguments) })),
  ];
  return {
    id,
    type: 'message',
    role: 'assistant',
    model: outcome.route.model,
    content,
    ...stopOf(choice),
    usage: { input_tokens: outcome.usage.promptTokens, output_tokens: outcome.usage.completionTokens },
    switchyard: switchyardExtension(outcome),
  };
}

export type SseEvent = [event: string, data: Record<string, unknown>];

/** Anthropic's stream: message_start, content blocks (text and tool_use) with their deltas, message_delta, message_stop. */
export class AnthropicStreamEncoder {
  /** The open content block: its index in the message and what it is. */
  private open: { index: number; kind: 'text' | number } | undefined;
  private nextIndex = 0;

  constructor(private readonly id: string) {}

  start(model: string): SseEvent[] {
    return [
      [
        'message_start',
        {
          type: 'message_start',
          message: { id: this.id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 0, output_tokens: 0 } },
        },
      ],
    ];
  }

  private close(): SseEvent[] {
    if (!this.open) return [];
    const index = this.open.index;
    this.open = undefined;
    return [['content_block_stop', { type: 'content_block_stop', index }]];
  }

  piece(chunk: AnswerChunk): SseEvent[] {
    if (chunk.choice !== 0) return [];
    const events: SseEvent[] = [];
    if (chunk.text) {
      if (this.open?.kind !== 'text') {
        events.push(...this.close());
        this.open = { index: this.nextIndex++, kind: 'text' };
        events.push(['content_block_start', { type: 'content_block_start', index: this.open.index, content_block: { type: 'text', text: '' } }]);
      }
      events.push(['content_block_delta', { type: 'content_block_delta', index: this.open.index, delta: { type: 'text_delta', text: chunk.text } }]);
    } else if (chunk.toolCall) {
      const call = chunk.toolCall;
      if (this.open?.kind !== call.index) {
        events.push(...this.close());
        this.open = { index: this.nextIndex++, kind: call.index };
        const block = { type: 'tool_use', id: call.id ?? `toolu_${randomUUID().replace(/-/g, '').slice(0, 24)}`, name: call.name ?? '', input: {} };
        events.push(['content_block_start', { type: 'content_block_start', index: this.open.index, content_block: block }]);
      }
      if (call.arguments) {
        events.push(['content_block_delta', { type: 'content_block_delta', index: this.open.index, delta: { type: 'input_json_delta', partial_json: call.arguments } }]);
      }
    }
    return events;
  }

  finish(outcome: ChatOutcome): SseEvent[] {
    const choice = choicesOf(outcome)[0]!;
    const events = this.close();
    if (this.nextIndex === 0) {
      // An empty answer still has one (empty) text block.
      events.push(['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }], ['content_block_stop', { type: 'content_block_stop', index: 0 }]);
    }
    events.push(
      [
        'message_delta',
        {
          type: 'message_delta',
          delta: stopOf(choice),
          usage: { input_tokens: outcome.usage.promptTokens, output_tokens: outcome.usage.completionTokens },
          switchyard: switchyardExtension(outcome),
        },
      ],
      ['message_stop', { type: 'message_stop' }],
    );
    return events;
  }
}
