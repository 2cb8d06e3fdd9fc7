// The worker as a real process: killed with SIGKILL mid-job, another process finishes the job
// with exactly the chunks of a clean run; SIGTERM hands the running job back and exits 0; built
// by tsup, it still parses in its own thread.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { liveWorkers, personalCollectionId } from '@switchyard/documents';
import { testEnv, uniqueId } from '@switchyard/testing';
import { ChromaIndexes, chunkText, parseDocument } from '@switchyard/vectorstore';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUploader, minimalDocx, prose, slowHtml, waitFor, type Uploader } from '../test/helpers';

const env = testEnv();
// Each test gets its own queue and records, so no worker of one test takes another's jobs.
let prefix = '';
const blobDir = path.join(env.dataDir, 'blobs-process');
const appDir = path.resolve(import.meta.dirname, '..');
const redis = new Redis(env.redisUrl);
const encode = (text: string) => new TextEncoder().encode(text);

interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

const children: ChildProcess[] = [];

/** Runs the worker from source (through tsx), or the given built entry. */
function startWorker(extra: Record<string, string> = {}, entry = ['--import', 'tsx', 'src/main.ts']): WorkerProcess {
  const child = spawn(process.execPath, entry, {
    cwd: appDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      REDIS_URL: env.redisUrl,
      REDIS_PREFIX: prefix,
      CHROMA_URL: env.chromaUrl,
      CHROMA_COLLECTION_PREFIX: env.collectionPrefix,
      BLOB_DIR: blobDir,
      EMBEDDER: 'local',
      WORKER_CONCURRENCY: '1',
      EMBED_BATCH_SIZE: '8',
      // Short lock and stalled check so a killed worker's job is taken over within seconds.
      WORKER_LOCK_DURATION_MS: '5000',
      WORKER_STALLED_INTERVAL_MS: '1000',
      HEARTBEAT_INTERVAL_MS: '1000',
      ...extra,
    },
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr?.on('data', (data: Buffer) => (output += data.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output };
}

/** Resolves once the process has loaded its model and beats its heartbeat. */
async function waitUntilLive(worker: WorkerProcess, known: string[] = []): Promise<string> {
  return waitFor(
    `a worker heartbeat (output so far: ${worker.output().slice(-500)})`,
    async () => {
      if (worker.child.exitCode !== null) throw new Error(`worker exited early:\n${worker.output()}`);
      return (await liveWorkers(redis, prefix, 10_000)).find((id) => !known.includes(id));
    },
    40_000,
  );
}

let uploader: Uploader;
let indexes: ChromaIndexes;
/** The index a document's chunks are in: its collection's (uploads go to the owner's personal one), for the worker's embedder. */
const chunksOf = (doc: { ownerId: string; collectionId?: string | undefined }) =>
  indexes.forCollection(doc.collectionId ?? personalCollectionId(doc.ownerId), { id: 'local-use-en', dimensions: 512 });

beforeEach(() => {
  prefix = `${env.keyPrefix}${uniqueId('proc')}:`;
  uploader = createUploader(redis, env.redisUrl, prefix, blobDir);
});

afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await uploader.close();
});

beforeAll(() => {
  // Only reads Chroma: each collection's index is named after the worker's embedder (the local one).
  indexes = new ChromaIndexes({ url: env.chromaUrl, collectionPrefix: env.collectionPrefix });
});

afterAll(() => redis.disconnect());

describe('worker process', () => {
  it('finishes a job whose worker was SIGKILLed mid-ingest with exactly the chunks of a clean run', async () => {
    const bytes = encode(prose(30_000, 51));
    const parsed = await parseDocument(bytes, { filename: 'handbook.txt' });
    const cleanRun = await chunkText(parsed.text, { format: parsed.format, chunkSize: 1000, chunkOverlap: 150 });

    const first = startWorker();
    const firstId = await waitUntilLive(first);
    const doc = await uploader.upload({ ownerId: 'alice', filename: 'handbook.txt', mime: 'text/plain', bytes });
    await waitFor(
      'the first worker to be part-way through',
      async () => ((await uploader.repo.getAny(doc.id))?.progress ?? 0) >= 30,
      40_000,
      25,
    );
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const partial = await chunksOf(doc).countDocument(doc.id);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(cleanRun.length);
    expect((await uploader.repo.getAny(doc.id))?.status).toBe('processing');

    const second = startWorker();
    await waitUntilLive(second, [firstId]);
    const done = await uploader.waitForFinished(doc.id, 45_000);
    expect(done).toMatchObject({ status: 'ready', progress: 100, chunks: cleanRun.length });

    const stored = await chunksOf(doc).listDocumentChunks(doc.id);
    expect(stored.length).toBe(cleanRun.length);
    expect(stored.map((chunk) => chunk.chunkIndex)).toEqual(cleanRun.map((_, index) => index));
    expect(stored.map((chunk) => chunk.text)).toEqual(cleanRun.map((chunk) => chunk.text));
    expect(second.output()).toContain('took over a job whose worker stopped');

    // An idle worker stops promptly and cleanly on SIGTERM.
    const stopAsked = Date.now();
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    expect(Date.now() - stopAsked).toBeLessThan(5_000);
  }, 90_000);

  it('on SIGTERM mid-job hands the job back to the queue, not failed, and exits 0 within seconds', async () => {
    const worker = startWorker({ SHUTDOWN_GRACE_MS: '0' });
    const workerId = await waitUntilLive(worker);
    const doc = await uploader.upload({ ownerId: 'bob', filename: 'manual.txt', mime: 'text/plain', bytes: encode(prose(30_000, 61)) });
    await waitFor('the worker to be part-way through', async () => ((await uploader.repo.getAny(doc.id))?.progress ?? 0) >= 20, 40_000, 25);

    const stopAsked = Date.now();
    worker.child.kill('SIGTERM');
    const { code } = await worker.exited;
    expect(code, worker.output()).toBe(0);
    expect(Date.now() - stopAsked).toBeLessThan(5_000);

    const job = await uploader.queue.getJob(doc.id);
    expect(await job?.getState()).toBe('waiting');
    expect(job?.attemptsMade).toBe(0);
    expect((await uploader.repo.getAny(doc.id))?.status).toBe('queued');
    expect(await liveWorkers(redis, prefix, 10_000)).not.toContain(workerId);
  });

  it('built by tsup, parses in its own thread: a Word document is indexed, one past MAX_PARSE_MS fails once and readably', async () => {
    // The bundle the Dockerfile ships, built into test-artifacts so its npm imports resolve from this app.
    const outDir = 'test-artifacts/dist';
    await promisify(execFile)(path.join(appDir, 'node_modules/.bin/tsup'), ['--out-dir', outDir], { cwd: appDir });
    const worker = startWorker({ MAX_PARSE_MS: '2000', MAX_EXTRACTED_CHARS: '50000000' }, [path.join(outDir, 'main.js')]);
    const workerId = await waitUntilLive(worker);

    const policy = await uploader.upload({ ownerId: 'erin', filename: 'travel.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: await minimalDocx(['Travel policy', 'Book trains for trips under four hours.']) });
    expect(await uploader.waitForFinished(policy.id, 30_000)).toMatchObject({ status: 'ready', chunks: 1 });

    // html-to-text would spend seconds on this in one synchronous call.
    const slow = await uploader.upload({ ownerId: 'erin', filename: 'export.html', mime: 'text/html', bytes: slowHtml() });
    const failed = await uploader.waitForFinished(slow.id, 30_000);
    expect(failed).toMatchObject({ status: 'failed', error: 'The document took longer than 2 s to read and was given up.' });
    // Failed for good on its first attempt (the job is moved a moment after the record).
    await waitFor('the job to fail', async () => (await (await uploader.queue.getJob(slow.id))?.getState()) === 'failed');
    expect((await uploader.queue.getJob(slow.id))?.attemptsMade).toBe(1);
    // The process lived through it and kept beating its heartbeat.
    expect(worker.child.exitCode, worker.output()).toBeNull();
    expect(await liveWorkers(redis, prefix, 3_000)).toContain(workerId);
  }, 90_000);
});
