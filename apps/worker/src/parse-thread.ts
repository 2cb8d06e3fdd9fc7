// The entry of the threads ThreadedParser (./parse-in-thread.ts) starts: parses each document it
// is sent, or labels its chunks, one request at a time, and posts the outcome back. Built as its
// own file (dist/parse-thread.js) beside the bundle.
import { parentPort } from 'node:worker_threads';
import type { DocumentLabel, LabelDocumentInput, labelDocument as LabelDocument } from '@switchyard/router';
import { parseDocument, ParseError, type ParseErrorCode, type ParsedDocument, type ParseOptions, type ParseProgress } from '@switchyard/vectorstore/parse';

export type ThreadRequest =
  | { type: 'parse'; bytes: Uint8Array; options: ParseOptions }
  /** Chunk labels by the router's detectors, which take time in proportion to the text. */
  | { type: 'label'; input: LabelDocumentInput }
  /** Load what parsing and labelling need (see ThreadedParser.warmUp), so the first document does not wait for it. */
  | { type: 'warm' };

export type ThreadOutcome =
  | { ok: true; type: 'parse'; parsed: ParsedDocument }
  /** Not an outcome yet: a page of OCR is done (page 0: OCR starts); the outcome follows. */
  | { ok: true; type: 'progress'; progress: ParseProgress }
  | { ok: true; type: 'label'; label: DocumentLabel }
  | { ok: true; type: 'warm' }
  /** Errors do not cross threads with their class: a ParseError travels as its code. */
  | { ok: false; message: string; parseErrorCode?: ParseErrorCode };

/** The router is loaded on the first label (or warm-up) request, so a thread that only parses never pays for it. */
let labeller: Promise<typeof LabelDocument> | undefined;

async function handle(request: ThreadRequest): Promise<ThreadOutcome> {
  if (request.type === 'parse') {
    const onProgress = (progress: ParseProgress) => port?.postMessage({ ok: true, type: 'progress', progress } satisfies ThreadOutcome);
    return { ok: true, type: 'parse', parsed: await parseDocument(request.bytes, { ...request.options, onProgress }) };
  }
  labeller ??= import('@switchyard/router').then((router) => router.labelDocument);
  const labelDocument = await labeller;
  if (request.type === 'warm') {
    // A small plain-text document through both steps: loads the router and compiles the common path.
    const text = 'Warm-up. The quarterly report is due on Friday; send questions to the team lead.';
    labelDocument({ text: (await parseDocument(new TextEncoder().encode(text), { filename: 'warm-up.txt' })).text, chunks: [text] });
    return { ok: true, type: 'warm' };
  }
  return { ok: true, type: 'label', label: labelDocument(request.input) };
}

const port = parentPort;
port?.on('message', (request: ThreadRequest) => {
  handle(request).then(
    (outcome) => port.postMessage(outcome),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      port.postMessage({ ok: false, message, ...(error instanceof ParseError ? { parseErrorCode: error.code } : {}) } satisfies ThreadOutcome);
    },
  );
});
