// Digit runs: digits in groups separated by up to three spaces, dashes, dots or line breaks, so a
// number written "4111 1111 1111 1111", "536–22–8411" or "4111 1111\n1111 1111" is one run with
// its groups. Found in one pass over the text and shared by the card, id and phone detectors.
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

const MAX_GAP = 3;

const isDigit = (code: number) => code >= 48 && code <= 57;
const isSeparator = (ch: string | undefined) => ch === ' ' || ch === '-' || ch === '\n' || ch === '\t' || ch === '.';
const isWordChar = (ch: string | undefined) => ch !== undefined && /^[A-Za-z0-9_]$/.test(ch);

function findRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const groups: DigitGroup[] = [];
    const offsets: number[] = [];
    let digits = '';
    for (;;) {
      const start = i;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      offsets.push(digits.length);
      digits += text.slice(start, i);
      groups.push({ start, end: i });
      let gap = i;
      while (gap < text.length && gap - i < MAX_GAP && isSeparator(text[gap])) gap++;
      if (gap > i && isDigit(text.charCodeAt(gap))) i = gap;
      else break;
    }
    const run = { start: groups[0]!.start, end: i, groups, digits, offsets };
    // A run glued to letters is part of a code or a hash, not a number written for a reader.
    if (!isWordChar(text[run.start - 1]) && !isWordChar(text[run.end])) runs.push(run);
  }
  return runs;
}

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
