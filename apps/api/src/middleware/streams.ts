// Caps on server-sent event streams: how many one user holds open at once (across replicas: the
// open streams are members of a sorted set in Redis, scored by when their lease runs out, so a
// crashed replica's streams expire instead of counting forever), and how long a stream may live.
// A request over the cap is refused with 429 `too_many_streams` before any work is done — or,
// for routes that say they wait for `streamAdmission(res)` before any work leaves the process
// (/v1: before the model is called and before the first byte), while the request is validated,
// classified and routed, so the admission's round trip to Redis is not added to the time to
// first token.
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Redis } from 'ioredis';
import { AppError } from '../errors';
import { currentUser } from './auth';

// KEYS[1] the user's streams. ARGV: now, lease end, cap, member, key ttl ms. 1 = admitted.
const ADMIT_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

export interface StreamCapOptions {
  redis: Redis;
  prefix: string;
  maxPerUser: number;
  /** How long a slot is held at most if its release is lost (a crash). */
  leaseMs: number;
  /** Whether this request will be answered with a stream (checked after the body is parsed). */
  isStream: (req: Request) => boolean;
  /** Ends the response after this long (document events); browsers reconnect if still waiting. */
  maxLifetimeMs?: number;
  /**
   * Admit while the route goes on: the route awaits `streamAdmission(res)` before it calls a
   * model or writes a byte (and so answers 429 before any work leaves the process).
   */
  admitWhileRouting?: boolean;
}

const ADMISSION = Symbol('streamAdmission');

/** Resolves once the stream cap admitted this request; rejects with 429 `too_many_streams` (nothing when no cap applies). */
export function streamAdmission(res: Response): Promise<void> | undefined {
  return (res.locals as { [ADMISSION]?: Promise<void> })[ADMISSION];
}

export function streamCap(options: StreamCapOptions): RequestHandler {
  const tooMany = () =>
    new AppError('too_many_streams', 429, `too many open streams: at most ${options.maxPerUser} at once per user; close one and retry`, undefined, 5);
  return async (req, res, next) => {
    if (!options.isStream(req)) return next();
    const key = `${options.prefix}streams:${currentUser(req).id}`;
    const member = randomUUID();
    const now = Date.now();
    let admitted = false;
    let closed = false;
    const release = () => {
      options.redis.zrem(key, member).catch(() => undefined); // else its lease runs out
    };
    const lifetime = options.maxLifetimeMs === undefined ? undefined : setTimeout(() => res.end(), options.maxLifetimeMs);
    lifetime?.unref();
    res.once('close', () => {
      closed = true;
      if (lifetime) clearTimeout(lifetime);
      if (admitted) release();
    });
    const admission = options.redis.eval(ADMIT_SCRIPT, 1, key, now, now + options.leaseMs, options.maxPerUser, member, options.leaseMs * 2).then((answer) => {
      if (Number(answer) !== 1) throw tooMany();
      admitted = true;
      if (closed) release(); // the request ended while the admission was on its way
    });
    if (!options.admitWhileRouting) {
      try {
        await admission;
      } catch (error) {
        if (lifetime) clearTimeout(lifetime);
        throw error;
      }
      return next();
    }
    admission.catch(() => undefined); // the route awaits it; a request that fails earlier never does
    (res.locals as { [ADMISSION]?: Promise<void> })[ADMISSION] = admission;
    next();
  };
}
