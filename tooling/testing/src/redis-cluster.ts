// A real Redis Cluster for integration tests: three `redis-server --cluster-enabled yes` on free
// loopback ports (each also needs its bus port, port + 10000), joined with
// `redis-cli --cluster create … --cluster-replicas 0 --cluster-yes`, in a scratch directory.
// Three primaries, every slot assigned: keys of different hash tags land on different nodes,
// which is what makes cross-slot mistakes fail as they would in production.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TestRedisCluster {
  nodes: { host: string; port: number }[];
  /** REDIS_CLUSTER_NODES for an app's env.ts. */
  clusterNodes: string;
  stop(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port p with p and p + 10000 (the cluster bus) free, below the ephemeral range. */
async function freeClusterPort(taken: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (taken.has(port) || taken.has(port + 10_000)) continue;
    if ((await portIsFree(port)) && (await portIsFree(port + 10_000))) return port;
  }
  throw new Error('no free port pair for a Redis Cluster node');
}

function redisCli(port: number, ...args: string[]): string {
  const result = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`redis-cli ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

async function until(what: string, probe: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (probe()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startRedisCluster(size = 3): Promise<TestRedisCluster> {
  const directory = mkdtempSync(path.join(tmpdir(), 'switchyard-redis-cluster-'));
  const taken = new Set<number>();
  const ports: number[] = [];
  for (let index = 0; index < size; index++) {
    const port = await freeClusterPort(taken);
    taken.add(port);
    taken.add(port + 10_000);
    ports.push(port);
  }
  const children: ChildProcess[] = ports.map((port) =>
    spawn(
      'redis-server',
      [
        '--port', String(port),
        '--bind', '127.0.0.1',
        '--cluster-enabled', 'yes',
        '--cluster-config-file', `nodes-${port}.conf`,
        '--cluster-node-timeout', '5000',
        '--dir', directory,
        '--save', '',
        '--appendonly', 'no',
        '--dbfilename', `dump-${port}.rdb`,
      ],
      { stdio: 'ignore' },
    ),
  );
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    for (const port of ports) await until(`redis-server on ${port}`, () => redisCli(port, 'PING').trim() === 'PONG');
    const create = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
    for (const port of ports) await until(`cluster state ok on ${port}`, () => redisCli(port, 'CLUSTER', 'INFO').includes('cluster_state:ok'));
  } catch (error) {
    await stop();
    throw error;
  }
  const nodes = ports.map((port) => ({ host: '127.0.0.1', port }));
  return { nodes, clusterNodes: nodes.map((node) => `${node.host}:${node.port}`).join(','), stop };
}
