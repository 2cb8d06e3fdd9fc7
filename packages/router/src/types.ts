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
  messages: ChatTurn[];
  context?: ContextPassage[];
  temperature?: number;
  maxTokens?: number;
}

/** The outcome of a routed call, after any fallbacks. */
export interface ChatResult {
  text: string;
  citations: Citation[];
  /** The decision, updated to the provider:model that actually served; reasons include fallbacks. */
  route: RouteDecision;
  usage: Usage;
  costUsd: number;
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
