// Digit runs: digits in groups separated by up to three spaces, dashes, dots or line breaks, so a
// number written "4111 1111 1111 1111", "536–22–8411" or "4111 1111\n1111 1111" is one run with
// its groups. Found in one pass over the text and shared by the card, id and phone detectors.
import { registerSharedPatterns } from './registry';
import type { TextView } from './text-view';

export interface DigitGroup {
  start: number;
  end: number;
}

export interface DigitRun {
  start: number;
  end: number;
  groups: DigitGroup[];
  /** All digits of the run, separators left out. */
  digits: string;
  /** Offsets into `digits` where each group starts. */
  offsets: number[];
}

// Digits, then groups of digits each after one to three separators. Separators and digits are
// disjoint, so the pattern cannot backtrack.
const RUN = /\d+(?:[ \n\t.-]{1,3}\d+)*/g;
const NOT_DIGIT = /\D/g;
/** Runs with fewer digits hold no id, card or account number; they are skipped unread. */
export const SHORTEST_NUMBER = 9;

const isDigit = (code: number) => code >= 48 && code <= 57;
const isWordChar = (code: number) => isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

function findRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  for (const match of text.matchAll(RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[0].length < SHORTEST_NUMBER) continue;
    // A run glued to letters is part of a code or a hash, not a number written for a reader.
    if (isWordChar(text.charCodeAt(start - 1)) || isWordChar(text.charCodeAt(end))) continue;
    const groups: DigitGroup[] = [];
    const offsets: number[] = [];
    let offset = 0;
    let i = start;
    while (i < end) {
      const from = i;
      while (i < end && isDigit(text.charCodeAt(i))) i++;
      offsets.push(offset);
      offset += i - from;
      groups.push({ start: from, end: i });
      while (i < end && !isDigit(text.charCodeAt(i))) i++;
    }
    const digits = match[0].replace(NOT_DIGIT, '');
    if (digits.length >= SHORTEST_NUMBER) runs.push({ start, end, groups, digits, offsets });
  }
  return runs;
}

registerSharedPatterns('digit-runs', [RUN, NOT_DIGIT]);

/** Runs of at least SHORTEST_NUMBER digits. */
export function digitRuns(view: TextView): DigitRun[] {
  return view.memo(findRuns, findRuns);
}

/** Group lengths of groups [from, to) of a run. */
export function groupShape(run: DigitRun, from: number, to: number): number[] {
  const shape: number[] = [];
  for (let g = from; g < to; g++) shape.push(run.groups[g]!.end - run.groups[g]!.start);
  return shape;
}

/** Digits of groups [from, to) of a run. */
export function groupDigits(run: DigitRun, from: number, to: number): string {
  const end = to < run.offsets.length ? run.offsets[to]! : run.digits.length;
  return run.digits.slice(run.offsets[from]!, end);
}
