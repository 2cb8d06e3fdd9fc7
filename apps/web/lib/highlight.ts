// Splits a search snippet into plain and highlighted parts for the words of the query. Whole
// words only: "off" marks "Off" and "offs", never the start of "Office". A word matches a query
// word when they are equal ignoring case and accents, or differ by a plural ending (s, es, 's).

export interface TextPart {
  text: string;
  match: boolean;
}

const stopWords = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'how', 'in', 'is', 'it', 'of', 'on', 'or', 'the', 'to', 'was', 'what', 'when', 'where', 'which', 'who', 'why', 'with']);

/** Words: letters and digits, joined by single inner apostrophes or hyphens ("don't", "e-mail"). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const PLURAL_ENDINGS = ["'s", '’s', 'es', 's'];

/** Lowercase without accents: "Café" and "cafe" are one word. */
function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

export function queryTerms(query: string): string[] {
  const words = [...query.matchAll(WORD)].map((found) => fold(found[0]));
  const terms = words.filter((word) => word.length > 1 && !stopWords.has(word));
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

/** Whether a word of the text is one of the query's words (or its plural). */
function matchesTerm(word: string, terms: ReadonlySet<string>): boolean {
  const folded = fold(word);
  if (terms.has(folded)) return true;
  return PLURAL_ENDINGS.some((ending) => folded.endsWith(ending) && terms.has(folded.slice(0, -ending.length)));
}

/** Each whole word of `text` that matches a query word, with its position. */
function matchingWords(text: string, query: string): { start: number; end: number }[] {
  const terms = new Set(queryTerms(query));
  if (terms.size === 0) return [];
  const found: { start: number; end: number }[] = [];
  for (const word of text.matchAll(WORD)) {
    if (matchesTerm(word[0], terms)) found.push({ start: word.index, end: word.index + word[0].length });
  }
  return found;
}

export function highlightParts(text: string, query: string): TextPart[] {
  if (text.length === 0) return [];
  const parts: TextPart[] = [];
  let last = 0;
  for (const { start, end } of matchingWords(text, query)) {
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    last = end;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/** A window of the text around the first matching word, so long passages show the relevant part. */
export function snippetAround(text: string, query: string, maxLength = 320): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxLength) return clean;
  const first = matchingWords(clean, query)[0]?.start ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(maxLength / 3), clean.length - maxLength));
  const slice = clean.slice(start, start + maxLength);
  return `${start > 0 ? '…' : ''}${slice.trim()}${start + maxLength < clean.length ? '…' : ''}`;
}
