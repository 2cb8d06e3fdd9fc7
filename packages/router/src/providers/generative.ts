// What the OpenAI and Anthropic providers share: the grounding prompt, citation parsing and the
// mapping of SDK errors to ProviderError.
import { redactSecrets } from '../sensitivity';
import type { ChatTurn, Citation, ContextPassage, WireTurn } from '../types';
import { turnText } from '../wire';
import { ProviderError } from './provider';

export function groundingPrompt(context: ContextPassage[] | undefined): string | undefined {
  if (!context || context.length === 0) return undefined;
  const passages = context.map((p, i) => `[${i + 1}] (${p.title}) ${p.text.trim()}`).join('\n\n');
  return (
    'Answer the user using the numbered passages below from their documents. ' +
    'Cite the passages you use with their numbers in square brackets, like [1]. ' +
    'If the passages do not contain the answer, say so plainly instead of guessing.\n\n' +
    passages
  );
}

/** Messages with the grounding prompt merged into (or added as) the system message. */
export function withGrounding(messages: ChatTurn[], context: ContextPassage[] | undefined): ChatTurn[] {
  const grounding = groundingPrompt(context);
  if (!grounding) return messages;
  const system = messages.filter((m) => m.role === 'system').map((m) => m.content);
  return [{ role: 'system', content: [...system, grounding].join('\n\n') }, ...messages.filter((m) => m.role !== 'system')];
}

export function quoteOf(text: string, max = 240): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Citations for the [n] markers the model wrote, in order of first use. */
export function citationsFromMarkers(text: string, context: ContextPassage[] | undefined): Citation[] {
  if (!context || context.length === 0) return [];
  const used: Citation[] = [];
  const seen = new Set<number>();
  for (const match of text.matchAll(/\[(\d{1,3})\]/g)) {
    const index = Number(match[1]) - 1;
    const passage = context[index];
    if (!passage || seen.has(index)) continue;
    seen.add(index);
    used.push({ id: passage.id, documentId: passage.documentId, title: passage.title, chunkIndex: passage.chunkIndex, quote: quoteOf(passage.text) });
  }
  return used;
}

function retryAfterMs(headers: unknown): number | undefined {
  if (!headers || typeof (headers as Headers).get !== 'function') return undefined;
  const h = headers as Headers;
  const ms = h.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const value = h.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** The system error code under a fetch failure (ECONNREFUSED, ENOTFOUND, ...), if any. */
function networkCode(error: unknown): string | undefined {
  let cause: unknown = (error as { cause?: unknown })?.cause;
  for (let depth = 0; depth < 3 && cause; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]{2,30}$/.test(code)) return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps an SDK error (either SDK: same shapes) to a ProviderError whose message holds no secret. */
export function toProviderError(error: unknown, signal: AbortSignal): ProviderError {
  if (error instanceof ProviderError) return error;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    const timedOut = reason instanceof ProviderError && reason.kind === 'timeout';
    return timedOut ? reason : new ProviderError('the request was cancelled', 'aborted');
  }
  const e = error as { status?: unknown; headers?: unknown; message?: unknown; name?: unknown };
  const message = redactSecrets(String(e?.message ?? error)).slice(0, 300);
  const status = typeof e?.status === 'number' ? e.status : undefined;
  if (status === 429) return new ProviderError(`rate limited (429): ${message}`, 'rate_limited', 429, retryAfterMs(e.headers));
  if (status === 408) return new ProviderError(`upstream timeout (408)`, 'timeout', 408);
  if (status !== undefined) return new ProviderError(`upstream error ${status}: ${message}`, 'upstream', status);
  // The OpenAI SDK leaves `name` as "Error"; its classes still say what happened.
  const name = `${String(e?.name ?? '')} ${String((error as { constructor?: { name?: unknown } })?.constructor?.name ?? '')}`;
  if (name.includes('Timeout')) return new ProviderError('upstream timed out', 'timeout');
  if (name.includes('Connection')) {
    const code = networkCode(error);
    return new ProviderError(`cannot reach the provider: ${message}${code ? ` (${code})` : ''}`, 'connection');
  }
  if (error instanceof SyntaxError || /parse|JSON/i.test(message)) return new ProviderError(`malformed response: ${message}`, 'malformed');
  return new ProviderError(message, 'upstream');
}

/** A wire conversation with the grounding prompt merged into (or added as) its first system message. */
export function withGroundingTurns(turns: WireTurn[], context: ContextPassage[] | undefined): WireTurn[] {
  const grounding = groundingPrompt(context);
  if (!grounding) return turns;
  const firstSystem = turns.findIndex((t) => t.role === 'system');
  if (firstSystem === -1) return [{ role: 'system', content: grounding }, ...turns];
  return turns.map((turn, index) => (index === firstSystem ? { ...turn, content: [turnText(turn), grounding].join('\n\n') } : turn));
}

/** A JSON value parsed, or undefined when the text is not JSON (a model's malformed tool arguments). */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
