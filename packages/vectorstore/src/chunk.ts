// Chunking on @langchain/textsplitters' recursive splitter (markdown-aware for markdown).
// Every chunk is an exact slice of the source text, so offsets can be used for citations.
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { TextChunk } from './types';

export interface ChunkOptions {
  format?: 'markdown' | 'text';
  /** Maximum characters per chunk. */
  chunkSize?: number;
  /** Characters shared by neighbouring chunks. */
  chunkOverlap?: number;
}

export const defaultChunkOptions = { chunkSize: 1000, chunkOverlap: 150 } as const;

interface Heading {
  offset: number;
  title: string;
}

function markdownHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  let inFence = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (match?.[1]) headings.push({ offset, title: match[1] });
    offset += line.length + 1;
  }
  return headings;
}

function headingAt(headings: Heading[], offset: number): string | undefined {
  let found: string | undefined;
  for (const heading of headings) {
    if (heading.offset > offset) break;
    found = heading.title;
  }
  return found;
}

/** Where `piece` sits in `source`, searching forward from `from`; tolerant of whitespace changes. */
function locate(source: string, piece: string, from: number): { start: number; end: number } {
  const exact = source.indexOf(piece, from);
  if (exact >= 0) return { start: exact, end: exact + piece.length };
  const anywhere = source.indexOf(piece);
  if (anywhere >= 0) return { start: anywhere, end: anywhere + piece.length };
  // The splitter only trims and cuts, so this is a fallback for surprises: anchor on the
  // first characters and take a slice of the same length.
  const anchor = source.indexOf(piece.slice(0, 32), from);
  const start = anchor >= 0 ? anchor : Math.min(from, source.length);
  return { start, end: Math.min(source.length, start + piece.length) };
}

export async function chunkText(text: string, opts: ChunkOptions = {}): Promise<TextChunk[]> {
  const chunkSize = opts.chunkSize ?? defaultChunkOptions.chunkSize;
  const chunkOverlap = Math.min(opts.chunkOverlap ?? defaultChunkOptions.chunkOverlap, Math.floor(chunkSize / 2));
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError('chunkSize must be a positive integer');
  if (text.trim() === '') return [];
  const splitter =
    opts.format === 'markdown'
      ? RecursiveCharacterTextSplitter.fromLanguage('markdown', { chunkSize, chunkOverlap })
      : new RecursiveCharacterTextSplitter({ chunkSize, chunkOverlap });
  const pieces = (await splitter.splitText(text)).filter((piece) => piece.trim() !== '');
  const headings = opts.format === 'markdown' ? markdownHeadings(text) : [];
  const chunks: TextChunk[] = [];
  let searchFrom = 0;
  for (const piece of pieces) {
    const { start, end } = locate(text, piece, searchFrom);
    searchFrom = start + 1;
    const heading = headingAt(headings, start);
    chunks.push({ chunkIndex: chunks.length, text: text.slice(start, end), start, end, ...(heading ? { heading } : {}) });
  }
  return chunks;
}
