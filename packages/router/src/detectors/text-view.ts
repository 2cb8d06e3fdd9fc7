// A normalised text handed to every detector, with lazily computed facts several detectors share
// (where the digit runs are, where person names and context words stand). Each fact is computed
// once per text, in one linear pass, so adding a detector never multiplies the cost of the others.

export interface Span {
  start: number;
  end: number;
}

export class TextView {
  private readonly cache = new Map<unknown, unknown>();

  constructor(readonly text: string) {}

  /** The value `compute` returns for this text, computed on first use. */
  memo<T>(key: unknown, compute: (text: string) => T): T {
    if (!this.cache.has(key)) this.cache.set(key, compute(this.text));
    return this.cache.get(key) as T;
  }

  /** Where `pattern` (which must have the g flag) matches, in order; computed once per pattern. */
  spans(pattern: RegExp): Span[] {
    return this.memo(pattern, (text) => [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length })));
  }
}

/** Index of the last span that starts before `index`, or -1 (spans are sorted by start). */
function lastStartingBefore(spans: readonly Span[], index: number): number {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.start < index) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** The closest span ending at or before `index` and no further than `window` characters away. */
export function nearestBefore(spans: readonly Span[], index: number, window: number): Span | undefined {
  for (let i = lastStartingBefore(spans, index); i >= 0; i--) {
    const span = spans[i]!;
    if (span.end <= index) return index - span.end <= window ? span : undefined;
  }
  return undefined;
}

/**
 * Is there a span within `window` characters of [from, to) that does not overlap it? Spans must not
 * overlap one another (the matches of one global pattern never do), so their ends are sorted too.
 */
export function anyNear(spans: readonly Span[], from: number, to: number, window: number, overlapCounts = false): boolean {
  for (let i = lastStartingBefore(spans, to + window); i >= 0; i--) {
    const span = spans[i]!;
    if (span.end <= from - window) return false;
    if (!overlapCounts && span.start < to && span.end > from) continue; // part of the thing itself ("Great Depression")
    return true;
  }
  return false;
}
