import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './stack';

// No Docker engine runs here; `docker-compose config` still validates and resolves the file.
describe('docker-compose.yml', () => {
  const resolved = execFileSync('docker-compose', ['-f', path.join(repoRoot, 'docker-compose.yml'), 'config'], {
    env: { ...process.env, ADMIN_API_KEY: 'a'.repeat(32), S3_SECRET_ACCESS_KEY: 'minio-password' },
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

  it('refuses to start without an admin key or without the object store password', () => {
    const config = (env: Record<string, string>) => () =>
      execFileSync('docker-compose', ['-f', path.join(repoRoot, 'docker-compose.yml'), 'config', '-q'], {
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: 'pipe',
      });
    expect(config({ S3_SECRET_ACCESS_KEY: 'minio-password' })).toThrow(/ADMIN_API_KEY/);
    expect(config({ ADMIN_API_KEY: 'a'.repeat(32) })).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(config({ ADMIN_API_KEY: 'a'.repeat(32), S3_SECRET_ACCESS_KEY: 'minio-password' })).not.toThrow();
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');

  it('builds with the same pnpm build the launcher uses and runs as a non-root user', () => {
    expect(dockerfile).toMatch(/RUN pnpm install --frozen-lockfile && pnpm build/);
    for (const target of ['api', 'worker', 'web']) expect(dockerfile).toContain(`AS ${target}`);
    expect(dockerfile).toMatch(/^USER switchyard$/m);
  });
});
