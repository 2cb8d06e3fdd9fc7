// The whole local stack: Redis, Chroma, api, worker and web, started in order and each awaited
// until healthy. `pnpm start` runs it; the browser tests start it the same way.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureChroma, ensureRedis, ensureTesseract, isPortOpen, makePrivate, privateSpawn, secretOf, stopChild, StackError, waitFor, workerHasBeaten, type Log, type ManagedService } from './services';

/**
 * How node runs the worker, here, in `pnpm start` (apps/worker/package.json) and in the image
 * (Dockerfile). --single-threaded-gc: the embedder threads keep every core busy, so V8's GC helper
 * threads would only take turns from them (the README's bench/ingest row has the figures).
 */
export const WORKER_NODE_ARGS = ['--single-threaded-gc', 'dist/main.js'];

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface StackPorts {
  web: number;
  api: number;
  redis: number;
  chroma: number;
}

export const defaultPorts: StackPorts = { web: 3000, api: 4000, redis: 6379, chroma: 8000 };

export interface StartStackOptions {
  ports?: Partial<StackPorts>;
  /** Redis data, Chroma data, blobs, logs and the generated admin key live here. */
  dataDir?: string;
  /** The environment handed to api, worker and web (REDIS_URL, CHROMA_URL and keys are honoured). */
  env?: Record<string, string | undefined>;
  /** Which apps to start (all by default). */
  apps?: ('api' | 'worker' | 'web')[];
  /** Run `turbo run build` first (cached: quick when nothing changed). Default true. */
  build?: boolean;
  log?: Log;
  /** Aborting during start-up stops whatever was started and rejects with a StackError. */
  signal?: AbortSignal;
}

export interface RunningStack {
  webUrl: string;
  apiUrl: string;
  redisUrl: string;
  chromaUrl: string;
  adminKey: string;
  /** Where the generated admin key is kept (0600); undefined when ADMIN_API_KEY came from the environment. */
  adminKeyFile: string | undefined;
  dataDir: string;
  /** The app processes by name, for tests that kill and restart one. */
  processes: Map<string, ChildProcess>;
  /** Starts (again) one app process with the stack's settings. */
  startApp(name: 'api' | 'worker' | 'web'): Promise<ChildProcess>;
  stop(): Promise<void>;
}

export const ADMIN_KEY_FILE = 'admin-api-key';
export const REDIS_PASSWORD_FILE = 'redis-password';

/** The admin API key of this data directory, generated on first start (0600). */
export function adminKeyOf(dataDir: string): string {
  return secretOf(dataDir, ADMIN_KEY_FILE, () => `sy_admin_${randomBytes(24).toString('base64url')}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startStack(options: StartStackOptions = {}): Promise<RunningStack> {
  const ports = { ...defaultPorts, ...options.ports };
  const dataDir = path.resolve(options.dataDir ?? path.join(repoRoot, '.data'));
  const env = options.env ?? {};
  const apps = options.apps ?? ['api', 'worker', 'web'];
  const log = options.log ?? (() => undefined);
  // Conversations (Redis's AOF), the vector index, uploads, logs and keys: owner only.
  makePrivate(dataDir);
  mkdirSync(path.join(dataDir, 'logs'), { recursive: true, mode: 0o700 });

  // One stack per data directory: a second start says so instead of fighting over ports.
  const pidFile = path.join(dataDir, 'stack.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new StackError(`Switchyard is already running (pid ${pid}, data in ${dataDir}). Stop it with Ctrl-C in its terminal or \`kill ${pid}\`.`);
    }
  }
  for (const app of apps) {
    if (app === 'worker') continue; // the worker listens on no port
    if (await isPortOpen(ports[app])) {
      throw new StackError(`port ${ports[app]} (${app}) is already taken by another program; free it or choose another port (${app.toUpperCase()}_PORT).`);
    }
  }
  writeFileSync(pidFile, String(process.pid), { mode: 0o600 });

  const services: ManagedService[] = [];
  const processes = new Map<string, ChildProcess>();
  let building: ChildProcess | undefined;
  // An abort during start-up ends the step in flight at once (the build, or a health wait that
  // watches its process) and the catch below stops everything already started.
  const onAbort = () => {
    building?.kill('SIGTERM');
    for (const child of processes.values()) child.kill('SIGTERM');
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const checkpoint = () => {
    if (options.signal?.aborted) throw new StackError('start-up interrupted; stopped what had started.');
  };
  const stop = async () => {
    for (const name of ['web', 'worker', 'api']) {
      const child = processes.get(name);
      if (child) await stopChild(child, 15_000);
    }
    for (const service of services.reverse()) await service.stop();
    rmSync(pidFile, { force: true });
  };

  try {
    // A Redis we start gets a generated password (kept in the data directory, 0600); a REDIS_URL
    // of yours is used as given.
    const redis = await ensureRedis({
      url: env.REDIS_URL ?? `redis://127.0.0.1:${ports.redis}`,
      ...(env.REDIS_URL ? {} : { password: secretOf(dataDir, REDIS_PASSWORD_FILE) }),
      dataDir: path.join(dataDir, 'redis'),
      log,
    });
    services.push(redis);
    checkpoint();
    const chroma = await ensureChroma({ url: env.CHROMA_URL ?? `http://127.0.0.1:${ports.chroma}`, dataDir: path.join(dataDir, 'chroma'), log });
    services.push(chroma);
    checkpoint();

    // The worker reads scanned PDFs and images with Tesseract (installed like Redis when missing).
    if (apps.includes('worker')) ensureTesseract({ log });

    if (options.build !== false) {
      log('Building api, worker and web (cached when unchanged)…');
      building = spawn('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only', '--filter=@switchyard/api', '--filter=@switchyard/worker', ...(apps.includes('web') ? ['--filter=@switchyard/web'] : [])], {
        cwd: repoRoot,
        stdio: 'inherit',
        env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
      });
      const status = await new Promise<number | null>((resolve) => building!.once('exit', (code) => resolve(code)));
      building = undefined;
      checkpoint();
      if (status !== 0) throw new StackError('the build failed (see above)');
    }

    const adminKey = env.ADMIN_API_KEY ?? adminKeyOf(dataDir);
    const adminKeyFile = env.ADMIN_API_KEY ? undefined : path.join(dataDir, ADMIN_KEY_FILE);
    const appEnv: Record<string, string | undefined> = {
      ...env,
      NODE_ENV: env.NODE_ENV ?? 'production',
      REDIS_URL: redis.url,
      CHROMA_URL: chroma.url,
      ADMIN_API_KEY: adminKey,
      BLOB_DIR: env.BLOB_DIR ?? path.join(dataDir, 'blobs'),
      NEXT_TELEMETRY_DISABLED: '1',
    };
    const apiUrl = `http://127.0.0.1:${ports.api}`;
    const webUrl = `http://127.0.0.1:${ports.web}`;

    const commands = {
      // Only this machine reaches the api, and its X-Forwarded-For is believed only from loopback:
      // the web server's proxy, which sets it to the browser's address.
      api: { cwd: path.join(repoRoot, 'apps/api'), args: ['dist/server.js'], env: { PORT: String(ports.api), HOST: '127.0.0.1', TRUST_PROXY: env.TRUST_PROXY ?? 'loopback' } },
      worker: { cwd: path.join(repoRoot, 'apps/worker'), args: WORKER_NODE_ARGS, env: {} },
      // The web app's own server (apps/web/server.ts): it puts the browser's real address in
      // X-Forwarded-For before Next sees the request.
      web: { cwd: path.join(repoRoot, 'apps/web'), args: ['dist/server.js'], env: { PORT: String(ports.web), HOST: '127.0.0.1', API_URL: apiUrl } },
    } as const;

    const startApp = async (name: 'api' | 'worker' | 'web'): Promise<ChildProcess> => {
      const command = commands[name];
      const logFile = createWriteStream(path.join(dataDir, 'logs', `${name}.log`), { flags: 'a', mode: 0o600 });
      // Files the apps write (uploaded blobs) are private too.
      const child = privateSpawn(process.execPath, command.args, { cwd: command.cwd, env: { ...appEnv, ...command.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.pipe(logFile);
      child.stderr?.pipe(logFile);
      processes.set(name, child);
      const tail = () => {
        try {
          return readFileSync(path.join(dataDir, 'logs', `${name}.log`), 'utf8').split('\n').slice(-15).join('\n');
        } catch {
          return '';
        }
      };
      const ready = {
        api: () => fetch(`${apiUrl}/health`).then((res) => res.ok),
        worker: () => workerHasBeaten(redis.url, appEnv.REDIS_PREFIX ?? 'sy:', child.pid ?? -1),
        web: () => fetch(`${webUrl}/`, { redirect: 'manual' }).then((res) => res.status < 500),
      }[name];
      try {
        await waitFor(name, ready, { timeoutMs: 90_000, intervalMs: 200, child });
      } catch (error) {
        throw new StackError(`${(error as Error).message}\n--- last lines of ${name}.log ---\n${tail()}`);
      }
      log(`${name}: up${name === 'worker' ? '' : ` on ${name === 'api' ? apiUrl : webUrl}`}`);
      return child;
    };

    for (const app of ['api', 'worker', 'web'] as const) {
      if (apps.includes(app)) await startApp(app);
      checkpoint();
    }
    options.signal?.removeEventListener('abort', onAbort);
    return { webUrl, apiUrl, redisUrl: redis.url, chromaUrl: chroma.url, adminKey, adminKeyFile, dataDir, processes, startApp, stop };
  } catch (error) {
    options.signal?.removeEventListener('abort', onAbort);
    await stop();
    if (options.signal?.aborted) throw new StackError('start-up interrupted; stopped what had started.');
    throw error;
  }
}
