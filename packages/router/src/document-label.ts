// Chunk-level sensitivity labels for a document. A chunk's label is the highest of
//   - what the uploader or owner declared for the whole document,
//   - the document's explicit markings (a "CONFIDENTIAL" banner marks every chunk), and
//   - what the detectors find in that chunk alone.
// A chat is raised only by the chunks that enter its prompt, so one contact line on the last page
// no longer makes every passage of a handbook confidential. The document's overall label is the
// highest chunk label; `reasons` say why, by finding kind, count and chunk, never by value.
import { documentMarkings, findSensitive, maxSensitivity, type Finding } from './sensitivity';
import type { Sensitivity } from './types';

export interface ChunkLabel {
  sensitivity: Sensitivity;
  /** Finding kinds in this chunk (`pii.email`, `marking.confidential`, ...). */
  kinds: string[];
}

export interface LabelReason {
  kind: string;
  sensitivity: Sensitivity;
  /** Words a person can read, following "contains": "an email address". Never the value. */
  what: string;
  /** How many chunks it was found in (1 for a document-wide marking). */
  count: number;
  /** Indexes of those chunks; empty for a document-wide marking or the declared label. */
  chunks: number[];
}

export interface DocumentLabel {
  sensitivity: Sensitivity;
  chunks: ChunkLabel[];
  reasons: LabelReason[];
}

export interface LabelDocumentInput {
  /** The whole parsed text; its head is where document-wide markings are read. */
  text: string;
  /** The chunks as they will be indexed, in order. */
  chunks: string[];
  declared?: Sensitivity;
}

export function labelDocument(input: LabelDocumentInput): DocumentLabel {
  const reasons = new Map<string, LabelReason>();
  const note = (finding: Finding, chunkIndex?: number) => {
    const reason = reasons.get(finding.kind) ?? { kind: finding.kind, sensitivity: finding.sensitivity, what: finding.what, count: 0, chunks: [] };
    reason.count += 1;
    if (chunkIndex !== undefined) reason.chunks.push(chunkIndex);
    reasons.set(finding.kind, reason);
  };

  const markings = documentMarkings(input.text);
  for (const marking of markings) note(marking);
  const documentLevel = maxSensitivity(input.declared, ...markings.map((m) => m.sensitivity));
  if (input.declared && input.declared !== 'public') {
    note({ kind: `declared.${input.declared}`, sensitivity: input.declared, what: `a label declared ${input.declared}` });
  }

  const chunks = input.chunks.map((chunk, index): ChunkLabel => {
    const findings = findSensitive(chunk);
    for (const finding of findings) note(finding, index);
    return { sensitivity: maxSensitivity(documentLevel, ...findings.map((f) => f.sensitivity)), kinds: findings.map((f) => f.kind) };
  });

  return {
    sensitivity: maxSensitivity(documentLevel, ...chunks.map((c) => c.sensitivity)),
    chunks,
    reasons: [...reasons.values()],
  };
}
