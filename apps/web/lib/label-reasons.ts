// Why a document has its label, in words a person can read: one line per kind of finding, with
// how many passages and which (never the values found; the API does not send them).
import type { LabelReason, Sensitivity } from '@switchyard/client';

const rank: Record<Sensitivity, number> = { public: 0, internal: 1, confidential: 2 };
const MAX_LISTED = 8;

export interface ReasonLine {
  /** "An email address — in 1 of 12 passages" */
  text: string;
  sensitivity: Sensitivity;
  /** 1-based passage numbers it was found in (empty when it applies to every passage). */
  passages: number[];
  /** More passages than `passages` lists. */
  more: number;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function describeReason(reason: LabelReason, totalPassages: number): ReasonLine {
  const base = { sensitivity: reason.sensitivity, passages: [] as number[], more: 0 };
  if (reason.kind.startsWith('declared.')) {
    return { ...base, text: `Declared ${reason.sensitivity} when uploaded or by the owner — applies to every passage` };
  }
  if (reason.scope === 'document') {
    return { ...base, text: `${capitalize(reason.what)} at the top of the document — applies to every passage` };
  }
  const passages = [...new Set(reason.chunks)].sort((a, b) => a - b).map((index) => index + 1);
  const where = totalPassages > 0 ? `in ${passages.length} of ${plural(totalPassages, 'passage')}` : `in ${plural(passages.length, 'passage')}`;
  return { ...base, text: `${capitalize(reason.what)} — ${where}`, passages: passages.slice(0, MAX_LISTED), more: Math.max(0, passages.length - MAX_LISTED) };
}

/** The reasons as lines, the most sensitive first, whole-document ones before passage ones. */
export function describeReasons(reasons: LabelReason[], totalPassages: number): ReasonLine[] {
  return [...reasons]
    .sort((a, b) => rank[b.sensitivity] - rank[a.sensitivity] || (a.scope === b.scope ? 0 : a.scope === 'document' ? -1 : 1))
    .map((reason) => describeReason(reason, totalPassages));
}
