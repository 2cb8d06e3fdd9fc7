import { describe, expect, it } from 'vitest';
import { asRedisUnavailable, RedisUnavailableError } from './errors';

const socketError = (message: string, code: string, syscall: string) => Object.assign(new Error(message), { code, syscall });
const named = (name: string) => Object.assign(new Error('gave up'), { name });

describe('asRedisUnavailable', () => {
  it('wraps every way ioredis reports an unreachable Redis in one typed error', () => {
    for (const error of [
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
      new Error('Connection is closed.'),
      named('MaxRetriesPerRequestError'),
      named('ClusterAllFailedError'),
      socketError('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED', 'connect'),
      new Error('the store failed', { cause: socketError('getaddrinfo ENOTFOUND redis', 'ENOTFOUND', 'getaddrinfo') }),
    ]) {
      const wrapped = asRedisUnavailable(error);
      expect(wrapped, error.message).toBeInstanceOf(RedisUnavailableError);
      expect(wrapped?.code).toBe('redis_unavailable');
      expect(wrapped?.cause).toBe(error);
    }
  });

  it('leaves reply errors and everything else alone', () => {
    expect(asRedisUnavailable(new Error('WRONGTYPE Operation against a key holding the wrong kind of value'))).toBeUndefined();
    expect(asRedisUnavailable(new Error('something mentioning Connection is closed. in passing'))).toBeUndefined();
    expect(asRedisUnavailable('not an error')).toBeUndefined();
    // A reset while reading could be a client's socket: not taken for an outage.
    expect(asRedisUnavailable(socketError('read ECONNRESET', 'ECONNRESET', 'read'))).toBeUndefined();
  });

  it('keeps an error that is already typed', () => {
    const typed = new RedisUnavailableError();
    expect(asRedisUnavailable(typed)).toBe(typed);
  });
});
