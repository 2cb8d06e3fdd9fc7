// Runs the router's public classifiers over the benchmark and scores them:
//   messages   classify({message, history}) -> sensitivity and signal kinds
//   documents  chunkText (as the worker chunks) -> labelDocument({text, chunks}) -> label
// Label-level scores (what routing sees) drive the targets; detector-level scores (which kinds
// fired) are reported to show which detector caught what.
import { chunkText } from '@switchyard/vectorstore';
import { classify, labelDocument, type Sensitivity } from '../../src/index';
import { buildDataset, type DocumentCase, type MessageCase } from './dataset';
import { CONFIDENTIAL_DOCUMENT_KINDS, ORDINARY_DOCUMENT_KINDS } from './documents';
import { FAMILIES } from './families';
import { HELD_OUT, type HeldOutCase } from './heldout';
export { HELD_OUT_FRESH } from './heldout-fresh';
import { TECHNIQUES } from './techniques';

/** The worker's defaults (apps/worker/src/env.ts: CHUNK_SIZE, CHUNK_OVERLAP). */
export const WORKER_CHUNKING = { chunkSize: 1000, chunkOverlap: 150 } as const;

/** The targets of issue 12. */
export const TARGETS = {
  confidentialRecall: 0.99,
  recallPerTechnique: 1,
  ordinaryMessagesConfidential: 0.02,
  ordinaryDocumentsConfidential: 0.05,
  confidentialDocumentsFound: 1,
} as const;

const RANK: Record<Sensitivity, number> = { public: 0, internal: 1, confidential: 2 };
const atLeast = (got: Sensitivity, wanted: Sensitivity) => RANK[got] >= RANK[wanted];
const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

export interface MessageOutcome {
  case: MessageCase;
  /** `public` when classify threw (see `error`): nothing was found. */
  got: Sensitivity;
  kinds: string[];
  error?: string;
}

export interface DocumentOutcome {
  case: DocumentCase;
  got: Sensitivity;
  chunks: number;
  confidentialChunks: number;
  kinds: string[];
  error?: string;
}

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** A short, escaped excerpt: the values are synthetic, but nobody needs the whole message. */
function excerpt(text: string, length = 90): string {
  const flat = text.replace(/[ \t\r\n]+/g, ' '); // not \s: it would hide U+FEFF and NBSP, which some cases are about
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

export function classifyMessages(cases: MessageCase[]): MessageOutcome[] {
  // One input that makes classify throw is a finding of its own; it must not hide the other figures.
  return cases.map((item) => {
    try {
      const result = classify({ message: item.message, ...(item.history ? { history: item.history } : {}) });
      const kinds = [...new Set(result.signals.filter((signal) => signal.sensitivity !== undefined).map((signal) => signal.kind))];
      return { case: item, got: result.sensitivity, kinds };
    } catch (error) {
      return { case: item, got: 'public', kinds: [], error: errorText(error) };
    }
  });
}

export async function labelDocuments(cases: DocumentCase[]): Promise<DocumentOutcome[]> {
  const outcomes: DocumentOutcome[] = [];
  for (const item of cases) {
    const chunks = await chunkText(item.text, { format: item.format, ...WORKER_CHUNKING });
    try {
      const label = labelDocument({ text: item.text, chunks: chunks.map((chunk) => chunk.text) });
      outcomes.push({
        case: item,
        got: label.sensitivity,
        chunks: chunks.length,
        confidentialChunks: label.chunks.filter((chunk) => chunk.sensitivity === 'confidential').length,
        kinds: [...new Set(label.reasons.map((reason) => reason.kind))],
      });
    } catch (error) {
      outcomes.push({ case: item, got: 'public', chunks: chunks.length, confidentialChunks: 0, kinds: [], error: errorText(error) });
    }
  }
  return outcomes;
}

export function score(messages: MessageOutcome[], documents: DocumentOutcome[], seed: number) {
  const sensitive = messages.filter((m) => m.case.group === 'sensitive');
  const ordinary = messages.filter((m) => m.case.group === 'ordinary');
  const confidential = sensitive.filter((m) => m.case.expected === 'confidential');
  const caught = (m: MessageOutcome) => atLeast(m.got, m.case.expected);

  const perFamily = Object.fromEntries(
    FAMILIES.map((family) => {
      const mine = sensitive.filter((m) => m.case.family === family.id);
      const fired = (m: MessageOutcome) => m.kinds.some((kind) => family.detectorKinds.test(kind));
      const truePositives = mine.filter(fired).length;
      // False alarms: this family's detector firing on an ordinary message. (Firing on another
      // family's message is not counted against it: that message is sensitive either way.)
      const falseAlarms = ordinary.filter(fired).length;
      return [
        family.id,
        {
          expected: family.expected,
          cases: mine.length,
          recall: ratio(mine.filter(caught).length, mine.length),
          detectorRecall: ratio(truePositives, mine.length),
          detectorPrecision: ratio(truePositives, truePositives + falseAlarms),
          falseAlarmsOnOrdinary: falseAlarms,
        },
      ];
    }),
  );

  const perTechnique = Object.fromEntries(
    TECHNIQUES.map((technique) => {
      const mine = sensitive.filter((m) => m.case.technique === technique);
      return [technique, { cases: mine.length, recall: ratio(mine.filter(caught).length, mine.length), missed: mine.filter((m) => !caught(m)).length }];
    }),
  );

  const ordinaryConfidential = ordinary.filter((m) => m.got === 'confidential');
  const byCategory = Object.fromEntries(
    [...new Set(ordinary.map((m) => m.case.category ?? ''))].map((category) => {
      const mine = ordinary.filter((m) => m.case.category === category);
      return [category, { cases: mine.length, confidential: mine.filter((m) => m.got === 'confidential').length }];
    }),
  );

  const ordinaryDocs = documents.filter((d) => d.case.expected !== 'confidential');
  const confidentialDocs = documents.filter((d) => d.case.expected === 'confidential');
  const byKind = Object.fromEntries(
    [...ORDINARY_DOCUMENT_KINDS, ...CONFIDENTIAL_DOCUMENT_KINDS].map((kind) => {
      const mine = documents.filter((d) => d.case.kind === kind);
      return [kind, { documents: mine.length, expected: mine[0]?.case.expected === 'confidential' ? 'confidential' : 'not confidential', labelledConfidential: mine.filter((d) => d.got === 'confidential').length }];
    }),
  );

  const kindsSeen = new Map<string, number>();
  for (const outcome of [...messages, ...documents]) for (const kind of outcome.kinds) kindsSeen.set(kind, (kindsSeen.get(kind) ?? 0) + 1);
  const mapped = (kind: string) => FAMILIES.some((family) => family.detectorKinds.test(kind));

  return {
    seed,
    counts: {
      messages: messages.length,
      sensitiveMessages: sensitive.length,
      ordinaryMessages: ordinary.length,
      families: FAMILIES.length,
      techniques: TECHNIQUES.length,
      documents: documents.length,
      ordinaryDocuments: ordinaryDocs.length,
      confidentialDocuments: confidentialDocs.length,
      chunks: documents.reduce((sum, d) => sum + d.chunks, 0),
      /** Inputs on which classify or labelDocument threw (counted as nothing found). */
      errors: messages.filter((m) => m.error).length + documents.filter((d) => d.error).length,
    },
    targets: TARGETS,
    summary: {
      confidentialRecall: ratio(confidential.filter((m) => m.got === 'confidential').length, confidential.length),
      internalRecall: ratio(sensitive.filter((m) => m.case.expected === 'internal' && caught(m)).length, sensitive.filter((m) => m.case.expected === 'internal').length),
      worstTechniqueRecall: Math.min(...Object.values(perTechnique).map((t) => t.recall ?? 1)),
      ordinaryMessagesConfidential: ratio(ordinaryConfidential.length, ordinary.length),
      ordinaryMessagesInternalOrAbove: ratio(ordinary.filter((m) => m.got !== 'public').length, ordinary.length),
      ordinaryDocumentsConfidential: ratio(ordinaryDocs.filter((d) => d.got === 'confidential').length, ordinaryDocs.length),
      ordinaryDocumentChunksConfidential: ratio(
        ordinaryDocs.reduce((sum, d) => sum + d.confidentialChunks, 0),
        ordinaryDocs.reduce((sum, d) => sum + d.chunks, 0),
      ),
      confidentialDocumentsFound: ratio(confidentialDocs.filter((d) => d.got === 'confidential').length, confidentialDocs.length),
    },
    perFamily,
    perTechnique,
    ordinaryByCategory: byCategory,
    documentsByKind: byKind,
    detectorKinds: {
      seen: Object.fromEntries([...kindsSeen].sort((a, b) => b[1] - a[1])),
      /** Kinds no family's `detectorKinds` pattern claims: update families.ts when detectors add kinds. */
      unmapped: [...kindsSeen.keys()].filter((kind) => !mapped(kind) && !kind.startsWith('declared.')).sort(),
    },
  };
}

export type ClassifyReport = ReturnType<typeof score>;

/** Everything that missed: sensitive messages labelled too low, ordinary ones labelled confidential, wrong documents. */
export function misses(messages: MessageOutcome[], documents: DocumentOutcome[]) {
  return {
    sensitiveMissed: messages
      .filter((m) => m.case.group === 'sensitive' && !atLeast(m.got, m.case.expected))
      .map((m) => ({ id: m.case.id, family: m.case.family, technique: m.case.technique, got: m.got, kinds: m.kinds, excerpt: excerpt(m.case.message), ...(m.case.history ? { history: excerpt(m.case.history.map((t) => t.content).join(' | ')) } : {}) })),
    ordinaryFlagged: messages
      .filter((m) => m.case.group === 'ordinary' && m.got === 'confidential')
      .map((m) => ({ id: m.case.id, category: m.case.category, technique: m.case.technique, kinds: m.kinds, excerpt: excerpt(m.case.message) })),
    errors: [...messages, ...documents]
      .filter((outcome) => outcome.error)
      .map((outcome) => ({ id: outcome.case.id, error: outcome.error })),
    documentsWrong: documents
      .filter((d) => (d.case.expected === 'confidential') !== (d.got === 'confidential'))
      .map((d) => ({ id: d.case.id, kind: d.case.kind, expected: d.case.expected, got: d.got, confidentialChunks: `${d.confidentialChunks}/${d.chunks}`, kinds: d.kinds })),
  };
}

/**
 * The hand-written held-out batch (heldout.ts): recall per kind and per technique, and the share of
 * ordinary cases labelled confidential (and internal or above). Reported separately from the
 * generated benchmark so the two can disagree.
 */
export function scoreHeldOut(cases: HeldOutCase[] = HELD_OUT) {
  const outcomes = cases.map((item) => {
    try {
      const result = classify({ message: item.message, ...(item.history ? { history: item.history } : {}) });
      return { item, got: result.sensitivity, kinds: [...new Set(result.signals.filter((signal) => signal.sensitivity !== undefined).map((signal) => signal.kind))] };
    } catch (error) {
      return { item, got: 'public' as Sensitivity, kinds: [] as string[], error: errorText(error) };
    }
  });
  const sensitive = outcomes.filter((o) => o.item.expected !== 'public');
  const ordinary = outcomes.filter((o) => o.item.expected === 'public');
  const caught = (o: (typeof outcomes)[number]) => atLeast(o.got, o.item.expected);
  const slice = (key: 'kind' | 'technique') =>
    Object.fromEntries(
      [...new Set(sensitive.map((o) => o.item[key]))].sort().map((value) => {
        const mine = sensitive.filter((o) => o.item[key] === value);
        return [value, { cases: mine.length, recall: ratio(mine.filter(caught).length, mine.length) }];
      }),
    );
  return {
    summary: {
      cases: outcomes.length,
      sensitive: sensitive.length,
      ordinary: ordinary.length,
      recall: ratio(sensitive.filter(caught).length, sensitive.length),
      confidentialRecall: ratio(sensitive.filter((o) => o.item.expected === 'confidential' && o.got === 'confidential').length, sensitive.filter((o) => o.item.expected === 'confidential').length),
      ordinaryConfidential: ratio(ordinary.filter((o) => o.got === 'confidential').length, ordinary.length),
      ordinaryInternalOrAbove: ratio(ordinary.filter((o) => o.got !== 'public').length, ordinary.length),
      errors: outcomes.filter((o) => 'error' in o && o.error).length,
    },
    perKind: slice('kind'),
    perTechnique: slice('technique'),
    misses: {
      sensitiveMissed: sensitive.filter((o) => !caught(o)).map((o) => ({ id: o.item.id, technique: o.item.technique, expected: o.item.expected, got: o.got, kinds: o.kinds, excerpt: excerpt(o.item.message) })),
      ordinaryFlagged: ordinary.filter((o) => o.got !== 'public').map((o) => ({ id: o.item.id, got: o.got, kinds: o.kinds, excerpt: excerpt(o.item.message) })),
    },
  };
}

export interface ClassifyEvalResult {
  report: ClassifyReport;
  misses: ReturnType<typeof misses>;
  messages: MessageOutcome[];
  documents: DocumentOutcome[];
}

export async function runClassifyEval(seed: number): Promise<ClassifyEvalResult> {
  const dataset = buildDataset(seed);
  const messages = classifyMessages(dataset.messages);
  const documents = await labelDocuments(dataset.documents);
  return { report: score(messages, documents, seed), misses: misses(messages, documents), messages, documents };
}
