// The public contract of @switchyard/router. The API and the worker build against these types;
// change them only together with their callers and docs/architecture.md.

export const SENSITIVITIES = ['public', 'internal', 'confidential'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export const COMPLEXITIES = ['simple', 'moderate', 'complex'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

/** One thing a detector or estimator noticed, with words a person can read. */
export interface Signal {
  /** Stable machine id, e.g. `pii.email`, `secret.aws_key`, `marking.confidential`, `complexity.code`. */
  kind: string;
  /** The level this signal alone implies (sensitivity signals only). */
  sensitivity?: Sensitivity;
  /** e.g. "message contains an email address". Never contains the matched secret itself. */
  reason: string;
}

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ClassifyInput {
  message: string;
  /** Earlier turns of the conversation; what they contain counts too. */
  history?: ChatTurn[];
  /** What the caller declared. Can raise the result, never lower it. */
  declaredSensitivity?: Sensitivity;
  /** When given, replaces the estimate. */
  declaredComplexity?: Complexity;
  /** Sensitivity labels of retrieved chunks that will be put into the context. */
  contextSensitivities?: Sensitivity[];
}

export interface Classification {
  sensitivity: Sensitivity;
  complexity: Complexity;
  /** 0..1, the estimator's raw score (also reported when complexity was declared). */
  complexityScore: number;
  signals: Signal[];
}

/** A passage handed to the model as grounding; the extractive responder answers from these. */
export interface ContextPassage {
  /** Citation id, e.g. `${documentId}:${chunkIndex}`. */
  id: string;
  documentId: string;
  title: string;
  chunkIndex: number;
  text: string;
  sensitivity: Sensitivity;
  score?: number;
}

export interface RouteDecision {
  sensitivity: Sensitivity;
  complexity: Complexity;
  /** Policy tier name, e.g. `local`, `local-strong`, `cheap`, `balanced`, `strong`, `long-context`. */
  tier: string;
  /** First provider:model of the chain (the one expected to serve). */
  provider: string;
  model: string;
  /** The whole ordered chain the call may fall back along. */
  chain: { provider: string; model: string }[];
  /** Why, in words a person can read. */
  reasons: string[];
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** true when the provider did not report usage and it was estimated. */
  estimated: boolean;
}

export interface Citation {
  id: string;
  documentId: string;
  title: string;
  chunkIndex: number;
  /** The cited sentence or passage excerpt. */
  quote: string;
}

export interface ChatRequest {
  /** The conversation as text: what is classified, cached and read by non-generative providers. */
  messages: ChatTurn[];
  context?: ContextPassage[];
  temperature?: number;
  maxTokens?: number;
  /**
   * The conversation as the caller sent it (/v1): tool calls, tool results and images. Generative
   * providers send this instead of `messages` when it is given; `messages` must hold its text.
   */
  turns?: WireTurn[];
  /** Tools, structured output and sampling settings (/v1). */
  generation?: GenerationOptions;
  /**
   * true: the caller streams the answer (only models that stream may serve it). false: it waits
   * for the whole answer, which providers may then fetch in one piece. Absent: streamed.
   */
  stream?: boolean;
}

/** The outcome of a routed call, after any fallbacks. */
export interface ChatResult {
  text: string;
  citations: Citation[];
  /** The decision, updated to the provider:model that actually served; reasons include fallbacks. */
  route: RouteDecision;
  usage: Usage;
  costUsd: number;
  /** Why the (first) answer ended; `length` means it was cut off. */
  finishReason?: FinishReason;
  /** Tool calls of the (first) answer. */
  toolCalls?: ToolCall[];
  /** Every answer when the provider returned structured choices (always for `n` > 1). */
  choices?: AnswerChoice[];
  /** Every attempt in order, for stats and debugging. */
  attempts: { provider: string; model: string; ok: boolean; error?: string; latencyMs: number }[];
}

export interface ProviderHealth {
  id: string;
  /** A registered provider kind: `openai`, `anthropic`, `openai-compatible`, `local-extractive`, ... */
  kind: string;
  local: boolean;
  models: string[];
  circuit: 'closed' | 'open' | 'half-open';
  consecutiveFailures: number;
  lastError?: string;
  lastLatencyMs?: number;
  /** The kind's name for people, e.g. "Anthropic". */
  label?: string;
  /** A disabled provider serves nothing. */
  enabled?: boolean;
  /** false for the extractive responder, which quotes documents and never generates text. */
  generative?: boolean;
  baseURL?: string;
  /** From the latest connectivity probe (absent until one ran). */
  reachable?: boolean;
  lastProbeAt?: string;
  /** Newest first: failed calls, refused keys, failed probes. Never a secret. */
  recentErrors?: { at: string; message: string }[];
  /** The provider's keys by their last four characters; `next` marks the one the rotation uses next. */
  keys?: { lastFour: string; restingUntil?: string; next: boolean }[];
}

/** A routing decision as kept for the policy dry run: what was decided from what, never the message. */
export interface DecisionRecord {
  at: string;
  sensitivity: Sensitivity;
  complexity: Complexity;
  complexityScore: number;
  signals: Signal[];
  contextTokens: number;
  requestedModel?: string;
  /** What the policy of the time decided, or the error code it answered with. */
  outcome: { tier: string; provider: string; model: string } | { error: string };
}

// ---------------------------------------------------------------------------------------
// What /v1 passes through to generative models, beyond the text of the conversation:
// tool definitions and calls, tool results, images, structured output and sampling settings.
// The shape follows OpenAI's chat format (the richest of the wire formats we speak); each
// provider kind translates it to its own API, and refuses (through its model capabilities)
// what it cannot honour.

/** A function call the model asked for; `arguments` is JSON text as the model wrote it. */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type WirePart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } };

/** One message as the caller sent it: tool calls, tool results and image parts included. */
export interface WireTurn {
  role: 'system' | 'user' | 'assistant' | 'tool';
  /** null for an assistant turn that only called tools. */
  content: string | WirePart[] | null;
  name?: string;
  /** Assistant turns: the calls the model made. */
  toolCalls?: ToolCall[];
  /** Tool turns: which call this is the result of. */
  toolCallId?: string;
}

export interface ToolDefinition {
  name: string;
  description?: string;
  /** JSON Schema of the arguments. */
  parameters?: Record<string, unknown>;
  strict?: boolean;
}

export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: Record<string, unknown>; strict?: boolean; description?: string };

/** Generation settings passed to the model as given; none is dropped silently. */
export interface GenerationOptions {
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
  parallelToolCalls?: boolean;
  responseFormat?: ResponseFormat;
  /** How many answers (choices) to generate. */
  n?: number;
  stop?: string[];
  seed?: number;
  topP?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  logprobs?: boolean;
  topLogprobs?: number;
  logitBias?: Record<string, number>;
  /** The end user, passed to the provider for its abuse monitoring. */
  user?: string;
}

/** Why an answer ended, in OpenAI's words (Anthropic's stop reasons are mapped onto these). */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

/** One generated answer (OpenAI's "choice"); a request with `n` > 1 gets several. */
export interface AnswerChoice {
  index: number;
  text: string;
  toolCalls?: ToolCall[];
  finishReason: FinishReason;
  /** The stop sequence that ended the answer, when the provider says which (Anthropic does; OpenAI does not). */
  stopSequence?: string;
  /** The provider's token log probabilities, as it sent them (OpenAI's `logprobs` object). */
  logprobs?: unknown;
}

/** A piece of a streamed answer: text, part of a tool call, or token log probabilities. */
export interface AnswerChunk {
  /** Which choice it belongs to (0 unless `n` > 1). */
  choice: number;
  text?: string;
  /** Part of a tool call: `id` and `name` come with its first piece, `arguments` in pieces. */
  toolCall?: { index: number; id?: string; name?: string; arguments?: string };
  logprobs?: unknown;
}

/**
 * What a model can do. The router sends a request only to models that can honour every
 * parameter it carries, and refuses the request (naming the parameter) when none can.
 */
export interface ModelCapabilities {
  tools: boolean;
  parallelToolCalls: boolean;
  /** `response_format: {type: "json_object"}`. */
  jsonMode: boolean;
  /** `response_format: {type: "json_schema"}`. */
  jsonSchema: boolean;
  /** Image content parts. */
  vision: boolean;
  streaming: boolean;
  /** Tokens of input (prompt and context) the model takes. */
  contextWindow: number;
  /** `n` > 1. */
  multipleChoices: boolean;
  logprobs: boolean;
  seed: boolean;
  /** `presence_penalty`, `frequency_penalty`, `logit_bias`. */
  penalties: boolean;
  stopSequences: boolean;
}
