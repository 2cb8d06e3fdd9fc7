// Ingest throughput: chunks per second end to end through the queue (enqueue -> worker -> ready)
// versus the raw embedder alone on the very same chunk texts, in one run. Prints one JSON object:
// { endToEndChunksPerSec, rawEmbedderChunksPerSec, ratio, chunks, documents } (target ratio >= 0.9).
//
//   pnpm exec tsx bench/ingest/ingest.bench.ts       (from the repo root)
//   BENCH_DOCUMENTS=16 BENCH_DOCUMENT_CHARS=12000 ...  (optional corpus size)
//
// Uses the test services (Redis 6399, Chroma 8099), starting them if nothing answers, with a key
// and collection prefix of its own that it removes afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureChroma, ensureRedis, repoRoot } from '@switchyard/stack';
import { chunkText, LocalEmbedder, parseDocument } from '@switchyard/vectorstore';
import { Redis } from 'ioredis';
import { createIngestDeps } from '../../apps/worker/src/deps';
import { createIngestWorker } from '../../apps/worker/src/worker';
import { createUploader, prose } from '../../apps/worker/test/helpers';

const documents = Number(process.env.BENCH_DOCUMENTS ?? 12);
const documentChars = Number(process.env.BENCH_DOCUMENT_CHARS ?? 10_000);
const chunking = { chunkSize: 1000, chunkOverlap: 150 };
const embedBatchSize = 32;
const concurrency = 2;
const redisUrl = process.env.SWITCHYARD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6399';
const chromaUrl = process.env.SWITCHYARD_TEST_CHROMA_URL ?? 'http://127.0.0.1:8099';
const log = (line: string) => process.stderr.write(`[bench:ingest] ${line}\n`);

const runId = `b${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const prefix = `sybench:${runId}:`;
const collectionPrefix = `${runId}_`;
const scratch = mkdtempSync(path.join(tmpdir(), `switchyard-bench-${runId}-`));

const redisService = await ensureRedis({ url: redisUrl, dataDir: path.join(repoRoot, '.data/test/redis'), log });
const chromaService = await ensureChroma({ url: chromaUrl, dataDir: path.join(repoRoot, '.data/test/chroma'), log });
const redis = new Redis(redisUrl);

let collectionName: string | undefined;
try {
  const embedder = await LocalEmbedder.create({ batchSize: embedBatchSize });
  const corpus = Array.from({ length: documents }, (_, index) => new TextEncoder().encode(prose(documentChars, 1000 + index)));

  // The chunk texts a clean ingest embeds, document by document (the worker batches per document).
  const chunkTexts: string[][] = [];
  for (const bytes of corpus) {
    const parsed = await parseDocument(bytes, { filename: 'bench.txt' });
    chunkTexts.push((await chunkText(parsed.text, { format: parsed.format, ...chunking })).map((chunk) => chunk.text));
  }
  const chunks = chunkTexts.reduce((sum, texts) => sum + texts.length, 0);
  log(`${documents} documents, ${chunks} chunks`);

  const rawRun = async (): Promise<number> => {
    const started = performance.now();
    for (const texts of chunkTexts) {
      for (let i = 0; i < texts.length; i += embedBatchSize) await embedder.embed(texts.slice(i, i + embedBatchSize));
    }
    return chunks / ((performance.now() - started) / 1000);
  };

  // Warm up both paths (JIT, model, Chroma collection) on a small document.
  await embedder.embed(chunkTexts[0]?.slice(0, embedBatchSize) ?? ['warm up']);
  const deps = createIngestDeps({ redis, prefix, blobStore: { kind: 'fs', dir: path.join(scratch, 'blobs') }, chromaUrl, collectionPrefix, embedder, ...chunking, embedBatchSize });
  collectionName = deps.store.collectionName;
  const uploader = createUploader(redis, redisUrl, prefix, path.join(scratch, 'blobs'));
  const { shutdown } = createIngestWorker({
    redis: { mode: 'single', url: redisUrl },
    prefix,
    concurrency,
    lockDurationMs: 15_000,
    stalledIntervalMs: 5_000,
    maxStalledCount: 2,
    logger: { info: () => undefined, warn: () => undefined, error: (fields, message) => log(`${message} ${JSON.stringify(fields)}`) },
    deps,
  });
  const warm = await uploader.upload({ ownerId: 'bench', filename: 'warm.txt', mime: 'text/plain', bytes: new TextEncoder().encode(prose(2000, 7)) });
  await uploader.waitForFinished(warm.id, 120_000);

  // Raw before and after the end-to-end run, averaged, so a change in machine load during the
  // run does not favour either side.
  const rawBefore = await rawRun();
  log(`raw embedder: ${rawBefore.toFixed(1)} chunks/s`);

  const started = performance.now();
  const uploaded = await Promise.all(corpus.map((bytes, index) => uploader.upload({ ownerId: 'bench', filename: `doc-${index}.txt`, mime: 'text/plain', bytes })));
  const finished = await Promise.all(uploaded.map((doc) => uploader.waitForFinished(doc.id, 600_000)));
  const endToEndSeconds = (performance.now() - started) / 1000;
  const notReady = finished.filter((doc) => doc.status !== 'ready');
  if (notReady.length > 0) throw new Error(`${notReady.length} documents did not become ready: ${notReady[0]?.error ?? ''}`);
  const indexed = finished.reduce((sum, doc) => sum + doc.chunks, 0);
  if (indexed !== chunks) throw new Error(`indexed ${indexed} chunks, expected ${chunks}`);
  const endToEndChunksPerSec = chunks / endToEndSeconds;
  log(`end to end: ${endToEndChunksPerSec.toFixed(1)} chunks/s`);

  const rawAfter = await rawRun();
  log(`raw embedder again: ${rawAfter.toFixed(1)} chunks/s`);
  const rawEmbedderChunksPerSec = (rawBefore + rawAfter) / 2;

  await shutdown(0);
  await uploader.close();

  const round = (value: number) => Math.round(value * 100) / 100;
  console.log(
    JSON.stringify({
      endToEndChunksPerSec: round(endToEndChunksPerSec),
      rawEmbedderChunksPerSec: round(rawEmbedderChunksPerSec),
      ratio: round(endToEndChunksPerSec / rawEmbedderChunksPerSec),
      chunks,
      documents,
    }),
  );
} finally {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
  redis.disconnect();
  if (collectionName) {
    await fetch(`${chromaUrl}/api/v2/tenants/default_tenant/databases/default_database/collections/${collectionName}`, { method: 'DELETE' }).catch(() => undefined);
  }
  rmSync(scratch, { recursive: true, force: true });
  if (chromaService.startedByUs) await chromaService.stop();
  if (redisService.startedByUs) await redisService.stop();
}
