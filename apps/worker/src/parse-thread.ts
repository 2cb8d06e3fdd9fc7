// The entry of the threads ThreadedParser (./parse-in-thread.ts) starts: parses each document it
// is sent, one at a time, and posts the outcome back. Built as its own file
// (dist/parse-thread.js) beside the bundle.
import { parentPort } from 'node:worker_threads';
import { parseDocument, ParseError, type ParseErrorCode, type ParsedDocument, type ParseOptions } from '@switchyard/vectorstore/parse';

export interface ParseRequest {
  bytes: Uint8Array;
  options: ParseOptions;
}

export type ParseOutcome =
  | { ok: true; parsed: ParsedDocument }
  /** Errors do not cross threads with their class: a ParseError travels as its code. */
  | { ok: false; message: string; parseErrorCode?: ParseErrorCode };

const port = parentPort;
port?.on('message', ({ bytes, options }: ParseRequest) => {
  parseDocument(bytes, options).then(
    (parsed) => port.postMessage({ ok: true, parsed } satisfies ParseOutcome),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      port.postMessage({ ok: false, message, ...(error instanceof ParseError ? { parseErrorCode: error.code } : {}) } satisfies ParseOutcome);
    },
  );
});
