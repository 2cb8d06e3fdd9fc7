// Conversations in Redis: a hash of metadata per conversation, a list of messages, and a sorted
// set per owner ordered by last update. Every read checks the owner; another user's id is "not
// found", never "forbidden", so ids cannot be probed. Ids are checked against the shared id
// schema before they become part of a key. A conversation's title is its first message with any
// personal data or secret in it replaced by "[redacted]": the title is shown in lists (the
// sidebar) where the message itself is not.
import { resourceIdSchema, type Citation, type Conversation, type ConversationSummary, type Message, type Route } from '@switchyard/client';
import { detectSensitivity } from '@switchyard/router';
import type { ChainableCommander, Redis } from 'ioredis';

const TITLE_LENGTH = 80;
/** Read past the title's length, so an item the title's end would cut is still recognised whole. */
const TITLE_SCAN_CHARS = 240;
/** The most words one sensitive item spans ("+1 415 555 0100", "DE89 3704 0044 0532 0130 00"). */
const MAX_ITEM_WORDS = 6;
export const REDACTED = '[redacted]';

const isValidId = (id: string) => resourceIdSchema.safeParse(id).success;

/** name@host.tld, placeholder domains included (the detectors let example.com pass; a title need not). */
function looksLikeEmail(word: string): boolean {
  const at = word.indexOf('@');
  return at > 0 && word.indexOf('.', at) > at + 1;
}

/** Digits with the separators numbers are written with, and nothing else ("0100", "(415)", "00."). */
function isNumberPart(word: string): boolean {
  let digits = 0;
  for (const ch of word) {
    if (ch >= '0' && ch <= '9') digits += 1;
    else if (!'+-().,/'.includes(ch)) return false;
  }
  return digits > 0;
}

/** Whether these words hold personal data or a secret (the router's detectors decide). */
function holdsSensitiveItem(words: string[]): boolean {
  if (words.length === 1 && looksLikeEmail(words[0]!)) return true;
  return detectSensitivity(words.join(' ')).signals.some((signal) => signal.kind.startsWith('pii.') || signal.kind.startsWith('secret.'));
}

/**
 * Replaces each sensitive item in a line of words with "[redacted]": at each word, the shortest
 * run of up to MAX_ITEM_WORDS words that holds an item and needs its first word to (so the words
 * before an item stay). Linear in the words: a bounded number of detector calls per word.
 */
export function redactSensitiveItems(line: string): string {
  const words = line.split(' ');
  if (!words.some(looksLikeEmail) && !holdsSensitiveItem(words)) return line;
  const kept: string[] = [];
  let index = 0;
  while (index < words.length) {
    let span = 0;
    for (let size = 1; size <= MAX_ITEM_WORDS && index + size <= words.length; size++) {
      const run = words.slice(index, index + size);
      if (holdsSensitiveItem(run) && !(size > 1 && holdsSensitiveItem(run.slice(1)))) {
        span = size;
        break;
      }
    }
    if (span === 0) {
      kept.push(words[index]!);
      index += 1;
    } else {
      if (kept.at(-1) !== REDACTED) kept.push(REDACTED);
      index += span;
      // The rest of a number the detector did not need ("+1 415 555 | 0100") goes with it.
      while (index < words.length && isNumberPart(words[index]!)) index += 1;
    }
  }
  return kept.join(' ');
}

export function titleFrom(message: string): string {
  const line = redactSensitiveItems(message.trim().replace(/\s+/g, ' ').slice(0, TITLE_SCAN_CHARS).trim());
  if (line.length <= TITLE_LENGTH) return line || 'New conversation';
  return `${line.slice(0, TITLE_LENGTH - 1).trimEnd()}…`;
}

export interface NewMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  route?: Route;
  citations?: Citation[];
  costUsd?: number;
  cached?: boolean;
  latencyMs?: number;
  createdAt: string;
}

export class ConversationStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private metaKey = (id: string) => `${this.prefix}conv:${id}`;
  private messagesKey = (id: string) => `${this.prefix}conv:${id}:messages`;
  private ownerKey = (ownerId: string) => `${this.prefix}owner:${ownerId}:convs`;

  async summary(ownerId: string, id: string): Promise<ConversationSummary | undefined> {
    if (!isValidId(id)) return undefined;
    const meta = await this.redis.hgetall(this.metaKey(id));
    if (meta.ownerId !== ownerId) return undefined;
    return toSummary(id, meta);
  }

  async get(ownerId: string, id: string): Promise<Conversation | undefined> {
    if (!isValidId(id)) return undefined;
    const [metaResult, messagesResult] = (await this.redis
      .pipeline()
      .hgetall(this.metaKey(id))
      .lrange(this.messagesKey(id), 0, -1)
      .exec()) ?? [];
    const meta = (metaResult?.[1] ?? {}) as Record<string, string>;
    if (meta.ownerId !== ownerId) return undefined;
    const messages = ((messagesResult?.[1] ?? []) as string[]).map((raw) => JSON.parse(raw) as Message);
    const summary = toSummary(id, meta);
    return { id, title: summary.title, createdAt: summary.createdAt, updatedAt: summary.updatedAt, messages };
  }

  /** The last `limit` messages, oldest first (what the model sees as history). */
  async recentMessages(ownerId: string, id: string, limit: number): Promise<Message[] | undefined> {
    if (!isValidId(id)) return undefined;
    const [metaResult, messagesResult] = (await this.redis
      .pipeline()
      .hget(this.metaKey(id), 'ownerId')
      .lrange(this.messagesKey(id), -limit, -1)
      .exec()) ?? [];
    if (metaResult?.[1] !== ownerId) return undefined;
    return ((messagesResult?.[1] ?? []) as string[]).map((raw) => JSON.parse(raw) as Message);
  }

  async list(ownerId: string): Promise<ConversationSummary[]> {
    const ids = await this.redis.zrevrange(this.ownerKey(ownerId), 0, 199);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.metaKey(id));
    const results = (await pipeline.exec()) ?? [];
    const summaries: ConversationSummary[] = [];
    ids.forEach((id, index) => {
      const meta = (results[index]?.[1] ?? {}) as Record<string, string>;
      if (meta.ownerId === ownerId) summaries.push(toSummary(id, meta));
    });
    return summaries;
  }

  /**
   * Queues the append of a completed exchange (creating the conversation on its first one) on
   * the caller's pipeline, so the exchange lands together with the stats, or not at all.
   */
  appendOn(pipeline: ChainableCommander, ownerId: string, id: string, messages: NewMessage[], isNew: boolean): void {
    const last = messages[messages.length - 1];
    const updatedAt = last?.createdAt ?? new Date().toISOString();
    if (isNew) {
      const first = messages.find((m) => m.role === 'user');
      pipeline.hset(this.metaKey(id), { ownerId, title: titleFrom(first?.content ?? ''), createdAt: messages[0]?.createdAt ?? updatedAt });
    }
    pipeline.rpush(this.messagesKey(id), ...messages.map((m) => JSON.stringify(m)));
    pipeline.hset(this.metaKey(id), { updatedAt });
    pipeline.hincrby(this.metaKey(id), 'messageCount', messages.length);
    pipeline.zadd(this.ownerKey(ownerId), Date.parse(updatedAt), id);
  }

  async delete(ownerId: string, id: string): Promise<boolean> {
    if (!isValidId(id)) return false;
    const owner = await this.redis.hget(this.metaKey(id), 'ownerId');
    if (owner !== ownerId) return false;
    await this.redis.multi().del(this.metaKey(id), this.messagesKey(id)).zrem(this.ownerKey(ownerId), id).exec();
    return true;
  }
}

function toSummary(id: string, meta: Record<string, string>): ConversationSummary {
  const createdAt = meta.createdAt ?? new Date(0).toISOString();
  return {
    id,
    title: meta.title ?? 'New conversation',
    createdAt,
    updatedAt: meta.updatedAt ?? createdAt,
    messageCount: Number(meta.messageCount ?? 0),
  };
}
