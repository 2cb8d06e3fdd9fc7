// The gateway behind every /v1 wire format: a request in the router's terms (wire turns,
// generation settings, Switchyard's own hints) goes through the chat pipeline (classification
// over everything that leaves, capability-aware routing, cache, call, accounting). The
// OpenAI, Responses and Anthropic translators build on it.
import { switchyardOptionsSchema, type SwitchyardOptions } from '@switchyard/client';
import { wireToChatTurns, type GenerationOptions, type WireTurn } from '@switchyard/router';
import { ZodError } from 'zod';
import { AppError } from '../../errors';
import type { ChatHooks, ChatOutcome, ChatService } from '../chat';

/** Switchyard's options for one request, from the `switchyard` body object and the `x-switchyard-*` headers. */
export interface GatewayHints {
  useDocuments: boolean;
  documentIds?: string[];
  /** Collections to retrieve from (each checked readable); default every one the caller may read. */
  collectionIds?: string[];
  sensitivity?: SwitchyardOptions['sensitivity'];
  complexity?: SwitchyardOptions['complexity'];
}

export interface GatewayRequest {
  ownerId: string;
  /** The caller's role: collection access depends on it. */
  role: 'admin' | 'user';
  /** `auto` lets the router choose. */
  model: string;
  turns: WireTurn[];
  generation: GenerationOptions;
  stream: boolean;
  temperature?: number;
  maxTokens?: number;
  hints: GatewayHints;
}

const HEADER = {
  useDocuments: 'x-switchyard-use-documents',
  documentIds: 'x-switchyard-document-ids',
  collectionIds: 'x-switchyard-collection-ids',
  sensitivity: 'x-switchyard-sensitivity',
  complexity: 'x-switchyard-complexity',
} as const;

const headerValue = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};
const list = (value: string) => value.split(',').map((part) => part.trim()).filter((part) => part.length > 0);

/**
 * The hints of a request: the body's `switchyard` object, else the `x-switchyard-*` headers
 * (`use-documents: true`, `document-ids: a,b`, `collection-ids: a,b`, `sensitivity`, `complexity`).
 * Bad values are a 400 naming the field.
 */
export function hintsFrom(body: SwitchyardOptions | undefined, headers: Record<string, string | string[] | undefined>): GatewayHints {
  const fromHeaders: Record<string, unknown> = {};
  const useDocuments = headerValue(headers, HEADER.useDocuments);
  if (useDocuments !== undefined) {
    if (useDocuments !== 'true' && useDocuments !== 'false') {
      throw new AppError('invalid_request', 400, `${HEADER.useDocuments} must be true or false`, { param: HEADER.useDocuments });
    }
    fromHeaders.useDocuments = useDocuments === 'true';
  }
  for (const key of ['documentIds', 'collectionIds'] as const) {
    const value = headerValue(headers, HEADER[key]);
    if (value !== undefined) fromHeaders[key] = list(value);
  }
  for (const key of ['sensitivity', 'complexity'] as const) {
    const value = headerValue(headers, HEADER[key]);
    if (value !== undefined) fromHeaders[key] = value;
  }
  let options: SwitchyardOptions;
  try {
    options = { ...switchyardOptionsSchema.parse(fromHeaders), ...body };
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const field = String(error.issues[0]?.path[0] ?? '');
    const header = HEADER[field as keyof typeof HEADER] ?? 'x-switchyard-*';
    throw new AppError('invalid_request', 400, `${header}: ${error.issues[0]?.message ?? 'invalid'}`, { param: header });
  }
  return {
    useDocuments: options.useDocuments === true || options.documentIds !== undefined || options.collectionIds !== undefined,
    ...(options.documentIds ? { documentIds: options.documentIds } : {}),
    ...(options.collectionIds ? { collectionIds: options.collectionIds } : {}),
    ...(options.sensitivity ? { sensitivity: options.sensitivity } : {}),
    ...(options.complexity ? { complexity: options.complexity } : {}),
  };
}

/** What every /v1 answer carries besides the vendor's fields: the route, cache, cost and citations. */
export function switchyardExtension(outcome: ChatOutcome) {
  return { route: outcome.route, cached: outcome.cached, costUsd: outcome.costUsd, citations: outcome.citations, latencyMs: outcome.latencyMs };
}

export interface GatewayDeps {
  chat: Pick<ChatService, 'chat'>;
  /** Throws 404 when one of the ids is not the owner's document. */
  assertOwned(ownerId: string, documentIds: string[]): Promise<void>;
  /** The collections a retrieval covers: the ones named (404/403 when one is not readable), or every readable one. */
  readableScope(caller: { id: string; role: 'admin' | 'user' }, requested?: string[]): Promise<string[]>;
}

export class V1Gateway {
  constructor(private readonly deps: GatewayDeps) {}

  async run(req: GatewayRequest, hooks: ChatHooks): Promise<ChatOutcome> {
    if (!req.turns.some((turn) => turn.role === 'user' || turn.role === 'tool')) {
      throw new AppError('invalid_request', 400, 'messages must include a user message', { param: 'messages' });
    }
    if (req.hints.documentIds) await this.deps.assertOwned(req.ownerId, req.hints.documentIds);
    // Access to every collection named is checked on each request, before retrieval and the cache.
    const collectionIds = req.hints.useDocuments ? await this.deps.readableScope({ id: req.ownerId, role: req.role }, req.hints.collectionIds) : undefined;
    return this.deps.chat.chat(
      {
        ownerId: req.ownerId,
        ...(collectionIds ? { collectionIds } : {}),
        messages: wireToChatTurns(req.turns),
        turns: req.turns,
        generation: req.generation,
        stream: req.stream,
        persist: false,
        useDocuments: req.hints.useDocuments,
        ...(req.hints.documentIds ? { documentIds: req.hints.documentIds } : {}),
        ...(req.hints.sensitivity ? { sensitivity: req.hints.sensitivity } : {}),
        ...(req.hints.complexity ? { complexity: req.hints.complexity } : {}),
        ...(req.model !== 'auto' ? { requestedModel: req.model } : {}),
        ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
        ...(req.maxTokens !== undefined ? { maxTokens: req.maxTokens } : {}),
      },
      hooks,
    );
  }
}
