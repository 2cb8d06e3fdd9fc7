// Where Redis is, as settings the apps validate in their env.ts: the zod fragment below is spread
// into the api's and the worker's schemas (the apps read process.env; this package never does),
// and redisSettings() turns the parsed values into one of three shapes.
import { z } from 'zod';

/** REDIS_URL's default in both apps: the value that means "not set". */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** An unset variable and an empty one (`REDIS_SENTINELS=` in a compose file) mean the same. */
const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

/** `host:port` (a hostname, an IPv4 address, or a bracketed IPv6 address). */
export const hostPortPattern = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

export interface HostPort {
  host: string;
  port: number;
}

/** "a:26379, b:26379" -> [{host: 'a', port: 26379}, …]; undefined when unset. */
const hostPortList = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z
    .string()
    .optional()
    .transform((value, ctx): HostPort[] | undefined => {
      if (value === undefined) return undefined;
      const nodes: HostPort[] = [];
      for (const item of value.split(',').map((part) => part.trim()).filter(Boolean)) {
        const match = hostPortPattern.exec(item);
        const port = Number(match?.[2]);
        if (!match || port < 1 || port > 65535) {
          ctx.addIssue({ code: 'custom', message: `"${item}" is not host:port (a comma-separated list of host:port)` });
          return z.NEVER;
        }
        nodes.push({ host: match[1]!.replace(/^\[|\]$/g, ''), port });
      }
      if (nodes.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'needs at least one host:port' });
        return z.NEVER;
      }
      return nodes;
    }),
);

/** The Redis variables beyond REDIS_URL and REDIS_PREFIX (which stay in each app's schema). */
export const redisEnvShape = {
  /** Sentinels to ask for the current primary (host:port, comma-separated). Replaces REDIS_URL. */
  REDIS_SENTINELS: hostPortList,
  /** The primary's name the sentinels know it by. */
  REDIS_SENTINEL_NAME: z.string().min(1).default('mymaster'),
  /** The sentinels' own password, when they have one. */
  REDIS_SENTINEL_PASSWORD: optionalText,
  /** Some nodes of a Redis Cluster (host:port, comma-separated); the rest are discovered. Replaces REDIS_URL. */
  REDIS_CLUSTER_NODES: hostPortList,
  /** Credentials and TLS of the data nodes with REDIS_SENTINELS or REDIS_CLUSTER_NODES (REDIS_URL carries its own). */
  REDIS_USERNAME: optionalText,
  REDIS_PASSWORD: optionalText,
  REDIS_TLS: bool.default(false),
};

export interface RedisEnv {
  REDIS_URL: string;
  REDIS_PREFIX: string;
  REDIS_SENTINELS?: HostPort[] | undefined;
  REDIS_SENTINEL_NAME: string;
  REDIS_SENTINEL_PASSWORD?: string | undefined;
  REDIS_CLUSTER_NODES?: HostPort[] | undefined;
  REDIS_USERNAME?: string | undefined;
  REDIS_PASSWORD?: string | undefined;
  REDIS_TLS: boolean;
}

interface IssueSink {
  addIssue(issue: { code: 'custom'; path: string[]; message: string }): void;
}

/** A Redis Cluster hash tag at the start of the prefix: `{sy}:` puts every key in one slot. */
export const hashTagPrefixPattern = /^\{[^{}]+\}/;

/**
 * The rules across variables, for the apps' superRefine: one topology at a time, nothing set
 * that the chosen one would ignore, and on a Redis Cluster a key prefix with a hash tag (our
 * transactions, Lua scripts and BullMQ's scripts touch several keys at once, which a cluster
 * allows only within one slot).
 */
export function checkRedisEnv(env: RedisEnv, ctx: IssueSink): void {
  const sentinel = env.REDIS_SENTINELS !== undefined;
  const cluster = env.REDIS_CLUSTER_NODES !== undefined;
  if (sentinel && cluster) {
    ctx.addIssue({ code: 'custom', path: ['REDIS_CLUSTER_NODES'], message: 'set REDIS_SENTINELS or REDIS_CLUSTER_NODES, not both' });
    return;
  }
  if (sentinel || cluster) {
    if (env.REDIS_URL !== DEFAULT_REDIS_URL) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: `names one node; leave it unset with ${sentinel ? 'REDIS_SENTINELS' : 'REDIS_CLUSTER_NODES'} (credentials go in REDIS_USERNAME/REDIS_PASSWORD)` });
    }
  } else {
    for (const name of ['REDIS_USERNAME', 'REDIS_PASSWORD', 'REDIS_SENTINEL_PASSWORD'] as const) {
      if (env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'applies to REDIS_SENTINELS or REDIS_CLUSTER_NODES; a single node takes its credentials in REDIS_URL' });
    }
    if (env.REDIS_TLS) ctx.addIssue({ code: 'custom', path: ['REDIS_TLS'], message: 'applies to REDIS_SENTINELS or REDIS_CLUSTER_NODES; a single node uses rediss:// in REDIS_URL' });
  }
  if (cluster && !hashTagPrefixPattern.test(env.REDIS_PREFIX)) {
    ctx.addIssue({
      code: 'custom',
      path: ['REDIS_PREFIX'],
      message: 'must start with a hash tag such as {sy}: on a Redis Cluster, so the keys one operation touches share a slot',
    });
  }
}

interface NodeCredentials {
  username?: string;
  password?: string;
  tls: boolean;
}

export type RedisSettings =
  | { mode: 'single'; url: string }
  | ({ mode: 'sentinel'; sentinels: HostPort[]; name: string; sentinelPassword?: string } & NodeCredentials)
  | ({ mode: 'cluster'; nodes: HostPort[] } & NodeCredentials);

/** The settings an app's parsed env describes (after checkRedisEnv passed). */
export function redisSettings(env: RedisEnv): RedisSettings {
  const credentials: NodeCredentials = {
    tls: env.REDIS_TLS,
    ...(env.REDIS_USERNAME ? { username: env.REDIS_USERNAME } : {}),
    ...(env.REDIS_PASSWORD ? { password: env.REDIS_PASSWORD } : {}),
  };
  if (env.REDIS_CLUSTER_NODES) return { mode: 'cluster', nodes: env.REDIS_CLUSTER_NODES, ...credentials };
  if (env.REDIS_SENTINELS) {
    return {
      mode: 'sentinel',
      sentinels: env.REDIS_SENTINELS,
      name: env.REDIS_SENTINEL_NAME,
      ...(env.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: env.REDIS_SENTINEL_PASSWORD } : {}),
      ...credentials,
    };
  }
  return { mode: 'single', url: env.REDIS_URL };
}
