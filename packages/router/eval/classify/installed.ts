// Ordinary technical text from the real world: the READMEs and source files of the packages this
// repository installs (node_modules/.pnpm, pinned by the lockfile, so a run is repeatable). This is
// what a coding agent's system prompt and tool results hold, and what people upload as technical
// documents. Almost none of it is confidential: what is flagged is mostly a false alarm (a few are
// authors' personal e-mail addresses, which the e-mail rule counts as personal data on purpose).
// Measured, not asserted: there are no labels, only the share flagged and by which kind.
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../../src/classify';

const STORE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../node_modules/.pnpm');
const SOURCE = /\.(?:js|mjs|cjs|ts|md)$/;
const MIN_BYTES = 2_000;
const MAX_BYTES = 40_000;
/** Every n-th eligible source file, in path order, up to the cap: a spread over many packages. */
const SOURCE_STRIDE = 5;
const MAX_SOURCES = 2_500;

export interface InstalledReport {
  files: number;
  confidential: number;
  share: number;
  byKind: Record<string, number>;
  /** With --misses: which files, by kind. */
  flagged?: Record<string, string[]>;
}

function walk(dir: string, out: string[], depth = 0): void {
  if (depth > 12) return;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (/^(?:test|tests|__tests__|fixtures?|examples?)$/.test(entry.name)) continue;
      walk(full, out, depth + 1);
    } else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') && !entry.name.includes('.min.')) {
      out.push(full);
    }
  }
}

/** Every README in the store (each installed version of a package has its own) and a stride of the other source files. */
function corpus(): { readmes: string[]; sources: string[] } {
  const all: string[] = [];
  walk(STORE, all);
  const sized = all.filter((file) => {
    const size = statSync(file).size;
    return size >= MIN_BYTES && size <= MAX_BYTES;
  });
  const readmes = sized.filter((file) => /^readme\.md$/i.test(path.basename(file)));
  const others = sized.filter((file) => !/^readme\.md$/i.test(path.basename(file)));
  const sources = others.filter((_, index) => index % SOURCE_STRIDE === 0).slice(0, MAX_SOURCES);
  return { readmes, sources };
}

function score(files: string[], listFiles: boolean): InstalledReport {
  const byKind: Record<string, number> = {};
  const flagged: Record<string, string[]> = {};
  let confidential = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const result = classify({ message: text });
    if (result.sensitivity !== 'confidential') continue;
    confidential += 1;
    for (const signal of result.signals) {
      if (signal.sensitivity !== 'confidential') continue;
      byKind[signal.kind] = (byKind[signal.kind] ?? 0) + 1;
      (flagged[signal.kind] ??= []).push(path.relative(STORE, file));
    }
  }
  return {
    files: files.length,
    confidential,
    share: files.length === 0 ? 0 : Math.round((confidential / files.length) * 10_000) / 10_000,
    byKind,
    ...(listFiles ? { flagged } : {}),
  };
}

/**
 * Ordinary text in other languages: the user-interface strings that installed packages ship
 * translated (axe-core's rule help in 18 languages, 12 scripts among them, every string of 20
 * characters or more). None of it names a person or holds a secret.
 */
export function localeStrings(): string[] {
  const strings: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === 'string') {
      if (value.length >= 20) strings.push(value);
    } else if (value && typeof value === 'object') {
      for (const inner of Object.values(value)) collect(inner);
    }
  };
  for (const dir of readdirSync(STORE).filter((name) => name.startsWith('axe-core@'))) {
    const locales = path.join(STORE, dir, 'node_modules/axe-core/locales');
    for (const file of readdirSync(locales).filter((name) => name.endsWith('.json') && !name.startsWith('_'))) {
      collect(JSON.parse(readFileSync(path.join(locales, file), 'utf8')));
    }
  }
  return strings;
}

export function scoreStrings(strings: string[]): InstalledReport {
  const byKind: Record<string, number> = {};
  let confidential = 0;
  for (const text of strings) {
    const result = classify({ message: text });
    if (result.sensitivity !== 'confidential') continue;
    confidential += 1;
    for (const signal of result.signals) if (signal.sensitivity === 'confidential') byKind[signal.kind] = (byKind[signal.kind] ?? 0) + 1;
  }
  return { files: strings.length, confidential, share: strings.length === 0 ? 0 : Math.round((confidential / strings.length) * 10_000) / 10_000, byKind };
}

/** undefined when the packages are not installed (the eval still runs on its generated data). */
export function scoreInstalled(listFiles = false): { readmes: InstalledReport; sources: InstalledReport; translatedStrings: InstalledReport } | undefined {
  try {
    statSync(STORE);
  } catch {
    return undefined;
  }
  const { readmes, sources } = corpus();
  return { readmes: score(readmes, listFiles), sources: score(sources, listFiles), translatedStrings: scoreStrings(localeStrings()) };
}
