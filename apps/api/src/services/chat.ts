// The chat pipeline, shared by POST /api/chat (JSON and SSE) and /v1/chat/completions:
// conversation (owner-checked) -> retrieval -> classify -> route -> budget -> answer cache (the
// corpus version and the entry in one round trip) -> model call (aborted with the client) -> one
// Redis round trip storing the exchange, the cache entry and the spend; the stats are counted in
// memory and written every STATS_FLUSH_MS. A half answer is never stored: the writes happen only
// after the model call completed.
import { randomUUID } from 'node:crypto';
import type { Citation, Complexity, Route, Sensitivity, Usage } from '@switchyard/client';
import {
  capabilityNeeds,
  conversationQuery,
  estimateTokens,
  needsDocumentList,
  planDocumentContext,
  plannedPassages,
  RouterError,
  toolsText,
  type AnswerChoice,
  type AnswerChunk,
  type ChatTurn,
  type Classifier,
  type ContextPassage,
  type FinishReason,
  type GenerationOptions,
  type RouteDecision,
  type ToolCall,
  type WireTurn,
} from '@switchyard/router';
import type { DocumentRepository } from '@switchyard/documents';
import type { VectorStore } from '@switchyard/vectorstore';
import type { Router } from '@switchyard/router';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Env } from '../env';
import { AppError, asAppError, notFound } from '../errors';
import { AnswerCache, type CachedAnswer } from './answer-cache';
import { BudgetGuard } from './budget';
import { chatMetrics } from './chat-metrics';
import { ConversationStore, type NewMessage } from './conversations';
import { splitForReplay } from './answer-replay';
import type { CollectionSearch } from './collection-search';
import type { CollectionService } from './collections';
import { StatsStore } from './stats';

/** How many earlier messages of a conversation the model sees. */
export const HISTORY_LIMIT = 20;

export interface ChatInput {
  ownerId: string;
  /** The whole exchange so far, ending with the new user message (/v1), or just the new message. */
  messages: ChatTurn[];
  /** POST /api/chat: the stored conversation to continue; its history is prepended. */
  conversationId?: string;
  /** Store the exchange as a conversation (POST /api/chat) or not (/v1 is stateless). */
  persist: boolean;
  sensitivity?: Sensitivity;
  complexity?: Complexity;
  useDocuments: boolean;
  temperature?: number;
  maxTokens?: number;
  /** /v1: an explicit model; 'auto' or undefined lets the router choose. */
  requestedModel?: string;
  /** Regenerate: ask the model again rather than answer from the cache (the new answer is cached). */
  fresh?: boolean;
  /** /v1: the conversation as sent (tool calls, tool results, images); `messages` holds its text. */
  turns?: WireTurn[];
  /** /v1: tools, structured output and sampling settings; only models that honour them serve. */
  generation?: GenerationOptions;
  /** /v1: whether the caller streams. false also fetches the answer upstream in one piece. */
  stream?: boolean;
  /** Retrieve only from these documents (already checked to be the caller's). */
  documentIds?: string[];
  /**
   * Retrieve from these collections, already checked readable (CollectionService.readableScope);
   * default: every collection the owner owns or is a member of.
   */
  collectionIds?: string[];
}

export interface ChatHooks {
  signal?: AbortSignal;
  /** Awaited (with the budget check) before the answer is looked up or the model called: the stream cap's admission (/v1). */
  admitted?: Promise<void>;
  /** Called once the route is known, before the model is called. */
  onRoute?: (route: Route, conversationId: string) => void;
  onDelta?: (text: string) => void;
  /** Every piece of every answer: text, tool-call pieces, log probabilities (/v1 streams). */
  onChunk?: (chunk: AnswerChunk) => void;
}

export interface ChatOutcome {
  conversationId: string;
  messageId: string;
  answer: string;
  citations: Citation[];
  route: Route;
  usage: Usage;
  costUsd: number;
  cached: boolean;
  latencyMs: number;
  /** Why the (first) answer ended, when the provider said. */
  finishReason?: FinishReason;
  toolCalls?: ToolCall[];
  /** Every answer, when the provider returned structured choices (always for several). */
  choices?: AnswerChoice[];
}

/** A retrieved passage always carries its score. */
type RetrievedHit = Required<ContextPassage>;
/** Passages for a message; `failed` when the store could not be read; `followUp` when it was searched with the earlier question. */
interface Retrieval {
  hits: RetrievedHit[];
  failed: boolean;
  followUp?: boolean;
}

interface Prepared {
  conversationId: string;
  isNewConversation: boolean;
  /** What the model sees: history + the new message. */
  messages: ChatTurn[];
  userMessage: string;
  context: ContextPassage[];
  decision: RouteDecision;
  route: Route;
}

const ZERO_USAGE: Usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0, estimated: false };
const RETRIEVAL_UNAVAILABLE = 'document search is unavailable right now, so this answer does not use your documents';

export const toRoute = (decision: RouteDecision, extraReasons: string[] = []): Route => ({
  sensitivity: decision.sensitivity,
  complexity: decision.complexity,
  tier: decision.tier,
  provider: decision.provider,
  model: decision.model,
  reasons: [...decision.reasons, ...extraReasons],
});

/** What the chat pipeline uses, handed over by the composition root (composition.ts). */
export interface ChatDeps {
  env: Pick<Env, 'REDIS_PREFIX' | 'STATS_FLUSH_MS' | 'CACHE_TTL_SECONDS' | 'DAILY_BUDGET_USD' | 'RETRIEVAL_K'>;
  redis: Redis;
  logger: Logger;
  router: Router;
  /** Classifies each request with its conversation (large ones off the event loop). */
  classifier: Classifier;
  retriever: Pick<CollectionSearch, 'search'>;
  documents: Pick<DocumentRepository, 'corpusKey' | 'listCollection'>;
  /** The chunks of a document asked for by name or recency ("Summarize my most recent document"). */
  store: Pick<VectorStore, 'listDocumentChunks'>;
  /** The caller's own collections: the default scope of such a request. */
  collections: Pick<CollectionService, 'ownIds'>;
}

export class ChatService {
  readonly conversations: ConversationStore;
  readonly stats: StatsStore;
  readonly cache: AnswerCache;
  readonly budget: BudgetGuard;

  constructor(private readonly ctx: ChatDeps) {
    const prefix = ctx.env.REDIS_PREFIX;
    this.conversations = new ConversationStore(ctx.redis, prefix);
    this.stats = new StatsStore(ctx.redis, prefix, {
      flushIntervalMs: ctx.env.STATS_FLUSH_MS,
      onFlushError: (error) => ctx.logger.warn({ err: error }, 'could not write the stats; they are kept for the next try'),
    });
    this.cache = new AnswerCache(ctx.redis, prefix, ctx.env.CACHE_TTL_SECONDS);
    this.budget = new BudgetGuard(ctx.redis, prefix, ctx.env.DAILY_BUDGET_USD);
  }

  /** Writes the stats counted since the last flush and stops the budget's timers (composition root's shutdown). */
  async close(): Promise<void> {
    await this.budget.close();
    await this.stats.close();
  }

  /** POST /api/route: the decision only; no model call, no writes. */
  async route(input: ChatInput): Promise<Route> {
    return (await this.prepare(input)).route;
  }

  async chat(input: ChatInput, hooks: ChatHooks = {}): Promise<ChatOutcome> {
    const started = performance.now();
    let prepared: Prepared | undefined;
    try {
      const budgetCheck = this.budget.assertWithinBudget(input.ownerId);
      budgetCheck.catch(() => undefined); // awaited below; avoids an unhandled rejection if prepare fails first
      prepared = await this.prepare(input);
      await budgetCheck;
      if (hooks.admitted) await hooks.admitted;
      return await this.answer(input, prepared, hooks, started);
    } catch (error) {
      const aborted = hooks.signal?.aborted === true;
      if (!aborted && !(error instanceof AppError && error.status < 500 && error.code !== 'budget_exceeded')) {
        this.recordFailure(input.ownerId, prepared, error, performance.now() - started);
      }
      throw toAppError(error);
    }
  }

  private async prepare(input: ChatInput): Promise<Prepared> {
    const lastUserIndex = input.messages.findLastIndex((m) => m.role === 'user');
    const userMessage = input.messages[lastUserIndex]?.content ?? '';
    const stored = input.conversationId === undefined ? undefined : await this.conversations.recentMessages(input.ownerId, input.conversationId, HISTORY_LIMIT);
    if (input.conversationId !== undefined && stored === undefined) throw notFound('conversation');

    const history: ChatTurn[] = (stored ?? []).map((m) => ({ role: m.role, content: m.content }));
    const messages = [...history, ...input.messages];
    // A follow-up ("And in London?") is searched with the user's earlier questions in the conversation.
    const earlierAsks = messages.slice(0, history.length + lastUserIndex).filter((m) => m.role === 'user').map((m) => m.content);
    const retrieval: Retrieval = input.useDocuments ? await this.passagesFor(input, userMessage, earlierAsks) : { hits: [], failed: false };
    // Only passages above the relevance floor come back from retrieval: they alone enter the
    // prompt, are cited, and raise the sensitivity, each by its own chunk's label.
    const context: ContextPassage[] = retrieval.hits.map((hit) => ({
      id: hit.id,
      documentId: hit.documentId,
      title: hit.title,
      chunkIndex: hit.chunkIndex,
      text: hit.text,
      sensitivity: hit.sensitivity,
      score: hit.score,
    }));
    // The tools offered leave with the request too: their names, descriptions and schemas count.
    const toolsOffered = toolsText(input.generation);
    const classification = await this.ctx.classifier.classify({
      message: userMessage,
      history: [...messages.filter((_, index) => index !== history.length + lastUserIndex), ...(toolsOffered ? [{ role: 'system' as const, content: toolsOffered }] : [])],
      ...(input.sensitivity ? { declaredSensitivity: input.sensitivity } : {}),
      ...(input.complexity ? { declaredComplexity: input.complexity } : {}),
      contextSensitivities: context.map((passage) => passage.sensitivity),
    });
    const contextTokens =
      messages.reduce((sum, m) => sum + estimateTokens(m.content), 0) + context.reduce((sum, p) => sum + estimateTokens(p.text), 0);
    const decision = this.ctx.router.decide(classification, {
      contextTokens,
      ...(input.requestedModel ? { requestedModel: input.requestedModel } : {}),
      needs: capabilityNeeds(input),
    });
    const extraReasons: string[] = [];
    if (retrieval.failed) extraReasons.push(RETRIEVAL_UNAVAILABLE);
    else if (input.useDocuments) {
      extraReasons.push(context.length > 0 ? `${context.length} passages from your documents are in the context` : 'no passage of your documents is relevant enough to this message to use');
      if (retrieval.followUp === true) extraReasons.push('a follow-up: your documents were searched together with your earlier question');
    }
    return {
      conversationId: input.conversationId ?? randomUUID(),
      isNewConversation: input.conversationId === undefined,
      messages,
      userMessage,
      context,
      decision,
      route: toRoute(decision, extraReasons),
    };
  }

  /**
   * The passages a message needs: a search for the question in it, or, for "Summarize my most
   * recent document", "What are the key dates and deadlines?" or "Summarize the tenancy
   * agreement", the passages of those documents themselves (the newest, all, or the ones named by
   * title, among the documents in scope, newest first): a search for such words finds nothing.
   */
  private async passagesFor(input: ChatInput, userMessage: string, earlierAsks: string[]): Promise<Retrieval> {
    if (!needsDocumentList(userMessage)) {
      const { query, followUp } = conversationQuery(userMessage, earlierAsks);
      return { ...(await this.retrieve(input.ownerId, query, input.documentIds, input.collectionIds)), followUp };
    }
    try {
      const documents = await this.documentsInScope(input);
      const plan = planDocumentContext(userMessage, documents);
      if (plan.kind === 'search') return this.retrieve(input.ownerId, plan.query, input.documentIds, input.collectionIds);
      // Only the opening passages are quoted, so only those are read (a long document stays in Chroma).
      const chunks = await Promise.all(plan.documentIds.map((id) => this.ctx.store.listDocumentChunks(id, { firstChunks: plan.passagesPerDocument })));
      const hits = plannedPassages(plan, chunks).map((chunk) => ({
        id: chunk.id,
        documentId: chunk.documentId,
        title: chunk.title,
        chunkIndex: chunk.chunkIndex,
        text: chunk.text,
        sensitivity: chunk.sensitivity,
        // Asked for by name or by recency, not found by similarity.
        score: 1,
      }));
      return { hits, failed: false };
    } catch (error) {
      this.ctx.logger.warn({ err: error }, 'could not read the requested documents; answering without documents');
      return { hits: [], failed: true };
    }
  }

  /** The ready documents of the collections in scope (checked readable by the caller), newest first. */
  private async documentsInScope(input: ChatInput): Promise<{ id: string; title: string }[]> {
    const collectionIds = input.collectionIds ?? (await this.ctx.collections.ownIds(input.ownerId));
    const lists = await Promise.all(collectionIds.map((id) => this.ctx.documents.listCollection(id)));
    const wanted = input.documentIds ? new Set(input.documentIds) : undefined;
    return lists
      .flat()
      .filter((record) => record.status === 'ready' && (!wanted || wanted.has(record.id)))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((record) => ({ id: record.id, title: record.title }));
  }

  private async retrieve(ownerId: string, query: string, documentIds?: string[], collectionIds?: string[]): Promise<Retrieval> {
    try {
      const hits: RetrievedHit[] = await this.ctx.retriever.search({
        ownerId,
        query,
        k: this.ctx.env.RETRIEVAL_K,
        ...(documentIds ? { documentIds } : {}),
        ...(collectionIds ? { collectionIds } : {}),
      });
      return { hits, failed: false };
    } catch (error) {
      this.ctx.logger.warn({ err: error }, 'retrieval failed; answering without documents');
      return { hits: [], failed: true };
    }
  }

  private async answer(input: ChatInput, prepared: Prepared, hooks: ChatHooks, started: number): Promise<ChatOutcome> {
    const { decision } = prepared;
    const cached = !input.fresh && this.cache.usableFor(decision.sensitivity)
      ? await this.cache.lookup(input.ownerId, this.ctx.documents.corpusKey(input.ownerId), (corpusVersion) =>
          this.cache.key({
            ownerId: input.ownerId,
            route: decision,
            messages: prepared.messages,
            chunkIds: prepared.context.map((passage) => passage.id),
            corpusVersion,
            ...(input.maxTokens !== undefined ? { maxTokens: input.maxTokens } : {}),
            parameters: answerParameters(input),
          }),
        )
      : undefined;
    const cacheKey = cached?.key;
    const hit = cached?.hit;

    let answer: string;
    let citations: Citation[];
    let route: Route;
    let usage: Usage;
    let costUsd: number;
    /** What the caller is told the answer took: on a hit, what it took when it was made. */
    let reportedUsage: Usage;
    let structured: Pick<ChatOutcome, 'finishReason' | 'toolCalls' | 'choices'>;
    if (hit) {
      route = { ...hit.route, reasons: [...hit.route.reasons.filter((r) => r !== 'answer served from the cache'), 'answer served from the cache'] };
      hooks.onRoute?.(route, prepared.conversationId);
      // A cached answer streams too: a few pieces, so a streaming client needs no special case.
      replayCached(hit, hooks);
      ({ answer, citations } = hit);
      structured = { ...(hit.finishReason ? { finishReason: hit.finishReason } : {}), ...(hit.toolCalls ? { toolCalls: hit.toolCalls } : {}), ...(hit.choices ? { choices: hit.choices } : {}) };
      usage = ZERO_USAGE;
      reportedUsage = hit.usage ?? ZERO_USAGE;
      costUsd = 0;
    } else {
      hooks.onRoute?.(prepared.route, prepared.conversationId);
      const result = await this.ctx.router.chat(
        decision,
        {
          messages: prepared.messages,
          context: prepared.context,
          ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
          ...(input.maxTokens !== undefined ? { maxTokens: input.maxTokens } : {}),
          ...(input.turns ? { turns: input.turns } : {}),
          ...(input.generation ? { generation: input.generation } : {}),
          ...(input.stream !== undefined ? { stream: input.stream } : {}),
        },
        {
          ...(hooks.signal ? { signal: hooks.signal } : {}),
          ...(hooks.onDelta ? { onDelta: hooks.onDelta } : {}),
          ...(hooks.onChunk ? { onChunk: hooks.onChunk } : {}),
        },
      );
      if (hooks.signal?.aborted) throw new RouterError('aborted', 'the client went away before the answer was complete');
      answer = result.text;
      citations = result.citations;
      route = toRoute(result.route, prepared.route.reasons.slice(decision.reasons.length));
      usage = result.usage;
      reportedUsage = usage;
      costUsd = result.costUsd;
      structured = {
        ...(result.finishReason ? { finishReason: result.finishReason } : {}),
        ...(result.toolCalls ? { toolCalls: result.toolCalls } : {}),
        ...(result.choices ? { choices: result.choices } : {}),
      };
    }

    const latencyMs = Math.round((performance.now() - started) * 100) / 100;
    const messageId = randomUUID();
    const pipeline = this.ctx.redis.pipeline();
    if (input.persist) {
      const now = new Date().toISOString();
      const exchange: NewMessage[] = [
        { id: randomUUID(), role: 'user', content: prepared.userMessage, createdAt: now },
        { id: messageId, role: 'assistant', content: answer, route, citations, costUsd, cached: Boolean(hit), latencyMs, createdAt: now },
      ];
      this.conversations.appendOn(pipeline, input.ownerId, prepared.conversationId, exchange, prepared.isNewConversation);
    }
    if (!hit && cacheKey) this.cache.setOn(pipeline, cacheKey, { answer, citations, route, usage, ...structured }, decision.sensitivity);
    this.budget.add(input.ownerId, costUsd);
    this.stats.record({
      ownerId: input.ownerId,
      tier: route.tier,
      provider: route.provider,
      model: route.model,
      cached: Boolean(hit),
      error: false,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      costUsd,
      latencyMs,
    });
    if (input.persist) {
      await pipeline.exec();
    } else if (pipeline.length > 0) {
      // Stateless /v1: nothing the caller reads next depends on these writes; answer first.
      pipeline.exec().catch((error: unknown) => this.ctx.logger.warn({ err: error }, 'could not store the cache entry or the spend of a chat'));
    }
    chatMetrics().observe({ route, cached: Boolean(hit), error: false, usage, costUsd, latencyMs });

    return { conversationId: prepared.conversationId, messageId, answer, citations, route, usage: reportedUsage, costUsd, cached: Boolean(hit), latencyMs, ...structured };
  }

  private recordFailure(ownerId: string, prepared: Prepared | undefined, error: unknown, latencyMs: number): void {
    const route = prepared?.route;
    const attempts = error instanceof RouterError ? error.attempts : undefined;
    const lastAttempt = attempts?.[attempts.length - 1];
    const record = {
      ownerId,
      tier: route?.tier ?? 'none',
      provider: lastAttempt?.provider ?? route?.provider ?? 'none',
      model: lastAttempt?.model ?? route?.model ?? 'none',
      cached: false,
      error: true,
      promptTokens: 0,
      completionTokens: 0,
      costUsd: 0,
      latencyMs,
    };
    this.stats.record(record);
    chatMetrics().observe({ route: { tier: record.tier, provider: record.provider, model: record.model }, cached: false, error: true, usage: ZERO_USAGE, costUsd: 0, latencyMs });
  }
}

/** RouterError -> AppError with its status from the one table (503 no_local_provider, 502, 504...) and the parameter at fault. */
export function toAppError(error: unknown): unknown {
  if (error instanceof RouterError) return asAppError(error) ?? error;
  return error;
}

/**
 * Everything besides the messages that changes the answer, for the cache key: sampling, limits,
 * tools, formats, several answers, and the conversation as sent when it carries tool calls or images.
 */
function answerParameters(input: ChatInput): unknown {
  const wireOnly = input.turns?.some((turn) => turn.role === 'tool' || turn.toolCalls !== undefined || Array.isArray(turn.content)) ?? false;
  return {
    temperature: input.temperature ?? null,
    generation: input.generation ?? null,
    turns: wireOnly ? input.turns : null,
  };
}

/** Streams a cached answer: every choice's text in a few pieces and its tool calls whole. */
function replayCached(hit: CachedAnswer, hooks: ChatHooks): void {
  const choices = hit.choices ?? [{ index: 0, text: hit.answer, finishReason: hit.finishReason ?? 'stop', ...(hit.toolCalls ? { toolCalls: hit.toolCalls } : {}) }];
  for (const choice of choices) {
    for (const piece of splitForReplay(choice.text)) {
      if (choice.index === 0) hooks.onDelta?.(piece);
      hooks.onChunk?.({ choice: choice.index, text: piece });
    }
    for (const [index, call] of (choice.toolCalls ?? []).entries()) {
      hooks.onChunk?.({ choice: choice.index, toolCall: { index, id: call.id, name: call.function.name, arguments: call.function.arguments } });
    }
  }
}
