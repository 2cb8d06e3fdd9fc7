// Collection records in Redis: a named set of documents with an owner and members (viewer, editor),
// and the state of its search index. Every user has a personal collection whose id is derived from
// the user id, so it can be named before it exists and is created on first use.
//
// Keys (under the Redis prefix):
//   collection:<id>            hash: id, name, ownerId, personal, createdAt, updatedAt
//   collection:<id>:members    hash: userId -> viewer | editor (the owner is not a member)
//   collection:<id>:docs       sorted set of document ids by creation time
//   collection:<id>:index      hash: which index serves searches, and the one being built (re-index)
//   collections-of:<userId>    set of the collections a user owns or is a member of
//   collections                sorted set of every collection id by creation time (administrators)
//
// Access is read from Redis on every request (roleOf, memberships): a removed member loses access
// on the next request on every replica, with nothing cached in a process to invalidate.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';

export const memberRoleSchema = z.enum(['viewer', 'editor']);
export type MemberRole = z.infer<typeof memberRoleSchema>;

/** What a user may do in a collection: viewer < editor < owner. */
export type CollectionAccess = MemberRole | 'owner';
const ACCESS_ORDER: readonly CollectionAccess[] = ['viewer', 'editor', 'owner'];

/** Whether `granted` allows what `needed` allows. */
export function accessAllows(granted: CollectionAccess | undefined, needed: CollectionAccess): boolean {
  return granted !== undefined && ACCESS_ORDER.indexOf(granted) >= ACCESS_ORDER.indexOf(needed);
}

export const collectionRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  ownerId: z.string(),
  /** The owner's personal collection: cannot be deleted (it is where uploads go by default). */
  personal: z.preprocess((value) => value === true || value === '1', z.boolean()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CollectionRecord = z.infer<typeof collectionRecordSchema>;

export interface CollectionMember {
  userId: string;
  role: MemberRole;
}

/** A search index of a collection: the embedder its vectors come from. */
export const indexRefSchema = z.object({
  embedder: z.string().min(1),
  dimensions: z.coerce.number().int().positive(),
  /**
   * Set for an index of the days before collections: the one shared index of the embedder,
   * filtered by this owner. Searches use it until the collection's own index is built.
   */
  legacyOwnerId: z.string().optional(),
});
export type IndexRef = z.infer<typeof indexRefSchema>;

/** Which index answers searches, and the one being built to replace it (re-index). */
export interface IndexState {
  /** Undefined until the first chunk is written: a collection with no index has nothing to search. */
  serving?: IndexRef;
  building?: IndexRef & { totalDocuments: number; doneDocuments: number; startedAt: string };
}

export const PERSONAL_COLLECTION_PREFIX = 'personal-';
/** The id of a user's personal collection (a valid path id for any user id). */
export const personalCollectionId = (userId: string): string => `${PERSONAL_COLLECTION_PREFIX}${userId}`;

export const sameIndex = (a: IndexRef | undefined, b: IndexRef | undefined): boolean =>
  a !== undefined && b !== undefined && a.embedder === b.embedder && a.dimensions === b.dimensions && a.legacyOwnerId === b.legacyOwnerId;

export class CollectionRepository {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key = (id: string) => `${this.prefix}collection:${id}`;
  private membersKey = (id: string) => `${this.prefix}collection:${id}:members`;
  private docsKey = (id: string) => `${this.prefix}collection:${id}:docs`;
  private indexKey = (id: string) => `${this.prefix}collection:${id}:index`;
  private userKey = (userId: string) => `${this.prefix}collections-of:${userId}`;
  private allKey = () => `${this.prefix}collections`;

  async create(input: { name: string; ownerId: string }): Promise<CollectionRecord> {
    return (await this.insert({ id: randomUUID(), name: input.name, ownerId: input.ownerId, personal: false })).collection;
  }

  /** The user's personal collection, created on first use (concurrent first uses create one). */
  async ensurePersonal(userId: string, name = 'Personal'): Promise<{ collection: CollectionRecord; created: boolean }> {
    const id = personalCollectionId(userId);
    const existing = await this.get(id);
    if (existing) return { collection: existing, created: false };
    return this.insert({ id, name, ownerId: userId, personal: true });
  }

  private async insert(fields: Pick<CollectionRecord, 'id' | 'name' | 'ownerId' | 'personal'>): Promise<{ collection: CollectionRecord; created: boolean }> {
    const now = new Date().toISOString();
    const record: CollectionRecord = { ...fields, createdAt: now, updatedAt: now };
    // One script: two first uses of a personal collection create it once, and a reader never
    // sees half a record.
    const created = await this.redis.eval(
      `if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
       redis.call('HSET', KEYS[1], unpack(ARGV, 3))
       redis.call('SADD', KEYS[2], ARGV[1])
       redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
       return 1`,
      3,
      this.key(record.id),
      this.userKey(record.ownerId),
      this.allKey(),
      record.id,
      String(Date.parse(now)),
      ...Object.entries({ ...record, personal: record.personal ? '1' : '0' }).flat(),
    );
    if (created === 1) return { collection: record, created: true };
    const existing = await this.get(record.id);
    if (!existing) throw new Error(`collection ${record.id} exists but could not be read`);
    return { collection: existing, created: false };
  }

  async get(id: string): Promise<CollectionRecord | undefined> {
    const hash = await this.redis.hgetall(this.key(id));
    if (!hash.id || !hash.ownerId) return undefined;
    return collectionRecordSchema.parse(hash);
  }

  async getMany(ids: string[]): Promise<CollectionRecord[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.key(id));
    const results = (await pipeline.exec()) ?? [];
    return results.map(([, hash]) => hash as Record<string, string>).flatMap((hash) => (hash.id && hash.ownerId ? [collectionRecordSchema.parse(hash)] : []));
  }

  async rename(id: string, name: string): Promise<CollectionRecord | undefined> {
    const written = await this.redis.eval(
      "if redis.call('HEXISTS', KEYS[1], 'ownerId') == 1 then redis.call('HSET', KEYS[1], 'name', ARGV[1], 'updatedAt', ARGV[2]) return 1 end return 0",
      1,
      this.key(id),
      name,
      new Date().toISOString(),
    );
    return written === 1 ? this.get(id) : undefined;
  }

  /**
   * Removes the collection, its memberships and its document list (the caller deletes the
   * documents and the index first). Returns the users who could read it.
   */
  async delete(id: string): Promise<{ readers: string[] } | undefined> {
    const record = await this.get(id);
    if (!record) return undefined;
    const members = await this.members(id);
    const readers = [record.ownerId, ...members.map((member) => member.userId)];
    const transaction = this.redis.multi().del(this.key(id), this.membersKey(id), this.docsKey(id), this.indexKey(id)).zrem(this.allKey(), id);
    for (const userId of readers) transaction.srem(this.userKey(userId), id);
    await transaction.exec();
    return { readers };
  }

  async members(id: string): Promise<CollectionMember[]> {
    const hash = await this.redis.hgetall(this.membersKey(id));
    return Object.entries(hash).flatMap(([userId, role]) => {
      const parsed = memberRoleSchema.safeParse(role);
      return parsed.success ? [{ userId, role: parsed.data }] : [];
    });
  }

  /** Adds a member or changes their role. */
  async setMember(id: string, userId: string, role: MemberRole): Promise<void> {
    await this.redis.multi().hset(this.membersKey(id), userId, role).sadd(this.userKey(userId), id).exec();
  }

  /** Removes a member; false when they were not one. */
  async removeMember(id: string, userId: string): Promise<boolean> {
    const results = await this.redis.multi().hdel(this.membersKey(id), userId).srem(this.userKey(userId), id).exec();
    return Number(results?.[0]?.[1] ?? 0) > 0;
  }

  /** Drops the user's list of collections (a deleted account: its collections and memberships are gone already). */
  async forgetUser(userId: string): Promise<void> {
    await this.redis.del(this.userKey(userId));
  }

  /** What the user may do in the collection (one round trip); undefined: nothing, or no such collection. */
  async accessOf(userId: string, id: string): Promise<CollectionAccess | undefined> {
    const results = await this.redis.pipeline().hget(this.key(id), 'ownerId').hget(this.membersKey(id), userId).exec();
    const ownerId = results?.[0]?.[1] as string | null | undefined;
    if (!ownerId) return undefined;
    if (ownerId === userId) return 'owner';
    const role = memberRoleSchema.safeParse(results?.[1]?.[1]);
    return role.success ? role.data : undefined;
  }

  /** The collections the user owns or is a member of (not those an administrator may read). */
  async idsOf(userId: string): Promise<string[]> {
    return this.redis.smembers(this.userKey(userId));
  }

  /**
   * The collections the user owns or is a member of, with the index state of each, in one round
   * trip (a search's default scope and which index answers for each collection). The script
   * declares the user's key; the collections' keys share its slot on a Redis Cluster (the
   * deployment's prefix is a hash tag), as the keyword index's scripts do.
   */
  async idsWithIndexStates(userId: string): Promise<{ ids: string[]; states: IndexState[] }> {
    const reply = (await this.redis.eval(
      `local ids = redis.call('SMEMBERS', KEYS[1])
       local out = {}
       for _, id in ipairs(ids) do
         out[#out + 1] = id
         out[#out + 1] = redis.call('HGETALL', ARGV[1] .. id .. ':index')
       end
       return out`,
      1,
      this.userKey(userId),
      `${this.prefix}collection:`,
    )) as (string | string[])[];
    const ids: string[] = [];
    const states: IndexState[] = [];
    for (let i = 0; i + 1 < reply.length; i += 2) {
      ids.push(String(reply[i]));
      const flat = (reply[i + 1] ?? []) as string[];
      const hash: Record<string, string> = {};
      for (let j = 0; j + 1 < flat.length; j += 2) hash[flat[j] as string] = flat[j + 1] as string;
      states.push(toIndexState(hash));
    }
    return { ids, states };
  }

  /** Every collection, newest first (administrators). */
  async allIds(): Promise<string[]> {
    return this.redis.zrevrange(this.allKey(), 0, -1);
  }

  /** The owner and the members: whose searches a change to the collection's documents affects. */
  async readers(id: string): Promise<string[]> {
    const [ownerId, members] = await Promise.all([this.redis.hget(this.key(id), 'ownerId'), this.redis.hkeys(this.membersKey(id))]);
    return [...(ownerId ? [ownerId] : []), ...members];
  }

  // Documents of a collection ------------------------------------------------------------------

  /** The key of the collection's document list, for a transaction of DocumentRepository. */
  documentsKey(id: string): string {
    return this.docsKey(id);
  }

  async documentIds(id: string): Promise<string[]> {
    return this.redis.zrevrange(this.docsKey(id), 0, -1);
  }

  async documentCounts(ids: string[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.zcard(this.docsKey(id));
    return ((await pipeline.exec()) ?? []).map(([, count]) => Number(count ?? 0));
  }

  // The search index -----------------------------------------------------------------------------

  async indexState(id: string): Promise<IndexState> {
    return (await this.indexStates([id]))[0] ?? {};
  }

  /** The index state of each collection, in one round trip. */
  async indexStates(ids: string[]): Promise<IndexState[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.indexKey(id));
    return ((await pipeline.exec()) ?? []).map(([, hash]) => toIndexState(hash as Record<string, string>));
  }

  /**
   * Records which index serves the collection when none does yet (the first chunk written picks
   * it). Returns the serving index, which may be another one already recorded.
   */
  async claimServingIndex(id: string, index: IndexRef): Promise<IndexRef> {
    await this.redis.eval(
      "if redis.call('HEXISTS', KEYS[1], 'servingEmbedder') == 0 then redis.call('HSET', KEYS[1], 'servingEmbedder', ARGV[1], 'servingDimensions', ARGV[2]) end return 1",
      1,
      this.indexKey(id),
      index.embedder,
      String(index.dimensions),
    );
    return (await this.indexState(id)).serving ?? index;
  }

  /** Sets the serving index outright (a legacy owner-filtered index, when migrating). */
  async setServingIndex(id: string, index: IndexRef): Promise<void> {
    await this.redis.multi().hdel(this.indexKey(id), 'servingLegacyOwnerId').hset(this.indexKey(id), servingFields(index)).exec();
  }

  async startBuilding(id: string, index: IndexRef, totalDocuments: number): Promise<void> {
    await this.redis.hset(this.indexKey(id), {
      buildingEmbedder: index.embedder,
      buildingDimensions: String(index.dimensions),
      buildingTotal: String(totalDocuments),
      buildingDone: '0',
      buildingStartedAt: new Date().toISOString(),
    });
  }

  async reportBuilding(id: string, doneDocuments: number, totalDocuments: number): Promise<void> {
    await this.redis.hset(this.indexKey(id), { buildingDone: String(doneDocuments), buildingTotal: String(totalDocuments) });
  }

  /** The index being built becomes the serving one, in one step (searches switch on their next request). */
  async finishBuilding(id: string, index: IndexRef): Promise<void> {
    await this.redis
      .multi()
      .hdel(this.indexKey(id), 'servingLegacyOwnerId', 'buildingEmbedder', 'buildingDimensions', 'buildingTotal', 'buildingDone', 'buildingStartedAt')
      .hset(this.indexKey(id), servingFields(index))
      .exec();
  }
}

function servingFields(index: IndexRef): Record<string, string> {
  return {
    servingEmbedder: index.embedder,
    servingDimensions: String(index.dimensions),
    ...(index.legacyOwnerId ? { servingLegacyOwnerId: index.legacyOwnerId } : {}),
  };
}

function toIndexState(hash: Record<string, string>): IndexState {
  const state: IndexState = {};
  if (hash.servingEmbedder && hash.servingDimensions) {
    state.serving = indexRefSchema.parse({
      embedder: hash.servingEmbedder,
      dimensions: hash.servingDimensions,
      ...(hash.servingLegacyOwnerId ? { legacyOwnerId: hash.servingLegacyOwnerId } : {}),
    });
  }
  if (hash.buildingEmbedder && hash.buildingDimensions) {
    state.building = {
      ...indexRefSchema.parse({ embedder: hash.buildingEmbedder, dimensions: hash.buildingDimensions }),
      totalDocuments: Number(hash.buildingTotal ?? 0),
      doneDocuments: Number(hash.buildingDone ?? 0),
      startedAt: hash.buildingStartedAt ?? '',
    };
  }
  return state;
}

/**
 * Where a document's chunks live, for the vector store of @switchyard/vectorstore
 * (CollectionChunkStore): the document's collection from its record, the collection's indexes
 * (serving first, then one being built) from its index state, and the first write to a collection
 * makes that index the serving one.
 */
export class CollectionDirectoryRecords {
  constructor(
    private readonly collections: CollectionRepository,
    private readonly documents: { getAny(id: string): Promise<{ collectionId?: string | undefined; ownerId: string } | undefined> },
  ) {}

  async collectionOf(documentId: string, hint?: { ownerId: string; collectionId?: string | undefined }): Promise<string | undefined> {
    const record = await this.documents.getAny(documentId);
    if (record) return record.collectionId ?? personalCollectionId(record.ownerId);
    return hint ? (hint.collectionId ?? personalCollectionId(hint.ownerId)) : undefined;
  }

  async indexesOf(collectionId: string): Promise<IndexRef[]> {
    const state = await this.collections.indexState(collectionId);
    return [...(state.serving ? [state.serving] : []), ...(state.building ? [{ embedder: state.building.embedder, dimensions: state.building.dimensions }] : [])];
  }

  async wroteTo(collectionId: string, index: IndexRef): Promise<void> {
    await this.collections.claimServingIndex(collectionId, index);
  }
}
