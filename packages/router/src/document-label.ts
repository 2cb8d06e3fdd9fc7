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
  /**
   * `document`: it applies to every chunk (the declared label, a marking at the top of the
   * document); `chunks`: it was found in the chunks listed.
   */
  scope: 'document' | 'chunks';
  /** How many chunks it was found in (1 for a document-wide reason). */
  count: number;
  /** Indexes of those chunks; empty for a document-wide reason. */
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

const DECLARED_PREFIX = 'declared.';

function declaredReason(declared: Sensitivity | undefined): LabelReason[] {
  if (!declared || declared === 'public') return [];
  return [{ kind: `${DECLARED_PREFIX}${declared}`, sensitivity: declared, what: `a label declared ${declared}`, scope: 'document', count: 1, chunks: [] }];
}

export function labelDocument(input: LabelDocumentInput): DocumentLabel {
  const reasons = new Map<string, LabelReason>();
  const note = (finding: Finding, chunkIndex?: number) => {
    const scope = chunkIndex === undefined ? 'document' : 'chunks';
    const key = `${scope}:${finding.kind}`;
    const reason = reasons.get(key) ?? { kind: finding.kind, sensitivity: finding.sensitivity, what: finding.what, scope, count: 0, chunks: [] };
    reason.count += 1;
    if (chunkIndex !== undefined) reason.chunks.push(chunkIndex);
    reasons.set(key, reason);
  };

  for (const marking of documentMarkings(input.text)) note(marking);
  for (const [index, chunk] of input.chunks.entries()) {
    for (const finding of findSensitive(chunk)) note(finding, index);
  }
  return labelFromReasons([...declaredReason(input.declared), ...reasons.values()], input.chunks.length);
}

export interface RelabelDocumentInput {
  /** The reasons of an earlier label (a record's `labelReasons`). */
  reasons: LabelReason[];
  chunkCount: number;
  /** The new declared label; undefined or public removes the declared one. */
  declared?: Sensitivity;
}

/**
 * The label of the same document under another declared label, without reading its text again:
 * what was found stays (a declared label is a floor for every chunk, so no chunk drops below its
 * own findings); only the declared reason is replaced.
 */
export function relabelDocument(input: RelabelDocumentInput): DocumentLabel {
  const found = input.reasons.filter((reason) => !reason.kind.startsWith(DECLARED_PREFIX));
  return labelFromReasons([...declaredReason(input.declared), ...found], input.chunkCount);
}

/** Each chunk: the highest of the document-wide reasons and those found in it. */
function labelFromReasons(reasons: LabelReason[], chunkCount: number): DocumentLabel {
  const documentWide = reasons.filter((reason) => reason.scope === 'document');
  const documentLevel = maxSensitivity(...documentWide.map((reason) => reason.sensitivity));
  const chunks: ChunkLabel[] = Array.from({ length: chunkCount }, () => ({ sensitivity: documentLevel, kinds: [] }));
  for (const reason of reasons) {
    if (reason.scope !== 'chunks') continue;
    for (const index of reason.chunks) {
      const chunk = chunks[index];
      if (!chunk) continue;
      chunk.sensitivity = maxSensitivity(chunk.sensitivity, reason.sensitivity);
      chunk.kinds.push(reason.kind);
    }
  }
  return {
    sensitivity: maxSensitivity(documentLevel, ...chunks.map((chunk) => chunk.sensitivity)),
    chunks,
    reasons,
  };
}
