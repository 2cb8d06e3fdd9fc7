import type { AnswerChoice, AnswerChunk, ChatTurn, Citation, ContextPassage, GenerationOptions, ToolCall, Usage, WireTurn } from '../types';

export interface ProviderCall {
  model: string;
  messages: ChatTurn[];
  context?: ContextPassage[];
  temperature?: number;
  maxTokens?: number;
  /** The key this call uses (the router picks one of the provider's keys); none for keyless servers. */
  apiKey?: string;
  /**
   * false: the caller waits for the whole answer, so the provider may ask for it in one piece
   * (cheaper than a stream). Absent or true: streamed.
   */
  stream?: boolean;
  /** Aborting cancels the upstream HTTP request. */
  signal: AbortSignal;
  /** Each piece of answer text (of the first choice) as it arrives. */
  onDelta: (text: string) => void;
  /** The conversation as the caller sent it (tool calls, tool results, images); sent instead of `messages` when given. */
  turns?: WireTurn[];
  /** Tools, structured output, sampling settings. Only routed to models whose capabilities cover them. */
  generation?: GenerationOptions;
  /**
   * Every piece of every choice as it arrives: text, tool-call pieces, log probabilities. A kind
   * that uses it reports all its text here and none through `onDelta` (the call path feeds both).
   */
  onChunk?: (chunk: AnswerChunk) => void;
}

export interface ProviderAnswer {
  text: string;
  citations: Citation[];
  /** null when the provider did not report usage. */
  usage: Usage | null;
  /** `stop`, `length`, ... as reported; `length` means the answer was cut off. */
  finishReason?: string;
  /** Tool calls of the first choice. */
  toolCalls?: ToolCall[];
  /** Every choice, when the provider kind reports them (wire-format providers do). */
  choices?: AnswerChoice[];
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
