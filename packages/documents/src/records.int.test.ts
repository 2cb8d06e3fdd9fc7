import { testEnv } from '@switchyard/testing';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createIngestQueue, enqueueIngest } from './jobs';
import { DocumentRepository, documentRecordSchema } from './records';

const env = testEnv();
const redis = new Redis(env.redisUrl);
const repo = new DocumentRepository(redis, env.keyPrefix);
afterAll(() => redis.disconnect());

const blobKey = 'a'.repeat(64);
const base = { title: 'Plan', filename: 'plan.md', mime: 'text/markdown', size: 10, blobKey };

describe('DocumentRepository', () => {
  it('keeps each owner to their own documents', async () => {
    const doc = await repo.create({ ...base, ownerId: 'alice' });
    expect(await repo.get('alice', doc.id)).toMatchObject({ status: 'queued', progress: 0, chunks: 0 });
    expect(await repo.get('bob', doc.id)).toBeUndefined();
    expect((await repo.list('bob')).map((d) => d.id)).not.toContain(doc.id);
    expect(await repo.delete('bob', doc.id)).toBeUndefined();
    expect((await repo.list('alice')).map((d) => d.id)).toContain(doc.id);
  });

  it('publishes updates and bumps the corpus version when a document becomes ready', async () => {
    const doc = await repo.create({ ...base, ownerId: 'carol' });
    const corpusVersion = async () => Number((await redis.get(repo.corpusKey('carol'))) ?? 0);
    const before = await corpusVersion();
    const subscriber = redis.duplicate();
    const received = new Promise<string>((resolve) => subscriber.on('message', (_channel, message: string) => resolve(message)));
    await subscriber.subscribe(repo.eventsChannel(doc.id));
    await repo.update(doc.id, { status: 'ready', progress: 100, chunks: 3 });
    expect(JSON.parse(await received)).toMatchObject({ id: doc.id, status: 'ready', chunks: 3 });
    expect(await corpusVersion()).toBe(before + 1);
    subscriber.disconnect();
  });

  it('keeps label reasons and who set the label, in the record and in the published change', async () => {
    const doc = await repo.create({ ...base, ownerId: 'frank', declaredSensitivity: 'internal' });
    const labelReasons = [
      { kind: 'declared.internal', sensitivity: 'internal' as const, what: 'a label declared internal', scope: 'document' as const, count: 1, chunks: [] },
      { kind: 'pii.email', sensitivity: 'confidential' as const, what: 'an email address', scope: 'chunks' as const, count: 2, chunks: [3, 7] },
    ];
    const labelSetBy = { userId: 'frank', at: '2026-11-30T12:00:00.000Z' };
    const subscriber = redis.duplicate();
    const received = new Promise<string>((resolve) => subscriber.on('message', (_channel, message: string) => resolve(message)));
    await subscriber.subscribe(repo.eventsChannel(doc.id));
    const updated = await repo.update(doc.id, { sensitivity: 'confidential', labelReasons, labelSetBy });
    expect(updated).toMatchObject({ sensitivity: 'confidential', declaredSensitivity: 'internal', labelReasons, labelSetBy });
    expect(await repo.get('frank', doc.id)).toMatchObject({ labelReasons, labelSetBy });
    expect(documentRecordSchema.parse(JSON.parse(await received))).toMatchObject({ labelReasons, labelSetBy });
    subscriber.disconnect();
  });

  it('does not resurrect a deleted document when a late update arrives', async () => {
    const doc = await repo.create({ ...base, blobKey: 'd'.repeat(64), ownerId: 'dave' });
    const deleted = await repo.delete('dave', doc.id);
    expect(deleted?.blobUnused).toBe(true);
    expect(await repo.update(doc.id, { status: 'ready' })).toBeUndefined();
    expect(await repo.getAny(doc.id)).toBeUndefined();
  });

  it('reports a shared blob as still used while another document references it', async () => {
    const shared = 'b'.repeat(64);
    const first = await repo.create({ ...base, blobKey: shared, ownerId: 'erin' });
    await repo.create({ ...base, blobKey: shared, ownerId: 'erin' });
    expect((await repo.delete('erin', first.id))?.blobUnused).toBe(false);
  });
});

describe('enqueueIngest', () => {
  it('makes a double submit one job', async () => {
    const queue = createIngestQueue({ connection: { url: env.redisUrl }, prefix: env.keyPrefix });
    const payload = { documentId: 'doc-double', ownerId: 'alice', blobKey, mime: 'text/plain', filename: 'a.txt' };
    await enqueueIngest(queue, payload);
    await enqueueIngest(queue, payload);
    expect(await queue.getJobCountByTypes('waiting', 'delayed', 'active')).toBe(1);
    await queue.obliterate({ force: true });
    await queue.close();
  });
});
