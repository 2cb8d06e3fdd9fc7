import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './stack';

// No Docker engine runs here; `docker-compose config` still validates and resolves the file.
describe('docker-compose.yml', () => {
  const resolved = execFileSync('docker-compose', ['-f', path.join(repoRoot, 'docker-compose.yml'), 'config'], {
    env: { ...process.env, ADMIN_API_KEY: 'a'.repeat(32) },
    encoding: 'utf8',
  });

  it('is valid and declares the five services', () => {
    for (const service of ['redis:', 'chroma:', 'api:', 'worker:', 'web:']) expect(resolved).toContain(`  ${service}`);
  });

  it('keeps queued jobs across Redis restarts and never evicts them', () => {
    expect(resolved).toMatch(/--appendonly\s+- "yes"/);
    expect(resolved).toContain('noeviction');
  });

  it('refuses to start without an admin key', () => {
    expect(() =>
      execFileSync('docker-compose', ['-f', path.join(repoRoot, 'docker-compose.yml'), 'config', '-q'], {
        env: { PATH: process.env.PATH },
        stdio: 'pipe',
      }),
    ).toThrow();
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
