// Requests per minute per user, counted in Redis so the limit holds across replicas (leased in
// batches, so most requests do not wait for Redis). Runs after authentication (keyed by user id).
// Sign-up and login are limited per address with express-rate-limit's Redis store. A Redis
// outage surfaces as the store's error, which the error middleware answers with 503
// redis_unavailable.
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type IncrementResponse, type RateLimitInfo } from 'express-rate-limit';
import { sendCommand } from '@switchyard/redis';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { AppError } from '../errors';
import { LeasedRateLimiter } from '../services/rate-lease';
import { currentUser } from './auth';

/**
 * rate-limit-redis loads its scripts once, at start; if Redis was down then, the rejected
 * promise would fail every later request. This store reloads them after a failure.
 */
class RecoveringRedisStore extends RedisStore {
  override async increment(key: string): Promise<IncrementResponse> {
    try {
      return await super.increment(key);
    } catch (error) {
      this.incrementScriptSha = this.loadIncrementScript();
      this.getScriptSha = this.loadGetScript();
      this.incrementScriptSha.catch(() => undefined);
      this.getScriptSha.catch(() => undefined);
      throw error;
    }
  }
}

export interface RedisRateLimitOptions {
  redis: Redis;
  /** Key prefix of the deployment (REDIS_PREFIX). */
  prefix: string;
  /** Separates limiters sharing a Redis: `user`, `address`. */
  name: string;
  perMinute: number;
  key: (req: Request) => string;
}

export function redisRateLimit({ redis, prefix, name, perMinute, key }: RedisRateLimitOptions): RequestHandler {
  const store = new RecoveringRedisStore({
    prefix: `${prefix}ratelimit:${name}:`,
    // Through @switchyard/redis: on a Redis Cluster the store's scripts are loaded on every primary.
    sendCommand: (command: string, ...args: string[]) => sendCommand(redis, command, ...args) as Promise<RedisReply>,
  });
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store,
    keyGenerator: key,
    handler: (req, _res, next) => {
      const reset = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit?.resetTime;
      const retryAfter = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      next(new AppError('rate_limited', 429, `too many requests: the limit is ${perMinute} per minute`, undefined, retryAfter));
    },
    // The key is ours (user id, or req.ip as TRUST_PROXY resolves it): skip the IP heuristics.
    validate: { ip: false, trustProxy: false, xForwardedForHeader: false },
  });
}

/**
 * Per user; mount after authentication. On every authenticated route, so it must not cost a Redis
 * round trip per request: requests are leased from Redis in batches (services/rate-lease.ts).
 */
export function userRateLimit(redis: Redis, prefix: string, perMinute: number): RequestHandler {
  const limiter = new LeasedRateLimiter(redis, `${prefix}ratelimit:lease:`, perMinute);
  const policy = `"user";q=${perMinute};w=60`;
  return async (req, res, next) => {
    const decision = await limiter.take(currentUser(req).id);
    res.setHeader('RateLimit-Policy', policy);
    if (!decision.allowed) {
      throw new AppError('rate_limited', 429, `too many requests: the limit is ${perMinute} per minute`, undefined, decision.retryAfterSeconds);
    }
    next();
  };
}

/** Per client address, for routes without a user yet (sign-up, login). */
export const addressRateLimit = (redis: Redis, prefix: string, perMinute: number) =>
  redisRateLimit({ redis, prefix, name: 'address', perMinute, key: (req) => ipKeyGenerator(req.ip ?? 'unknown') });
