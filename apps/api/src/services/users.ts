// User management for administrators: list accounts, change a role, disable and re-enable, reset
// a password, delete. Accounts live where services/auth.ts keeps them (the same Redis layout:
// `user:<id>` hash, `user-email:<email>`, the `users` sorted set, `user:<id>:keys`); the
// integration tests sign in through AuthService after every change here, so the two agree.
//
// Effects, on every replica at once (the principal cache drops the user's tokens everywhere):
// - a role change applies to the user's next request;
// - disabling refuses sign-in (403 account_disabled) and every session and API key of the user;
//   re-enabling restores them (sessions still within their lifetime, keys not revoked);
// - a password reset ends every session begun before it; API keys keep working (revoke them on
//   the keys page if they may be compromised too);
// - deleting deletes the account and everything it owns: its collections (the personal one
//   included) with their documents (records, stored files no other document shares), their
//   Chroma indexes and keyword indexes; its other documents (from before collections); its
//   conversations and its API keys; and it leaves every collection it was a member of, so no
//   members list names it any more. Documents it uploaded as an editor into someone else's
//   collection stay in that collection (its owner and editors manage them). Nothing is handed to
//   anyone else. Usage statistics stay, as totals, without the account.
import { randomBytes } from 'node:crypto';
import type { ManagedUser, Role, User } from '@switchyard/client';
import { personalCollectionId } from '@switchyard/documents';
import type { Redis } from 'ioredis';
import { AppError } from '../errors';
import { BOOTSTRAP_ADMIN_ID, hashPassword, type AuthService } from './auth';
import type { CollectionService } from './collections';
import type { ConversationStore } from './conversations';
import type { DocumentService } from './documents';
import { assertStrongPassword } from './password-strength';
import type { PrincipalCache } from './principal-cache';

export interface UserAdminDeps {
  redis: Redis;
  prefix: string;
  auth: Pick<AuthService, 'getUser' | 'listApiKeys' | 'revokeApiKey'>;
  principals?: Pick<PrincipalCache, 'invalidateUser'>;
  documents: Pick<DocumentService, 'list' | 'delete'>;
  /** The account's collections and memberships go with it. */
  collections: Pick<CollectionService, 'removeUser'>;
  conversations: Pick<ConversationStore, 'list' | 'delete'>;
}

const notFound = () => new AppError('user_not_found', 404, 'user not found');

export class UserAdminService {
  constructor(private readonly deps: UserAdminDeps) {}

  private userKey = (id: string) => `${this.deps.prefix}user:${id}`;
  private emailKey = (email: string) => `${this.deps.prefix}user-email:${email}`;
  private usersKey = () => `${this.deps.prefix}users`;
  private userKeysKey = (id: string) => `${this.deps.prefix}user:${id}:keys`;

  /** Oldest first. */
  async list(): Promise<ManagedUser[]> {
    const ids = await this.deps.redis.zrange(this.usersKey(), '0', '-1');
    const users = await Promise.all(ids.map((id) => this.view(id).catch(() => undefined)));
    return users.filter((user): user is ManagedUser => user !== undefined);
  }

  async get(id: string): Promise<ManagedUser> {
    return this.view(id);
  }

  private async view(id: string): Promise<ManagedUser> {
    const user = await this.deps.auth.getUser(id);
    if (!user) throw notFound();
    const [disabledAt, documents, conversations, apiKeys] = await Promise.all([
      this.deps.redis.hget(this.userKey(id), 'disabledAt'),
      this.deps.documents.list(id),
      this.deps.conversations.list(id),
      this.deps.redis.scard(this.userKeysKey(id)),
    ]);
    return {
      ...user,
      disabled: Boolean(disabledAt),
      ...(disabledAt ? { disabledAt } : {}),
      documents: documents.length,
      conversations: conversations.length,
      apiKeys,
    };
  }

  /** Refuses what would lock everyone out or cannot be changed here. */
  private async guard(actor: User, target: User, change: { demote?: boolean; disable?: boolean; remove?: boolean }): Promise<void> {
    if (target.id === BOOTSTRAP_ADMIN_ID) {
      throw new AppError('bootstrap_admin', 409, 'this administrator is the ADMIN_API_KEY account; change or remove ADMIN_API_KEY instead');
    }
    const losesAdmin = target.role === 'admin' && (change.demote || change.disable || change.remove);
    if (target.id === actor.id && (losesAdmin || change.disable || change.remove)) {
      throw new AppError('cannot_change_self', 409, 'you cannot disable, delete or demote your own account; ask another administrator');
    }
    if (losesAdmin && (await this.activeAdmins()).filter((id) => id !== target.id).length === 0) {
      throw new AppError('last_admin', 409, 'this is the last active administrator; make someone else an administrator first');
    }
  }

  /** Ids of admins who can sign in (the ADMIN_API_KEY account does not count: it may be unset). */
  private async activeAdmins(): Promise<string[]> {
    const ids = await this.deps.redis.zrange(this.usersKey(), '0', '-1');
    const pipeline = this.deps.redis.pipeline();
    for (const id of ids) pipeline.hmget(this.userKey(id), 'role', 'disabledAt');
    const replies = (await pipeline.exec()) ?? [];
    return ids.filter((id, index) => {
      const [role, disabledAt] = (replies[index]?.[1] ?? []) as (string | null)[];
      return id !== BOOTSTRAP_ADMIN_ID && role === 'admin' && !disabledAt;
    });
  }

  async update(actor: User, id: string, change: { role?: Role; disabled?: boolean }): Promise<ManagedUser> {
    const target = await this.deps.auth.getUser(id);
    if (!target) throw notFound();
    await this.guard(actor, target, { demote: change.role === 'user', disable: change.disabled === true });
    const multi = this.deps.redis.multi();
    if (change.role !== undefined) multi.hset(this.userKey(id), 'role', change.role);
    if (change.disabled === true) multi.hsetnx(this.userKey(id), 'disabledAt', new Date().toISOString());
    if (change.disabled === false) multi.hdel(this.userKey(id), 'disabledAt');
    await multi.exec();
    await this.deps.principals?.invalidateUser(id);
    return this.view(id);
  }

  /** Sets `password` (checked for strength) or a generated one, returned once; earlier sessions end. */
  async resetPassword(id: string, password?: string): Promise<{ user: ManagedUser; temporaryPassword?: string }> {
    const target = await this.deps.auth.getUser(id);
    if (!target) throw notFound();
    if (target.id === BOOTSTRAP_ADMIN_ID) throw new AppError('bootstrap_admin', 409, 'the ADMIN_API_KEY account has no password');
    const generated = password === undefined ? randomBytes(18).toString('base64url') : undefined;
    if (password !== undefined) await assertStrongPassword(password, target.email);
    const passwordHash = await hashPassword(password ?? (generated as string));
    await this.deps.redis.hset(this.userKey(id), { passwordHash, sessionsNotBefore: String(Date.now()) });
    await this.deps.principals?.invalidateUser(id);
    return { user: await this.view(id), ...(generated ? { temporaryPassword: generated } : {}) };
  }

  /**
   * Deletes the account and everything it owns (see the header). The account is disabled first,
   * so nothing new is added meanwhile; if the vector store is down the documents stay, the
   * account stays disabled, and the delete can be retried.
   */
  async remove(
    actor: User,
    id: string,
  ): Promise<{ userId: string; email: string; documents: number; collections: number; memberships: number; conversations: number; apiKeys: number }> {
    const target = await this.deps.auth.getUser(id);
    if (!target) throw notFound();
    await this.guard(actor, target, { remove: true });
    await this.deps.redis.hsetnx(this.userKey(id), 'disabledAt', new Date().toISOString());
    await this.deps.principals?.invalidateUser(id);

    const collections = await this.deps.collections.removeUser(id);
    // What is left: documents from before collections that never joined the personal one, and
    // documents uploaded into someone else's collection, which stay there.
    const gone = new Set([...collections.collections, personalCollectionId(id)]);
    const leftovers = (await this.deps.documents.list(id)).filter((document) => gone.has(document.collectionId ?? personalCollectionId(id)));
    for (const document of leftovers) await this.deps.documents.delete(id, document.id);
    const conversations = await this.deps.conversations.list(id);
    for (const conversation of conversations) await this.deps.conversations.delete(id, conversation.id);
    const apiKeys = await this.deps.auth.listApiKeys(id);
    for (const key of apiKeys) await this.deps.auth.revokeApiKey(actor, key.id);

    await this.deps.redis.multi().del(this.userKey(id), this.userKeysKey(id)).del(this.emailKey(target.email)).zrem(this.usersKey(), id).exec();
    await this.deps.principals?.invalidateUser(id);
    return {
      userId: id,
      email: target.email,
      documents: collections.documents + leftovers.length,
      collections: collections.collections.length,
      memberships: collections.memberships,
      conversations: conversations.length,
      apiKeys: apiKeys.length,
    };
  }
}
