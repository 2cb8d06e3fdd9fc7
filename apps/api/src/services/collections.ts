// Collections and who may do what in them. Every check reads Redis (a collection's owner and the
// caller's membership: one round trip), on every request and before anything is cached or
// answered, so a member who leaves or is removed loses access on their next request on every
// replica. Rules: a viewer searches and chats over a collection and reads its documents; an editor
// also uploads, changes and deletes documents; the owner also shares, renames and deletes it. An
// administrator has owner rights on every collection. A collection the caller cannot read is "not
// found" (404), never "forbidden", so its existence cannot be probed; one they can read but not
// change answers 403.
import { resourceIdSchema, type Collection, type CollectionAccess, type CollectionMemberRole, type User } from '@switchyard/client';
import {
  accessAllows,
  collectionOf,
  CollectionRepository,
  enqueueIndexRebuild,
  personalCollectionId,
  type CollectionRecord,
  type DocumentRecord,
  type DocumentRepository,
  type BlobStore,
  type IndexState,
} from '@switchyard/documents';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppError, notFound } from '../errors';

export interface CollectionServiceDeps {
  redis: Redis;
  prefix: string;
  documents: DocumentRepository;
  /** Who a member is (their email, whether the account exists). */
  users: { getUser(id: string): Promise<User | undefined>; findUserByEmail(email: string): Promise<User | undefined> };
  /** Where rebuilds of an index are queued (documents from before collections move into theirs). */
  indexQueue?: Queue;
  /** The embedder of new indexes (the id rebuild jobs are named by). */
  embedder: { id: string; dimensions: number };
  /** Where deleted documents' files and pending jobs are. */
  blobs: Pick<BlobStore, 'delete'>;
  ingestQueue: Pick<Queue, 'getJob'>;
  /** Deletes a collection's indexes and keyword index (CollectionSearch.dropIndexes). */
  dropIndexes: (collection: CollectionRecord, documents: DocumentRecord[], index: IndexState) => Promise<void>;
}

/** What the caller may do in a collection; undefined: nothing (it is "not found" to them). */
export interface CollectionGrant {
  access: CollectionAccess;
  /** Granted because the caller is an administrator, not as owner or member. */
  viaAdmin: boolean;
}

const forbidden = (action: string) => new AppError('forbidden', 403, `you may not ${action} in this collection`);

export class CollectionService {
  readonly repo: CollectionRepository;

  constructor(private readonly deps: CollectionServiceDeps) {
    this.repo = new CollectionRepository(deps.redis, deps.prefix);
  }

  /** What the user may do in the collection, read from Redis now. */
  async grantOf(user: Pick<User, 'id' | 'role'>, collectionId: string): Promise<CollectionGrant | undefined> {
    // An id that cannot exist is simply not found (and never names another Redis key).
    if (!resourceIdSchema.safeParse(collectionId).success) return undefined;
    const access = await this.repo.accessOf(user.id, collectionId);
    if (access) return { access, viaAdmin: false };
    if (user.role === 'admin' && (await this.repo.get(collectionId))) return { access: 'owner', viaAdmin: true };
    // A personal collection exists as soon as it is named: its owner may use it before first use.
    if (collectionId === personalCollectionId(user.id)) {
      await this.ensurePersonal(user.id);
      return { access: 'owner', viaAdmin: false };
    }
    return undefined;
  }

  /** Throws 404 unless the user can read the collection, 403 unless they may do `needed` in it. */
  async require(user: Pick<User, 'id' | 'role'>, collectionId: string, needed: CollectionAccess, action = 'do this'): Promise<CollectionGrant> {
    const grant = await this.grantOf(user, collectionId);
    if (!grant) throw notFound('collection');
    if (!accessAllows(grant.access, needed)) throw forbidden(action);
    return grant;
  }

  /**
   * The collections a search or chat covers: the ones named (each must be readable, or 404), or by
   * default every collection the user owns or is a member of (administrators too: they name others
   * explicitly).
   */
  async readableScope(user: Pick<User, 'id' | 'role'>, requested?: string[]): Promise<string[]> {
    if (requested === undefined) return this.ownIds(user.id);
    const unique = [...new Set(requested)];
    await Promise.all(unique.map((id) => this.require(user, id, 'viewer')));
    return unique;
  }

  /** The collections the user owns or is a member of, their personal one included (created on first use). */
  async ownIds(userId: string): Promise<string[]> {
    const ids = await this.repo.idsOf(userId);
    const personal = personalCollectionId(userId);
    if (!ids.includes(personal)) {
      await this.ensurePersonal(userId);
      ids.push(personal);
    }
    return ids;
  }

  /** As ownIds, with each collection's index state, in one round trip once the personal collection exists. */
  async ownScope(userId: string): Promise<{ ids: string[]; states: IndexState[] }> {
    const scope = await this.repo.idsWithIndexStates(userId);
    const personal = personalCollectionId(userId);
    if (!scope.ids.includes(personal)) {
      await this.ensurePersonal(userId);
      scope.ids.push(personal);
      // Documents from before collections may have given it an index (the old shared one).
      scope.states.push(await this.repo.indexState(personal));
    }
    return scope;
  }

  /**
   * The user's personal collection, created on first use. Their documents from before collections
   * join it; their chunks stay in the old shared index, which keeps answering for the collection
   * until a rebuild (queued here) has copied them into the collection's own index.
   */
  async ensurePersonal(userId: string, { queueMove = true } = {}): Promise<CollectionRecord> {
    const { collection, created } = await this.repo.ensurePersonal(userId);
    if (created) {
      const adopted = await this.deps.documents.adoptIntoPersonal(userId);
      if (adopted.length > 0) {
        const state = await this.repo.indexState(collection.id);
        if (!state.serving) {
          await this.repo.setServingIndex(collection.id, { embedder: this.deps.embedder.id, dimensions: this.deps.embedder.dimensions, legacyOwnerId: userId });
        }
        if (queueMove && this.deps.indexQueue) await enqueueIndexRebuild(this.deps.indexQueue, { collectionId: collection.id }, this.deps.embedder.id);
      }
    }
    return collection;
  }

  /** The collections the user can see: their own and memberships; an administrator sees every one. */
  async list(user: User): Promise<Collection[]> {
    const own = await this.ownIds(user.id);
    const ids = user.role === 'admin' ? [...new Set([...own, ...(await this.repo.allIds())])] : own;
    const records = await this.repo.getMany(ids);
    const ownSet = new Set(own);
    const views = await this.describe(records, user, (record) => (ownSet.has(record.id) ? undefined : true));
    // Personal first, then by name.
    return views.sort((a, b) => Number(b.personal && b.ownerId === user.id) - Number(a.personal && a.ownerId === user.id) || a.name.localeCompare(b.name));
  }

  async get(user: User, id: string): Promise<Collection> {
    const grant = await this.require(user, id, 'viewer');
    const record = await this.repo.get(id);
    if (!record) throw notFound('collection');
    const [view] = await this.describe([record], user, () => grant.viaAdmin || undefined);
    return view as Collection;
  }

  async create(user: User, name: string): Promise<Collection> {
    const record = await this.repo.create({ name, ownerId: user.id });
    return this.get(user, record.id);
  }

  async rename(user: User, id: string, name: string): Promise<Collection> {
    await this.require(user, id, 'owner', 'rename it');
    if (!(await this.repo.rename(id, name))) throw notFound('collection');
    return this.get(user, id);
  }

  /**
   * Deletes the collection with its documents (records, files, pending jobs), its indexes and its
   * keyword index. A personal collection cannot be deleted (uploads go there by default).
   */
  async delete(user: User, id: string): Promise<void> {
    await this.require(user, id, 'owner', 'delete it');
    const record = await this.repo.get(id);
    if (!record) throw notFound('collection');
    if (record.personal) throw new AppError('personal_collection', 409, 'a personal collection cannot be deleted; delete its documents instead');
    await this.destroy(record);
  }

  /**
   * What a deleted account leaves in collections: every collection it owns (its personal one
   * included) goes with its documents, files, indexes and keyword index, and it stops being a
   * member of anyone else's (their members list no longer names it). Documents it uploaded as an
   * editor into someone else's collection stay there: they are part of that collection, which its
   * owner and editors keep managing. Returns how many collections went and how many memberships
   * ended, and the ids of the collections deleted.
   */
  async removeUser(userId: string): Promise<{ collections: string[]; documents: number; memberships: number }> {
    // Documents from before collections join the personal collection first (without queuing
    // their move into its own index), so deleting it takes their chunks from the old shared index too.
    await this.ensurePersonal(userId, { queueMove: false });
    const records = await this.repo.getMany(await this.repo.idsOf(userId));
    const owned = records.filter((record) => record.ownerId === userId);
    let documents = 0;
    let memberships = 0;
    for (const record of records) {
      if (record.ownerId === userId) continue;
      if (await this.repo.removeMember(record.id, userId)) memberships += 1;
    }
    for (const record of owned) documents += await this.destroy(record);
    await this.repo.forgetUser(userId);
    return { collections: owned.map((record) => record.id), documents, memberships };
  }

  /** Deletes a collection with its documents (records, files, pending jobs), its indexes and its keyword index; returns how many documents went. */
  private async destroy(record: CollectionRecord): Promise<number> {
    const { id } = record;
    const [documents, index, readers] = await Promise.all([this.deps.documents.listCollection(id), this.repo.indexState(id), this.repo.readers(id)]);
    // The indexes first: if the vector store is down nothing is deleted and the owner can retry.
    await this.deps.dropIndexes(record, documents, index);
    for (const document of documents) {
      const job = await this.deps.ingestQueue.getJob(document.id);
      // An active job holds a lock and cannot be removed; the worker finds the record gone.
      if (job) await job.remove().catch(() => undefined);
      const deleted = await this.deps.documents.remove(document);
      if (deleted.blobUnused) await this.deps.blobs.delete(deleted.blobKey).catch(() => undefined);
    }
    await this.repo.delete(id);
    await this.bumpCorpus(readers);
    return documents.length;
  }

  /** Adds a member or changes their role (owner). The owner is never a member of their own collection. */
  async addMember(user: User, id: string, target: { userId?: string | undefined; email?: string | undefined }, role: CollectionMemberRole): Promise<Collection> {
    await this.require(user, id, 'owner', 'share it');
    const member = target.userId !== undefined ? await this.deps.users.getUser(target.userId) : await this.deps.users.findUserByEmail(target.email ?? '');
    if (!member) throw notFound('user');
    const record = await this.repo.get(id);
    if (!record) throw notFound('collection');
    if (member.id === record.ownerId) throw new AppError('already_owner', 409, 'the owner already has every right in their collection');
    await this.repo.setMember(id, member.id, role);
    await this.bumpCorpus([member.id]);
    return this.get(user, id);
  }

  /** The owner removes a member, or a member leaves. Takes effect on their next request, on every replica. */
  async removeMember(user: User, id: string, memberId: string): Promise<void> {
    if (memberId !== user.id) await this.require(user, id, 'owner', 'remove members');
    else await this.require(user, id, 'viewer');
    if (!(await this.repo.removeMember(id, memberId))) throw notFound('member');
    await this.bumpCorpus([memberId]);
  }

  // Documents -------------------------------------------------------------------------------------

  /**
   * The document if the user may do `needed` in its collection: 404 when they cannot read it (or it
   * does not exist), 403 when they can read it but not do that.
   */
  async document(user: Pick<User, 'id' | 'role'>, documentId: string, needed: CollectionAccess, action = 'change documents'): Promise<DocumentRecord> {
    if (!resourceIdSchema.safeParse(documentId).success) throw notFound('document');
    const record = await this.deps.documents.getAny(documentId);
    if (!record) throw notFound('document');
    const grant = await this.grantOf(user, collectionOf(record));
    if (!grant) throw notFound('document');
    if (!accessAllows(grant.access, needed)) throw forbidden(action);
    return record;
  }

  /** The documents of one collection the user can read, or of every collection they own or are in. */
  async documents(user: Pick<User, 'id' | 'role'>, collectionId?: string): Promise<DocumentRecord[]> {
    if (collectionId !== undefined) await this.require(user, collectionId, 'viewer');
    const ids = collectionId === undefined ? await this.ownIds(user.id) : [collectionId];
    const lists = await Promise.all(ids.map((id) => this.deps.documents.listCollection(id)));
    return lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Their cached answers were keyed on what they could read: make those entries unreachable. */
  private async bumpCorpus(userIds: string[]): Promise<void> {
    await Promise.all(userIds.map((userId) => this.deps.documents.bumpCorpusVersion(userId)));
  }

  private async describe(records: CollectionRecord[], user: User, viaAdminOf: (record: CollectionRecord) => true | undefined): Promise<Collection[]> {
    const ids = records.map((record) => record.id);
    const [counts, states, memberLists, accesses] = await Promise.all([
      this.repo.documentCounts(ids),
      this.repo.indexStates(ids),
      Promise.all(ids.map((id) => this.repo.members(id))),
      Promise.all(ids.map((id) => this.repo.accessOf(user.id, id))),
    ]);
    const userIds = [...new Set([...records.map((record) => record.ownerId), ...memberLists.flat().map((member) => member.userId)])];
    const emails = new Map((await Promise.all(userIds.map((id) => this.deps.users.getUser(id)))).flatMap((found) => (found ? [[found.id, found.email] as const] : [])));
    return records.map((record, index): Collection => {
      const state = states[index] ?? {};
      const building = state.building;
      const viaAdmin = viaAdminOf(record) === true && accesses[index] === undefined;
      return {
        id: record.id,
        name: record.name,
        ownerId: record.ownerId,
        ...(emails.has(record.ownerId) ? { ownerEmail: emails.get(record.ownerId) } : {}),
        personal: record.personal,
        access: accesses[index] ?? 'owner',
        ...(viaAdmin ? { viaAdmin: true } : {}),
        documents: counts[index] ?? 0,
        members: (memberLists[index] ?? []).map((member) => ({ ...member, ...(emails.has(member.userId) ? { email: emails.get(member.userId) } : {}) })),
        index: {
          embedder: state.serving ? state.serving.embedder : null,
          ...(building
            ? {
                reindex: {
                  embedder: building.embedder,
                  doneDocuments: building.doneDocuments,
                  totalDocuments: building.totalDocuments,
                  progress: building.totalDocuments === 0 ? 0 : Math.min(100, Math.round((100 * building.doneDocuments) / building.totalDocuments)),
                },
              }
            : {}),
        },
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
      };
    });
  }
}
