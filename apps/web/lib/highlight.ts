// Splits a search snippet into plain and highlighted parts for the words of the query.

export interface TextPart {
  text: string;
  match: boolean;
}

const stopWords = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'how', 'in', 'is', 'it', 'of', 'on', 'or', 'the', 'to', 'was', 'what', 'when', 'where', 'which', 'who', 'why', 'with']);

export function queryTerms(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  const terms = words.filter((word) => word.length > 1 && !stopWords.has(word));
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

export function highlightParts(text: string, query: string): TextPart[] {
  const terms = queryTerms(query);
  if (terms.length === 0 || text.length === 0) return text ? [{ text, match: false }] : [];
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const start = found.index;
    if (start > last) parts.push({ text: text.slice(last, start), match: false });
    parts.push({ text: found[0], match: true });
    last = start + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/** A window of the text around the first match, so long passages show the relevant part. */
export function snippetAround(text: string, query: string, maxLength = 320): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxLength) return clean;
  const terms = queryTerms(query);
  const lower = clean.toLowerCase();
  const positions = terms.map((term) => lower.indexOf(term)).filter((index) => index >= 0);
  const first = positions.length > 0 ? Math.min(...positions) : 0;
  const start = Math.max(0, Math.min(first - Math.floor(maxLength / 3), clean.length - maxLength));
  const slice = clean.slice(start, start + maxLength);
  return `${start > 0 ? '…' : ''}${slice.trim()}${start + maxLength < clean.length ? '…' : ''}`;
}
