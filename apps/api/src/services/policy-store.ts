// The routing policy an admin set at run time, versioned, in Redis: `<prefix>policy` holds the
// version and the policy in force (absent: the environment's), `<prefix>policy:history` the last
// changes. A change is a compare-and-set in Lua, so `expectedVersion` catches two admins editing
// at once, and every replica sees the same version.
import type { PolicyConfig } from '@switchyard/router';
import type { Redis } from 'ioredis';

const CHANGE = `
local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if ARGV[1] ~= '' and tonumber(ARGV[1]) ~= current then return {0, current} end
local version = current + 1
if ARGV[2] == '' then
  redis.call('HDEL', KEYS[1], 'policy', 'updatedAt', 'updatedBy')
  redis.call('HSET', KEYS[1], 'version', version)
else
  redis.call('HSET', KEYS[1], 'version', version, 'policy', ARGV[2], 'updatedAt', ARGV[3], 'updatedBy', ARGV[4])
end
redis.call('LPUSH', KEYS[2], cjson.encode({version = version, at = ARGV[3], by = ARGV[4], policy = ARGV[2]}))
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[5]) - 1)
return {1, version}
`;

/** How many past versions are kept. */
const HISTORY = 20;

export interface StoredPolicy {
  version: number;
  /** Absent: the environment's policy is in force. */
  policy?: PolicyConfig;
  updatedAt?: string;
  updatedBy?: string;
}

export interface PolicyVersion {
  version: number;
  at: string;
  by: string;
  /** null: this change went back to the environment's policy. */
  policy: PolicyConfig | null;
}

interface ScriptedRedis extends Redis {
  policyChange(hash: string, history: string, expected: string, policy: string, at: string, by: string, keep: number): Promise<[number, number]>;
}

export class PolicyStore {
  private readonly redis: ScriptedRedis;
  private readonly key: string;
  private readonly historyKey: string;

  constructor(redis: Redis, prefix: string) {
    if (!('policyChange' in redis)) redis.defineCommand('policyChange', { numberOfKeys: 2, lua: CHANGE });
    this.redis = redis as ScriptedRedis;
    this.key = `${prefix}policy`;
    this.historyKey = `${prefix}policy:history`;
  }

  async read(): Promise<StoredPolicy> {
    const hash = await this.redis.hgetall(this.key);
    return {
      version: Number(hash.version ?? 0),
      ...(hash.policy ? { policy: JSON.parse(hash.policy) as PolicyConfig } : {}),
      ...(hash.updatedAt ? { updatedAt: hash.updatedAt } : {}),
      ...(hash.updatedBy ? { updatedBy: hash.updatedBy } : {}),
    };
  }

  /** The policy an admin set, if any (RouterConfigSync's PolicySource). */
  async current(): Promise<{ policy: PolicyConfig } | undefined> {
    const stored = await this.read();
    return stored.policy ? { policy: stored.policy } : undefined;
  }

  /**
   * Sets the policy (`null`: back to the environment's). Resolves with the new version, or with
   * `conflict` and the version in force when `expectedVersion` is stale.
   */
  async change(policy: PolicyConfig | null, by: string, expectedVersion?: number): Promise<{ ok: true; version: number } | { ok: false; version: number }> {
    const [ok, version] = await this.redis.policyChange(
      this.key,
      this.historyKey,
      expectedVersion === undefined ? '' : String(expectedVersion),
      policy ? JSON.stringify(policy) : '',
      new Date().toISOString(),
      by,
      HISTORY,
    );
    return ok === 1 ? { ok: true, version } : { ok: false, version };
  }

  async history(): Promise<PolicyVersion[]> {
    const entries = await this.redis.lrange(this.historyKey, 0, HISTORY - 1);
    return entries.map((entry) => {
      const raw = JSON.parse(entry) as { version: number; at: string; by: string; policy: string };
      return { version: raw.version, at: raw.at, by: raw.by, policy: raw.policy ? (JSON.parse(raw.policy) as PolicyConfig) : null };
    });
  }
}
