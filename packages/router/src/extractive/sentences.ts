// The quotable sentences of the retrieved passages. Neighbouring chunks of one document overlap
// (the chunker repeats ~150 characters), so they are joined first: a sentence cut at a chunk
// border is whole again, and a sentence is quoted once. Lines broken mid-sentence by a hard wrap
// (a text file wrapped at 72 characters, a PDF's extracted lines) are joined back (unwrapLines).
// Each sentence knows its role (an answer candidate, a heading, or a question line as in an FAQ)
// and the heading or question it sits under, so "How do I reset my password?" can lend its
// relevance to the line that answers it.
// Sentence boundaries come from `sbd`, which knows abbreviations ("Dr.", "e.g.", "a.m.").
import sbd from 'sbd';
import type { ContextPassage } from '../types';
import { trimEdges } from './lexical';

export type SentenceRole = 'answer' | 'heading' | 'question';

export interface Sentence {
  text: string;
  role: SentenceRole;
  /** The passage (index into the passages given) the sentence starts in: what it is cited as. */
  passageIndex: number;
  documentId: string;
  /** Reading order across all sentences of the document's passages. */
  order: number;
  /** Index (into the sentence list) of the nearest heading or question line above, if any. */
  lead?: number;
  /** How many answer sentences stand between the lead and this one (0 = right below it). */
  sinceLead: number;
  /** Part of a sentence the chunker cut (passage starts or ends mid-sentence): never quoted. */
  fragment: boolean;
  /** A list item (its marker was dropped). */
  listItem: boolean;
}

/** A run of consecutive chunks of one document, joined where they overlap. */
interface Block {
  documentId: string;
  text: string;
  /** Where each passage's own text starts in `text`, in order. */
  starts: { offset: number; passageIndex: number }[];
  /** The block begins at a chunk that is not the document's first. */
  startsInside: boolean;
}

/** Longest suffix of `left` that is a prefix of `right` (the chunker's overlap), up to 400 chars. */
function overlapLength(left: string, right: string): number {
  const max = Math.min(400, left.length, right.length);
  for (let length = max; length >= 20; length--) {
    if (left.endsWith(right.slice(0, length))) return length;
  }
  return 0;
}

function blocksOf(passages: ContextPassage[]): Block[] {
  const byDocument = new Map<string, number[]>();
  passages.forEach((passage, index) => {
    const list = byDocument.get(passage.documentId) ?? [];
    list.push(index);
    byDocument.set(passage.documentId, list);
  });
  const blocks: Block[] = [];
  for (const [documentId, indexes] of byDocument) {
    const seen = new Set<number>();
    const ordered = indexes
      .sort((a, b) => (passages[a] as ContextPassage).chunkIndex - (passages[b] as ContextPassage).chunkIndex)
      .filter((index) => {
        const chunk = (passages[index] as ContextPassage).chunkIndex;
        if (seen.has(chunk)) return false;
        seen.add(chunk);
        return true;
      });
    let current: Block | undefined;
    let lastChunk = -2;
    for (const index of ordered) {
      const passage = passages[index] as ContextPassage;
      const overlap = current && passage.chunkIndex === lastChunk + 1 ? overlapLength(current.text, passage.text) : -1;
      if (current && overlap >= 0) {
        // Adjacent chunks: join them (dropping the repeated overlap, or with a break if none).
        const joiner = overlap > 0 ? '' : '\n';
        current.starts.push({ offset: current.text.length + joiner.length - overlap, passageIndex: index });
        current.text = `${current.text}${joiner}${passage.text.slice(overlap)}`;
      } else {
        current = { documentId, text: passage.text, starts: [{ offset: 0, passageIndex: index }], startsInside: passage.chunkIndex > 0 };
        blocks.push(current);
      }
      lastChunk = passage.chunkIndex;
    }
  }
  return blocks;
}

function passageAt(block: Block, offset: number): number {
  let found = block.starts[0]?.passageIndex ?? 0;
  for (const start of block.starts) {
    if (start.offset > offset) break;
    found = start.passageIndex;
  }
  return found;
}

/** Markdown that marks a line's role, not its words: list bullets and numbers, quote markers. */
const LINE_MARKER = /^(?:>\s?)*(?:[-*+•]\s+|\d{1,3}[.)]\s+)?/;
const TERMINAL = /[.!?:;)"”'’]$/;

/** Stands in for a dot inside a word while sbd runs, so "security@northwind.example" and "v4.2.0" stay whole. */
const INNER_DOT = '\u2024';

/** The sentences of one line (sbd), with dots inside words (emails, hosts, versions) kept. */
export function splitLine(line: string): string[] {
  // Digits on both sides ("4.2.0", "1.85"), or two letters or digits on both sides ("northwind.example");
  // not "e.g." or "a.m.", which sbd knows as abbreviations.
  // Also a dot in a path ("~/.config", "../run.sh").
  const guarded = line.replace(/(?<=\p{N})\.(?=\p{N})|(?<=[\p{L}\p{N}]{2})\.(?=[\p{L}\p{N}]{2})|(?<=[/\\~])\.(?=[\p{L}\p{N}/._-])/gu, INNER_DOT);
  return sbd
    .sentences(guarded, { newline_boundaries: false, sanitize: false })
    .map((part) => part.replaceAll(INNER_DOT, '.').trim())
    .filter((part) => part !== '');
}

const wordCount = (text: string) => text.split(' ').filter((word) => word !== '').length;

/** Inline markdown a reader should not see in a quote: `code` ticks, **bold**, _emphasis_. */
function plain(text: string): string {
  return text.replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim();
}

/** Ends a sentence at the end of a line (a closing quote or bracket may follow). */
const ENDS_SENTENCE = /[.!?:;]["”’')\]]*$/u;
/** Lines never joined to another: headings, table rows, fences. */
const STANDS_ALONE = /^\s*(?:#{1,6}\s|\||```|~~~)/;
/** Lines that start something of their own (never joined to the line above): a list item, a quote. */
const STARTS_ITEM = /^\s*(?:>|[-*+•]\s|\d{1,3}[.)]\s)/;
/** Indented like code ("    brew install …"): joined only as the continuation of a list item. */
const INDENTED = /^(?: {4}|\t)/;
/** "Name: value; Name: value": a table row as the document parsers write it (tableToLines). */
const TABLE_ROW = /^[^:;]{1,60}: [^;]*; [^:;]{1,60}: /;
/** "Label: value" on one line: a label of at most five words, then its value. */
const LABELLED_VALUE = /^\p{L}[\p{L}\p{N}'’()/&-]*(?: [\p{L}\p{N}'’()/&-]+){0,4}: +[\p{L}\p{N}"“(€$£]/u;
/** Below this width a block is short lines (an address, a list of values), not wrapped prose. */
const MIN_WRAP_WIDTH = 40;

/**
 * Hard-wrapped lines joined back into the paragraphs they were. A text file wrapped at 72
 * characters, or a PDF's extracted text (one line per line on the page), breaks lines mid-
 * sentence ("…within five" / "business days after…"): read line by line, the sentence would be two
 * fragments, one of them a "heading". A break is a wrap when the line does not end a sentence,
 * neither line is a heading, table row, fence, code or new list item, and either the next line goes on
 * in lower case, or the line is as long as the block's lines get (the width it was wrapped at) so
 * that the next word would not have fitted on it. A blank line always ends a paragraph. Joined
 * lines keep the first one's offset.
 */
function unwrapLines(lines: { text: string; offset: number }[]): { text: string; offset: number }[] {
  const width = lines.reduce((widest, line) => Math.max(widest, line.text.trimEnd().length), 0);
  // Wrapped text fills its lines: several come close to the widest. Lines of a list, an address or
  // a spec sheet are as long as what they say, so their longest is no wrap width.
  const wrapped = width >= MIN_WRAP_WIDTH && lines.filter((line) => line.text.trimEnd().length >= 0.85 * width).length >= 2;
  // Each paragraph's lines are collected and joined once at the end: appending to one growing
  // string and reading its end on every line would flatten it each time (quadratic in its length).
  const out: { parts: string[]; offset: number }[] = [];
  let inFence = false;
  let joinable = false; // the last line of `out` may take the next one
  let inItem = false; // the last line of `out` is a list item
  let inQuote = false; // ... or a quote
  let lastLength = 0; // of the physical line last read into `out`
  for (const line of lines) {
    const raw = line.text.trimEnd();
    const fence = /^\s*(?:```|~~~)/.test(raw);
    const previous = out.at(-1);
    // A quote's next line ("> …" under "> …") goes on with the quote.
    const quoted = inQuote ? /^\s*>\s?(.*)$/.exec(raw)?.[1] : undefined;
    const body = quoted ?? raw;
    const standsAlone =
      body.trim() === '' ||
      STANDS_ALONE.test(body) ||
      STARTS_ITEM.test(body) ||
      TABLE_ROW.test(body.trim()) ||
      (/^\s*\p{Lu}/u.test(body) && LABELLED_VALUE.test(body.trim())) ||
      (INDENTED.test(body) && !inItem);
    if (!inFence && !fence && joinable && previous && !standsAlone) {
      const next = body.trim();
      const firstWord = next.split(' ', 1)[0] as string;
      const wraps = /^\p{Ll}/u.test(next) || (wrapped && lastLength + 1 + firstWord.length > width);
      if (wraps) {
        // A word hyphenated across the break ("docu-" / "ment") is joined without a space.
        const hyphenated = /\p{L}-$/u.test(previous.parts.at(-1) ?? '') && /^\p{Ll}/u.test(next);
        previous.parts.push(hyphenated ? next : ` ${next}`);
        joinable = !ENDS_SENTENCE.test(next);
        lastLength = body.length;
        continue;
      }
    }
    if (fence) inFence = !inFence;
    out.push({ parts: [raw], offset: line.offset });
    lastLength = raw.length;
    inItem = STARTS_ITEM.test(raw);
    inQuote = /^\s*>/.test(raw);
    joinable = !inFence && !fence && raw.trim() !== '' && !STANDS_ALONE.test(raw) && !TABLE_ROW.test(raw.trim()) && !INDENTED.test(raw) && !ENDS_SENTENCE.test(raw);
  }
  return out.map(({ parts, offset }) => ({ text: parts.join(''), offset }));
}

/** A section number and its title: "2. ANNUAL LEAVE", "2.1 Entitlement", "IV. Termination", "B. Fees". */
const SECTION_TITLE = /^(?:\d{1,3}\.|\d{1,3}(?:\.\d{1,3}){1,3}\.?|[IVX]{1,5}\.|[A-Z]\.)\s+(\p{Lu}.*)$/u;
/** The header lines of an email pasted or saved as text. */
const EMAIL_HEADER = /^(?:from|to|cc|bcc|subject|date|sent|reply-to):\s/i;
/** The labels of a question-and-answer list: "Q:", "A:", "Question:", "Answer:". */
const QA_LABEL = /^(?:q|a|question|answer)\s?:\s+/i;

/** The line under a markdown table's header row: "|---|:---:|". */
const TABLE_SEPARATOR = /^\|?(?:\s*:?-+:?\s*\|)+\s*(?::?-+:?\s*)?$/;

/** The cells of a markdown table row ("| Pro | 25 euros |"), inline markdown dropped; "\|" is a pipe inside a cell. */
function tableCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => plain(cell.replaceAll('\\|', '|')));
}

/**
 * A table row as a sentence that says what its cells are, as the document parsers write tables
 * ("Plan: Pro; Price per month: 25 euros"): quoted alone, "| Pro | 25 | 100 |" says nothing. A row
 * whose header is in another chunk is its cells.
 */
function tableRowText(cells: string[], header: string[] | undefined): string {
  return cells
    .map((cell, index) => (cell === '' ? '' : header?.[index] ? `${header[index]}: ${cell}` : cell))
    .filter((cell) => cell !== '')
    .join('; ');
}

/**
 * The sentences of the passages, in reading order per document (documents in the order their
 * best passage was ranked). Markdown headings and short unpunctuated lines ("What is covered")
 * are headings; sentences ending in "?" are question lines.
 */
export function sentencesOf(passages: ContextPassage[]): Sentence[] {
  const sentences: Sentence[] = [];
  const seen = new Set<string>();
  const nextOrder = new Map<string, number>();
  for (const block of blocksOf(passages)) {
    let lead: number | undefined;
    let sinceLead = 0;
    let order = nextOrder.get(block.documentId) ?? 0;
    const lines: { text: string; offset: number }[] = [];
    let offset = 0;
    for (const line of block.text.split('\n')) {
      lines.push({ text: line, offset });
      offset += line.length + 1;
    }
    const nonEmpty = unwrapLines(lines).filter((line) => line.text.trim() !== '');
    let inFence = false;
    let tableHeader: string[] | undefined;
    nonEmpty.forEach((line, lineIndex) => {
      const raw = line.text.trim();
      const passageIndex = passageAt(block, line.offset);
      const push = (text: string, role: SentenceRole, fragment: boolean, listItem: boolean) => {
        const key = `${block.documentId}\u0000${text.toLowerCase()}`;
        if (text.length < 2 || seen.has(key)) return;
        seen.add(key);
        const isLead = role !== 'answer';
        sentences.push({
          text,
          role,
          passageIndex,
          documentId: block.documentId,
          order: order++,
          ...(lead !== undefined && !isLead ? { lead } : {}),
          sinceLead: isLead ? 0 : sinceLead,
          fragment,
          listItem,
        });
        nextOrder.set(block.documentId, order);
        if (isLead) {
          lead = sentences.length - 1;
          sinceLead = 0;
        } else {
          sinceLead += 1;
        }
      };
      // Code: a fenced block, or a line indented like markdown's indented code ("    brew install
      // tidyphotos"; not a nested list item, not indented prose of several sentences). It is quoted
      // as written, whole: never a heading, never cut into sentences.
      if (raw.startsWith('```') || raw.startsWith('~~~')) {
        inFence = !inFence;
        return;
      }
      const indentedCode = /^(?: {4}|\t)/.test(line.text) && !/^[-*+•]\s|^\d{1,3}[.)]\s/.test(raw) && !/[.!?]\s+\p{Lu}/u.test(raw);
      if (inFence || indentedCode) {
        push(raw, 'answer', false, true);
        return;
      }
      if (/^#{1,6}\s/.test(raw)) {
        push(plain(trimEdges(raw, (ch) => ch !== '#' && ch.trim() !== '')), 'heading', false, false);
        return;
      }
      // A markdown table: its header row names the cells of the rows below it.
      if (raw.startsWith('|')) {
        const cells = tableCells(raw);
        if (TABLE_SEPARATOR.test(raw)) return;
        if (TABLE_SEPARATOR.test(nonEmpty[lineIndex + 1]?.text.trim() ?? '')) {
          tableHeader = cells;
          return;
        }
        const row = tableRowText(cells, tableHeader);
        if (row !== '') push(row, 'answer', false, true);
        return;
      }
      tableHeader = undefined;
      // A numbered section title ("2. ANNUAL LEAVE", "2.1 Entitlement") over a paragraph is a heading, not a list item.
      const section = SECTION_TITLE.exec(raw)?.[1];
      const nextLine = nonEmpty[lineIndex + 1]?.text;
      if (section !== undefined && wordCount(section) <= 8 && !TERMINAL.test(section) && nextLine !== undefined && !STARTS_ITEM.test(nextLine)) {
        push(plain(section), 'heading', false, false);
        return;
      }
      // An email's header lines say what the message is about, like a heading ("Subject: Offsite planning").
      if (EMAIL_HEADER.test(raw)) {
        push(plain(raw), 'heading', false, false);
        return;
      }
      const marker = LINE_MARKER.exec(raw)?.[0] ?? '';
      // A table row as the document parsers write it, or a line "Label: value" (contact details, a
      // spec sheet), is a fact however short ("Weight: 4.2 kg", "Support hours: weekdays only").
      const listItem = marker.trim() !== '' || TABLE_ROW.test(raw) || LABELLED_VALUE.test(raw);
      // "Q: How do I…?" / "A: Open Settings…": the labels of an FAQ are not part of what it says.
      const body = plain(raw.slice(marker.length)).replace(QA_LABEL, '');
      if (body === '' || /^[|:\-\s]+$/.test(body)) return;
      const parts = splitLine(body);
      const isFirstLine = lineIndex === 0;
      const isLastLine = lineIndex === nonEmpty.length - 1;
      parts.forEach((part, partIndex) => {
        // A passage that starts inside a sentence ("…ment is approved.") or ends inside one.
        const cutAtStart = isFirstLine && partIndex === 0 && block.startsInside && !/^[\p{Lu}\p{N}"“'‘([*]/u.test(part);
        const cutAtEnd = isLastLine && partIndex === parts.length - 1 && !TERMINAL.test(part) && (parts.length > 1 || (!listItem && wordCount(part) > 8));
        const unpunctuatedTitle = parts.length === 1 && !listItem && !TERMINAL.test(part) && wordCount(part) <= 7 && !/\d/.test(part);
        const role: SentenceRole = unpunctuatedTitle ? 'heading' : part.endsWith('?') ? 'question' : 'answer';
        push(part, role, cutAtStart || cutAtEnd, listItem);
      });
    });
  }
  return sentences;
}
