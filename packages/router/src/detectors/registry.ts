// The detector registry. A detector is one file under src/detectors that calls registerDetector
// when it is imported (src/detectors/index.ts imports them all). Each detector declares every
// regular expression it uses in `patterns`, so one test can run a ReDoS checker over all of them.
import type { Sensitivity } from '../types';
import type { TextView } from './text-view';

export interface Finding {
  kind: string;
  sensitivity: Sensitivity;
  /** What was found, phrased to follow "contains": "an email address". Never the match itself. */
  what: string;
}

export interface Detector {
  /** A short name for tests and benchmarks, e.g. `email`. */
  id: string;
  /** Every regular expression this detector runs, for the linear-time test. */
  patterns: readonly RegExp[];
  /** Findings in the (already normalised) text, at most one per kind. */
  detect(view: TextView): Finding[];
}

const registered: Detector[] = [];
const sharedPatterns: { owner: string; pattern: RegExp }[] = [];

export function registerDetector(detector: Detector): void {
  if (registered.some((d) => d.id === detector.id)) throw new Error(`detector "${detector.id}" registered twice`);
  registered.push(detector);
}

/** Patterns used by helpers shared between detectors (normalisation, names, cues). */
export function registerSharedPatterns(owner: string, patterns: readonly RegExp[]): void {
  for (const pattern of patterns) sharedPatterns.push({ owner, pattern });
}

export function detectors(): readonly Detector[] {
  return registered;
}

/** Every pattern any detector or shared helper runs, with who owns it. */
export function allPatterns(): { owner: string; pattern: RegExp }[] {
  return [...sharedPatterns, ...registered.flatMap((d) => d.patterns.map((pattern) => ({ owner: d.id, pattern })))];
}
