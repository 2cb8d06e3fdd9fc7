// What each model can do, and what a request needs of the model that serves it. The policy keeps
// only the models whose capabilities cover every need (policy.ts); a request no allowed model
// can honour is refused with the parameter that could not be honoured, never sent to a model
// that would silently ignore it.
import { z } from 'zod';
import type { ChatRequest, ModelCapabilities } from './types';

/** The yes/no capabilities (everything but the context window). */
export type Capability = Exclude<keyof ModelCapabilities, 'contextWindow'>;

export const modelCapabilitiesSchema = z.object({
  tools: z.boolean(),
  parallelToolCalls: z.boolean(),
  jsonMode: z.boolean(),
  jsonSchema: z.boolean(),
  vision: z.boolean(),
  streaming: z.boolean(),
  contextWindow: z.number().int().positive(),
  multipleChoices: z.boolean(),
  logprobs: z.boolean(),
  seed: z.boolean(),
  penalties: z.boolean(),
  stopSequences: z.boolean(),
});

/** Per provider: model id (or `*` for every model) -> what differs from its kind's defaults. */
export const capabilityOverridesSchema = z.record(z.string().min(1), modelCapabilitiesSchema.partial());
export type CapabilityOverrides = z.infer<typeof capabilityOverridesSchema>;

/** A model that only produces text from text (and streams it). */
export const TEXT_ONLY: ModelCapabilities = {
  tools: false,
  parallelToolCalls: false,
  jsonMode: false,
  jsonSchema: false,
  vision: false,
  streaming: true,
  contextWindow: 8_192,
  multipleChoices: false,
  logprobs: false,
  seed: false,
  penalties: false,
  stopSequences: false,
};

/** One thing a request needs of its model, with the request parameter that needs it. */
export interface CapabilityNeed {
  capability: Capability;
  /** The request parameter, as OpenAI names it (`tools`, `response_format`, `n`, `messages`...). */
  param: string;
  /** What the request asks for, in words: "tool calling", "a JSON schema response". */
  what: string;
}

const hasImage = (req: Pick<ChatRequest, 'turns'>) =>
  (req.turns ?? []).some((turn) => Array.isArray(turn.content) && turn.content.some((part) => part.type === 'image_url'));
const usesToolTurns = (req: Pick<ChatRequest, 'turns'>) =>
  (req.turns ?? []).some((turn) => turn.role === 'tool' || (turn.toolCalls?.length ?? 0) > 0);

/** What a request needs of the model that serves it, in the order a refusal names them. */
export function capabilityNeeds(req: Pick<ChatRequest, 'turns' | 'generation' | 'stream'>): CapabilityNeed[] {
  const g = req.generation ?? {};
  const needs: CapabilityNeed[] = [];
  const need = (capability: Capability, param: string, what: string) => needs.push({ capability, param, what });
  if ((g.tools?.length ?? 0) > 0) need('tools', 'tools', 'tool calling');
  else if (usesToolTurns(req)) need('tools', 'messages', 'tool calls and tool results in the conversation');
  if (g.parallelToolCalls === true && (g.tools?.length ?? 0) > 0) need('parallelToolCalls', 'parallel_tool_calls', 'parallel tool calls');
  if (g.responseFormat?.type === 'json_object') need('jsonMode', 'response_format', 'JSON mode (response_format json_object)');
  if (g.responseFormat?.type === 'json_schema') need('jsonSchema', 'response_format', 'structured output (response_format json_schema)');
  if (hasImage(req)) need('vision', 'messages', 'image input');
  if ((g.n ?? 1) > 1) need('multipleChoices', 'n', `${g.n} answers per request (n)`);
  if (g.logprobs === true || g.topLogprobs !== undefined) need('logprobs', g.logprobs === true ? 'logprobs' : 'top_logprobs', 'token log probabilities');
  if (g.seed !== undefined) need('seed', 'seed', 'a sampling seed');
  if (g.presencePenalty !== undefined && g.presencePenalty !== 0) need('penalties', 'presence_penalty', 'a presence penalty');
  if (g.frequencyPenalty !== undefined && g.frequencyPenalty !== 0) need('penalties', 'frequency_penalty', 'a frequency penalty');
  if (g.logitBias !== undefined && Object.keys(g.logitBias).length > 0) need('penalties', 'logit_bias', 'a logit bias');
  if ((g.stop?.length ?? 0) > 0) need('stopSequences', 'stop', 'stop sequences');
  if (req.stream) need('streaming', 'stream', 'a streamed answer');
  return needs;
}

/** The first need `capabilities` does not cover, or a context too long for it. */
export function unmetNeed(capabilities: ModelCapabilities, needs: CapabilityNeed[], contextTokens = 0): CapabilityNeed | { param: 'messages'; contextTokens: number; contextWindow: number } | undefined {
  const missing = needs.find((n) => !capabilities[n.capability]);
  if (missing) return missing;
  if (contextTokens > capabilities.contextWindow) return { param: 'messages', contextTokens, contextWindow: capabilities.contextWindow };
  return undefined;
}

/** A kind's defaults with a provider's overrides (`*` first, then the model's own). */
export function withOverrides(base: ModelCapabilities, overrides: CapabilityOverrides | undefined, model: string): ModelCapabilities {
  if (!overrides) return base;
  return { ...base, ...overrides['*'], ...overrides[model] };
}
