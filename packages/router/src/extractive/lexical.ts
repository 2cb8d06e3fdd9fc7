// Word-level evidence for the extractive responder: content words, Porter-stemmed (the `stemmer`
// package), so "refunds", "refunded" and "refund" count as one word, and an IDF-weighted share
// of the question's words that a sentence holds.
import { stemmer } from 'stemmer';

const STOPWORDS = new Set(
  (
    'a an the and or but if then else of to in on at by for with from into about as is are was were be been being ' +
    'do does did doing have has had having i me my we our you your he she it its they them their this that these ' +
    'those what whats which who whom whose when where why how can could should would will shall may might must not no ' +
    'so than too very just also any all some there here please tell explain describe give show know want need ' +
    'say said says document documents doc docs file files according hi hello hey thanks thank thx anyway ok okay ' +
    'quick q question wondering remind get got im ive id dont does doesnt isnt arent wat u ur pls plz many much now'
  ).split(' '),
);

const isWordChar = (ch: string) => /[\p{L}\p{N}]/u.test(ch);

/**
 * `text` without leading and trailing characters that `keep` rejects (by default: anything but
 * letters and digits). A loop, not a regex: `[^\w]+$` rescans a long run of punctuation from
 * every position, which is quadratic on hostile input.
 */
export function trimEdges(text: string, keep: (ch: string) => boolean = isWordChar): string {
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (start < end && !keep(chars[start] as string)) start += 1;
  while (end > start && !keep(chars[end - 1] as string)) end -= 1;
  return chars.slice(start, end).join('');
}

/** The stemmed content words of a text, in order (repeats kept). */
export function contentTerms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [])
    .map((word) => word.replace(/['’](?:s|t|m|re|ve|d|ll)$/, ''))
    .filter((word) => !STOPWORDS.has(word) && (word.length > 1 || /\d/.test(word)))
    .map((word) => (/^\p{L}+$/u.test(word) ? stemmer(word) : word));
}

/** Inverse document frequencies over a pool of texts (sentences), for weighting question words. */
export class TermWeights {
  private readonly documentFrequency = new Map<string, number>();
  private readonly size: number;

  constructor(texts: string[][]) {
    this.size = texts.length;
    for (const terms of texts) for (const term of new Set(terms)) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
  }

  /**
   * Rare words weigh more. A word no sentence holds weighs as much as one that a single sentence
   * holds: "how long does it take" must not outweigh the words the passages share with it.
   */
  weight(term: string): number {
    const df = Math.max(1, this.documentFrequency.get(term) ?? 0);
    return Math.log(1 + (this.size + 1) / (df + 0.5));
  }

  /** How many sentences of the pool hold the word. */
  frequency(term: string): number {
    return this.documentFrequency.get(term) ?? 0;
  }

  /** The weighted share (0..1) of the question's words found in `terms`. */
  coverage(question: string[], terms: Set<string>): number {
    const unique = [...new Set(question)];
    const total = unique.reduce((sum, term) => sum + this.weight(term), 0);
    if (total === 0) return 0;
    return unique.reduce((sum, term) => sum + (terms.has(term) ? this.weight(term) : 0), 0) / total;
  }
}
