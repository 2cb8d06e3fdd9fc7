// The api and the worker are bundled with the workspace packages they use (their tsup configs:
// @switchyard/* inlined, npm packages external), so every npm package those workspace packages
// import must be a dependency of the app itself: the built app resolves it from the app's own
// node_modules, and `pnpm deploy` ships only what the app lists. A package added to
// packages/router alone passed every source-level test and failed only when the built API started
// ("Cannot find package 'entities'").
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@switchyard/stack';
import { describe, expect, it } from 'vitest';

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
}

const WORKSPACE_DIRS = ['packages', 'tooling'];
const manifest = (dir: string): Manifest => JSON.parse(readFileSync(path.join(repoRoot, dir, 'package.json'), 'utf8')) as Manifest;

/** Workspace packages by name, with the folder they live in. */
function workspacePackages(): Map<string, string> {
  const found = new Map<string, string>();
  for (const parent of WORKSPACE_DIRS) {
    for (const entry of readdirSafe(path.join(repoRoot, parent))) {
      try {
        found.set(manifest(path.join(parent, entry)).name, path.join(parent, entry));
      } catch {
        // not a package
      }
    }
  }
  return found;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The npm packages the app's bundle imports: those of every workspace package it reaches at run time. */
function bundledNpmDependencies(app: string): Map<string, string> {
  const packages = workspacePackages();
  const needed = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (dir: string) => {
    for (const name of Object.keys(manifest(dir).dependencies ?? {})) {
      const workspaceDir = packages.get(name);
      if (workspaceDir !== undefined) {
        if (!seen.has(name)) {
          seen.add(name);
          visit(workspaceDir);
        }
      } else if (dir !== app) {
        needed.set(name, manifest(dir).name);
      }
    }
  };
  visit(app);
  return needed;
}

describe('a bundled app lists the npm packages of the workspace packages it inlines', () => {
  it.each(['apps/api', 'apps/worker'])('%s', (app) => {
    const own = new Set(Object.keys(manifest(app).dependencies ?? {}));
    const missing = [...bundledNpmDependencies(app)].filter(([name]) => !own.has(name)).map(([name, from]) => `${name} (from ${from})`);
    expect(missing).toEqual([]);
  });
});
