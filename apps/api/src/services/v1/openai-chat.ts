// OpenAI chat completions <-> the gateway's request and outcome: the request body becomes wire
// turns and generation settings (nothing dropped), and an outcome becomes a `chat.completion` or
// a stream of `chat.completion.chunk`s, tool-call deltas included.
import { randomUUID } from 'node:crypto';
import type { ChatCompletionRequest, ChatMessage } from '@switchyard/client';
import type { AnswerChoice, AnswerChunk, GenerationOptions, WirePart, WireTurn } from '@switchyard/router';
import type { ChatOutcome } from '../chat';
import { switchyardExtension, type GatewayRequest } from './gateway';

function turnOf(message: ChatMessage): WireTurn {
  switch (message.role) {
    case 'system':
    case 'developer':
      return { role: 'system', content: message.content, ...(message.name ? { name: message.name } : {}) };
    case 'user':
      return { role: 'user', content: message.content as string | WirePart[], ...(message.name ? { name: message.name } : {}) };
    case 'tool':
      return { role: 'tool', content: message.content, toolCallId: message.tool_call_id };
    case 'assistant': {
      const content = Array.isArray(message.content)
        ? message.content.map((part) => (part.type === 'text' ? part.text : part.refusal)).join('')
        : (message.content ?? null);
      return {
        role: 'assistant',
        content,
        ...(message.name ? { name: message.name } : {}),
        ...(message.tool_calls && message.tool_calls.length > 0 ? { toolCalls: message.tool_calls } : {}),
      };
    }
  }
}

/** The request body as the gateway's request. */
export function fromChatCompletion(body: ChatCompletionRequest): Omit<GatewayRequest, 'ownerId' | 'role' | 'hints'> {
  const generation: GenerationOptions = {
    ...(body.tools && body.tools.length > 0
      ? {
          tools: body.tools.map((tool) => ({
            name: tool.function.name,
            ...(tool.function.description !== undefined ? { description: tool.function.description } : {}),
            ...(tool.function.parameters !== undefined ? { parameters: tool.function.parameters } : {}),
            ...(tool.function.strict != null ? { strict: tool.function.strict } : {}),
          })),
        }
      : {}),
    ...(body.tool_choice !== undefined ? { toolChoice: typeof body.tool_choice === 'string' ? body.tool_choice : { name: body.tool_choice.function.name } } : {}),
    ...(body.parallel_tool_calls != null ? { parallelToolCalls: body.parallel_tool_calls } : {}),
    ...(body.response_format
      ? {
          responseFormat:
            body.response_format.type === 'json_schema'
              ? {
                  type: 'json_schema' as const,
                  name: body.response_format.json_schema.name,
                  schema: body.response_format.json_schema.schema ?? {},
                  ...(body.response_format.json_schema.strict != null ? { strict: body.response_format.json_schema.strict } : {}),
                  ...(body.response_format.json_schema.description !== undefined ? { description: body.response_format.json_schema.description } : {}),
                }
              : { type: body.response_format.type },
        }
      : {}),
    ...(body.n != null ? { n: body.n } : {}),
    ...(body.stop != null ? { stop: typeof body.stop === 'string' ? [body.stop] : body.stop } : {}),
    ...(body.seed != null ? { seed: body.seed } : {}),
    ...(body.top_p != null ? { topP: body.top_p } : {}),
    ...(body.presence_penalty != null ? { presencePenalty: body.presence_penalty } : {}),
    ...(body.frequency_penalty != null ? { frequencyPenalty: body.frequency_penalty } : {}),
    ...(body.logit_bias != null ? { logitBias: body.logit_bias } : {}),
    ...(body.logprobs != null ? { logprobs: body.logprobs } : {}),
    ...(body.top_logprobs != null ? { topLogprobs: body.top_logprobs } : {}),
    ...(body.user !== undefined ? { user: body.user } : {}),
  };
  const maxTokens = body.max_completion_tokens ?? body.max_tokens ?? undefined;
  return {
    model: body.model,
    turns: body.messages.map(turnOf),
    generation,
    stream: body.stream === true,
    ...(body.temperature != null ? { temperature: body.temperature } : {}),
    ...(maxTokens !== undefined ? { maxTokens } : {}),
  };
}

/** Every choice of an outcome (one when the provider reported none). */
export function choicesOf(outcome: ChatOutcome): AnswerChoice[] {
  if (outcome.choices && outcome.choices.length > 0) return outcome.choices;
  return [{ index: 0, text: outcome.answer, finishReason: outcome.finishReason ?? 'stop', ...(outcome.toolCalls ? { toolCalls: outcome.toolCalls } : {}) }];
}

export const openAiUsage = (outcome: ChatOutcome) => ({
  prompt_tokens: outcome.usage.promptTokens,
  completion_tokens: outcome.usage.completionTokens,
  total_tokens: outcome.usage.totalTokens,
});

export const newCompletionId = () => `chatcmpl-${randomUUID().replace(/-/g, '')}`;

/** A whole `chat.completion`. */
export function chatCompletionBody(outcome: ChatOutcome, id: string, created: number) {
  return {
    id,
    object: 'chat.completion',
    created,
    model: outcome.route.model,
    system_fingerprint: null,
    choices: choicesOf(outcome).map((choice) => ({
      index: choice.index,
      message: {
        role: 'assistant',
        content: choice.toolCalls && choice.text === '' ? null : choice.text,
        refusal: null,
        ...(choice.toolCalls ? { tool_calls: choice.toolCalls } : {}),
      },
      logprobs: choice.logprobs ?? null,
      finish_reason: choice.finishReason,
    })),
    usage: openAiUsage(outcome),
    switchyard: switchyardExtension(outcome),
  };
}

/**
 * The `chat.completion.chunk`s of one streamed answer. `open` once the model is known, `piece`
 * for every chunk the router reports, `finish` with the outcome.
 */
export class ChatChunkEncoder {
  private model = '';
  private readonly started = new Set<number>();
  /** Tool calls whose first piece (id, type, name) was sent, per choice. */
  private readonly openedCalls = new Set<string>();

  constructor(
    private readonly id: string,
    private readonly created: number,
  ) {}

  private chunk(choices: unknown[], extra: Record<string, unknown> = {}): string {
    return JSON.stringify({ id: this.id, object: 'chat.completion.chunk', created: this.created, model: this.model, system_fingerprint: null, choices, ...extra });
  }

  private roleFor(index: number): Record<string, unknown> {
    if (this.started.has(index)) return {};
    this.started.add(index);
    return { role: 'assistant' };
  }

  open(model: string): string {
    this.model = model;
    return this.chunk([{ index: 0, delta: { ...this.roleFor(0), content: '' }, logprobs: null, finish_reason: null }]);
  }

  piece(chunk: AnswerChunk): string | undefined {
    const index = chunk.choice;
    if (chunk.text) return this.chunk([{ index, delta: { ...this.roleFor(index), content: chunk.text }, logprobs: null, finish_reason: null }]);
    if (chunk.toolCall) {
      const key = `${index}:${chunk.toolCall.index}`;
      const first = !this.openedCalls.has(key);
      this.openedCalls.add(key);
      const call = {
        index: chunk.toolCall.index,
        ...(first ? { id: chunk.toolCall.id ?? `call_${randomUUID().replace(/-/g, '').slice(0, 24)}`, type: 'function' } : {}),
        function: { ...(chunk.toolCall.name !== undefined ? { name: chunk.toolCall.name } : {}), arguments: chunk.toolCall.arguments ?? '' },
      };
      return this.chunk([{ index, delta: { ...this.roleFor(index), tool_calls: [call] }, logprobs: null, finish_reason: null }]);
    }
    if (chunk.logprobs) return this.chunk([{ index, delta: this.roleFor(index), logprobs: chunk.logprobs, finish_reason: null }]);
    return undefined;
  }

  /** The closing chunks: each choice's finish reason (the last one carries the `switchyard` object), then usage when asked. */
  finish(outcome: ChatOutcome, includeUsage: boolean): string[] {
    const choices = choicesOf(outcome);
    const out = choices.map((choice, position) =>
      this.chunk(
        [{ index: choice.index, delta: this.roleFor(choice.index), logprobs: null, finish_reason: choice.finishReason }],
        position === choices.length - 1 ? { switchyard: switchyardExtension(outcome) } : {},
      ),
    );
    if (includeUsage) out.push(this.chunk([], { usage: openAiUsage(outcome) }));
    return out;
  }
}
