// Exact-match answer cache in Redis. The key covers everything that could change the answer:
// owner, route (tier, provider, model), the normalized messages, the retrieved chunk ids, the
// generation parameters (temperature, limits, tools, formats, n, stop, seed...) and the
// owner's corpus version (so re-ingesting or deleting a document makes old entries unreachable).
// Confidential requests are neither read nor written: the caller cannot opt them in.
// A lookup reads the corpus version and the entry in one round trip (see lookup()).
import { createHash } from 'node:crypto';
import type { Citation, Route, Sensitivity, Usage } from '@switchyard/client';
import type { AnswerChoice, FinishReason, ToolCall } from '@switchyard/router';
import type { ChainableCommander, Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

export interface AnswerCacheKeyInput {
  ownerId: string;
  route: { tier: string; provider: string; model: string };
  messages: { role: string; content: string }[];
  chunkIds: string[];
  corpusVersion: number;
  maxTokens?: number;
  /** Everything else that changes the answer (/v1: temperature, tools, formats, n, stop, seed...). */
  parameters?: unknown;
}

export interface CachedAnswer {
  answer: string;
  citations: Citation[];
  route: Route;
  /** What making the answer took; a hit reports it (and costs nothing). Absent in older entries. */
  usage?: Usage;
  finishReason?: FinishReason;
  toolCalls?: ToolCall[];
  choices?: AnswerChoice[];
}

/** Trim, collapse whitespace, lowercase: "Hello  World " and "hello world" are one question. */
export function normalizeMessage(content: string): string {
  return content.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function answerCacheKey(prefix: string, input: AnswerCacheKeyInput): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([
    input.ownerId,
    input.route.tier,
    input.route.provider,
    input.route.model,
    input.messages.map((m) => [m.role, normalizeMessage(m.content)]),
    input.chunkIds,
    input.corpusVersion,
    input.maxTokens ?? null,
    input.parameters ?? null,
  ]));
  return `${prefix}cache:answer:${hash.digest('hex')}`;
}

export interface CacheLookup {
  /** The key for the owner's current corpus version: where a new answer is stored. */
  key: string;
  hit?: CachedAnswer;
}

/** Owners whose last corpus version this process remembers (a guess, never trusted alone). */
const REMEMBERED_OWNERS = 10_000;

export class AnswerCache {
  private readonly lastVersions = new LRUCache<string, number>({ max: REMEMBERED_OWNERS });

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  /** false when the TTL is 0 (cache off). */
  get enabled(): boolean {
    return this.ttlSeconds > 0;
  }

  /** false for confidential requests and when the cache is off. */
  usableFor(sensitivity: Sensitivity): boolean {
    return sensitivity !== 'confidential' && this.enabled;
  }

  key(input: AnswerCacheKeyInput): string {
    return answerCacheKey(this.prefix, input);
  }

  /**
   * Reads the owner's corpus version (at `versionKey`) and the entry in one MGET: the entry's key
   * is built with the version this process saw last, and the MGET returns the current version
   * beside it. The two are read atomically, so the entry counts only when that version is still
   * current; when the corpus changed since, a second read fetches the entry of the new version.
   */
  async lookup(ownerId: string, versionKey: string, keyFor: (corpusVersion: number) => string): Promise<CacheLookup> {
    const guess = this.lastVersions.get(ownerId) ?? 0;
    const guessedKey = keyFor(guess);
    const [rawVersion, raw] = await this.redis.mget(versionKey, guessedKey);
    const version = Number(rawVersion ?? 0);
    this.lastVersions.set(ownerId, version);
    if (version === guess) return { key: guessedKey, hit: parseEntry(raw) };
    const key = keyFor(version);
    return { key, hit: parseEntry(await this.redis.get(key)) };
  }

  /** Queues the write on a pipeline the caller executes with its other writes. */
  setOn(pipeline: ChainableCommander, key: string, value: CachedAnswer, sensitivity: Sensitivity): void {
    if (!this.usableFor(sensitivity)) return;
    pipeline.set(key, JSON.stringify(value), 'EX', this.ttlSeconds);
  }
}

function parseEntry(raw: string | null | undefined): CachedAnswer | undefined {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as CachedAnswer;
  } catch {
    return undefined;
  }
}
