// The cascade (router config `cascade: true`): a moderate request that may leave the machine is
// first drafted by the cheap tier's first model, buffered; a quality check keeps the draft or
// escalates to the tier's own chain. The draft's usage is paid for either way.
import type { CallSession, CallTarget } from './call-path';
import { label, type ChainEntry } from './policy';
import { deltasOf } from './providers/local-extractive';
import { ProviderError, type ProviderAnswer } from './providers/provider';
import type { ChatRequest, RouteDecision } from './types';

const HEDGE = /\b(?:I'?m not sure|I am not sure|I don'?t know|I do not know|I cannot|I can'?t (?:help|answer)|as an AI|unable to (?:answer|help)|no information)\b/i;

/** undefined when the draft is good enough, else why not (in words). */
export function draftQuality(draft: ProviderAnswer, req: ChatRequest): string | undefined {
  const text = draft.text.trim();
  if (draft.finishReason === 'length') return 'the draft was cut off';
  if (text.length < 24) return 'the draft is too short';
  if (HEDGE.test(text)) return 'the draft hedges or refuses';
  if ((req.context?.length ?? 0) > 0 && !/\[\d+\]/.test(text)) return 'the draft cites none of the documents';
  const question = [...req.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const questionWords = question.split(/\s+/).length;
  const answerWords = text.split(/\s+/).length;
  if (questionWords > 40 && answerWords < questionWords / 2) return 'the draft is too thin for the question';
  return undefined;
}

/** Whether this request gets a cheap draft first. */
export function cascadeApplies(route: RouteDecision, chain: ChainEntry[], draftEntry: ChainEntry | undefined, localOnly: boolean): draftEntry is ChainEntry {
  return (
    !localOnly &&
    route.complexity === 'moderate' &&
    route.tier !== 'explicit' &&
    draftEntry !== undefined &&
    chain[0] !== undefined &&
    label(draftEntry) !== label(chain[0])
  );
}

/**
 * Drafts with `draftEntry`; returns the draft when it passes (replayed through `onDelta`), or
 * undefined to escalate. Reasons say which happened.
 */
export async function draftFirst(
  session: CallSession,
  draftEntry: ChainEntry,
  target: CallTarget | undefined,
  req: ChatRequest,
  onDelta: ((text: string) => void) | undefined,
): Promise<ProviderAnswer | undefined> {
  const draft = await session.call(draftEntry, target, undefined);
  if (draft instanceof ProviderError) {
    session.reasons.push(`cascade: the cheap draft from ${label(draftEntry)} failed (${draft.message}); escalated`);
    return undefined;
  }
  const verdict = draftQuality(draft, req);
  if (verdict === undefined) {
    session.reasons.push(`cascade: the cheap draft from ${label(draftEntry)} passed the quality check`);
    for (const delta of deltasOf(draft.text, 4)) onDelta?.(delta);
    return draft;
  }
  if (draft.usage) session.charge(draftEntry, draft);
  session.reasons.push(`cascade: the cheap draft from ${label(draftEntry)} failed the quality check (${verdict}); escalated`);
  return undefined;
}
