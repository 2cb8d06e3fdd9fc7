// Parses documents in worker threads. The parsers have synchronous steps that can run for
// seconds (mammoth, html-to-text, pdf.js); in a thread they cannot block this process's event
// loop, which renews the BullMQ job lock and beats the heartbeat. The time cap is hard: when it
// passes, the thread is terminated mid-step. Each thread's heap is capped too, so a document that
// needs too much memory fails on its own instead of taking the worker down.
import { Worker } from 'node:worker_threads';
import { defaultParseLimits, ParseError, parseTimeoutError, type ParsedDocument, type ParseOptions } from '@switchyard/vectorstore/parse';
import type { ParseOutcome, ParseRequest } from './parse-thread';

export const defaultParseMemoryMb = 1024;

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
 * parseDocument in worker threads: the same results and the same ParseErrors, plus a hard time
 * cap and a memory cap (ParseError `too_large`). A thread parses one document at a time and is
 * kept for the next one (loading the parsers costs more than most parses); one that is cut off,
 * runs out of memory or dies is replaced. Idle threads do not keep the process alive.
 */
export class ThreadedParser {
  private readonly idle = new Set<Worker>();
  private readonly maxMemoryMb: number;

  constructor(options: { maxMemoryMb?: number } = {}) {
    this.maxMemoryMb = options.maxMemoryMb ?? defaultParseMemoryMb;
  }

  /** The time cap is `limits.maxMs`, counted from the call (a new thread's start-up included). */
  parse(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedDocument> {
    const maxMs = options.limits?.maxMs ?? defaultParseLimits.maxMs;
    return new Promise<ParsedDocument>((resolve, reject) => {
      const thread = this.take();
      const detach = () => {
        clearTimeout(timer);
        thread.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      const onMessage = (outcome: ParseOutcome) => {
        detach();
        this.release(thread);
        if (outcome.ok) resolve(outcome.parsed);
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
      const timer = setTimeout(() => {
        detach();
        void thread.terminate();
        reject(parseTimeoutError(maxMs));
      }, maxMs);
      thread.on('message', onMessage).on('error', onError).on('exit', onExit);
      thread.postMessage({ bytes, options } satisfies ParseRequest);
    });
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
