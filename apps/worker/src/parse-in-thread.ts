// Parses documents, and labels their chunks, in worker threads. The parsers have synchronous
// steps that can run for seconds (mammoth, html-to-text, pdf.js), and the sensitivity detectors
// take time in proportion to the text; in a thread neither can block this process's event loop,
// which renews the BullMQ job lock and beats the heartbeat. The time cap is hard: when it passes,
// the thread is terminated mid-step. Each thread's heap is capped too, so a document that needs
// too much memory fails on its own instead of taking the worker down.
import { Worker } from 'node:worker_threads';
import type { DocumentLabel, LabelDocumentInput } from '@switchyard/router';
import { defaultParseLimits, ParseError, parseTimeoutError, type ParsedDocument, type ParseOptions, type ParseProgress } from '@switchyard/vectorstore/parse';
import type { ThreadOutcome, ThreadRequest } from './parse-thread';

export const defaultParseMemoryMb = 1024;
/**
 * Past the OCR cap the thread gets this long to stop by itself (killing its tesseract process)
 * before it is terminated: a terminated thread cannot kill the processes it started.
 */
const OCR_STOP_GRACE_MS = 5_000;
/** The most labelling one document may take (linear detectors need well under a second per MB). */
export const defaultLabelMaxMs = 60_000;

/** Labelling a document took longer than its cap (the thread was ended). */
export class LabelTimeoutError extends Error {
  override name = 'LabelTimeoutError';
}

/**
 * What a thread runs. Built, this module is part of dist/main.js (or a chunk beside it) and the
 * entry is dist/parse-thread.js. Run from source (tsx, vitest) the entry is TypeScript, which a
 * thread cannot load by itself on Node 20 (`--import tsx` does not reach a worker's entry): a
 * small script imports it through tsx's API. tsx is a dev dependency; only source runs need it.
 */
function threadEntry(): { script: URL | string; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { script: new URL('./parse-thread.js', import.meta.url), eval: false };
  const tsxApi = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./parse-thread.ts', import.meta.url).href);
  return { script: `import(${tsxApi}).then(({ tsImport }) => tsImport(${entry}, ${JSON.stringify(import.meta.url)}))`, eval: true };
}

/**
 * parseDocument and labelDocument in worker threads: the same results and the same ParseErrors,
 * plus a hard time cap and a memory cap (ParseError `too_large`). A thread handles one request at
 * a time and is kept for the next one (loading the parsers costs more than most parses); one that
 * is cut off, runs out of memory or dies is replaced. Idle threads do not keep the process alive.
 */
export class ThreadedParser {
  private readonly idle = new Set<Worker>();
  private readonly maxMemoryMb: number;
  private readonly labelMaxMs: number;

  constructor(options: { maxMemoryMb?: number; labelMaxMs?: number } = {}) {
    this.maxMemoryMb = options.maxMemoryMb ?? defaultParseMemoryMb;
    this.labelMaxMs = options.labelMaxMs ?? defaultLabelMaxMs;
  }

  /**
   * The time cap is `limits.maxMs`, counted from the call (a new thread's start-up included), or
   * `limits.maxOcrMs` once the document turns out to need OCR. `onProgress` hears of each page
   * read by OCR (functions do not cross threads: it stays here, the thread sends the pages).
   */
  async parse(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedDocument> {
    const { onProgress, ...sent } = options;
    const maxMs = options.limits?.maxMs ?? defaultParseLimits.maxMs;
    const maxOcrMs = options.limits?.maxOcrMs ?? defaultParseLimits.maxOcrMs;
    const outcome = await this.run({ type: 'parse', bytes, options: sent }, maxMs, () => parseTimeoutError(maxMs), (progress, extendTo) => {
      if (progress.page === 0) extendTo(maxOcrMs + OCR_STOP_GRACE_MS, () => parseTimeoutError(maxOcrMs));
      onProgress?.(progress);
    });
    if (outcome.type !== 'parse') throw new Error('the parser thread answered another request');
    return outcome.parsed;
  }

  /** Chunk labels of a parsed document (labelDocument of @switchyard/router), within labelMaxMs. */
  async label(input: LabelDocumentInput): Promise<DocumentLabel> {
    const seconds = Math.round(this.labelMaxMs / 100) / 10;
    const outcome = await this.run({ type: 'label', input }, this.labelMaxMs, () => new LabelTimeoutError(`Checking the document for sensitive content took longer than ${seconds} s and was given up.`));
    if (outcome.type !== 'label') throw new Error('the parser thread answered another request');
    return outcome.label;
  }

  private run(
    request: ThreadRequest,
    maxMs: number,
    timeoutError: () => Error,
    onProgress?: (progress: ParseProgress, extendTo: (ms: number, error: () => Error) => void) => void,
  ): Promise<Exclude<Extract<ThreadOutcome, { ok: true }>, { type: 'progress' }>> {
    return new Promise((resolve, reject) => {
      const thread = this.take();
      const startedAt = Date.now();
      const detach = () => {
        clearTimeout(timer);
        thread.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      const armTimer = (ms: number, error: () => Error) =>
        setTimeout(() => {
          detach();
          void thread.terminate();
          reject(error());
        }, Math.max(0, startedAt + ms - Date.now()));
      /** A longer cap, from the start of the call (OCR). */
      const extendTo = (ms: number, error: () => Error) => {
        clearTimeout(timer);
        timer = armTimer(ms, error);
      };
      const onMessage = (outcome: ThreadOutcome) => {
        if (outcome.ok && outcome.type === 'progress') {
          onProgress?.(outcome.progress, extendTo);
          return;
        }
        detach();
        this.release(thread);
        if (outcome.ok) resolve(outcome);
        else reject(outcome.parseErrorCode ? new ParseError(outcome.parseErrorCode, outcome.message) : new Error(outcome.message));
      };
      const onError = (error: Error & { code?: string }) => {
        detach();
        void thread.terminate();
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(new ParseError('too_large', `Reading the document needs more than ${this.maxMemoryMb} MB of memory, the most we allow.`, { cause: error }));
        } else reject(error);
      };
      const onExit = (code: number) => {
        detach();
        reject(new Error(`The parser thread stopped unexpectedly (exit code ${code}).`));
      };
      let timer = armTimer(maxMs, timeoutError);
      thread.on('message', onMessage).on('error', onError).on('exit', onExit);
      thread.postMessage(request);
    });
  }

  /**
   * Starts `threads` threads (one per job the worker runs at once) and loads in each what parsing
   * and labelling need: the parsers and the router's detectors. Without it, each thread loads
   * them on its first document, and the router alone takes about a second of CPU, in the middle
   * of the embedder threads' work. The requests run at once, so each gets a thread of its own;
   * resolves once every thread is ready and idle.
   */
  async warmUp(threads: number): Promise<void> {
    const timeout = () => new Error(`Warming up a parser thread took longer than ${this.labelMaxMs} ms.`);
    await Promise.all(Array.from({ length: Math.max(0, Math.floor(threads)) }, () => this.run({ type: 'warm' }, this.labelMaxMs, timeout)));
  }

  /** Threads started and waiting for a request. */
  get idleThreads(): number {
    return this.idle.size;
  }

  /** Ends the idle threads (a running parse keeps its thread until it is done). */
  async close(): Promise<void> {
    const threads = [...this.idle];
    this.idle.clear();
    await Promise.all(threads.map((thread) => thread.terminate()));
  }

  private take(): Worker {
    const [reused] = this.idle;
    if (reused) {
      this.idle.delete(reused);
      reused.ref();
      return reused;
    }
    const entry = threadEntry();
    const thread = new Worker(entry.script, {
      eval: entry.eval,
      // Nothing of this process's command line (e.g. --import tsx) applies to the thread.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb },
    });
    // An idle thread that dies is forgotten; errors while parsing are handled by parse().
    thread.on('error', () => undefined);
    thread.once('exit', () => this.idle.delete(thread));
    return thread;
  }

  private release(thread: Worker): void {
    thread.unref();
    this.idle.add(thread);
  }
}
