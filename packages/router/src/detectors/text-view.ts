// A normalised text handed to every detector, with lazily computed facts several detectors share
// (where the digit runs are, where person names and context words stand). Each fact is computed
// once per text, in one linear pass, so adding a detector never multiplies the cost of the others.

const DIGIT = /\d/;

export interface Span {
  start: number;
  end: number;
}

/**
 * Which pairs of adjacent characters occur in a text: one byte per pair of 7-bit codes (a
 * character outside ASCII counts as its low seven bits, which can only add pairs). A literal whose
 * pairs are not all there is not in the text. Checking that costs a few lookups where searching a
 * long text costs a scan each time, and a scan of text built to be adversarial ("AAAA…" against
 * "AKIA") can cost far more than its length suggests.
 */
class CharacterPairs {
  private readonly exact = new Uint8Array(128 * 128);
  private folded: Uint8Array | undefined;
  private readonly length: number;
  private readonly first: number;

  constructor(text: string) {
    // Latin-1 bytes: a native conversion, and a byte array reads faster than charCodeAt.
    const bytes = Buffer.from(text, 'latin1');
    const exact = this.exact;
    this.length = bytes.length;
    this.first = (bytes[0] ?? 0) & 127;
    let previous = this.first;
    for (let i = 1; i < bytes.length; i++) {
      const code = bytes[i]! & 127;
      exact[(previous << 7) | code] = 1;
      previous = code;
    }
  }

  /** The pairs with letters in lower case, made from the exact pairs on first use. */
  private foldedPairs(): Uint8Array {
    if (this.folded) return this.folded;
    const folded = new Uint8Array(128 * 128);
    for (let pair = 0; pair < 128 * 128; pair++) if (this.exact[pair]) folded[(lowerCode(pair >>> 7) << 7) | lowerCode(pair & 127)] = 1;
    return (this.folded = folded);
  }

  /** Is the character (a 7-bit code) in the text: first, or second in some pair? */
  private hasCharacter(code: number): boolean {
    if (this.length > 0 && this.first === code) return true;
    for (let previous = 0; previous < 128; previous++) if (this.exact[(previous << 7) | code]) return true;
    return false;
  }

  /** False when `literal` (ASCII) is certainly not in the text; with `ignoreCase`, in any case. */
  mayContain(literal: string, ignoreCase: boolean): boolean {
    if (literal.length === 1) {
      const code = literal.charCodeAt(0) & 127;
      return this.hasCharacter(code) || (ignoreCase && (this.hasCharacter(lowerCode(code)) || this.hasCharacter(upperCode(code))));
    }
    const pairs = ignoreCase ? this.foldedPairs() : this.exact;
    for (let i = 1; i < literal.length; i++) {
      let previous = literal.charCodeAt(i - 1) & 127;
      let code = literal.charCodeAt(i) & 127;
      if (ignoreCase) {
        previous = lowerCode(previous);
        code = lowerCode(code);
      }
      if (!pairs[(previous << 7) | code]) return false;
    }
    return true;
  }
}

const lowerCode = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code);
const upperCode = (code: number) => (code >= 97 && code <= 122 ? code - 32 : code);

export class TextView {
  private readonly cache = new Map<unknown, unknown>();
  private pairs: CharacterPairs | undefined;

  constructor(readonly text: string) {}

  /** The value `compute` returns for this text, computed on first use. */
  memo<T>(key: unknown, compute: (text: string) => T): T {
    if (!this.cache.has(key)) this.cache.set(key, compute(this.text));
    return this.cache.get(key) as T;
  }

  /**
   * False when the text certainly holds none of `literals` (ASCII; with `ignoreCase`, in any
   * case); true when it may hold one. A cheap check before a pattern that needs one of them.
   */
  mayContain(literals: readonly string[], ignoreCase = false): boolean {
    this.pairs ??= new CharacterPairs(this.text);
    const pairs = this.pairs;
    return literals.some((literal) => pairs.mayContain(literal, ignoreCase));
  }

  /** Does the text hold an ASCII digit? */
  get hasDigit(): boolean {
    return this.memo(DIGIT, (text) => DIGIT.test(text));
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
