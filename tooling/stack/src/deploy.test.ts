import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, WORKER_NODE_ARGS } from './stack';

// No Docker engine runs here; `docker-compose config` still validates and resolves the file.
describe('docker-compose.yml', () => {
  const resolved = execFileSync('docker-compose', ['-f', path.join(repoRoot, 'docker-compose.yml'), 'config'], {
    env: { ...process.env, ADMIN_API_KEY: 'a'.repeat(32), S3_SECRET_ACCESS_KEY: 'minio-password', REDIS_PASSWORD: 'redis-password-for-tests' },
    encoding: 'utf8',
  });

  it('is valid and declares the services: the three apps, Redis, Chroma and the object store', () => {
    for (const service of ['redis:', 'chroma:', 'minio:', 'minio-init:', 'api:', 'worker:', 'web:']) expect(resolved).toContain(`  ${service}`);
  });

  it('keeps uploads in the object store, so no app container needs a shared volume and the api can scale', () => {
    expect(resolved.match(/BLOB_STORE: s3/g)).toHaveLength(2); // api and worker
    expect(resolved).toContain('S3_ENDPOINT: http://minio:9000');
    expect(resolved).not.toMatch(/blobs:\/data\/blobs/);
    expect(resolved).toMatch(/published: "?4000-4009"?|4000-4009:4000/);
  });

  it('keeps queued jobs across Redis restarts and never evicts them', () => {
    expect(resolved).toMatch(/--appendonly\s+- "yes"/);
    expect(resolved).toContain('noeviction');
  });

  it('refuses to start without an admin key, the object store password or the Redis password', () => {
    const config = (env: Record<string, string>) => () =>
      execFileSync('docker-compose', ['-f', path.join(repoRoot, 'docker-compose.yml'), 'config', '-q'], {
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: 'pipe',
      });
    const all = { ADMIN_API_KEY: 'a'.repeat(32), S3_SECRET_ACCESS_KEY: 'minio-password', REDIS_PASSWORD: 'redis-password-for-tests' };
    const without = (name: keyof typeof all) => Object.fromEntries(Object.entries(all).filter(([key]) => key !== name));
    expect(config(without('ADMIN_API_KEY'))).toThrow(/ADMIN_API_KEY/);
    expect(config(without('S3_SECRET_ACCESS_KEY'))).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(config(without('REDIS_PASSWORD'))).toThrow(/REDIS_PASSWORD/);
    expect(config(all)).not.toThrow();
  });

  it('protects Redis with the password, keeps Chroma unpublished, and trusts forwarded addresses only from the web container', () => {
    expect(resolved).toContain('redis://:redis-password-for-tests@redis:6379');
    expect(resolved).toMatch(/--requirepass\s+- redis-password-for-tests/);
    expect(resolved).toContain('REDISCLI_AUTH: redis-password-for-tests');
    // The chroma service's block: from its name to the next service's, at two spaces of indent.
    const start = resolved.indexOf('\n  chroma:\n');
    const end = resolved.slice(start + 1).search(/\n {2}[a-z][\w-]*:\n/);
    const chroma = resolved.slice(start, start + 1 + end);
    expect(chroma).toContain('image: chromadb/chroma');
    expect(chroma).not.toContain('ports:');
    expect(resolved).toContain('TRUST_PROXY: 172.28.0.30');
    expect(resolved).toContain('ipv4_address: 172.28.0.30');
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');

  it('builds with the same pnpm build the launcher uses and runs as a non-root user', () => {
    expect(dockerfile).toMatch(/RUN pnpm install --frozen-lockfile && pnpm build/);
    for (const target of ['api', 'worker', 'web']) expect(dockerfile).toContain(`AS ${target}`);
    expect(dockerfile).toMatch(/^USER switchyard$/m);
  });

  it('runs the worker with the node flags the launcher and `pnpm start` use', () => {
    const worker = dockerfile.slice(dockerfile.indexOf('AS worker'));
    const command = JSON.parse(/^CMD (\[.*\])$/m.exec(worker)?.[1] ?? '[]') as string[];
    expect(command).toEqual(['node', ...WORKER_NODE_ARGS]);
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'apps/worker/package.json'), 'utf8')) as { scripts: { start: string } };
    expect(manifest.scripts.start).toBe(['node', ...WORKER_NODE_ARGS].join(' '));
  });
});
