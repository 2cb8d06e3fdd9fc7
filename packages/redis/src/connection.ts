// One place that opens Redis connections, for every topology the settings describe: a single
// node, a primary found through Sentinel (failover handled by ioredis), or a Redis Cluster.
//
// The services are written against ioredis' `Redis` class. A Sentinel connection is one. A
// Cluster speaks the same commands (routing each to the node that owns its keys) and differs in
// one member the services use: `duplicate()` takes (startupNodes, clusterOptions) rather than
// Redis options. The Cluster returned here accepts Redis options in `duplicate()`, so a
// subscriber made from it (document events, token invalidations) is a Cluster too; it is handed
// out as `Redis` for that reason. Multi-key commands on a Cluster need their keys in one slot:
// the apps refuse a REDIS_PREFIX without a hash tag there (settings.ts).
import type { ConnectionOptions } from 'bullmq';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisSettings } from './settings';

/** Options that belong to the whole Cluster client rather than to each node's connection. */
function toClusterOptions(options: RedisOptions): ClusterOptions {
  const { enableOfflineQueue, enableReadyCheck, lazyConnect, enableAutoPipelining, retryStrategy, ...perNode } = options;
  return {
    ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
    ...(enableReadyCheck !== undefined ? { enableReadyCheck } : {}),
    ...(lazyConnect !== undefined ? { lazyConnect } : {}),
    ...(enableAutoPipelining !== undefined ? { enableAutoPipelining } : {}),
    ...(retryStrategy !== undefined ? { clusterRetryStrategy: retryStrategy } : {}),
    redisOptions: perNode,
  };
}

function nodeOptions(settings: Exclude<RedisSettings, { mode: 'single' }>): { username?: string; password?: string; tls?: object } {
  return {
    ...(settings.username ? { username: settings.username } : {}),
    ...(settings.password ? { password: settings.password } : {}),
    ...(settings.tls ? { tls: {} } : {}),
  };
}

function createCluster(settings: Extract<RedisSettings, { mode: 'cluster' }>, options: RedisOptions): Cluster {
  const cluster = new Cluster(settings.nodes, toClusterOptions({ ...nodeOptions(settings), ...options }));
  // duplicate(redisOptions), as the services call it on a single-node connection, beside the
  // Cluster's own duplicate(startupNodes, clusterOptions), which BullMQ calls.
  const clusterDuplicate = cluster.duplicate.bind(cluster) as (...args: unknown[]) => Cluster;
  Object.defineProperty(cluster, 'duplicate', {
    configurable: true,
    writable: true,
    value: (...args: unknown[]) => {
      if (args.length === 1 && !Array.isArray(args[0])) return createCluster(settings, { ...options, ...(args[0] as RedisOptions) });
      return clusterDuplicate(...args);
    },
  });
  return cluster;
}

/**
 * A connection to wherever the settings say Redis is. `options` are ioredis' per-connection
 * options (fail-fast, retries, lazyConnect, …) and apply in every topology.
 */
export function createRedisConnection(settings: RedisSettings, options: RedisOptions = {}): Redis {
  switch (settings.mode) {
    case 'single':
      return new Redis(settings.url, options);
    case 'sentinel':
      return new Redis({
        sentinels: settings.sentinels,
        name: settings.name,
        ...(settings.sentinelPassword ? { sentinelPassword: settings.sentinelPassword } : {}),
        ...(settings.tls ? { enableTLSForSentinelMode: true } : {}),
        ...nodeOptions(settings),
        ...options,
      });
    case 'cluster':
      // See the header: a Cluster with Redis' duplicate(), typed as the class the services use.
      return createCluster(settings, options) as unknown as Redis;
  }
}

/** Whether a connection from createRedisConnection is a Redis Cluster client. */
export function isCluster(connection: Redis): boolean {
  return (connection as unknown) instanceof Cluster;
}

/** The per-connection options BullMQ's callers set (fail fast for a queue, never for a worker). */
export interface BullConnectionOptions {
  maxRetriesPerRequest?: number | null;
  enableOfflineQueue?: boolean;
}

/**
 * What BullMQ's `connection` option takes for these settings. A single node or Sentinel is
 * described by options, and BullMQ opens (and closes) its own connections; a Cluster must be
 * handed over as a client, which the caller closes after the queue or worker with `close()`.
 */
export function bullConnection(settings: RedisSettings, options: BullConnectionOptions = {}): { connection: ConnectionOptions; close: () => Promise<void> } {
  if (settings.mode === 'single') return { connection: { url: settings.url, ...options }, close: async () => undefined };
  if (settings.mode === 'sentinel') {
    return {
      connection: {
        sentinels: settings.sentinels,
        name: settings.name,
        ...(settings.sentinelPassword ? { sentinelPassword: settings.sentinelPassword } : {}),
        ...(settings.tls ? { enableTLSForSentinelMode: true } : {}),
        ...nodeOptions(settings),
        ...options,
      },
      close: async () => undefined,
    };
  }
  const client = createRedisConnection(settings, options);
  return {
    connection: client,
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/**
 * Sends a raw command, as libraries that bring their own Lua scripts do (rate-limit-redis). On a
 * Cluster, SCRIPT LOAD has no key to route by and would reach one random node while EVALSHA goes
 * to the node owning the key; so a script is loaded on every primary there.
 */
export async function sendCommand(connection: Redis, command: string, ...args: (string | number)[]): Promise<unknown> {
  if (isCluster(connection) && command.toUpperCase() === 'SCRIPT' && String(args[0]).toUpperCase() === 'LOAD') {
    const primaries = (connection as unknown as Cluster).nodes('master');
    if (primaries.length === 0) return connection.call(command, ...args); // not connected yet: fails or waits as any command
    const shas = await Promise.all(primaries.map((node) => node.call('SCRIPT', ...args)));
    return shas[0];
  }
  return connection.call(command, ...args);
}
