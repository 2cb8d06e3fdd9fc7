// Digit runs: digits in groups separated by up to three spaces, dashes, dots or line breaks, so a
// number written "4111 1111 1111 1111", "536–22–8411" or "4111 1111\n1111 1111" is one run with
// its groups. Found in one pass over the text and shared by the card, id and phone detectors.
import { registerSharedPatterns } from './registry';
import type { TextView } from './text-view';

/**
 * A run of digit groups. Group bounds sit in one typed array rather than an object per group (a
 * hostile run holds tens of thousands of groups); the digits without separators are joined only
 * when asked for.
 */
export class DigitRun {
  private joined: string | undefined;

  constructor(
    /** The text the run is in. */
    readonly text: string,
    readonly start: number,
    readonly end: number,
    /** Start and end of each group in the text, in pairs. */
    private readonly bounds: Int32Array,
    readonly groupCount: number,
    /** How many digits the run holds. */
    readonly digitCount: number,
  ) {}

  groupStart(g: number): number {
    return this.bounds[2 * g]!;
  }

  groupEnd(g: number): number {
    return this.bounds[2 * g + 1]!;
  }

  /** The number of digits in group `g` (0 past the last group). */
  groupLength(g: number): number {
    return g < this.groupCount ? this.bounds[2 * g + 1]! - this.bounds[2 * g]! : 0;
  }

  /** All digits of the run, separators left out. */
  get digits(): string {
    this.joined ??= this.groupCount === 1 ? this.text.slice(this.start, this.end) : this.text.slice(this.start, this.end).replace(NOT_DIGIT, '');
    return this.joined;
  }

  /** Digits of groups [from, to). */
  groupDigits(from: number, to: number): string {
    if (from === 0 && to >= this.groupCount) return this.digits;
    let out = '';
    for (let g = from; g < to && g < this.groupCount; g++) out += this.text.slice(this.groupStart(g), this.groupEnd(g));
    return out;
  }
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
    // Groups alternate with separators, so a run of n characters has at most (n + 1) / 2 groups.
    const bounds = new Int32Array(match[0].length + 1);
    let groups = 0;
    let digits = 0;
    let i = start;
    while (i < end) {
      const from = i;
      while (i < end && isDigit(text.charCodeAt(i))) i++;
      bounds[2 * groups] = from;
      bounds[2 * groups + 1] = i;
      groups++;
      digits += i - from;
      while (i < end && !isDigit(text.charCodeAt(i))) i++;
    }
    if (digits >= SHORTEST_NUMBER) runs.push(new DigitRun(text, start, end, bounds, groups, digits));
  }
  return runs;
}

registerSharedPatterns('digit-runs', [RUN, NOT_DIGIT]);

/** Runs of at least SHORTEST_NUMBER digits. */
export function digitRuns(view: TextView): DigitRun[] {
  return view.memo(findRuns, findRuns);
}
