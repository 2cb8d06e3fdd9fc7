import type { ChatTurn, Citation, ContextPassage, Usage } from '../types';

export interface ProviderCall {
  model: string;
  messages: ChatTurn[];
  context?: ContextPassage[];
  temperature?: number;
  maxTokens?: number;
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
  kind: 'openai' | 'anthropic' | 'local-extractive';
  local: boolean;
  models: string[];
  chat(call: ProviderCall): Promise<ProviderAnswer>;
  /** A cheap authenticated request (model list); throws on failure. */
  ping(signal: AbortSignal): Promise<void>;
}
