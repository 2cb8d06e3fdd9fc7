// The router's BreakerStore in Redis, so every API replica sees one circuit per provider, the
// same resting keys and the same probe results. The circuit's transitions run as Lua scripts
// (atomic, one round trip) that mirror `acquireTransition` / `failureTransition` in
// @switchyard/router exactly; a differential test drives both with the same random operations.
//
// Per provider: `<prefix>breaker:<id>` (hash: circuit, last error and latency, last probe),
// `<prefix>breaker:<id>:errors` (list, newest first) and `<prefix>breaker:<id>:keys` (hash: key
// fingerprint -> resting until). Keys are named by fingerprint; no secret is ever stored here.
import {
  RECENT_ERRORS,
  type Acquired,
  type BreakerSettings,
  type BreakerStore,
  type CircuitSnapshot,
  type FailureReport,
  type ProbeResult,
  type ProviderHealthRecord,
  type RecordedError,
} from '@switchyard/router';
import type { Redis } from 'ioredis';

// Numbers are written with %.0f: Lua's default conversion would write 1.7e+12 for a timestamp.
const ACQUIRE = `
local f = redis.call('HMGET', KEYS[1], 'failures', 'openUntil', 'trialUntil')
local failures = tonumber(f[1]) or 0
local openUntil = tonumber(f[2]) or 0
local trialUntil = tonumber(f[3]) or 0
local now = tonumber(ARGV[1])
local allowed = 0
if openUntil == 0 then
  allowed = 1
elseif now >= openUntil and trialUntil <= now then
  trialUntil = now + tonumber(ARGV[2])
  redis.call('HSET', KEYS[1], 'trialUntil', string.format('%.0f', trialUntil))
  allowed = 1
end
return {allowed, failures, openUntil, trialUntil, redis.call('HGETALL', KEYS[2])}
`;

const FAILURE = `
local f = redis.call('HMGET', KEYS[1], 'failures', 'openUntil', 'trialUntil')
local failures = (tonumber(f[1]) or 0) + 1
local openUntil = tonumber(f[2]) or 0
local trialUntil = tonumber(f[3]) or 0
local now = tonumber(ARGV[1])
local threshold = tonumber(ARGV[2])
local cooldown = tonumber(ARGV[3])
local hold = tonumber(ARGV[4])
local halfOpen = openUntil ~= 0 and now >= openUntil
local wasTrial = trialUntil > now or halfOpen
local tripped = wasTrial or failures >= threshold
if tripped or hold > 0 then
  local extra = 0
  if tripped then extra = cooldown end
  openUntil = now + math.max(hold, extra)
end
redis.call('HSET', KEYS[1], 'failures', failures, 'openUntil', string.format('%.0f', openUntil), 'trialUntil', 0,
  'lastError', ARGV[5], 'lastLatencyMs', ARGV[6])
redis.call('LPUSH', KEYS[2], ARGV[7])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[8]) - 1)
return {failures, openUntil, 0}
`;

type AcquireReply = [number, number, number, number, string[]];
type FailureReply = [number, number, number];

interface ScriptedRedis extends Redis {
  breakerAcquire(hash: string, keys: string, now: number, leaseMs: number): Promise<AcquireReply>;
  breakerFailure(
    hash: string,
    errors: string,
    now: number,
    threshold: number,
    cooldownMs: number,
    holdMs: number,
    lastError: string,
    latencyMs: number,
    errorEntry: string,
    keep: number,
  ): Promise<FailureReply>;
}

function toCooldowns(flat: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i] as string] = Number(flat[i + 1]);
  return out;
}

function parseErrors(entries: string[]): RecordedError[] {
  return entries.flatMap((entry) => {
    try {
      const parsed = JSON.parse(entry) as RecordedError;
      return typeof parsed.at === 'number' && typeof parsed.message === 'string' ? [parsed] : [];
    } catch {
      return [];
    }
  });
}

export class RedisBreakerStore implements BreakerStore {
  private readonly redis: ScriptedRedis;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    if (!('breakerAcquire' in redis)) {
      redis.defineCommand('breakerAcquire', { numberOfKeys: 2, lua: ACQUIRE });
      redis.defineCommand('breakerFailure', { numberOfKeys: 2, lua: FAILURE });
    }
    this.redis = redis as ScriptedRedis;
  }

  private hash = (id: string) => `${this.prefix}breaker:${id}`;
  private errors = (id: string) => `${this.prefix}breaker:${id}:errors`;
  private keys = (id: string) => `${this.prefix}breaker:${id}:keys`;

  async acquire(providerId: string, now: number, settings: BreakerSettings): Promise<Acquired> {
    const [allowed, failures, openUntil, trialUntil, cooldowns] = await this.redis.breakerAcquire(
      this.hash(providerId),
      this.keys(providerId),
      now,
      settings.trialLeaseMs,
    );
    return { allowed: allowed === 1, circuit: { failures, openUntil, trialUntil }, keyCooldowns: toCooldowns(cooldowns) };
  }

  async success(providerId: string, latencyMs: number): Promise<CircuitSnapshot> {
    await this.redis.hset(this.hash(providerId), { failures: 0, openUntil: 0, trialUntil: 0, lastLatencyMs: latencyMs });
    return { failures: 0, openUntil: 0, trialUntil: 0 };
  }

  async failure(providerId: string, now: number, settings: BreakerSettings, report: FailureReport): Promise<CircuitSnapshot> {
    const [failures, openUntil, trialUntil] = await this.redis.breakerFailure(
      this.hash(providerId),
      this.errors(providerId),
      now,
      settings.failureThreshold,
      settings.cooldownMs,
      report.holdMs,
      report.error,
      report.latencyMs,
      JSON.stringify({ at: now, message: report.error } satisfies RecordedError),
      RECENT_ERRORS,
    );
    return { failures, openUntil, trialUntil };
  }

  async release(providerId: string): Promise<void> {
    await this.redis.hset(this.hash(providerId), 'trialUntil', 0);
  }

  async coolKey(providerId: string, keyId: string, until: number, note: RecordedError): Promise<void> {
    await this.redis
      .multi()
      .hset(this.keys(providerId), keyId, until)
      .lpush(this.errors(providerId), JSON.stringify(note))
      .ltrim(this.errors(providerId), 0, RECENT_ERRORS - 1)
      .exec();
  }

  async recordProbe(providerId: string, probe: ProbeResult): Promise<void> {
    const multi = this.redis.multi().hset(this.hash(providerId), {
      probeOk: probe.ok ? 1 : 0,
      probeAt: probe.at,
      probeLatencyMs: probe.latencyMs,
      probeError: probe.error ?? '',
    });
    if (!probe.ok && probe.error) {
      multi.lpush(this.errors(providerId), JSON.stringify({ at: probe.at, message: `probe: ${probe.error}` } satisfies RecordedError));
      multi.ltrim(this.errors(providerId), 0, RECENT_ERRORS - 1);
    }
    await multi.exec();
  }

  async read(providerIds: string[]): Promise<Map<string, ProviderHealthRecord>> {
    const out = new Map<string, ProviderHealthRecord>();
    if (providerIds.length === 0) return out;
    const pipeline = this.redis.pipeline();
    for (const id of providerIds) {
      pipeline.hgetall(this.hash(id));
      pipeline.lrange(this.errors(id), 0, RECENT_ERRORS - 1);
      pipeline.hgetall(this.keys(id));
    }
    const replies = (await pipeline.exec()) ?? [];
    providerIds.forEach((id, index) => {
      const [hashReply, errorsReply, keysReply] = replies.slice(index * 3, index * 3 + 3);
      const failed = [hashReply, errorsReply, keysReply].find((reply) => reply?.[0]);
      if (failed?.[0]) throw failed[0];
      const hash = (hashReply?.[1] ?? {}) as Record<string, string>;
      const errors = parseErrors((errorsReply?.[1] ?? []) as string[]);
      const cooldowns = (keysReply?.[1] ?? {}) as Record<string, string>;
      if (Object.keys(hash).length === 0 && errors.length === 0 && Object.keys(cooldowns).length === 0) return;
      const num = (value: string | undefined) => (value === undefined || value === '' ? undefined : Number(value));
      const record: ProviderHealthRecord = {
        circuit: { failures: num(hash.failures) ?? 0, openUntil: num(hash.openUntil) ?? 0, trialUntil: num(hash.trialUntil) ?? 0 },
        recentErrors: errors,
        keyCooldowns: Object.fromEntries(Object.entries(cooldowns).map(([key, until]) => [key, Number(until)])),
      };
      if (hash.lastError) record.lastError = hash.lastError;
      const lastLatencyMs = num(hash.lastLatencyMs);
      if (lastLatencyMs !== undefined) record.lastLatencyMs = lastLatencyMs;
      const probeAt = num(hash.probeAt);
      if (probeAt !== undefined) {
        record.probe = { ok: hash.probeOk === '1', at: probeAt, latencyMs: num(hash.probeLatencyMs) ?? 0, ...(hash.probeError ? { error: hash.probeError } : {}) };
      }
      out.set(id, record);
    });
    return out;
  }

  async forget(providerId: string): Promise<void> {
    await this.redis.del(this.hash(providerId), this.errors(providerId), this.keys(providerId));
  }
}
