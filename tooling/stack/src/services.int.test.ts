import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromaHeartbeat, ensureRedis, makePrivate, redactUrl, redisPing, secretOf, workerHasBeaten } from './services';
import { startStack } from './stack';

const scratch = mkdtempSync(path.join(tmpdir(), 'stack-test-'));

/** A redis:// URL on a port that was free a moment ago. */
async function freeRedisUrl(): Promise<string> {
  const probe = await listenOnFreePort();
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return `redis://127.0.0.1:${port}`;
}

function listenOnFreePort(): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.end('HTTP/1.1 200 OK\r\n\r\n');
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

describe('ensureRedis', () => {
  const servers: net.Server[] = [];
  afterAll(() => servers.forEach((server) => server.close()));

  it('starts redis-server on a free port with AOF on and stops it again', async () => {
    const url = await freeRedisUrl();
    const redis = await ensureRedis({ url, dataDir: path.join(scratch, 'redis') });
    expect(redis.startedByUs).toBe(true);
    expect(await redisPing(url)).toBe(true);
    await redis.stop();
    expect(await redisPing(url)).toBe(false);
  });

  it('names the port when something else holds it', async () => {
    const server = await listenOnFreePort();
    servers.push(server);
    const port = (server.address() as net.AddressInfo).port;
    await expect(ensureRedis({ url: `redis://127.0.0.1:${port}`, dataDir: path.join(scratch, 'r2') })).rejects.toThrow(`port ${port} is taken`);
  });
});

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('data at rest', () => {
  it('starts Redis with a password it keeps off the command line, and its files readable by their owner only', async () => {
    const url = await freeRedisUrl();
    const dataDir = path.join(scratch, 'private-redis');
    const password = secretOf(scratch, 'redis-password-under-test');
    const redis = await ensureRedis({ url, password, dataDir });
    try {
      expect(redis.url).not.toBe(url);
      expect(await redisPing(redis.url)).toBe(true);
      expect(await redisPing(url)).toBe(false); // NOAUTH without it
      expect(readFileSync(`/proc/${redis.process!.pid}/cmdline`, 'utf8')).not.toContain(password);
      const { Redis } = await import('ioredis');
      const client = new Redis(redis.url);
      await client.set('conversation', 'my SSN is 123-45-6789');
      await client.call('BGREWRITEAOF');
      client.disconnect();
      expect(modeOf(dataDir)).toBe(0o700);
      expect(modeOf(path.join(dataDir, 'redis.conf'))).toBe(0o600);
      const aofDir = path.join(dataDir, 'appendonlydir');
      expect(modeOf(aofDir)).toBe(0o700);
      for (const file of readdirSync(aofDir)) expect(modeOf(path.join(aofDir, file)), file).toBe(0o600);
    } finally {
      await redis.stop();
    }
  });

  it('tightens a data directory from before: directories 0700, files 0600', () => {
    const dir = path.join(scratch, 'old-data');
    mkdirSync(path.join(dir, 'blobs', 'ab'), { recursive: true });
    writeFileSync(path.join(dir, 'blobs', 'ab', 'abcdef'), 'uploaded');
    writeFileSync(path.join(dir, 'admin-api-key'), 'sy_admin_x');
    for (const [target, mode] of [[dir, 0o755], [path.join(dir, 'blobs'), 0o755], [path.join(dir, 'blobs', 'ab'), 0o775], [path.join(dir, 'blobs', 'ab', 'abcdef'), 0o644], [path.join(dir, 'admin-api-key'), 0o644]] as const) chmodSync(target, mode);
    makePrivate(dir);
    expect([dir, path.join(dir, 'blobs'), path.join(dir, 'blobs', 'ab')].map(modeOf)).toEqual([0o700, 0o700, 0o700]);
    expect([path.join(dir, 'blobs', 'ab', 'abcdef'), path.join(dir, 'admin-api-key')].map(modeOf)).toEqual([0o600, 0o600]);
  });

  it('keeps generated secrets in 0600 files and never shows a password in a URL it logs', () => {
    const secret = secretOf(scratch, 'some-secret');
    expect(secret).toMatch(/^[\w-]{32}$/);
    expect(secretOf(scratch, 'some-secret')).toBe(secret);
    expect(modeOf(path.join(scratch, 'some-secret'))).toBe(0o600);
    expect(redactUrl('redis://:s3cret-pass@127.0.0.1:6379')).toBe('redis://:***@127.0.0.1:6379');
  });
});

describe('workerHasBeaten', () => {
  it('is true only for the worker process that beat itself, not for an earlier one still fresh', async () => {
    const url = await freeRedisUrl();
    const redis = await ensureRedis({ url, dataDir: path.join(scratch, 'beats') });
    try {
      const { Redis } = await import('ioredis');
      const client = new Redis(url);
      await client.zadd('sy:workers', Date.now(), 'box:1111:aaaa');
      await client.zadd('sy:workers', Date.now() - 120_000, 'box:3333:cccc');
      client.disconnect();
      expect(await workerHasBeaten(url, 'sy:', 1111)).toBe(true);
      expect(await workerHasBeaten(url, 'sy:', 2222)).toBe(false);
      expect(await workerHasBeaten(url, 'sy:', 3333)).toBe(false);
    } finally {
      await redis.stop();
    }
  });
});

describe('startStack', () => {
  it('says a stack is already running instead of fighting over its ports', async () => {
    const dataDir = path.join(scratch, 'running');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'stack.pid'), String(process.ppid));
    await expect(startStack({ dataDir, build: false })).rejects.toThrow(/already running \(pid \d+/);
  });

  it('an interrupted start-up stops the Redis and Chroma it had started and says so', async () => {
    const freePort = async () => {
      const probe = await listenOnFreePort();
      const port = (probe.address() as net.AddressInfo).port;
      await new Promise((resolve) => probe.close(resolve));
      return port;
    };
    const ports = { redis: await freePort(), chroma: await freePort(), api: await freePort(), web: await freePort() };
    const startup = new AbortController();
    const lines: string[] = [];
    const starting = startStack({
      dataDir: path.join(scratch, 'interrupted'),
      ports,
      apps: ['api'],
      build: false,
      env: {},
      signal: startup.signal,
      // Ctrl-C right after Chroma is up, as a person would press it while the apps start.
      log: (line) => {
        lines.push(line);
        if (line.startsWith('Chroma:')) startup.abort();
      },
    });
    await expect(starting).rejects.toThrow(/start-up interrupted/);
    expect(lines.some((line) => line.startsWith('Redis:'))).toBe(true);
    expect(await redisPing(`redis://127.0.0.1:${ports.redis}`)).toBe(false);
    expect(await chromaHeartbeat(`http://127.0.0.1:${ports.chroma}`)).toBe(false);
  });
});
