// How one routed request calls its chain: per attempt an idle timeout, the provider's circuit
// (through the BreakerStore), its keys (rotated when one is refused), a single wait-and-retry on
// a short 429 Retry-After, then the next entry of the chain. Usage and cost add up over every
// attempt that reported them. The fail-closed check happens before this (router.ts): the chain
// handed in holds only providers the request may reach, and `call` refuses a cloud provider for
// a local-only request once more.
import type { BreakerSettings, BreakerStore } from './breaker-store';
import { RouterError } from './errors';
import type { HealthSnapshot } from './health';
import type { KeyChoice, KeyRing } from './key-ring';
import { label, type ChainEntry } from './policy';
import { ProviderError, type Provider, type ProviderAnswer } from './providers/provider';
import { estimateTokens } from './tokens';
import type { AnswerChunk, ChatRequest, ChatResult, Sensitivity, Usage } from './types';

export type Attempt = ChatResult['attempts'][number];

/** A provider as the call path uses it: the provider and, when it has any, its keys. */
export interface CallTarget {
  provider: Provider;
  keys?: KeyRing;
}

export interface CallPathSettings {
  /** Per-attempt idle timeout: no first byte / no delta for this long fails the attempt. */
  timeoutMs: number;
  breaker: BreakerSettings;
  /** A 429 Retry-After up to this long is waited out and the same provider retried once. */
  maxRetryAfterMs: number;
  keyCooldown: { unauthorizedMs: number; rateLimitedMs: number };
}

export interface CallPathDeps {
  store: BreakerStore;
  health: HealthSnapshot;
  now: () => number;
  settings: CallPathSettings;
  priceOf: (entry: ChainEntry, usage: Usage) => number;
}

const cancelled = () => new ProviderError('the request was cancelled', 'aborted');

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** One call to one provider, cancelled when the caller aborts or nothing arrives for `timeoutMs`. */
async function runAttempt(
  provider: Provider,
  entry: ChainEntry,
  req: ChatRequest,
  key: KeyChoice | undefined,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  onDelta: ((text: string) => void) | undefined,
  onChunk?: (chunk: AnswerChunk) => void,
): Promise<ProviderAnswer> {
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(cancelled());
  if (signal?.aborted) throw cancelled();
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  // An idle timeout: restarted by every delta, so a long answer that keeps streaming is fine.
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new ProviderError(`no response within ${timeoutMs} ms`, 'timeout')), timeoutMs);
  };
  arm();
  try {
    return await provider.chat({
      model: entry.model,
      messages: req.messages,
      ...(req.context ? { context: req.context } : {}),
      ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
      ...(req.maxTokens !== undefined ? { maxTokens: req.maxTokens } : {}),
      ...(req.turns ? { turns: req.turns } : {}),
      ...(req.generation ? { generation: req.generation } : {}),
      ...(req.stream !== undefined ? { stream: req.stream } : {}),
      ...(key ? { apiKey: key.key } : {}),
      signal: controller.signal,
      // A kind that knows choices and tool calls reports everything through onChunk; one that
      // only produces text uses onDelta. Either way the caller hears both ways it asked for.
      onDelta: (text) => {
        arm();
        onDelta?.(text);
        onChunk?.({ choice: 0, text });
      },
      onChunk: (chunk: AnswerChunk) => {
        arm();
        if (chunk.choice === 0 && chunk.text) onDelta?.(chunk.text);
        onChunk?.(chunk);
      },
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** A provider refused the key itself: a bad or revoked key, or that key's quota. */
const refusedKey = (error: ProviderError) => error.status === 401 || error.status === 403 || error.kind === 'rate_limited';

/** The calls of one routed request: attempts, usage and cost so far, and the reasons they add. */
export class CallSession {
  readonly attempts: Attempt[] = [];
  readonly usage: Usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0, estimated: false };
  costUsd = 0;
  /** The shortest wait any provider asked for: the Retry-After to report when everything failed. */
  private retryAfterMs: number | undefined;

  constructor(
    private readonly deps: CallPathDeps,
    private readonly req: ChatRequest,
    /** Reasons of the route; the session appends to it. */
    readonly reasons: string[],
    private readonly opts: { signal?: AbortSignal; localOnly: boolean },
  ) {}

  private noteRetryAfter(ms: number): void {
    this.retryAfterMs = this.retryAfterMs === undefined ? ms : Math.min(this.retryAfterMs, ms);
  }

  private fail(entry: ChainEntry, message: string, latencyMs = 0): ProviderError {
    this.attempts.push({ provider: entry.provider, model: entry.model, ok: false, error: message, latencyMs });
    return new ProviderError(message, 'upstream');
  }

  /** Adds an answer's usage (estimated when the provider reported none) and its cost. */
  charge(entry: ChainEntry, answer: ProviderAnswer): void {
    const usage: Usage = answer.usage ?? {
      promptTokens: estimateTokens(this.req.messages.map((m) => m.content).join('\n') + (this.req.context ?? []).map((p) => p.text).join('\n')),
      completionTokens: estimateTokens(answer.text),
      totalTokens: 0,
      estimated: true,
    };
    if (!answer.usage) usage.totalTokens = usage.promptTokens + usage.completionTokens;
    this.costUsd += this.deps.priceOf(entry, usage);
    this.usage.promptTokens += usage.promptTokens;
    this.usage.completionTokens += usage.completionTokens;
    this.usage.totalTokens += usage.totalTokens;
    this.usage.estimated ||= usage.estimated;
  }

  /** One chain entry: the answer, or the error that ended it. Throws only when the caller cancelled. */
  async call(
    entry: ChainEntry,
    target: CallTarget | undefined,
    onDelta: ((text: string) => void) | undefined,
    onChunk?: (chunk: AnswerChunk) => void,
  ): Promise<ProviderAnswer | ProviderError> {
    const { store, health, now, settings } = this.deps;
    if (!target) return this.fail(entry, `provider "${entry.provider}" is not configured or is disabled`);
    const { provider, keys } = target;
    if (this.opts.localOnly && !provider.local) {
      // Unreachable by construction; kept so that no future change can route around it.
      return new ProviderError('refused: cloud provider for a local-only request', 'upstream');
    }
    const triedKeys = new Set<string>();
    let waitedOnce = false;
    for (;;) {
      const acquired = await store.acquire(provider.id, now(), settings.breaker);
      health.circuit(provider.id, acquired.circuit);
      if (!acquired.allowed) {
        const wait = Math.max(0, acquired.circuit.openUntil - now());
        this.noteRetryAfter(wait);
        return this.fail(entry, `circuit open, retry in ${Math.ceil(wait / 1000)} s`);
      }

      let key: KeyChoice | undefined;
      if (keys && keys.size > 0) {
        key = keys.pick(acquired.keyCooldowns, now(), triedKeys);
        if (!key) {
          const wait = keys.soonestReadyInMs(acquired.keyCooldowns, now());
          this.noteRetryAfter(wait);
          const message = `every key of ${provider.id} was refused and is resting; the first is ready again in ${Math.ceil(wait / 1000)} s`;
          if (triedKeys.size > 0) {
            // This call used the keys up: that is a failure of the provider as far as callers can tell.
            const circuit = await store.failure(provider.id, now(), settings.breaker, { holdMs: 0, error: message, latencyMs: 0 });
            health.circuit(provider.id, circuit);
            health.failed(provider.id, now(), message);
          } else {
            await store.release(provider.id);
          }
          return this.fail(entry, message);
        }
      }

      const started = performance.now();
      try {
        const answer = await runAttempt(provider, entry, this.req, key, settings.timeoutMs, this.opts.signal, onDelta, onChunk);
        const latencyMs = Math.round(performance.now() - started);
        health.circuit(provider.id, await store.success(provider.id, latencyMs));
        health.succeeded(provider.id, latencyMs);
        this.attempts.push({ provider: entry.provider, model: entry.model, ok: true, latencyMs });
        return answer;
      } catch (caught) {
        const latencyMs = Math.round(performance.now() - started);
        const error = caught instanceof ProviderError ? caught : new ProviderError(String(caught), 'upstream');
        if (error.kind === 'aborted' || this.opts.signal?.aborted) {
          await store.release(provider.id);
          this.attempts.push({ provider: entry.provider, model: entry.model, ok: false, error: 'cancelled by the caller', latencyMs });
          throw new RouterError('aborted', 'the request was cancelled', { attempts: this.attempts });
        }
        this.attempts.push({ provider: entry.provider, model: entry.model, ok: false, error: error.message, latencyMs });

        if (key && keys && keys.size > 1 && refusedKey(error)) {
          // Several keys: rest this one (every replica skips it) and go on with the next.
          triedKeys.add(key.id);
          const restMs = error.kind === 'rate_limited' ? (error.retryAfterMs ?? settings.keyCooldown.rateLimitedMs) : settings.keyCooldown.unauthorizedMs;
          const why = error.kind === 'rate_limited' ? 'rate limited (429)' : `refused (${error.status})`;
          const note = { at: now(), message: `key …${key.lastFour} ${why}; resting ${Math.ceil(restMs / 1000)} s` };
          await store.coolKey(provider.id, key.id, now() + restMs, note);
          health.keyResting(provider.id, key.id, now() + restMs, note);
          await store.release(provider.id);
          this.reasons.push(`${label(entry)} ${why} key …${key.lastFour}; it rests ${Math.ceil(restMs / 1000)} s and the next key is tried`);
          continue;
        }

        health.failed(provider.id, now(), error.message, latencyMs);
        const wait = error.kind === 'rate_limited' ? (error.retryAfterMs ?? 1000) : undefined;
        if (wait !== undefined && wait <= settings.maxRetryAfterMs && !waitedOnce) {
          waitedOnce = true;
          await store.release(provider.id);
          this.reasons.push(`${label(entry)} was rate limited; waited ${Math.round(wait)} ms as asked and retried`);
          try {
            await sleep(wait, this.opts.signal);
          } catch {
            throw new RouterError('aborted', 'the request was cancelled', { attempts: this.attempts });
          }
          continue;
        }
        if (wait !== undefined) this.noteRetryAfter(wait);
        const holdMs = wait !== undefined && wait > settings.maxRetryAfterMs ? wait : 0;
        const circuit = await store.failure(provider.id, now(), settings.breaker, { holdMs, error: error.message, latencyMs });
        health.circuit(provider.id, circuit);
        return error;
      }
    }
  }

  /**
   * The chain in order until one answers. Once part of an answer reached the caller, another
   * model's answer cannot be spliced on: a mid-stream failure ends the request.
   */
  async callInOrder(
    chain: ChainEntry[],
    targetOf: (entry: ChainEntry) => CallTarget | undefined,
    onDelta: ((text: string) => void) | undefined,
    onChunk?: (chunk: AnswerChunk) => void,
  ): Promise<{ entry: ChainEntry; answer: ProviderAnswer } | undefined> {
    for (const [index, entry] of chain.entries()) {
      let emitted = false;
      const result = await this.call(
        entry,
        targetOf(entry),
        (text) => {
          emitted = true;
          onDelta?.(text);
        },
        onChunk
          ? (chunk) => {
              emitted = true;
              onChunk(chunk);
            }
          : undefined,
      );
      if (!(result instanceof ProviderError)) {
        if (index > 0) this.reasons.push(`served by ${label(entry)} after ${index} fallback${index === 1 ? '' : 's'}`);
        return { entry, answer: result };
      }
      if (emitted) {
        throw new RouterError('all_providers_failed', `the answer from ${label(entry)} broke off mid-stream: ${result.message}`, { attempts: this.attempts });
      }
      if (index < chain.length - 1) this.reasons.push(`${label(entry)} failed (${result.message}); falling back`);
    }
    return undefined;
  }

  /** The error once every entry failed: fail closed for local-only requests, 504 when all timed out. */
  exhausted(sensitivity: Sensitivity): RouterError {
    const summary = this.attempts.map((a) => `${a.provider}:${a.model} ${a.error ?? 'failed'}`).join('; ');
    const retryAfterSeconds = this.retryAfterMs !== undefined ? Math.max(1, Math.ceil(this.retryAfterMs / 1000)) : undefined;
    const extra = { attempts: this.attempts, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
    if (this.opts.localOnly) {
      return new RouterError('no_local_provider', `this request is ${sensitivity} and must stay on a local model, but no local model could serve it (${summary})`, extra);
    }
    const failed = this.attempts.filter((a) => !a.ok);
    if (failed.length > 0 && failed.every((a) => a.error?.startsWith('no response within') || a.error === 'upstream timed out')) {
      return new RouterError('upstream_timeout', `every provider timed out (${summary})`, extra);
    }
    return new RouterError('all_providers_failed', `every provider in the chain failed (${summary})`, extra);
  }
}
