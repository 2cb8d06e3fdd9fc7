// The audit trail: security-relevant events (sign-ins, keys, users, deletions, sharing,
// providers, policy) appended to one Redis stream, so every replica writes to and reads from the
// same trail. Retention is by age and by count, applied exactly on every append (XADD ... MINID,
// then XTRIM MAXLEN; each trims only what fell out, a handful of entries at most), so the stream
// never grows past its bounds. Nothing secret is ever recorded:
// a failed sign-in keeps the email tried and the address, never the password.
import type { AuditEvent, AuditEventType } from '@switchyard/client';
import type { Redis } from 'ioredis';

export interface AuditRecord {
  type: AuditEventType;
  actor?: { id: string; email: string } | undefined;
  /** The email a failed or throttled sign-in tried, when there is no actor. */
  actorEmail?: string | undefined;
  ip?: string | undefined;
  target?: { type: string; id: string } | undefined;
  details?: Record<string, unknown> | undefined;
}

export interface AuditListQuery {
  limit: number;
  /** Exclusive: events strictly older than this stream id. */
  before?: string | undefined;
  types?: AuditEventType[] | undefined;
}

export interface AuditLogOptions {
  retentionDays: number;
  maxEvents: number;
  /** A failed append is reported here and never fails the request that caused it. */
  onError?: (error: unknown) => void;
}

/** At most this many stream entries are read to fill one filtered page. */
const MAX_SCANNED_PER_PAGE = 10_000;
const SCAN_BATCH = 500;

export class AuditLog {
  readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly options: AuditLogOptions,
  ) {
    this.key = `${prefix}audit`;
  }

  async record(event: AuditRecord): Promise<void> {
    const fields: string[] = ['type', event.type, 'at', new Date().toISOString()];
    const actorEmail = event.actor?.email ?? event.actorEmail;
    if (event.actor) fields.push('actorId', event.actor.id);
    if (actorEmail) fields.push('actorEmail', actorEmail);
    if (event.ip) fields.push('ip', event.ip);
    if (event.target) fields.push('targetType', event.target.type, 'targetId', event.target.id);
    if (event.details && Object.keys(event.details).length > 0) fields.push('details', JSON.stringify(event.details));
    const oldestKept = Date.now() - this.options.retentionDays * 86_400_000;
    try {
      await this.redis
        .multi()
        .xadd(this.key, 'MINID', String(oldestKept), '*', ...fields)
        .xtrim(this.key, 'MAXLEN', this.options.maxEvents)
        .exec();
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /**
   * Newest first. With a type filter, older entries are read in batches until the page is full,
   * the stream ends, or MAX_SCANNED_PER_PAGE entries were read; `nextBefore` continues from the
   * last entry read either way, so a sparse type pages on instead of stopping early.
   */
  async list(query: AuditListQuery): Promise<{ events: AuditEvent[]; nextBefore: string | null }> {
    const wanted = query.types && query.types.length > 0 ? new Set<string>(query.types) : undefined;
    const events: AuditEvent[] = [];
    let cursor = query.before ? `(${query.before}` : '+';
    let lastRead: string | undefined;
    let readToTheStart = false;
    let scanned = 0;
    while (events.length < query.limit && scanned < MAX_SCANNED_PER_PAGE) {
      const count = wanted ? SCAN_BATCH : query.limit - events.length;
      const entries = await this.redis.xrevrange(this.key, cursor, '-', 'COUNT', count);
      scanned += entries.length;
      for (const [id, flat] of entries) {
        lastRead = id;
        const event = toEvent(id, flat);
        if (event && (!wanted || wanted.has(event.type))) events.push(event);
        if (events.length === query.limit) break;
      }
      const pageFilledMidBatch = entries.length > 0 && lastRead !== entries.at(-1)?.[0];
      if (entries.length < count && !pageFilledMidBatch) {
        readToTheStart = true;
        break;
      }
      cursor = `(${lastRead}`;
    }
    return { events, nextBefore: readToTheStart || lastRead === undefined ? null : lastRead };
  }
}

function toEvent(id: string, flat: string[]): AuditEvent | undefined {
  const fields = new Map<string, string>();
  for (let index = 0; index + 1 < flat.length; index += 2) fields.set(flat[index]!, flat[index + 1]!);
  const type = fields.get('type');
  if (!type) return undefined;
  let details: Record<string, unknown> | null = null;
  const rawDetails = fields.get('details');
  if (rawDetails) {
    try {
      details = JSON.parse(rawDetails) as Record<string, unknown>;
    } catch {
      details = null;
    }
  }
  return {
    id,
    type: type as AuditEventType,
    at: fields.get('at') ?? new Date(Number(id.split('-')[0])).toISOString(),
    actorId: fields.get('actorId') ?? null,
    actorEmail: fields.get('actorEmail') ?? null,
    ip: fields.get('ip') ?? null,
    targetType: fields.get('targetType') ?? null,
    targetId: fields.get('targetId') ?? null,
    details,
  };
}
