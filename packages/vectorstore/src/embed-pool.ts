// A pool of embedder threads (piscina), each with its own copy of the local model. The model is
// single-threaded by design (TF.js on WebAssembly), so one instance uses one core however many
// the machine has; N threads embed about N times as fast, and the calling thread's event loop
// stays free (the worker renews its BullMQ job locks and beats its heartbeat on it; the API
// answers other requests while a query is embedded).
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import type { EmbedTask, EmbedTaskResult, EmbedThreadMemory } from './embed-thread';
import type { Embedder } from './types';

export type { EmbedThreadMemory } from './embed-thread';

export interface EmbedderPoolOptions {
  /** How many threads, each with a model (default: the number of cores). */
  threads?: number;
  /** Texts per model call inside a thread (default 32). */
  batchSize?: number;
  /**
   * The thread's entry file. Default: embed-thread.js beside this module once built (the app's
   * bundler emits it there), or the TypeScript source through tsx when run from source.
   */
  threadEntry?: string;
}

/**
 * Where the thread entry is. Built, this module is part of an app's bundle and the entry is
 * embed-thread.js beside it. Run from source (tsx, vitest), a thread cannot load TypeScript by
 * itself on Node 20, so it starts from embed-thread.source.mjs, which imports the source through
 * tsx's API (tsx is a dev dependency: only source runs need it).
 */
function defaultThreadEntry(): string {
  const name = import.meta.url.endsWith('.ts') ? './embed-thread.source.mjs' : './embed-thread.js';
  return fileURLToPath(new URL(name, import.meta.url));
}

/** The local Universal Sentence Encoder, run on a pool of threads. Same vectors as LocalEmbedder. */
export class EmbedderPool implements Embedder {
  readonly id = 'local-use-en';
  readonly dimensions = 512;
  readonly threads: number;
  private readonly batchSize: number;
  private readonly pool: Piscina<EmbedTask, EmbedTaskResult>;
  private readonly memory = new Map<number, EmbedThreadMemory>();
  private closed = false;

  private constructor(PiscinaPool: typeof Piscina, options: EmbedderPoolOptions) {
    this.threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? 32));
    this.pool = new PiscinaPool<EmbedTask, EmbedTaskResult>({
      filename: options.threadEntry ?? defaultThreadEntry(),
      minThreads: this.threads,
      maxThreads: this.threads,
      // Threads keep their model for the life of the pool: loading one takes seconds.
      idleTimeout: Number.POSITIVE_INFINITY,
      // Nothing of this process's command line (e.g. --import tsx) applies to the threads.
      execArgv: [],
    });
  }

  /** Starts every thread and loads its model, so the first real batch is fast. */
  static async create(options: EmbedderPoolOptions = {}): Promise<EmbedderPool> {
    // Loaded here, not at import: only processes that embed locally start a pool.
    const { Piscina: PiscinaPool } = await import('piscina');
    const pool = new EmbedderPool(PiscinaPool, options);
    try {
      // A thread takes one task at a time, so `threads` tasks at once reach every thread.
      await Promise.all(Array.from({ length: pool.threads }, () => pool.run(['warm up'])));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /**
   * One vector per text, in order. The texts are cut into one piece per thread (at most
   * batchSize each) and embedded at the same time; calls made at the same time share the threads.
   */
  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const pieceSize = Math.min(this.batchSize, Math.ceil(texts.length / this.threads));
    const pieces: string[][] = [];
    for (let start = 0; start < texts.length; start += pieceSize) pieces.push(texts.slice(start, start + pieceSize));
    const results = await Promise.all(pieces.map((piece) => this.run(piece)));
    return results.flat();
  }

  /** What each thread held in memory after its last batch, by thread. */
  memoryByThread(): EmbedThreadMemory[] {
    return [...this.memory.values()].sort((a, b) => a.threadId - b.threadId);
  }

  /** Ends the threads; batches still queued are rejected, and so is every later call. */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool.destroy();
  }

  private async run(texts: string[]): Promise<number[][]> {
    // piscina would start new threads for a task sent after destroy().
    if (this.closed) throw new Error('the embedder pool is closed');
    const result = await this.pool.run({ texts, batchSize: this.batchSize });
    this.memory.set(result.memory.threadId, result.memory);
    return result.vectors;
  }
}
