// Document records in Redis: what the API lists and the worker updates while it ingests.
// Every change is also published, so the API can stream status and progress as SSE.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { CollectionRepository, personalCollectionId } from './collections';

export const sensitivitySchema = z.enum(['public', 'internal', 'confidential']);
export type Sensitivity = z.infer<typeof sensitivitySchema>;

export const documentStatusSchema = z.enum(['queued', 'processing', 'ready', 'failed']);
export type DocumentStatus = z.infer<typeof documentStatusSchema>;

/**
 * Why a document has its label, by finding kind (the shape of @switchyard/router's LabelReason):
 * never the values found, only what kind of thing, how often and in which chunks.
 */
export const labelReasonSchema = z.object({
  kind: z.string(),
  sensitivity: sensitivitySchema,
  what: z.string(),
  scope: z.enum(['document', 'chunks']),
  count: z.number().int().nonnegative(),
  chunks: z.array(z.number().int().nonnegative()),
});
export type LabelReason = z.infer<typeof labelReasonSchema>;

/** Who set a document's label by hand, and when. */
export const labelSetBySchema = z.object({ userId: z.string(), at: z.string() });
export type LabelSetBy = z.infer<typeof labelSetBySchema>;

/** A structured field: JSON text in the Redis hash, the value itself in a published record. */
const jsonField = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value; // fails the schema below with a clear message
    }
  }, schema);

export const documentRecordSchema = z.object({
  id: z.string(),
  ownerId: z.string(),
  /** The collection it belongs to; absent on documents from before collections: the owner's personal one. */
  collectionId: z.string().optional(),
  title: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.coerce.number(),
  blobKey: z.string(),
  status: documentStatusSchema,
  progress: z.coerce.number(),
  chunks: z.coerce.number(),
  sensitivity: sensitivitySchema,
  /** The label the uploader or, later, the owner declared: a floor for every chunk. */
  declaredSensitivity: sensitivitySchema.optional(),
  /** Why the document has its label (set by the worker, kept up to date when the owner relabels). */
  labelReasons: jsonField(z.array(labelReasonSchema)).optional(),
  /** Present once the owner has set the label (PATCH /api/documents/:id). */
  labelSetBy: jsonField(labelSetBySchema).optional(),
  /** Set by the worker for each ingest run; chunks of other versions are leftovers. */
  version: z.string().optional(),
  error: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentRecord = z.infer<typeof documentRecordSchema>;

export type NewDocument = Pick<DocumentRecord, 'ownerId' | 'title' | 'filename' | 'mime' | 'size' | 'blobKey'> & {
  declaredSensitivity?: Sensitivity;
  /** Default: the owner's personal collection. */
  collectionId?: string;
};

/** The collection a document belongs to (documents from before collections: the owner's personal one). */
export const collectionOf = (record: Pick<DocumentRecord, 'collectionId' | 'ownerId'>): string => record.collectionId ?? personalCollectionId(record.ownerId);

export type DocumentPatch = Partial<
  Pick<DocumentRecord, 'status' | 'progress' | 'chunks' | 'sensitivity' | 'declaredSensitivity' | 'labelReasons' | 'labelSetBy' | 'version' | 'error' | 'title'>
>;

export class DocumentRepository {
  private readonly collections: CollectionRepository;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    this.collections = new CollectionRepository(redis, prefix);
  }

  private docKey = (id: string) => `${this.prefix}doc:${id}`;
  private ownerKey = (ownerId: string) => `${this.prefix}owner:${ownerId}:docs`;
  /**
   * The owner's corpus version: changes whenever the searchable corpus changes. Part of the answer
   * cache key; the API reads it together with a cache entry.
   */
  corpusKey = (ownerId: string) => `${this.prefix}owner:${ownerId}:corpus`;
  private refsKey = (blobKey: string) => `${this.prefix}blob:${blobKey}:refs`;
  /** Pub/sub channel carrying a document's record after each change. */
  eventsChannel = (id: string) => `${this.prefix}doc-events:${id}`;

  async create(input: NewDocument): Promise<DocumentRecord> {
    const now = new Date().toISOString();
    const record: DocumentRecord = {
      ...input,
      collectionId: input.collectionId ?? personalCollectionId(input.ownerId),
      id: randomUUID(),
      status: 'queued',
      progress: 0,
      chunks: 0,
      sensitivity: input.declaredSensitivity ?? 'public',
      createdAt: now,
      updatedAt: now,
    };
    await this.redis
      .multi()
      .hset(this.docKey(record.id), toHash(record))
      .zadd(this.ownerKey(record.ownerId), Date.parse(now), record.id)
      .zadd(this.collections.documentsKey(collectionOf(record)), Date.parse(now), record.id)
      .sadd(this.refsKey(record.blobKey), record.id)
      .exec();
    return record;
  }

  /** The record, or undefined when it does not exist or belongs to someone else. */
  async get(ownerId: string, id: string): Promise<DocumentRecord | undefined> {
    const record = await this.getAny(id);
    return record?.ownerId === ownerId ? record : undefined;
  }

  /** The record whatever its owner; for the worker, which acts on the owner's behalf. */
  async getAny(id: string): Promise<DocumentRecord | undefined> {
    const hash = await this.redis.hgetall(this.docKey(id));
    if (!hash.id) return undefined;
    return documentRecordSchema.parse(hash);
  }

  /** The documents the owner uploaded, newest first. */
  async list(ownerId: string): Promise<DocumentRecord[]> {
    const ids = await this.redis.zrevrange(this.ownerKey(ownerId), 0, -1);
    return (await this.getMany(ids)).filter((record) => record.ownerId === ownerId);
  }

  /** The documents of a collection, newest first. */
  async listCollection(collectionId: string): Promise<DocumentRecord[]> {
    const ids = await this.collections.documentIds(collectionId);
    return (await this.getMany(ids)).filter((record) => collectionOf(record) === collectionId);
  }

  private async getMany(ids: string[]): Promise<DocumentRecord[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.docKey(id));
    const results = (await pipeline.exec()) ?? [];
    return results
      .map(([, hash]) => hash as Record<string, string>)
      .filter((hash) => hash.id && hash.ownerId)
      .map((hash) => documentRecordSchema.parse(hash));
  }

  /**
   * Documents from before collections (no collectionId) join the owner's personal collection.
   * Returns those that moved; their chunks are still in the old shared index (see IndexState).
   */
  async adoptIntoPersonal(ownerId: string): Promise<DocumentRecord[]> {
    const collectionId = personalCollectionId(ownerId);
    const orphans = (await this.list(ownerId)).filter((record) => record.collectionId === undefined);
    if (orphans.length === 0) return [];
    const transaction = this.redis.multi();
    for (const record of orphans) {
      transaction.hset(this.docKey(record.id), 'collectionId', collectionId);
      transaction.zadd(this.collections.documentsKey(collectionId), Date.parse(record.createdAt) || Date.now(), record.id);
    }
    await transaction.exec();
    return orphans.map((record) => ({ ...record, collectionId }));
  }

  /**
   * Applies a patch to an existing record and publishes the result. Returns undefined (and
   * writes nothing) when the document was deleted meanwhile.
   */
  async update(id: string, patch: DocumentPatch): Promise<DocumentRecord | undefined> {
    const key = this.docKey(id);
    const fields = toHash({ ...patch, updatedAt: new Date().toISOString() });
    // Only touch a record that still exists: a delete racing the worker must win.
    const written = await this.redis.eval(
      "if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], unpack(ARGV)) return 1 end return 0",
      1,
      key,
      ...Object.entries(fields).flat(),
    );
    if (written !== 1) return undefined;
    if (patch.error === undefined && patch.status && patch.status !== 'failed') await this.redis.hdel(key, 'error');
    const record = await this.getAny(id);
    if (record) {
      if (patch.status === 'ready') await this.bumpCollectionCorpus(collectionOf(record), record.ownerId);
      await this.redis.publish(this.eventsChannel(id), JSON.stringify(record));
    }
    return record;
  }

  /**
   * Removes the record. Returns it with `blobUnused` telling whether no other document
   * shares its (content-addressed) blob, so the caller can delete the bytes.
   */
  async delete(ownerId: string, id: string): Promise<(DocumentRecord & { blobUnused: boolean }) | undefined> {
    const record = await this.get(ownerId, id);
    if (!record) return undefined;
    return this.remove(record);
  }

  /** Removes a record whatever its owner (access was checked by the caller: an editor of its collection). */
  async remove(record: DocumentRecord): Promise<DocumentRecord & { blobUnused: boolean }> {
    const { id, ownerId } = record;
    const results = await this.redis
      .multi()
      .del(this.docKey(id))
      .zrem(this.ownerKey(ownerId), id)
      .srem(this.refsKey(record.blobKey), id)
      .scard(this.refsKey(record.blobKey))
      .incr(this.corpusKey(ownerId))
      .zrem(this.collections.documentsKey(collectionOf(record)), id)
      .exec();
    await this.bumpCollectionCorpus(collectionOf(record));
    const remainingRefs = Number(results?.[3]?.[1] ?? 1);
    await this.redis.publish(this.eventsChannel(id), JSON.stringify({ ...record, status: 'failed', error: 'document deleted' }));
    return { ...record, blobUnused: remainingRefs === 0 };
  }

  async bumpCorpusVersion(ownerId: string): Promise<void> {
    await this.redis.incr(this.corpusKey(ownerId));
  }

  /**
   * The corpus of everyone who reads the collection changed (a document became ready, changed or
   * went): their cached answers keyed on the old version become unreachable.
   */
  async bumpCollectionCorpus(collectionId: string, alsoUserId?: string): Promise<void> {
    const readers = new Set(await this.collections.readers(collectionId));
    if (alsoUserId) readers.add(alsoUserId);
    const pipeline = this.redis.pipeline();
    for (const userId of readers) pipeline.incr(this.corpusKey(userId));
    await pipeline.exec();
  }
}

/** Redis hash fields are strings: structured values (label reasons) are stored as JSON. */
function toHash(values: Record<string, unknown>): Record<string, string> {
  const hash: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) hash[key] = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  }
  return hash;
}
