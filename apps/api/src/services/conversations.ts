// Conversations in Redis: a hash of metadata per conversation, a list of messages, and a sorted
// set per owner ordered by last update. Every read checks the owner; another user's id is "not
// found", never "forbidden", so ids cannot be probed. Ids are checked against the shared id
// schema before they become part of a key. A conversation's title is its first message with any
// personal data or secret in it replaced by "[redacted]": the title is shown in lists (the
// sidebar) where the message itself is not.
import { randomUUID } from 'node:crypto';
import {
  resourceIdSchema,
  type Citation,
  type ConversationBranch,
  type ConversationDetail,
  type ConversationSearchHit,
  type ConversationSummary,
  type Message,
  type Route,
} from '@switchyard/client';
import { detectSensitivity } from '@switchyard/router';
import type { ChainableCommander, Redis } from 'ioredis';

const TITLE_LENGTH = 80;
/** Read past the title's length, so an item the title's end would cut is still recognised whole. */
const TITLE_SCAN_CHARS = 240;
/** The most words one sensitive item spans ("+1 415 555 0100", "DE89 3704 0044 0532 0130 00"). */
const MAX_ITEM_WORDS = 6;
export const REDACTED = '[redacted]';
/** How long a deleted conversation can be restored (the web app offers Undo); then it is gone. */
export const DELETED_RETENTION_SECONDS = 24 * 3600;
/** Characters of context around a search match, and of a branch's preview. */
const SNIPPET_CHARS = 120;
/** How often a branch change is retried when the conversation changed under it. */
const BRANCH_ATTEMPTS = 5;

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

/** Lowercase, compatibility-normalised, one space between words: how search compares text. */
function searchable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
}

/** About SNIPPET_CHARS of `text` around `at`, on word boundaries, with sensitive items redacted. */
function snippetOf(text: string, at: number, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const half = Math.max(0, Math.floor((SNIPPET_CHARS - length) / 2));
  let start = Math.max(0, at - half);
  let end = Math.min(flat.length, at + length + half);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space >= 0 && space < at) start = space + 1;
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > at + length) end = space;
  }
  return `${start > 0 ? '…' : ''}${redactSensitiveItems(flat.slice(start, end).trim())}${end < flat.length ? '…' : ''}`;
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

/**
 * An earlier version of a conversation from `forkIndex` on, as stored: its messages and the
 * versions that fork off it further down (each with a larger `forkIndex`). The branches stored
 * with a conversation are those that fork off its active messages, so the whole is a tree.
 */
interface StoredBranch {
  id: string;
  forkIndex: number;
  messages: Message[];
  branches: StoredBranch[];
}

/** Everything a branch change reads, and the two facts that say nothing changed since. */
interface BranchState {
  meta: Record<string, string>;
  messages: Message[];
  branches: StoredBranch[];
  branchVersion: string;
}

/**
 * Writes a branch change only if the conversation is as it was read: the same number of messages
 * (no answer was appended meanwhile) and the same branch version (no other change). Returns 1 when
 * written, 0 when the caller must read again.
 */
const REPLACE_IF_UNCHANGED = `
if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return 0 end
if (redis.call('HGET', KEYS[2], 'branchVersion') or '0') ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1])
for i = 4, #ARGV do redis.call('RPUSH', KEYS[1], ARGV[i]) end
redis.call('SET', KEYS[3], ARGV[3])
redis.call('HINCRBY', KEYS[2], 'branchVersion', 1)
redis.call('HSET', KEYS[2], 'messageCount', #ARGV - 3)
return 1
`;

export class ConversationStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private metaKey = (id: string) => `${this.prefix}conv:${id}`;
  private messagesKey = (id: string) => `${this.prefix}conv:${id}:messages`;
  private branchesKey = (id: string) => `${this.prefix}conv:${id}:branches`;
  private ownerKey = (ownerId: string) => `${this.prefix}owner:${ownerId}:convs`;
  /** Deleted conversations that can still be restored, scored by when they were deleted. */
  private trashKey = (ownerId: string) => `${this.prefix}owner:${ownerId}:convs:deleted`;

  /** The owner's conversation, not deleted. */
  private isLive = (meta: Record<string, string>, ownerId: string) => meta.ownerId === ownerId && !meta.deletedAt;

  async summary(ownerId: string, id: string): Promise<ConversationSummary | undefined> {
    if (!isValidId(id)) return undefined;
    const meta = await this.redis.hgetall(this.metaKey(id));
    if (!this.isLive(meta, ownerId)) return undefined;
    return toSummary(id, meta);
  }

  async get(ownerId: string, id: string): Promise<ConversationDetail | undefined> {
    const state = await this.readState(ownerId, id);
    if (!state) return undefined;
    const summary = toSummary(id, state.meta);
    return { id, title: summary.title, createdAt: summary.createdAt, updatedAt: summary.updatedAt, messages: state.messages, branches: state.branches.map(toBranch) };
  }

  private async readState(ownerId: string, id: string): Promise<BranchState | undefined> {
    if (!isValidId(id)) return undefined;
    const [metaResult, messagesResult, branchesResult] = (await this.redis
      .pipeline()
      .hgetall(this.metaKey(id))
      .lrange(this.messagesKey(id), 0, -1)
      .get(this.branchesKey(id))
      .exec()) ?? [];
    const meta = (metaResult?.[1] ?? {}) as Record<string, string>;
    if (!this.isLive(meta, ownerId)) return undefined;
    const messages = ((messagesResult?.[1] ?? []) as string[]).map((raw) => JSON.parse(raw) as Message);
    const branchesJson = branchesResult?.[1] as string | null | undefined;
    const branches = branchesJson ? (JSON.parse(branchesJson) as StoredBranch[]) : [];
    return { meta, messages, branches, branchVersion: meta.branchVersion ?? '0' };
  }

  /** The last `limit` messages, oldest first (what the model sees as history). */
  async recentMessages(ownerId: string, id: string, limit: number): Promise<Message[] | undefined> {
    if (!isValidId(id)) return undefined;
    const [metaResult, messagesResult] = (await this.redis
      .pipeline()
      .hmget(this.metaKey(id), 'ownerId', 'deletedAt')
      .lrange(this.messagesKey(id), -limit, -1)
      .exec()) ?? [];
    const [owner, deletedAt] = (metaResult?.[1] ?? []) as (string | null)[];
    if (owner !== ownerId || deletedAt) return undefined;
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
      if (this.isLive(meta, ownerId)) summaries.push(toSummary(id, meta));
    });
    return summaries;
  }

  /**
   * The owner's conversations whose title or messages contain `query` (case and width ignored),
   * newest first, each with where it matched. A plain substring search: linear in the text read.
   */
  async search(ownerId: string, query: string): Promise<ConversationSearchHit[]> {
    const needle = searchable(query.trim());
    if (!needle) return [];
    const summaries = await this.list(ownerId);
    if (summaries.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const summary of summaries) pipeline.lrange(this.messagesKey(summary.id), 0, -1);
    const results = (await pipeline.exec()) ?? [];
    const hits: ConversationSearchHit[] = [];
    summaries.forEach((summary, index) => {
      const titleAt = searchable(summary.title).indexOf(needle);
      if (titleAt >= 0) {
        hits.push({ ...summary, match: { in: 'title', snippet: summary.title } });
        return;
      }
      for (const raw of (results[index]?.[1] ?? []) as string[]) {
        const message = JSON.parse(raw) as Message;
        const flat = message.content.replace(/\s+/g, ' ').trim();
        const at = searchable(flat).indexOf(needle);
        if (at < 0) continue;
        hits.push({ ...summary, match: { in: 'message', snippet: snippetOf(flat, at, needle.length), messageId: message.id } });
        return;
      }
    });
    return hits;
  }

  /** The owner renames a conversation; false when it is not theirs (or deleted). */
  async rename(ownerId: string, id: string, title: string): Promise<ConversationSummary | undefined> {
    if (!(await this.summary(ownerId, id))) return undefined;
    await this.redis.hset(this.metaKey(id), { title, titleSetByOwner: '1' });
    return this.summary(ownerId, id);
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

  /**
   * Deletes a conversation so that it can be restored for DELETED_RETENTION_SECONDS: it leaves
   * the owner's list at once, every read answers "not found", and its keys expire.
   */
  async delete(ownerId: string, id: string): Promise<boolean> {
    if (!(await this.summary(ownerId, id))) return false;
    const now = Date.now();
    await this.redis
      .multi()
      .hset(this.metaKey(id), { deletedAt: new Date(now).toISOString() })
      .expire(this.metaKey(id), DELETED_RETENTION_SECONDS)
      .expire(this.messagesKey(id), DELETED_RETENTION_SECONDS)
      .expire(this.branchesKey(id), DELETED_RETENTION_SECONDS)
      .zrem(this.ownerKey(ownerId), id)
      .zadd(this.trashKey(ownerId), now, id)
      .zremrangebyscore(this.trashKey(ownerId), 0, now - DELETED_RETENTION_SECONDS * 1000)
      .expire(this.trashKey(ownerId), DELETED_RETENTION_SECONDS)
      .exec();
    return true;
  }

  /** Undoes a delete within DELETED_RETENTION_SECONDS; undefined when there is nothing to restore. */
  async restore(ownerId: string, id: string): Promise<ConversationSummary | undefined> {
    if (!isValidId(id)) return undefined;
    const meta = await this.redis.hgetall(this.metaKey(id));
    if (meta.ownerId !== ownerId || !meta.deletedAt) return undefined;
    const updatedAt = Date.parse(meta.updatedAt ?? meta.createdAt ?? '') || Date.now();
    await this.redis
      .multi()
      .hdel(this.metaKey(id), 'deletedAt')
      .persist(this.metaKey(id))
      .persist(this.messagesKey(id))
      .persist(this.branchesKey(id))
      .zrem(this.trashKey(ownerId), id)
      .zadd(this.ownerKey(ownerId), updatedAt, id)
      .exec();
    return this.summary(ownerId, id);
  }

  /**
   * Starts a new version at `messageId`: a user message (edit and resend) or an assistant message
   * (regenerate: the version starts at the question before it). The messages from there on become
   * a branch, with the versions that fork off them; the conversation then ends before that
   * question, ready for it to be sent again. Undefined when the conversation or message is unknown.
   */
  async fork(ownerId: string, id: string, messageId: string): Promise<{ conversation: ConversationDetail; branch: ConversationBranch; message: string } | undefined> {
    return this.changeBranches(ownerId, id, (state) => {
      let index = state.messages.findIndex((message) => message.id === messageId);
      if (index < 0) return undefined;
      if (state.messages[index]!.role === 'assistant') index -= 1;
      const question = state.messages[index];
      if (!question || question.role !== 'user') return undefined;
      const branch: StoredBranch = {
        id: randomUUID(),
        forkIndex: index,
        messages: state.messages.slice(index),
        branches: state.branches.filter((b) => b.forkIndex > index),
      };
      return {
        messages: state.messages.slice(0, index),
        branches: [...state.branches.filter((b) => b.forkIndex <= index), branch],
        result: { branch: toBranch(branch), message: question.content },
      };
    });
  }

  /**
   * Makes an earlier version current again: it swaps places with the messages it replaced (which
   * become a branch, with the versions that fork off them), so every answer stays reachable.
   */
  async activateBranch(ownerId: string, id: string, branchId: string): Promise<{ conversation: ConversationDetail } | undefined> {
    return this.changeBranches(ownerId, id, (state) => {
      const chosen = state.branches.find((b) => b.id === branchId);
      if (!chosen) return undefined;
      const at = chosen.forkIndex;
      const current: StoredBranch = {
        id: randomUUID(),
        forkIndex: at,
        messages: state.messages.slice(at),
        branches: state.branches.filter((b) => b.forkIndex > at),
      };
      const kept = state.branches.filter((b) => b.forkIndex <= at && b.id !== chosen.id);
      return {
        messages: [...state.messages.slice(0, at), ...chosen.messages],
        // An empty current version (a resend that never got its answer) is not worth keeping.
        branches: [...kept, ...(current.messages.length > 0 ? [current] : []), ...chosen.branches],
        result: {},
      };
    });
  }

  /** Reads, applies `change` and writes only if nothing changed meanwhile; retries otherwise. */
  private async changeBranches<T extends object>(
    ownerId: string,
    id: string,
    change: (state: BranchState) => { messages: Message[]; branches: StoredBranch[]; result: T } | undefined,
  ): Promise<(T & { conversation: ConversationDetail }) | undefined> {
    for (let attempt = 0; attempt < BRANCH_ATTEMPTS; attempt++) {
      const state = await this.readState(ownerId, id);
      if (!state) return undefined;
      const next = change(state);
      if (!next) return undefined;
      const written = await this.redis.eval(
        REPLACE_IF_UNCHANGED,
        3,
        this.messagesKey(id),
        this.metaKey(id),
        this.branchesKey(id),
        state.messages.length,
        state.branchVersion,
        JSON.stringify(next.branches),
        ...next.messages.map((message) => JSON.stringify(message)),
      );
      if (written === 1) {
        const summary = toSummary(id, state.meta);
        const conversation: ConversationDetail = {
          id,
          title: summary.title,
          createdAt: summary.createdAt,
          updatedAt: summary.updatedAt,
          messages: next.messages,
          branches: next.branches.map(toBranch),
        };
        return { ...next.result, conversation };
      }
    }
    throw new ConversationBusyError();
  }
}

/** The conversation kept changing while a branch change was tried (answers arriving). */
export class ConversationBusyError extends Error {
  override name = 'ConversationBusyError';
  /** 409 (errors.ts). */
  readonly code = 'conversation_busy';
  constructor() {
    super('the conversation changed while it was being edited; try again');
  }
}

function toBranch(branch: StoredBranch): ConversationBranch {
  const first = branch.messages[0];
  const preview = first ? titleFrom(first.content) : '';
  return {
    id: branch.id,
    forkIndex: branch.forkIndex,
    messageCount: branch.messages.length,
    preview,
    createdAt: first?.createdAt ?? new Date(0).toISOString(),
  };
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
