// Document parsers (txt, md, html, pdf, docx) with hard caps, so a hostile or broken upload
// fails with a ParseError a person can read instead of exhausting the process.
import { convert as htmlToText, type FormatCallback, type HtmlToTextOptions } from 'html-to-text';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Readable } from 'node:stream';
import { getDocumentProxy } from 'unpdf';
import { detectMime, MIME, sniffTextEncoding } from './detect-mime';
import { normalizeText } from './normalize';

export interface ParseLimits {
  /** Largest accepted file. */
  maxBytes: number;
  /** Most pages of a pdf, checked before any text is extracted. */
  maxPages: number;
  /** Most characters of extracted text. */
  maxChars: number;
  /** Longest a parse may take. */
  maxMs: number;
  /** Largest total uncompressed size of a docx (zip) archive. */
  maxDocxUncompressedBytes: number;
}

export const defaultParseLimits: ParseLimits = {
  maxBytes: 25 * 1024 * 1024,
  maxPages: 1000,
  maxChars: 2_000_000,
  maxMs: 30_000,
  maxDocxUncompressedBytes: 100 * 1024 * 1024,
};

export type ParseErrorCode = 'unsupported_type' | 'too_large' | 'too_many_pages' | 'too_much_text' | 'timeout' | 'malformed' | 'empty';

export class ParseError extends Error {
  override name = 'ParseError';
  constructor(
    readonly code: ParseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ParsedDocument {
  /** Normalized text (see normalizeText); chunk offsets refer to it. */
  text: string;
  mime: string;
  /** markdown when headings are kept as `#` lines (md, html, docx). */
  format: 'markdown' | 'text';
  title?: string;
  pages?: number;
}

export interface ParseOptions {
  filename?: string;
  limits?: Partial<ParseLimits>;
}

interface RawParse {
  text: string;
  format: 'markdown' | 'text';
  title?: string;
  pages?: number;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

class Deadline {
  private readonly at: number;
  constructor(private readonly ms: number) {
    this.at = Date.now() + ms;
  }
  check(): void {
    if (Date.now() > this.at) throw parseTimeoutError(this.ms);
  }
}

/** The error of a parse that ran past its time cap (also used by callers that enforce the cap themselves). */
export const parseTimeoutError = (ms: number) => new ParseError('timeout', `The document took longer than ${Math.round(ms / 1000)} s to read and was given up.`);

function checkChars(length: number, limits: ParseLimits): void {
  if (length > limits.maxChars) {
    throw new ParseError('too_much_text', `The document holds more than ${limits.maxChars.toLocaleString('en')} characters of text, the most we index.`);
  }
}

// What windows-1252 puts at 0x80..0x9F (where latin1 has C1 controls); five bytes are undefined
// and, as in the WHATWG Encoding Standard, map to the control character of the same number.
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeText(bytes: Uint8Array): string {
  const encoding = sniffTextEncoding(bytes) ?? 'utf-8';
  if (encoding === 'windows-1252') {
    // Node 20's TextDecoder('windows-1252') decodes latin1: curly quotes, dashes and the euro sign
    // would come out as control characters (and then be stripped by normalizeText).
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      .toString('latin1')
      .replace(/[\u0080-\u009F]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
  }
  return new TextDecoder(encoding).decode(bytes);
}

// ---- html ------------------------------------------------------------------------------------

const markdownHeading: FormatCallback = (elem, walk, builder, formatOptions) => {
  const level = Number((formatOptions as { level?: number }).level ?? 1);
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addLiteral(`${'#'.repeat(level)} `);
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const skipped = ['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'head', 'nav', 'button', 'select', 'input', 'textarea'];

const htmlOptions: HtmlToTextOptions = {
  wordwrap: false,
  formatters: { markdownHeading },
  selectors: [
    ...skipped.map((selector) => ({ selector, format: 'skip' })),
    ...[1, 2, 3, 4, 5, 6].map((level) => ({ selector: `h${level}`, format: 'markdownHeading', options: { level } })),
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'table', format: 'dataTable' },
  ],
};

function htmlTitle(html: string): string | undefined {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = match?.[1] ? htmlToText(match[1], { wordwrap: false }).trim() : '';
  return title || undefined;
}

function firstMarkdownHeading(text: string): string | undefined {
  return /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(text)?.[1];
}

function parseHtml(html: string, limits: ParseLimits): RawParse {
  // Markup is usually several times its text; an absurd page is refused before converting.
  checkChars(html.length / 4, limits);
  let text: string;
  try {
    text = htmlToText(html, htmlOptions);
  } catch (error) {
    // The converter recurses per element: thousands of nested tags overflow the stack.
    throw new ParseError('malformed', 'The page could not be read (its markup may be nested too deeply).', { cause: error });
  }
  const title = htmlTitle(html) ?? firstMarkdownHeading(text);
  return { text, format: 'markdown', ...(title ? { title } : {}) };
}

// ---- pdf -------------------------------------------------------------------------------------

interface PdfTextItem {
  str?: string;
  hasEOL?: boolean;
}

async function parsePdf(bytes: Uint8Array, limits: ParseLimits, deadline: Deadline): Promise<RawParse> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it gets: give it a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false, verbosity: 0 });
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new ParseError('malformed', 'The PDF is password-protected; upload an unprotected copy.', { cause: error });
    throw new ParseError('malformed', 'The file is not a readable PDF (it may be damaged).', { cause: error });
  }
  try {
    const pages = pdf.numPages;
    if (pages > limits.maxPages) {
      throw new ParseError('too_many_pages', `The PDF has ${pages.toLocaleString('en')} pages; at most ${limits.maxPages.toLocaleString('en')} are accepted.`);
    }
    let title: string | undefined;
    try {
      const meta = await pdf.getMetadata();
      const info = meta.info as { Title?: unknown } | undefined;
      if (typeof info?.Title === 'string' && info.Title.trim()) title = info.Title.trim();
    } catch {
      // Metadata is optional.
    }
    const pageTexts: string[] = [];
    let total = 0;
    for (let pageNumber = 1; pageNumber <= pages; pageNumber += 1) {
      deadline.check();
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      const text = (content.items as PdfTextItem[]).map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join('');
      page.cleanup();
      total += text.length;
      checkChars(total, limits);
      pageTexts.push(text);
    }
    return { text: pageTexts.join('\n\n'), format: 'text', pages, ...(title ? { title } : {}) };
  } catch (error) {
    if (error instanceof ParseError) throw error;
    throw new ParseError('malformed', 'The PDF could not be read (it may be damaged).', { cause: error });
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

// ---- docx ------------------------------------------------------------------------------------

/** Decompresses one entry, stopping as soon as it goes past `budget` bytes. Returns its size. */
function measureEntry(entry: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer') as unknown as Readable;
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        stream.destroy();
        resolve(size);
      }
    });
    stream.on('end', () => resolve(size));
    stream.on('error', reject);
  });
}

async function parseDocx(bytes: Uint8Array, limits: ParseLimits, deadline: Deadline): Promise<RawParse> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (error) {
    throw new ParseError('malformed', 'The file is not a readable Word document (the archive is damaged).', { cause: error });
  }
  const tooLarge = () =>
    new ParseError('too_large', `The Word document unpacks to more than ${mb(limits.maxDocxUncompressedBytes)}, the most we accept.`);
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  // 1. What the archive declares, before decompressing anything.
  let declared = 0;
  for (const entry of entries) {
    const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
    declared += typeof size === 'number' && size >= 0 ? size : 0;
  }
  if (declared > limits.maxDocxUncompressedBytes) throw tooLarge();
  if (!zip.file('word/document.xml')) {
    throw new ParseError('malformed', 'The file is a zip archive but not a Word (.docx) document.');
  }
  // 2. Declared sizes can lie: measure what mammoth will actually inflate (everything but media,
  //    which we never decompress because images are dropped), stopping at the budget.
  let actual = 0;
  for (const entry of entries) {
    if (entry.name.startsWith('word/media/')) continue;
    deadline.check();
    actual += await measureEntry(entry, limits.maxDocxUncompressedBytes - actual).catch((error: unknown) => {
      throw new ParseError('malformed', 'The Word document is damaged (a part could not be unpacked).', { cause: error });
    });
    if (actual > limits.maxDocxUncompressedBytes) throw tooLarge();
  }
  deadline.check();
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    throw new ParseError('malformed', 'The Word document could not be read (it may be damaged).', { cause: error });
  }
  const { text } = parseHtml(html, limits);
  const coreXml = await zip.file('docProps/core.xml')?.async('string').catch(() => undefined);
  const title = (coreXml && /<dc:title>([^<]+)<\/dc:title>/.exec(coreXml)?.[1]?.trim()) || firstMarkdownHeading(text);
  return { text, format: 'markdown', ...(title ? { title } : {}) };
}

// ---- entry point -----------------------------------------------------------------------------

async function parseByType(mime: string, bytes: Uint8Array, limits: ParseLimits, deadline: Deadline): Promise<RawParse> {
  switch (mime) {
    case MIME.txt:
      return { text: decodeText(bytes), format: 'text' };
    case MIME.md: {
      const text = decodeText(bytes);
      const title = firstMarkdownHeading(text);
      return { text, format: 'markdown', ...(title ? { title } : {}) };
    }
    case MIME.html:
      return parseHtml(decodeText(bytes), limits);
    case MIME.pdf:
      return parsePdf(bytes, limits, deadline);
    case MIME.docx:
      return parseDocx(bytes, limits, deadline);
    default:
      throw new ParseError('unsupported_type', `Files of type ${mime} are not supported; upload txt, md, html, pdf or docx.`);
  }
}

/**
 * Reads a document into normalized text. The type comes from the bytes; `filename` only tells
 * markdown from plain text. Throws ParseError for anything that cannot or should not be indexed.
 */
export async function parseDocument(bytes: Uint8Array, opts: ParseOptions = {}): Promise<ParsedDocument> {
  const limits: ParseLimits = { ...defaultParseLimits, ...opts.limits };
  if (bytes.byteLength === 0) throw new ParseError('empty', 'The file is empty.');
  if (bytes.byteLength > limits.maxBytes) {
    throw new ParseError('too_large', `The file is ${mb(bytes.byteLength)}; the most we accept is ${mb(limits.maxBytes)}.`);
  }
  const mime = await detectMime(bytes, opts.filename);
  const deadline = new Deadline(limits.maxMs);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(parseTimeoutError(limits.maxMs)), limits.maxMs);
  });
  try {
    const raw = await Promise.race([parseByType(mime, bytes, limits, deadline), timeout]);
    checkChars(raw.text.length, limits);
    const text = normalizeText(raw.text);
    if (text === '') {
      throw new ParseError('empty', mime === MIME.pdf ? 'The PDF contains no readable text (a scanned PDF needs OCR first).' : 'The document contains no readable text.');
    }
    const title = raw.title ? normalizeText(raw.title).slice(0, 300) : undefined;
    return { text, mime, format: raw.format, ...(title ? { title } : {}), ...(raw.pages !== undefined ? { pages: raw.pages } : {}) };
  } finally {
    clearTimeout(timer);
  }
}
