import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkRedisEnv, DEFAULT_REDIS_URL, hashTagPrefixPattern, hostPortPattern, redisEnvShape, redisSettings } from './settings';

// The fragment as an app's env.ts uses it: spread beside REDIS_URL and REDIS_PREFIX, checked across variables.
const schema = z
  .object({ REDIS_URL: z.string().url().default(DEFAULT_REDIS_URL), REDIS_PREFIX: z.string().default('sy:'), ...redisEnvShape })
  .superRefine(checkRedisEnv);
const problems = (source: Record<string, string>) => {
  const result = schema.safeParse(source);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('redis settings', () => {
  it('is one node at REDIS_URL unless sentinels or cluster nodes are named', () => {
    expect(redisSettings(schema.parse({}))).toEqual({ mode: 'single', url: DEFAULT_REDIS_URL });
    expect(redisSettings(schema.parse({ REDIS_URL: 'rediss://:pw@cache.internal:6380/2' }))).toEqual({ mode: 'single', url: 'rediss://:pw@cache.internal:6380/2' });
  });

  it('reads sentinels with the primary name and credentials', () => {
    const env = schema.parse({ REDIS_SENTINELS: 'sentinel-0:26379, sentinel-1:26379,[::1]:26380', REDIS_SENTINEL_NAME: 'switchyard', REDIS_PASSWORD: 'pw', REDIS_SENTINEL_PASSWORD: 'spw', REDIS_TLS: 'true' });
    expect(redisSettings(env)).toEqual({
      mode: 'sentinel',
      sentinels: [
        { host: 'sentinel-0', port: 26379 },
        { host: 'sentinel-1', port: 26379 },
        { host: '::1', port: 26380 },
      ],
      name: 'switchyard',
      sentinelPassword: 'spw',
      password: 'pw',
      tls: true,
    });
  });

  it('reads cluster nodes, and needs a hash-tagged key prefix there', () => {
    expect(redisSettings(schema.parse({ REDIS_CLUSTER_NODES: '10.0.0.1:7000,10.0.0.2:7000', REDIS_PREFIX: '{sy}:' }))).toEqual({
      mode: 'cluster',
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7000 },
      ],
      tls: false,
    });
    expect(problems({ REDIS_CLUSTER_NODES: 'a:7000' })).toEqual([expect.stringMatching(/^REDIS_PREFIX: must start with a hash tag/)]);
    expect(problems({ REDIS_CLUSTER_NODES: 'a:7000', REDIS_PREFIX: 'sy:{x}:' })).toEqual([expect.stringMatching(/^REDIS_PREFIX: /)]);
  });

  it('names each variable that is malformed, conflicting, or would be ignored', () => {
    expect(problems({ REDIS_CLUSTER_NODES: 'redis-0', REDIS_PREFIX: '{sy}:' })).toEqual([expect.stringMatching(/^REDIS_CLUSTER_NODES: "redis-0" is not host:port/)]);
    expect(problems({ REDIS_SENTINELS: 'a:99999' })).toEqual([expect.stringMatching(/^REDIS_SENTINELS: /)]);
    expect(problems({ REDIS_SENTINELS: 'a:26379', REDIS_CLUSTER_NODES: 'b:7000', REDIS_PREFIX: '{sy}:' })).toEqual(['REDIS_CLUSTER_NODES: set REDIS_SENTINELS or REDIS_CLUSTER_NODES, not both']);
    expect(problems({ REDIS_SENTINELS: 'a:26379', REDIS_URL: 'redis://elsewhere:6379' })).toEqual([expect.stringMatching(/^REDIS_URL: names one node/)]);
    expect(problems({ REDIS_PASSWORD: 'pw' })).toEqual([expect.stringMatching(/^REDIS_PASSWORD: applies to REDIS_SENTINELS or REDIS_CLUSTER_NODES/)]);
    expect(problems({ REDIS_TLS: 'true' })).toEqual([expect.stringMatching(/^REDIS_TLS: /)]);
  });

  it('never echoes a password in its messages', () => {
    expect(problems({ REDIS_PASSWORD: 'hunter2-very-secret' }).join('\n')).not.toContain('very-secret');
  });

  it('parses with linear-time patterns only', () => {
    for (const pattern of [hostPortPattern, hashTagPrefixPattern]) {
      expect(checkSync(pattern.source, pattern.flags, { timeout: 10_000 }).status, pattern.source).toBe('safe');
    }
  });
});
