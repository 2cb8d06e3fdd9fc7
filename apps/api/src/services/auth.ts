// Users, sessions and API keys in Redis. Passwords are scrypt hashes at OWASP's parameters
// (N=2^17, r=8, p=1), computed off the event loop and compared with timingSafeEqual; a hash made
// with older parameters is replaced on the next successful sign-in. Session tokens and API keys
// are random and stored only as their sha256, so a copy of Redis grants nothing. The first
// sign-up becomes admin; ADMIN_API_KEY from the environment maps to a bootstrap admin user
// created on first use. Sign-ins are throttled per account (login-throttle.ts) and audited.
import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';
import type { ApiKey, AuthStatus, Role, User } from '@switchyard/client';
import type { Redis } from 'ioredis';
import { AppError } from '../errors';
import type { AuditLog } from './audit';
import type { LoginThrottle } from './login-throttle';
import { assertStrongPassword } from './password-strength';
import type { Principal, PrincipalCache } from './principal-cache';

/** OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1 (128 MiB per hash). */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1, keylen: 64 } as const;
const API_KEY_PREFIX = 'sy_';
export const BOOTSTRAP_ADMIN_ID = 'bootstrap-admin';
const BOOTSTRAP_ADMIN_EMAIL = 'admin@switchyard.local';

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** scrypt needs about 128·N·r bytes; Node refuses unless maxmem allows it (its default is 32 MiB). */
const maxmemFor = ({ N, r }: ScryptParams) => 2 * 128 * N * r;

function scryptAsync(password: BinaryLike, salt: BinaryLike, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash`, the parameters stored with the hash so they can change later. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.keylen, { ...params, maxmem: maxmemFor(params) });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** The parameters of a stored hash, when they are ones we would ever compute. */
function storedParams(stored: string): (ScryptParams & { salt: Buffer; hash: Buffer }) | undefined {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const sane =
    scheme === 'scrypt' &&
    Number.isInteger(Math.log2(params.N)) &&
    params.N >= 2 ** 10 &&
    params.N <= 2 ** 20 &&
    params.r >= 1 &&
    params.r <= 32 &&
    params.p >= 1 &&
    params.p <= 16;
  if (!sane || !salt || !hash) return undefined;
  return { ...params, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = storedParams(stored);
  if (!parsed || parsed.hash.length === 0) return false;
  const actual = await scryptAsync(password, parsed.salt, parsed.hash.length, { N: parsed.N, r: parsed.r, p: parsed.p, maxmem: maxmemFor(parsed) });
  return actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
}

/** Whether a stored hash was made with other parameters than today's (rehash on the next sign-in). */
export function needsRehash(stored: string): boolean {
  const parsed = storedParams(stored);
  return !parsed || parsed.N !== SCRYPT.N || parsed.r !== SCRYPT.r || parsed.p !== SCRYPT.p || parsed.hash.length !== SCRYPT.keylen;
}

/** Replaces the hash only if it is still the one verified: a password change meanwhile wins. */
const REPLACE_HASH_SCRIPT = `
if redis.call('HGET', KEYS[1], 'passwordHash') == ARGV[1] then
  redis.call('HSET', KEYS[1], 'passwordHash', ARGV[2])
  return 1
end
return 0`;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Equal-time comparison of two secrets of any length (compares their digests). */
export function secretEquals(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

interface UserRecord extends User {
  passwordHash: string;
  /** Set while an administrator has disabled the account (services/users.ts): no sign-in, no token works. */
  disabledAt?: string;
  /** Epoch ms: sessions begun before it no longer work (an administrator reset the password). */
  sessionsNotBefore?: string;
}

interface ApiKeyRecord extends ApiKey {
  userId: string;
  hash: string;
}

export type { Principal } from './principal-cache';

// A hash to verify unknown emails against, so a login takes as long whether or not the user exists.
let dummyHash: Promise<string> | undefined;

/** Where a request came from, for the throttle and the audit trail. */
export interface RequestOrigin {
  ip?: string | undefined;
}

export interface AuthServiceOptions {
  sessionTtlSeconds: number;
  allowSignup: boolean;
  adminApiKey?: string;
  principals?: PrincipalCache;
  throttle?: LoginThrottle;
  audit?: AuditLog;
}

export class AuthService {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly opts: AuthServiceOptions,
  ) {}

  private userKey = (id: string) => `${this.prefix}user:${id}`;
  private emailKey = (email: string) => `${this.prefix}user-email:${email}`;
  private usersKey = () => `${this.prefix}users`;
  private firstAdminKey = () => `${this.prefix}first-admin`;
  private sessionKey = (hash: string) => `${this.prefix}session:${hash}`;
  private apiKeyByHashKey = (hash: string) => `${this.prefix}apikey:${hash}`;
  private apiKeyKey = (id: string) => `${this.prefix}key:${id}`;
  private userKeysKey = (userId: string) => `${this.prefix}user:${userId}:keys`;

  private async createUserRecord(email: string, password: string | undefined, role: Role, id: string = randomUUID()): Promise<User> {
    const claimed = await this.redis.set(this.emailKey(email), id, 'NX');
    if (claimed !== 'OK') throw new AppError('email_taken', 409, 'a user with this email already exists');
    const user: User = { id, email, role, createdAt: new Date().toISOString() };
    // A user without a password (the bootstrap admin) cannot log in, only use the admin key.
    const passwordHash = password ? await hashPassword(password) : '';
    try {
      await this.redis
        .multi()
        .hset(this.userKey(id), { ...user, passwordHash })
        .zadd(this.usersKey(), Date.now(), id)
        .exec();
    } catch (error) {
      await this.redis.del(this.emailKey(email)).catch(() => undefined);
      throw error;
    }
    return user;
  }

  /**
   * Self-service sign-up: the first one is admin, later ones only when sign-up is allowed. A
   * closed sign-up is refused before the password is judged; a weak password is refused (400
   * `weak_password` with feedback) before anything is written.
   */
  async signup(email: string, password: string, origin: RequestOrigin = {}): Promise<User> {
    if (!this.opts.allowSignup && (await this.redis.exists(this.firstAdminKey())) === 1) {
      throw new AppError('signup_disabled', 403, 'sign-up is closed; ask an administrator for an account');
    }
    await assertStrongPassword(password, email);
    const id: string = randomUUID();
    // Claiming the first-admin marker is atomic: two simultaneous first sign-ups make one admin.
    const first = (await this.redis.set(this.firstAdminKey(), id, 'NX')) === 'OK';
    if (!first && !this.opts.allowSignup) {
      throw new AppError('signup_disabled', 403, 'sign-up is closed; ask an administrator for an account');
    }
    let user: User;
    try {
      user = await this.createUserRecord(email, password, first ? 'admin' : 'user', id);
    } catch (error) {
      if (first) await this.redis.del(this.firstAdminKey()).catch(() => undefined);
      throw error;
    }
    await this.opts.audit?.record({ type: 'auth.signup', actor: user, ip: origin.ip, target: { type: 'user', id: user.id }, details: { role: user.role } });
    return user;
  }

  /**
   * What the sign-in page should offer: a first run until a sign-up claimed the administrator
   * (the same marker `signup` claims, so the two never disagree), and whether a sign-up would
   * be accepted now.
   */
  async status(): Promise<AuthStatus> {
    const firstRun = (await this.redis.exists(this.firstAdminKey())) === 0;
    return { firstRun, signupOpen: firstRun || this.opts.allowSignup };
  }

  /** An admin creates a user, whatever the sign-up setting; the password must be strong. */
  async createUser(actor: User, email: string, password: string, role: Role, origin: RequestOrigin = {}): Promise<User> {
    await assertStrongPassword(password, email);
    const user = await this.createUserRecord(email, password, role);
    await this.opts.audit?.record({ type: 'user.created', actor, ip: origin.ip, target: { type: 'user', id: user.id }, details: { email: user.email, role } });
    return user;
  }

  async getUser(id: string): Promise<User | undefined> {
    const record = await this.redis.hgetall(this.userKey(id));
    if (!record.id) return undefined;
    return { id: record.id, email: record.email ?? '', role: record.role === 'admin' ? 'admin' : 'user', createdAt: record.createdAt ?? '' };
  }

  /** The account with this email (lowercased as sign-up stores it), e.g. to share a collection with it. */
  async findUserByEmail(email: string): Promise<User | undefined> {
    const id = await this.redis.get(this.emailKey(email.trim().toLowerCase()));
    return id ? this.getUser(id) : undefined;
  }

  /**
   * Checks a password. Throttled per account first (429 `login_throttled` with Retry-After,
   * before any password is checked), then verified in constant work whether or not the email
   * exists. Success clears the account's backoff and upgrades an old hash; every outcome is
   * audited.
   */
  async login(email: string, password: string, origin: RequestOrigin = {}): Promise<User> {
    const waitMs = (await this.opts.throttle?.attempt(email)) ?? 0;
    if (waitMs > 0) {
      await this.opts.audit?.record({ type: 'auth.login_throttled', actorEmail: email, ip: origin.ip, details: { retryAfterSeconds: Math.ceil(waitMs / 1000) } });
      throw new AppError('login_throttled', 429, 'too many sign-in attempts for this account; wait and try again', undefined, Math.ceil(waitMs / 1000));
    }
    const id = await this.redis.get(this.emailKey(email));
    const record = id ? ((await this.redis.hgetall(this.userKey(id))) as Partial<UserRecord>) : undefined;
    const stored = record?.passwordHash || (await (dummyHash ??= hashPassword(randomUUID())));
    const ok = await verifyPassword(password, stored);
    if (!ok || !id || !record?.passwordHash) {
      const reason = !id ? 'unknown_email' : !record?.passwordHash ? 'no_password' : 'wrong_password';
      await this.opts.audit?.record({ type: 'auth.login_failed', actorEmail: email, ip: origin.ip, ...(id ? { target: { type: 'user', id } } : {}), details: { reason } });
      throw new AppError('invalid_credentials', 401, 'email or password is wrong');
    }
    if (record.disabledAt) {
      await this.opts.audit?.record({ type: 'auth.login_failed', actorEmail: email, ip: origin.ip, target: { type: 'user', id }, details: { reason: 'disabled' } });
      throw new AppError('account_disabled', 403, 'this account is disabled; ask an administrator');
    }
    await this.opts.throttle?.succeeded(email);
    if (needsRehash(record.passwordHash)) {
      await this.redis.eval(REPLACE_HASH_SCRIPT, 1, this.userKey(id), record.passwordHash, await hashPassword(password));
    }
    const user = (await this.getUser(id)) as User;
    await this.opts.audit?.record({ type: 'auth.login_succeeded', actor: user, ip: origin.ip, target: { type: 'user', id } });
    return user;
  }

  async createSession(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(this.sessionKey(sha256(token)), userId, 'EX', this.opts.sessionTtlSeconds);
    return token;
  }

  async endSession(sessionHash: string, actor?: User, origin: RequestOrigin = {}): Promise<void> {
    await this.redis.del(this.sessionKey(sessionHash));
    await this.opts.principals?.invalidate(sessionHash);
    if (actor) await this.opts.audit?.record({ type: 'auth.logout', actor, ip: origin.ip });
  }

  /**
   * Who a bearer token (session token, API key or the admin key) belongs to, if anyone. Served
   * from the process's principal cache when it can be; a miss reads Redis and fills it.
   */
  async authenticate(token: string): Promise<Principal | undefined> {
    const hash = sha256(token);
    const cache = this.opts.principals;
    const cached = cache?.get(hash);
    if (cached) return cached;
    const snapshot = cache?.snapshot() ?? 0;
    const found = await this.lookup(token, hash);
    if (found) cache?.set(hash, found.principal, snapshot, found.maxTtlMs);
    return found?.principal;
  }

  private async lookup(token: string, hash: string): Promise<{ principal: Principal; maxTtlMs?: number } | undefined> {
    if (this.opts.adminApiKey && secretEquals(token, this.opts.adminApiKey)) {
      return { principal: { user: await this.bootstrapAdmin(), via: 'admin_key' } };
    }
    if (token.startsWith(API_KEY_PREFIX)) {
      const keyId = await this.redis.get(this.apiKeyByHashKey(hash));
      if (!keyId) return undefined;
      const userId = await this.redis.hget(this.apiKeyKey(keyId), 'userId');
      const user = userId ? await this.activeUser(userId) : undefined;
      if (!user) return undefined;
      // Best effort: a failed timestamp must not fail the request. Written when the key is looked
      // up, so with the principal cache it is accurate to AUTH_CACHE_TTL_SECONDS.
      this.redis.hset(this.apiKeyKey(keyId), 'lastUsedAt', new Date().toISOString()).catch(() => undefined);
      return { principal: { user, via: 'api_key' } };
    }
    const [userId, ttlMs] = await Promise.all([this.redis.get(this.sessionKey(hash)), this.redis.pttl(this.sessionKey(hash))]);
    const user = userId ? await this.activeUser(userId, ttlMs) : undefined;
    // A cached session must not outlive the session itself.
    return user ? { principal: { user, via: 'session', sessionHash: hash }, maxTtlMs: ttlMs } : undefined;
  }

  /**
   * The user a token belongs to, unless an administrator disabled the account or, for a session
   * with `sessionTtlLeftMs` to live, reset the password after the session began.
   */
  private async activeUser(id: string, sessionTtlLeftMs?: number): Promise<User | undefined> {
    const [disabledAt, notBefore] = await this.redis.hmget(this.userKey(id), 'disabledAt', 'sessionsNotBefore');
    if (disabledAt) return undefined;
    if (notBefore && sessionTtlLeftMs !== undefined && sessionTtlLeftMs > 0) {
      const startedAt = Date.now() - (this.opts.sessionTtlSeconds * 1000 - sessionTtlLeftMs);
      if (startedAt < Number(notBefore)) return undefined;
    }
    return this.getUser(id);
  }

  private async bootstrapAdmin(): Promise<User> {
    const existing = await this.getUser(BOOTSTRAP_ADMIN_ID);
    if (existing) return existing;
    try {
      return await this.createUserRecord(BOOTSTRAP_ADMIN_EMAIL, undefined, 'admin', BOOTSTRAP_ADMIN_ID);
    } catch (error) {
      // Another request (or replica) created it meanwhile.
      const created = await this.getUser(BOOTSTRAP_ADMIN_ID);
      if (created) return created;
      throw error;
    }
  }

  // ---------------------------------------------------------------------------------------
  // API keys

  async createApiKey(userId: string, name: string, audited?: { actor: User; origin: RequestOrigin }): Promise<{ apiKey: ApiKey; key: string }> {
    const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const hash = sha256(key);
    const apiKey: ApiKey = { id: randomUUID(), name, prefix: key.slice(0, 10), createdAt: new Date().toISOString(), lastUsedAt: null };
    await this.redis
      .multi()
      .hset(this.apiKeyKey(apiKey.id), { id: apiKey.id, name, prefix: apiKey.prefix, createdAt: apiKey.createdAt, userId, hash })
      .set(this.apiKeyByHashKey(hash), apiKey.id)
      .sadd(this.userKeysKey(userId), apiKey.id)
      .exec();
    if (audited) {
      await this.opts.audit?.record({ type: 'key.created', actor: audited.actor, ip: audited.origin.ip, target: { type: 'key', id: apiKey.id }, details: { name, prefix: apiKey.prefix, ownerId: userId } });
    }
    return { apiKey, key };
  }

  async listApiKeys(userId: string): Promise<ApiKey[]> {
    const ids = await this.redis.smembers(this.userKeysKey(userId));
    const keys = await Promise.all(ids.map((id) => this.getApiKeyRecord(id)));
    return keys
      .filter((key): key is ApiKeyRecord => key !== undefined)
      .map(({ id, name, prefix, createdAt, lastUsedAt }) => ({ id, name, prefix, createdAt, lastUsedAt }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /**
   * The keys of `userId` as `actor` may see them: anyone lists their own; only an admin lists
   * another user's (403 otherwise, before the user is even looked up, so a plain user learns
   * nothing about who exists); an unknown user is 404. Never the secret or its hash.
   */
  async listApiKeysFor(actor: User, userId: string = actor.id): Promise<ApiKey[]> {
    if (userId === actor.id) return this.listApiKeys(actor.id);
    if (actor.role !== 'admin') throw new AppError('forbidden', 403, "only an administrator may list another user's keys");
    if (!(await this.getUser(userId))) throw new AppError('user_not_found', 404, 'user not found');
    return this.listApiKeys(userId);
  }

  private async getApiKeyRecord(id: string): Promise<ApiKeyRecord | undefined> {
    const record = await this.redis.hgetall(this.apiKeyKey(id));
    if (!record.id || !record.userId || !record.hash) return undefined;
    return {
      id: record.id,
      name: record.name ?? '',
      prefix: record.prefix ?? '',
      createdAt: record.createdAt ?? '',
      lastUsedAt: record.lastUsedAt ?? null,
      userId: record.userId,
      hash: record.hash,
    };
  }

  /** Revokes a key of the user, or any key when the actor is an admin. Another user's key is "not found". */
  async revokeApiKey(actor: User, id: string, origin: RequestOrigin = {}): Promise<void> {
    const record = await this.getApiKeyRecord(id);
    if (!record || (record.userId !== actor.id && actor.role !== 'admin')) {
      throw new AppError('api_key_not_found', 404, 'api key not found');
    }
    await this.redis.multi().del(this.apiKeyKey(id)).del(this.apiKeyByHashKey(record.hash)).srem(this.userKeysKey(record.userId), id).exec();
    await this.opts.principals?.invalidate(record.hash);
    await this.opts.audit?.record({ type: 'key.revoked', actor, ip: origin.ip, target: { type: 'key', id }, details: { name: record.name, prefix: record.prefix, ownerId: record.userId } });
  }
}
