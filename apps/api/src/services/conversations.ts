// Conversations in Redis: a hash of metadata per conversation, a list of messages, and a sorted
// set per owner ordered by last update. Every read checks the owner; another user's id is "not
// found", never "forbidden", so ids cannot be probed.
import type { Citation, Conversation, ConversationSummary, Message, Route } from '@switchyard/client';
import type { ChainableCommander, Redis } from 'ioredis';

const TITLE_LENGTH = 80;

export function titleFrom(message: string): string {
  const line = message.trim().replace(/\s+/g, ' ');
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
    const meta = await this.redis.hgetall(this.metaKey(id));
    if (meta.ownerId !== ownerId) return undefined;
    return toSummary(id, meta);
  }

  async get(ownerId: string, id: string): Promise<Conversation | undefined> {
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
