// Classification off the event loop. The detectors cost about 0.7 ms of CPU per 1,000 characters
// of ordinary text (more with its decoded views), and a chat request is classified with its whole
// conversation, then read again before it is sent: a coding agent's /v1 request of ~360 KB held
// the event loop for ~770 ms, every turn, during which the process answered nothing else. A ClassifierPool classifies small inputs (a few ms) where it is
// called and everything larger on threads of its own (piscina), so the calling thread's event
// loop stays free; the verdict is the same either way (the same code runs in the thread).
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import type { ClassifierTask, ClassifierTaskResult } from './classify-thread';
import { classify } from './classify';
import { highestSensitivity } from './sensitivity';
import type { Classification, ClassifyInput, Sensitivity } from './types';

/** Classifies requests and texts; where it runs is its own business. */
export interface Classifier {
  classify(input: ClassifyInput): Promise<Classification>;
  /** The highest sensitivity found in any of the texts. */
  sensitivityOf(texts: string[]): Promise<Sensitivity>;
}

/**
 * Inputs up to this many characters in all are classified where they are asked for: ~3.6 ms of
 * CPU for 4,000 characters of a README (p50 on the 2-core dev machine), about what a thread hop
 * and a wait behind a larger task could cost anyway. Larger ones go to a thread.
 */
export const INLINE_MAX_CHARS = 4_000;

const inputChars = (input: ClassifyInput) => input.message.length + (input.history ?? []).reduce((sum, turn) => sum + turn.content.length, 0);
const textsChars = (texts: string[]) => texts.reduce((sum, text) => sum + text.length, 0);

/** Classifies on the calling thread (tests, tools, and the small inputs of a pool). */
export const inlineClassifier: Classifier = {
  classify: async (input) => classify(input),
  sensitivityOf: async (texts) => highestSensitivity(texts),
};

export interface ClassifierPoolOptions {
  /** How many threads (default 1: classification is short, and the threads share the cores with everything else). */
  threads?: number;
  /** Inputs up to this many characters are classified inline (default INLINE_MAX_CHARS). */
  inlineMaxChars?: number;
  /** The thread's entry file; by default classify-thread.js beside the bundle, or the source through tsx. */
  threadEntry?: string;
}

/**
 * Where the thread entry is. Built, this module is part of an app's bundle and the entry is
 * classify-thread.js beside it. Run from source (tsx, vitest), a thread cannot load TypeScript by
 * itself on Node 20, so it starts from classify-thread.source.mjs, which imports the source
 * through tsx's API.
 */
function defaultThreadEntry(): string {
  const name = import.meta.url.endsWith('.ts') ? './classify-thread.source.mjs' : './classify-thread.js';
  return fileURLToPath(new URL(name, import.meta.url));
}

export class ClassifierPool implements Classifier {
  readonly threads: number;
  readonly inlineMaxChars: number;
  private readonly pool: Piscina<ClassifierTask, ClassifierTaskResult>;
  private closed = false;

  private constructor(PiscinaPool: typeof Piscina, options: ClassifierPoolOptions) {
    this.threads = Math.max(1, Math.floor(options.threads ?? 1));
    this.inlineMaxChars = options.inlineMaxChars ?? INLINE_MAX_CHARS;
    this.pool = new PiscinaPool<ClassifierTask, ClassifierTaskResult>({
      filename: options.threadEntry ?? defaultThreadEntry(),
      minThreads: this.threads,
      maxThreads: this.threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      // Nothing of this process's command line (e.g. --import tsx) applies to the threads.
      execArgv: [],
    });
  }

  /** Starts the threads and loads the detectors in each, so the first large request is not slowed by it. */
  static async create(options: ClassifierPoolOptions = {}): Promise<ClassifierPool> {
    // Loaded here, not at import: only processes that classify large inputs start a pool.
    const { Piscina: PiscinaPool } = await import('piscina');
    const pool = new ClassifierPool(PiscinaPool, options);
    try {
      await Promise.all(Array.from({ length: pool.threads }, () => pool.pool.run({ kind: 'classify', input: { message: 'warm up' } })));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  async classify(input: ClassifyInput): Promise<Classification> {
    if (inputChars(input) <= this.inlineMaxChars) return classify(input);
    const result = await this.run({ kind: 'classify', input });
    if (result.kind !== 'classify') throw new Error('the classifier thread answered another task');
    return result.classification;
  }

  async sensitivityOf(texts: string[]): Promise<Sensitivity> {
    if (textsChars(texts) <= this.inlineMaxChars) return highestSensitivity(texts);
    const result = await this.run({ kind: 'sensitivity', texts });
    if (result.kind !== 'sensitivity') throw new Error('the classifier thread answered another task');
    return result.sensitivity;
  }

  /** Ends the threads; tasks still queued are rejected, and so is every later large input. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool.destroy();
  }

  private async run(task: ClassifierTask): Promise<ClassifierTaskResult> {
    // piscina would start new threads for a task sent after destroy().
    if (this.closed) throw new Error('the classifier pool is closed');
    return this.pool.run(task);
  }
}
