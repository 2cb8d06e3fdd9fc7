// The ingest worker as a real, separate process, the way the launcher runs it: the API never
// imports the worker's code ("no app imports another app"). It runs the worker's own entry point
// from apps/worker (with tsx, as the worker's process test does, so it is always the current
// source and needs no build) against the same Redis prefix, Chroma collection prefix and blob
// directory as the API under test.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Env } from '../src/env';

const workerDir = path.resolve(import.meta.dirname, '../../worker');

export interface WorkerProcess {
  child: ChildProcess;
  /** stdout and stderr so far, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export function startWorkerProcess(api: Pick<Env, 'REDIS_URL' | 'REDIS_PREFIX' | 'CHROMA_URL' | 'CHROMA_COLLECTION_PREFIX' | 'BLOB_DIR' | 'EMBEDDER'>, extra: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: workerDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      REDIS_URL: api.REDIS_URL,
      REDIS_PREFIX: api.REDIS_PREFIX,
      CHROMA_URL: api.CHROMA_URL,
      CHROMA_COLLECTION_PREFIX: api.CHROMA_COLLECTION_PREFIX,
      BLOB_DIR: api.BLOB_DIR,
      EMBEDDER: api.EMBEDDER,
      WORKER_CONCURRENCY: '1',
      HEARTBEAT_INTERVAL_MS: '1000',
      ...extra,
    },
  });
  let output = '';
  child.stdout?.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr?.on('data', (data: Buffer) => (output += data.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return {
    child,
    output: () => output,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
