// Starting (or reusing) the two stateful services Switchyard needs: Redis and Chroma.
// Used by the local stack launcher (`pnpm start`) and by the test global setup, so both
// bring services up the same way.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';

export type Log = (line: string) => void;

export interface ManagedService {
  name: string;
  url: string;
  /** true when this process started it (and so must stop it). */
  startedByUs: boolean;
  process?: ChildProcess;
  stop(): Promise<void>;
}

export class StackError extends Error {
  override name = 'StackError';
}

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------
// Data at rest: everything under the data directory is readable by its owner only.

/**
 * Spawns a process whose files are private: umask 077 (directories 0700, files 0600) for
 * everything it creates (Redis's AOF, Chroma's database, uploaded blobs, logs). `exec` keeps the
 * pid, so signals reach the program itself.
 */
export function privateSpawn(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  return spawn('sh', ['-c', 'umask 077 && exec "$0" "$@"', command, ...args], options);
}

/**
 * Makes a directory private (0700) and, when it was not yet (a data directory from before this
 * rule), everything inside it too: directories 0700, files 0600.
 */
export function makePrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const wasOpen = (statSync(dir).mode & 0o077) !== 0;
  chmodSync(dir, 0o700);
  if (!wasOpen) return;
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const full = path.join(current, entry);
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) continue;
      if (stats.isDirectory()) {
        chmodSync(full, 0o700);
        walk(full);
      } else {
        chmodSync(full, 0o600);
      }
    }
  };
  walk(dir);
}

/** A secret kept in a 0600 file of the data directory, generated on first use. */
export function secretOf(dataDir: string, name: string, generate: () => string = () => randomBytes(24).toString('base64url')): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = generate();
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** A URL fit for a log line: its password replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(an unparseable URL)';
  }
}

function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = encodeURIComponent(password);
  return parsed.toString().replace(/\/$/, '');
}

/** Polls `check` until it resolves true or the deadline passes. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  { timeoutMs = 30_000, intervalMs = 100, child }: { timeoutMs?: number; intervalMs?: number; child?: ChildProcess } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new StackError(`${what} exited with code ${child.exitCode} before it was ready`);
    }
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new StackError(`${what} was not ready within ${Math.round(timeoutMs / 1000)} s`);
}

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function redisPing(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 500,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Whether the worker process with this pid has beaten its heartbeat (`<prefix>workers`, member
 * `host:pid:id`, see apps/worker) in the last 30 s. A restarted worker is up only once it beats
 * itself: an earlier worker's heartbeat stays fresh for a while after that worker died.
 */
export async function workerHasBeaten(url: string, prefix: string, pid: number): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const members = await client.zrangebyscore(`${prefix}workers`, Date.now() - 30_000, '+inf');
    return members.some((member) => member.split(':')[1] === String(pid));
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function chromaHeartbeat(url: string): Promise<boolean> {
  try {
    const res = await fetch(new URL('/api/v2/heartbeat', url), { signal: AbortSignal.timeout(1000) });
    return res.ok;
  } catch {
    return false;
  }
}

function portOf(url: string, fallback: number): number {
  const parsed = new URL(url);
  return parsed.port ? Number(parsed.port) : fallback;
}

async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function isDebianLike(): boolean {
  try {
    return /^(ID|ID_LIKE)=.*(debian|ubuntu)/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/** Installs redis-server with apt when we are root on Debian/Ubuntu; otherwise explains how. */
function installRedisServer(log: Log): void {
  const isRoot = process.getuid?.() === 0;
  if (!isDebianLike() || !isRoot) {
    throw new StackError(
      'redis-server is not installed. Install it (Debian/Ubuntu: `sudo apt-get install -y redis-server`, macOS: `brew install redis`) or set REDIS_URL to a running Redis.',
    );
  }
  log('redis-server not found: installing it with apt-get (Debian package redis-server)…');
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit' });
  if (update.status !== 0 || install.status !== 0 || !hasCommand('redis-server')) {
    throw new StackError('installing redis-server with apt-get failed; install it by hand or set REDIS_URL.');
  }
}

/** The Debian packages OCR needs: the engine and its English data (see packages/vectorstore/src/ocr.ts). */
export const TESSERACT_PACKAGES = ['tesseract-ocr', 'tesseract-ocr-eng'];

/** Whether Tesseract can read English here. */
function tesseractReadsEnglish(): boolean {
  const languages = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return languages.status === 0 && /^eng$/m.test(`${languages.stdout}${languages.stderr}`);
}

/**
 * Makes sure the OCR engine the worker runs for scanned PDFs and images is here: installs it with
 * apt when we are root on Debian/Ubuntu, like redis-server. Elsewhere, or if that fails, it says
 * how and returns false: everything else works, and such uploads fail with a message saying OCR
 * is not installed.
 */
export function ensureTesseract({ installIfMissing = true, log = () => undefined }: { installIfMissing?: boolean; log?: Log } = {}): boolean {
  if (hasCommand('tesseract') && tesseractReadsEnglish()) return true;
  const how = `Install it (Debian/Ubuntu: \`sudo apt-get install -y ${TESSERACT_PACKAGES.join(' ')}\`, macOS: \`brew install tesseract\`) to index scanned PDFs and images.`;
  if (!installIfMissing || !isDebianLike() || process.getuid?.() !== 0) {
    log(`OCR: Tesseract is not installed; scanned PDFs and images will fail to index. ${how}`);
    return false;
  }
  log(`OCR: Tesseract not found: installing it with apt-get (Debian packages ${TESSERACT_PACKAGES.join(', ')})…`);
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...TESSERACT_PACKAGES], { stdio: 'inherit' });
  if (update.status !== 0 || install.status !== 0 || !hasCommand('tesseract') || !tesseractReadsEnglish()) {
    log(`OCR: installing Tesseract with apt-get failed. ${how}`);
    return false;
  }
  return true;
}

export interface EnsureRedisOptions {
  /** Redis to use; started on its port when nothing answers there. */
  url: string;
  /**
   * Started with this password (requirepass, from a 0600 config file: never on the command line
   * where `ps` shows it). The returned URL carries it.
   */
  password?: string;
  /** Where a Redis we start keeps its AOF and RDB files. */
  dataDir: string;
  /** Install redis-server with apt when missing (root on Debian/Ubuntu only). */
  installIfMissing?: boolean;
  log?: Log;
}

export async function ensureRedis({ url: plainUrl, password, dataDir, installIfMissing = true, log = () => undefined }: EnsureRedisOptions): Promise<ManagedService> {
  const url = password ? withPassword(plainUrl, password) : plainUrl;
  if (await redisPing(url)) {
    log(`Redis: using the one at ${redactUrl(url)}`);
    return { name: 'redis', url, startedByUs: false, stop: async () => undefined };
  }
  if (password && (await redisPing(plainUrl))) {
    log(`Redis: using the one at ${redactUrl(plainUrl)}; it has no password, so any local user can read it (stop it to let the launcher start one with a password)`);
    return { name: 'redis', url: plainUrl, startedByUs: false, stop: async () => undefined };
  }
  const port = portOf(url, 6379);
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    throw new StackError(`REDIS_URL ${url} does not answer, and only a local Redis can be started for you.`);
  }
  if (await isPortOpen(port)) {
    throw new StackError(`port ${port} is taken by something that is not Redis; free it or set REDIS_URL.`);
  }
  if (!hasCommand('redis-server')) {
    if (!installIfMissing) throw new StackError('redis-server is not installed (apt-get install -y redis-server).');
    installRedisServer(log);
    // On a host with systemd the package starts its own Redis on 6379: use it, as we would have
    // had it been running before.
    if (await redisPing(url)) {
      log(`Redis: the freshly installed package's service answers at ${url}; using it`);
      return { name: 'redis', url, startedByUs: false, stop: async () => undefined };
    }
  }
  makePrivate(dataDir);
  const configFile: string[] = [];
  if (password) {
    const file = path.join(path.resolve(dataDir), 'redis.conf');
    writeFileSync(file, `requirepass "${password}"\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    configFile.push(file);
  }
  const child = privateSpawn(
    'redis-server',
    [...configFile, '--port', String(port), '--bind', '127.0.0.1', '--dir', path.resolve(dataDir), '--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction', '--save', '', '--daemonize', 'no', '--protected-mode', 'yes'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    await waitFor('redis-server', () => redisPing(url), { timeoutMs: 15_000, child });
  } catch (error) {
    await stopChild(child);
    throw new StackError(`${(error as Error).message}${stderr ? `: ${stderr.trim()}` : ''}`);
  }
  log(`Redis: started redis-server on ${redactUrl(url)} (AOF on, ${password ? 'password required, ' : ''}data in ${dataDir}, readable by you only)`);
  return { name: 'redis', url, startedByUs: true, process: child, stop: () => stopChild(child) };
}

/** Path of the `chroma` CLI shipped in the chromadb npm package. */
export function chromaCliPath(): string {
  // chromadb's "exports" hides package.json, so walk up from its entry point.
  let dir = path.dirname(require.resolve('chromadb'));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const cli = path.join(dir, 'dist', 'cli.mjs');
  if (!existsSync(cli)) throw new StackError(`the chromadb package has no CLI at ${cli}; run pnpm install`);
  return cli;
}

export interface EnsureChromaOptions {
  url: string;
  dataDir: string;
  log?: Log;
}

export async function ensureChroma({ url, dataDir, log = () => undefined }: EnsureChromaOptions): Promise<ManagedService> {
  if (await chromaHeartbeat(url)) {
    log(`Chroma: using the one at ${url}`);
    return { name: 'chroma', url, startedByUs: false, stop: async () => undefined };
  }
  const port = portOf(url, 8000);
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    throw new StackError(`CHROMA_URL ${url} does not answer, and only a local Chroma can be started for you.`);
  }
  if (await isPortOpen(port)) {
    throw new StackError(`port ${port} is taken by something that is not Chroma; free it or set CHROMA_URL.`);
  }
  // The Chroma server in the chromadb npm package (1.0.x) has no authentication: it listens on
  // loopback only, and its data directory is readable by its owner only.
  makePrivate(dataDir);
  const child = privateSpawn(process.execPath, [chromaCliPath(), 'run', '--path', path.resolve(dataDir), '--host', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // The child inherits our environment (PATH, locale); telemetry is off: this machine may be offline.
    // eslint-disable-next-line no-restricted-properties
    env: { ...process.env, ANONYMIZED_TELEMETRY: 'False' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  try {
    await waitFor('chroma', () => chromaHeartbeat(url), { timeoutMs: 60_000, child });
  } catch (error) {
    await stopChild(child);
    throw new StackError(`${(error as Error).message}${stderr ? `: ${stderr.trim()}` : ''}`);
  }
  log(`Chroma: started the chromadb server on ${url} (loopback only, data in ${dataDir}, readable by you only)`);
  return { name: 'chroma', url, startedByUs: true, process: child, stop: () => stopChild(child) };
}

export { stopChild };
