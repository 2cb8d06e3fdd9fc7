// Users, sessions and API keys in Redis. Passwords are scrypt hashes (node:crypto, compared with
// timingSafeEqual); session tokens and API keys are random and stored only as their sha256, so
// a copy of Redis grants nothing. The first sign-up becomes admin; ADMIN_API_KEY from the
// environment maps to a bootstrap admin user created on first use.
import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';
import type { ApiKey, AuthStatus, Role, User } from '@switchyard/client';
import type { Redis } from 'ioredis';
import { AppError } from '../errors';
import type { PrincipalCache } from './principal-cache';

const SCRYPT = { N: 16_384, r: 8, p: 1, keylen: 64 } as const;
const API_KEY_PREFIX = 'sy_';
export const BOOTSTRAP_ADMIN_ID = 'bootstrap-admin';
const BOOTSTRAP_ADMIN_EMAIL = 'admin@switchyard.local';

function scryptAsync(password: BinaryLike, salt: BinaryLike, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Equal-time comparison of two secrets of any length (compares their digests). */
export function secretEquals(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

interface UserRecord extends User {
  passwordHash: string;
}

interface ApiKeyRecord extends ApiKey {
  userId: string;
  hash: string;
}

export interface Principal {
  user: User;
  via: 'session' | 'api_key' | 'admin_key';
  /** The sha256 of the session token (logout deletes it). */
  sessionHash?: string;
}

// A hash to verify unknown emails against, so a login takes as long whether or not the user exists.
let dummyHash: Promise<string> | undefined;

export class AuthService {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly opts: { sessionTtlSeconds: number; allowSignup: boolean; adminApiKey?: string; principals?: PrincipalCache },
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

  /** Self-service sign-up: the first one is admin, later ones only when sign-up is allowed. */
  async signup(email: string, password: string): Promise<User> {
    const id: string = randomUUID();
    // Claiming the first-admin marker is atomic: two simultaneous first sign-ups make one admin.
    const first = (await this.redis.set(this.firstAdminKey(), id, 'NX')) === 'OK';
    if (!first && !this.opts.allowSignup) {
      throw new AppError('signup_disabled', 403, 'sign-up is closed; ask an administrator for an account');
    }
    try {
      return await this.createUserRecord(email, password, first ? 'admin' : 'user', id);
    } catch (error) {
      if (first) await this.redis.del(this.firstAdminKey()).catch(() => undefined);
      throw error;
    }
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

  /** An admin creates a user, whatever the sign-up setting. */
  createUser(email: string, password: string, role: Role): Promise<User> {
    return this.createUserRecord(email, password, role);
  }

  async getUser(id: string): Promise<User | undefined> {
    const record = await this.redis.hgetall(this.userKey(id));
    if (!record.id) return undefined;
    return { id: record.id, email: record.email ?? '', role: record.role === 'admin' ? 'admin' : 'user', createdAt: record.createdAt ?? '' };
  }

  async login(email: string, password: string): Promise<User> {
    const id = await this.redis.get(this.emailKey(email));
    const record = id ? ((await this.redis.hgetall(this.userKey(id))) as Partial<UserRecord>) : undefined;
    const stored = record?.passwordHash || (await (dummyHash ??= hashPassword(randomUUID())));
    const ok = await verifyPassword(password, stored);
    if (!ok || !id || !record?.passwordHash) throw new AppError('invalid_credentials', 401, 'email or password is wrong');
    return (await this.getUser(id)) as User;
  }

  async createSession(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(this.sessionKey(sha256(token)), userId, 'EX', this.opts.sessionTtlSeconds);
    return token;
  }

  async endSession(sessionHash: string): Promise<void> {
    await this.redis.del(this.sessionKey(sessionHash));
    await this.opts.principals?.invalidate(sessionHash);
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
      const user = userId ? await this.getUser(userId) : undefined;
      if (!user) return undefined;
      // Best effort: a failed timestamp must not fail the request. Written when the key is looked
      // up, so with the principal cache it is accurate to AUTH_CACHE_TTL_SECONDS.
      this.redis.hset(this.apiKeyKey(keyId), 'lastUsedAt', new Date().toISOString()).catch(() => undefined);
      return { principal: { user, via: 'api_key' } };
    }
    const [userId, ttlMs] = await Promise.all([this.redis.get(this.sessionKey(hash)), this.redis.pttl(this.sessionKey(hash))]);
    const user = userId ? await this.getUser(userId) : undefined;
    // A cached session must not outlive the session itself.
    return user ? { principal: { user, via: 'session', sessionHash: hash }, maxTtlMs: ttlMs } : undefined;
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

  async createApiKey(userId: string, name: string): Promise<{ apiKey: ApiKey; key: string }> {
    const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const hash = sha256(key);
    const apiKey: ApiKey = { id: randomUUID(), name, prefix: key.slice(0, 10), createdAt: new Date().toISOString(), lastUsedAt: null };
    await this.redis
      .multi()
      .hset(this.apiKeyKey(apiKey.id), { id: apiKey.id, name, prefix: apiKey.prefix, createdAt: apiKey.createdAt, userId, hash })
      .set(this.apiKeyByHashKey(hash), apiKey.id)
      .sadd(this.userKeysKey(userId), apiKey.id)
      .exec();
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
  async revokeApiKey(actor: User, id: string): Promise<void> {
    const record = await this.getApiKeyRecord(id);
    if (!record || (record.userId !== actor.id && actor.role !== 'admin')) {
      throw new AppError('api_key_not_found', 404, 'api key not found');
    }
    await this.redis.multi().del(this.apiKeyKey(id)).del(this.apiKeyByHashKey(record.hash)).srem(this.userKeysKey(record.userId), id).exec();
    await this.opts.principals?.invalidate(record.hash);
  }
}
