// The entry of an embedder thread (see embed-pool.ts). Each thread loads its own copy of the
// local model on its first task and then embeds the batches it is given, one at a time: the
// model is single-threaded, so N threads embed about N times as fast as one. Built, this file is
// dist/embed-thread.js beside the app's bundle.
import { threadId } from 'node:worker_threads';
import { LocalEmbedder } from './embedders';

export interface EmbedTask {
  texts: string[];
  /** Texts per model call inside the thread. */
  batchSize: number;
}

/** What one thread holds in memory, measured after its last task. */
export interface EmbedThreadMemory {
  threadId: number;
  /** The thread's JavaScript heap in use. */
  heapUsedBytes: number;
  /** Memory outside that heap owned by the thread: the model's WebAssembly memory and buffers. */
  externalBytes: number;
}

export interface EmbedTaskResult {
  vectors: number[][];
  memory: EmbedThreadMemory;
}

let embedder: Promise<LocalEmbedder> | undefined;

export default async function embedInThread(task: EmbedTask): Promise<EmbedTaskResult> {
  embedder ??= LocalEmbedder.create({ batchSize: task.batchSize }).catch((error: unknown) => {
    embedder = undefined;
    throw error;
  });
  const vectors = await (await embedder).embed(task.texts);
  // heapUsed and external are this thread's own (each thread is an isolate); rss is the process's.
  const usage = process.memoryUsage();
  return { vectors, memory: { threadId, heapUsedBytes: usage.heapUsed, externalBytes: usage.external } };
}
