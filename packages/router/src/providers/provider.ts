import type { ChatTurn, Citation, ContextPassage, Usage } from '../types';

export interface ProviderCall {
  model: string;
  messages: ChatTurn[];
  context?: ContextPassage[];
  temperature?: number;
  maxTokens?: number;
  /** The key this call uses (the router picks one of the provider's keys); none for keyless servers. */
  apiKey?: string;
  /** Aborting cancels the upstream HTTP request. */
  signal: AbortSignal;
  /** Each piece of answer text as it arrives. */
  onDelta: (text: string) => void;
}

export interface ProviderAnswer {
  text: string;
  citations: Citation[];
  /** null when the provider did not report usage. */
  usage: Usage | null;
  /** `stop`, `length`, ... as reported; `length` means the answer was cut off. */
  finishReason?: string;
}

/** A model as a provider's model list reports it. */
export interface DiscoveredModel {
  id: string;
  /** e.g. `openai`, `library` (Ollama), when the server says. */
  ownedBy?: string;
  /** Tokens, when the server says (Anthropic and some compatible servers do). */
  contextWindow?: number;
  /** Display name, when the server gives one. */
  name?: string;
}

/** A failure with what the router needs to decide: retry later, fall back, or stop. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'rate_limited' | 'upstream' | 'connection' | 'aborted' | 'malformed',
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

export interface Provider {
  id: string;
  /** The registered kind that built it (see `registry.ts`). */
  kind: string;
  local: boolean;
  models: string[];
  chat(call: ProviderCall): Promise<ProviderAnswer>;
  /** A cheap authenticated request (model list); throws on failure. */
  ping(signal: AbortSignal, apiKey?: string): Promise<void>;
  /** The models the server offers now (`GET /models`); absent for kinds that cannot tell. */
  listModels?(signal: AbortSignal, apiKey?: string): Promise<DiscoveredModel[]>;
}
