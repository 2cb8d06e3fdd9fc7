// Document parsers (txt, md, html, pdf, docx, pptx, xlsx, csv, and through OCR scanned PDFs and
// png/jpeg/tiff images) with hard caps, so a hostile or broken upload fails with a ParseError a
// person can read instead of exhausting the process.
import { convert as htmlToText, type FormatCallback, type HtmlToTextOptions } from 'html-to-text';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Readable } from 'node:stream';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { detectMime, MIME, sniffTextEncoding } from './detect-mime';
import { normalizeText } from './normalize';
import { imageDimensions, pdfCanvasFactory, recognize, renderPdfPage, tiffPages, type OcrSettings } from './ocr';
import { csvToText, pptxToText, tableToLines, xlsxToText } from './parse-office';
import { ParseError, parseTimeoutError } from './parse-error';

export { ParseError, parseTimeoutError, type ParseErrorCode } from './parse-error';
export type { OcrSettings } from './ocr';

export interface ParseLimits {
  /** Largest accepted file. */
  maxBytes: number;
  /** Most pages of a pdf, checked before any text is extracted. */
  maxPages: number;
  /** Most characters of extracted text. */
  maxChars: number;
  /** Longest a parse may take. */
  maxMs: number;
  /** Largest total uncompressed size of a docx, pptx or xlsx (zip) archive. */
  maxOfficeUncompressedBytes: number;
  /** Most pages read by OCR in one document (scanned PDF pages, TIFF pages). */
  maxOcrPages: number;
  /** Longest a parse may take once it needs OCR (instead of maxMs; a page takes seconds). */
  maxOcrMs: number;
  /** Largest image (or TIFF page) read by OCR, in pixels. */
  maxImagePixels: number;
}

export const defaultParseLimits: ParseLimits = {
  maxBytes: 25 * 1024 * 1024,
  maxPages: 1000,
  maxChars: 2_000_000,
  maxMs: 30_000,
  maxOfficeUncompressedBytes: 100 * 1024 * 1024,
  maxOcrPages: 100,
  maxOcrMs: 10 * 60_000,
  maxImagePixels: 50_000_000,
};

/** The types parseDocument reads (what an upload may be), and how to name them to a person. */
export const SUPPORTED_MIME: readonly string[] = [MIME.txt, MIME.md, MIME.html, MIME.pdf, MIME.docx, MIME.pptx, MIME.xlsx, MIME.csv, MIME.tsv, MIME.png, MIME.jpeg, MIME.tiff];
export const SUPPORTED_FORMATS = 'txt, md, html, pdf, docx, pptx, xlsx, csv, png, jpg or tiff';

export interface ParsedDocument {
  /** Normalized text (see normalizeText); chunk offsets refer to it. */
  text: string;
  mime: string;
  /** markdown when headings are kept as `#` lines (md, html, docx, pptx, xlsx). */
  format: 'markdown' | 'text';
  title?: string;
  pages?: number;
  /** How many pages (or images) were read by OCR. */
  ocrPages?: number;
}

/** Reported while a document is read page by page with OCR: `page` of `pages` done. */
export interface ParseProgress {
  stage: 'ocr';
  page: number;
  pages: number;
}

export interface ParseOptions {
  filename?: string;
  limits?: Partial<ParseLimits>;
  /** How Tesseract is run (see ocr.ts). */
  ocr?: OcrSettings;
  /** Called as OCR starts (page 0) and after each page. */
  onProgress?: (progress: ParseProgress) => void;
}

interface RawParse {
  text: string;
  format: 'markdown' | 'text';
  title?: string;
  pages?: number;
  ocrPages?: number;
}

/** What every parser gets: the caps, the clock, and how to OCR and report pages. */
interface ParseContext {
  limits: ParseLimits;
  deadline: Deadline;
  ocr: OcrSettings | undefined;
  onProgress: (progress: ParseProgress) => void;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * The parse's time cap. When it passes, `expired` rejects and `signal` aborts (which kills a
 * running OCR process). A document that turns out to need OCR gets the longer OCR cap.
 */
class Deadline {
  private readonly startedAt = Date.now();
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  readonly expired: Promise<never>;

  constructor(private ms: number) {
    this.expired = new Promise<never>((_, reject) => {
      this.controller.signal.addEventListener('abort', () => reject(this.controller.signal.reason as Error), { once: true });
    });
    this.expired.catch(() => undefined); // raced by parseDocument; never unhandled
    this.arm();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  check(): void {
    if (this.controller.signal.aborted || Date.now() > this.startedAt + this.ms) throw parseTimeoutError(this.ms);
  }

  /** Allows `ms` in all, counted from the start (never less than already allowed). */
  extendTo(ms: number): void {
    if (ms <= this.ms || this.controller.signal.aborted) return;
    this.ms = ms;
    this.arm();
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(parseTimeoutError(this.ms)), Math.max(0, this.startedAt + this.ms - Date.now()));
  }
}

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

/**
 * A table as rows a reader understands on their own, like a spreadsheet's ("Plan: Pro; Price per
 * month: 25 euros"), instead of html-to-text's grid of padded columns with an upper-cased header
 * row: a row cut from its header by the chunker, or quoted alone, still says what its cells are.
 * (Word documents come here too, through mammoth's HTML.)
 */
const tableRows: FormatCallback = (elem, walk, builder) => {
  builder.openTable();
  const walkRows = (nodes: typeof elem.children) => {
    for (const node of nodes) {
      const name = node.type === 'tag' ? (node.name ?? '') : '';
      if (['thead', 'tbody', 'tfoot'].includes(name)) {
        walkRows(node.children);
      } else if (name === 'tr') {
        builder.openTableRow();
        for (const cell of node.children) {
          if (cell.type !== 'tag' || (cell.name !== 'td' && cell.name !== 'th')) continue;
          builder.openTableCell();
          walk(cell.children, builder);
          builder.closeTableCell();
        }
        builder.closeTableRow();
      }
    }
  };
  walkRows(elem.children);
  builder.closeTable({ tableToString: (rows) => tableToLines(rows.map((row) => row.map((cell) => cell.text ?? ''))).join('\n') });
};

const skipped = ['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'head', 'nav', 'button', 'select', 'input', 'textarea'];

const htmlOptions: HtmlToTextOptions = {
  wordwrap: false,
  formatters: { markdownHeading, tableRows },
  selectors: [
    ...skipped.map((selector) => ({ selector, format: 'skip' })),
    ...[1, 2, 3, 4, 5, 6].map((level) => ({ selector: `h${level}`, format: 'markdownHeading', options: { level } })),
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'table', format: 'tableRows' },
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

/** A page with less text than this, but with an image on it, is a scan: it is read with OCR. */
const SCANNED_PAGE_MAX_CHARS = 20;

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

async function openPdf(bytes: Uint8Array, extra: Record<string, unknown> = {}): Promise<PdfDocument> {
  try {
    // pdf.js takes ownership of (detaches) the buffer it gets: give it a copy.
    return await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false, verbosity: 0, ...extra });
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new ParseError('malformed', 'The PDF is password-protected; upload an unprotected copy.', { cause: error });
    throw new ParseError('malformed', 'The file is not a readable PDF (it may be damaged).', { cause: error });
  }
}

/** Whether a page paints an image (a scan does; a blank or vector-only page does not). */
async function pageHasImage(page: Awaited<ReturnType<PdfDocument['getPage']>>): Promise<boolean> {
  const { OPS } = await getResolvedPDFJS();
  const imageOps = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
  const operators = await page.getOperatorList();
  return operators.fnArray.some((op) => imageOps.has(op));
}

/** More pages need OCR than we read: refused before any is read. */
function checkOcrPages(count: number, limits: ParseLimits, what: string): void {
  if (count > limits.maxOcrPages) {
    throw new ParseError('too_many_pages', `The ${what} has ${count.toLocaleString('en')} scanned pages; at most ${limits.maxOcrPages.toLocaleString('en')} are read with OCR.`);
  }
}

async function parsePdf(bytes: Uint8Array, context: ParseContext): Promise<RawParse> {
  const { limits, deadline } = context;
  const pdf = await openPdf(bytes);
  let scanned: number[] = [];
  const pageTexts: string[] = [];
  let title: string | undefined;
  let total = 0;
  try {
    const pages = pdf.numPages;
    if (pages > limits.maxPages) {
      throw new ParseError('too_many_pages', `The PDF has ${pages.toLocaleString('en')} pages; at most ${limits.maxPages.toLocaleString('en')} are accepted.`);
    }
    try {
      const meta = await pdf.getMetadata();
      const info = meta.info as { Title?: unknown } | undefined;
      if (typeof info?.Title === 'string' && info.Title.trim()) title = info.Title.trim();
    } catch {
      // Metadata is optional.
    }
    for (let pageNumber = 1; pageNumber <= pages; pageNumber += 1) {
      deadline.check();
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      const text = (content.items as PdfTextItem[]).map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join('');
      if (text.replace(/\s+/g, '').length < SCANNED_PAGE_MAX_CHARS && (await pageHasImage(page))) scanned.push(pageNumber);
      page.cleanup();
      total += text.length;
      checkChars(total, limits);
      pageTexts.push(text);
    }
  } catch (error) {
    if (error instanceof ParseError) throw error;
    throw new ParseError('malformed', 'The PDF could not be read (it may be damaged).', { cause: error });
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
  if (scanned.length > 0) {
    checkOcrPages(scanned.length, limits, 'PDF');
    await ocrPdfPages(bytes, scanned, pageTexts, context);
  } else scanned = [];
  return { text: pageTexts.join('\n\n'), format: 'text', pages: pageTexts.length, ...(title ? { title } : {}), ...(scanned.length > 0 ? { ocrPages: scanned.length } : {}) };
}

/** Draws each scanned page and reads it with OCR, replacing its (empty) text layer. */
async function ocrPdfPages(bytes: Uint8Array, scanned: number[], pageTexts: string[], context: ParseContext): Promise<void> {
  const { limits, deadline } = context;
  deadline.extendTo(limits.maxOcrMs);
  context.onProgress({ stage: 'ocr', page: 0, pages: scanned.length });
  const CanvasFactory = await pdfCanvasFactory();
  const pdf = await openPdf(bytes, { CanvasFactory });
  try {
    let total = pageTexts.reduce((sum, text) => sum + text.length, 0);
    for (const [done, pageNumber] of scanned.entries()) {
      deadline.check();
      const image = await renderPdfPage(pdf, pageNumber, new CanvasFactory()).catch((error: unknown) => {
        throw new ParseError('malformed', `Page ${pageNumber} of the PDF could not be drawn for OCR (it may be damaged).`, { cause: error });
      });
      const text = await recognize(image, { signal: deadline.signal, settings: context.ocr });
      total += text.length;
      checkChars(total, limits);
      pageTexts[pageNumber - 1] = text;
      context.onProgress({ stage: 'ocr', page: done + 1, pages: scanned.length });
    }
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

// ---- images ----------------------------------------------------------------------------------

async function parseImage(bytes: Uint8Array, mime: string, context: ParseContext): Promise<RawParse> {
  const { limits, deadline } = context;
  const pages = mime === MIME.tiff ? await tiffPages(bytes) : [imageDimensions(bytes)];
  checkOcrPages(pages.length, limits, 'TIFF image');
  for (const page of pages) {
    if (page.width * page.height > limits.maxImagePixels) {
      const megapixels = (pixels: number) => `${Math.round(pixels / 100_000) / 10} megapixels`;
      throw new ParseError('too_large', `The image is ${page.width} × ${page.height} pixels (${megapixels(page.width * page.height)}); the most we read is ${megapixels(limits.maxImagePixels)}.`);
    }
  }
  deadline.extendTo(limits.maxOcrMs);
  context.onProgress({ stage: 'ocr', page: 0, pages: pages.length });
  const texts: string[] = [];
  let total = 0;
  for (let index = 0; index < pages.length; index += 1) {
    deadline.check();
    // A multi-page TIFF is handed over whole each time and Tesseract reads the one page asked for.
    const text = await recognize(bytes, { signal: deadline.signal, settings: context.ocr, ...(pages.length > 1 ? { page: index } : {}) });
    total += text.length;
    checkChars(total, limits);
    texts.push(text);
    context.onProgress({ stage: 'ocr', page: index + 1, pages: pages.length });
  }
  return { text: texts.join('\n\n'), format: 'text', pages: pages.length, ocrPages: pages.length };
}

// ---- docx, pptx, xlsx (zip archives) ---------------------------------------------------------

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

interface OfficeKind {
  /** How a person calls it: "Word document". */
  name: string;
  /** The part every such archive has. */
  mainPart: string;
  /** Parts the parser never decompresses (images are dropped), so not measured. */
  mediaFolder?: string;
}

const officeKinds = {
  docx: { name: 'Word document', mainPart: 'word/document.xml', mediaFolder: 'word/media/' },
  pptx: { name: 'PowerPoint presentation', mainPart: 'ppt/presentation.xml', mediaFolder: 'ppt/media/' },
  // exceljs loads every part, pictures included: all of them are measured.
  xlsx: { name: 'Excel workbook', mainPart: 'xl/workbook.xml' },
} satisfies Record<string, OfficeKind>;

/**
 * Opens an Office (zip) archive and makes sure it does not unpack to more than the cap: first
 * from the sizes it declares, then, since those can lie, by inflating what the parser will
 * inflate, stopping as soon as the budget is passed. Zip bombs fail here as `too_large`.
 */
async function openOfficeArchive(bytes: Uint8Array, kind: OfficeKind, limits: ParseLimits, deadline: Deadline): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (error) {
    throw new ParseError('malformed', `The file is not a readable ${kind.name} (the archive is damaged).`, { cause: error });
  }
  const cap = limits.maxOfficeUncompressedBytes;
  const tooLarge = () => new ParseError('too_large', `The ${kind.name} unpacks to more than ${mb(cap)}, the most we accept.`);
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  // 1. What the archive declares, before decompressing anything.
  let declared = 0;
  for (const entry of entries) {
    const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
    declared += typeof size === 'number' && size >= 0 ? size : 0;
  }
  if (declared > cap) throw tooLarge();
  if (!zip.file(kind.mainPart)) throw new ParseError('malformed', `The file is a zip archive but not a ${kind.name}.`);
  // 2. What will actually be inflated.
  let actual = 0;
  for (const entry of entries) {
    if (kind.mediaFolder && entry.name.startsWith(kind.mediaFolder)) continue;
    deadline.check();
    actual += await measureEntry(entry, cap - actual).catch((error: unknown) => {
      throw new ParseError('malformed', `The ${kind.name} is damaged (a part could not be unpacked).`, { cause: error });
    });
    if (actual > cap) throw tooLarge();
  }
  deadline.check();
  return zip;
}

async function parseDocx(bytes: Uint8Array, { limits, deadline }: ParseContext): Promise<RawParse> {
  const zip = await openOfficeArchive(bytes, officeKinds.docx, limits, deadline);
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

async function parsePptx(bytes: Uint8Array, { limits, deadline }: ParseContext): Promise<RawParse> {
  await openOfficeArchive(bytes, officeKinds.pptx, limits, deadline);
  const parsed = await pptxToText(bytes, limits.maxOfficeUncompressedBytes).catch((error: unknown) => {
    throw new ParseError('malformed', 'The PowerPoint presentation could not be read (it may be damaged).', { cause: error });
  });
  return { text: parsed.text, format: 'markdown', ...(parsed.title ? { title: parsed.title } : {}) };
}

async function parseXlsx(bytes: Uint8Array, { limits, deadline }: ParseContext): Promise<RawParse> {
  await openOfficeArchive(bytes, officeKinds.xlsx, limits, deadline);
  const parsed = await xlsxToText(bytes, (length) => checkChars(length, limits)).catch((error: unknown) => {
    if (error instanceof ParseError) throw error;
    throw new ParseError('malformed', 'The Excel workbook could not be read (it may be damaged).', { cause: error });
  });
  return { text: parsed.text, format: 'markdown', ...(parsed.title ? { title: parsed.title } : {}) };
}

// ---- entry point -----------------------------------------------------------------------------

async function parseByType(mime: string, bytes: Uint8Array, context: ParseContext): Promise<RawParse> {
  switch (mime) {
    case MIME.txt:
      return { text: decodeText(bytes), format: 'text' };
    case MIME.md: {
      const text = decodeText(bytes);
      const title = firstMarkdownHeading(text);
      return { text, format: 'markdown', ...(title ? { title } : {}) };
    }
    case MIME.html:
      return parseHtml(decodeText(bytes), context.limits);
    case MIME.csv:
    case MIME.tsv: {
      const text = decodeText(bytes);
      checkChars(text.length, context.limits);
      return { text: (await csvToText(text)).text, format: 'text' };
    }
    case MIME.pdf:
      return parsePdf(bytes, context);
    case MIME.docx:
      return parseDocx(bytes, context);
    case MIME.pptx:
      return parsePptx(bytes, context);
    case MIME.xlsx:
      return parseXlsx(bytes, context);
    case MIME.png:
    case MIME.jpeg:
    case MIME.tiff:
      return parseImage(bytes, mime, context);
    default:
      throw new ParseError('unsupported_type', `Files of type ${mime} are not supported; upload ${SUPPORTED_FORMATS}.`);
  }
}

function emptyMessage(mime: string): string {
  if (mime === MIME.pdf) return 'The PDF contains no readable text (and no scanned page with text OCR could read).';
  if (mime === MIME.png || mime === MIME.jpeg || mime === MIME.tiff) return 'No text could be read in the image.';
  return 'The document contains no readable text.';
}

/**
 * Reads a document into normalized text. The type comes from the bytes; `filename` only tells
 * markdown and CSV from plain text. Throws ParseError for anything that cannot or should not be
 * indexed.
 */
export async function parseDocument(bytes: Uint8Array, opts: ParseOptions = {}): Promise<ParsedDocument> {
  const limits: ParseLimits = { ...defaultParseLimits, ...opts.limits };
  if (bytes.byteLength === 0) throw new ParseError('empty', 'The file is empty.');
  if (bytes.byteLength > limits.maxBytes) {
    throw new ParseError('too_large', `The file is ${mb(bytes.byteLength)}; the most we accept is ${mb(limits.maxBytes)}.`);
  }
  const mime = await detectMime(bytes, opts.filename);
  const deadline = new Deadline(limits.maxMs);
  const context: ParseContext = { limits, deadline, ocr: opts.ocr, onProgress: opts.onProgress ?? (() => undefined) };
  try {
    const raw = await Promise.race([parseByType(mime, bytes, context), deadline.expired]);
    checkChars(raw.text.length, limits);
    const text = normalizeText(raw.text);
    if (text === '') throw new ParseError('empty', emptyMessage(mime));
    const title = raw.title ? normalizeText(raw.title).slice(0, 300) : undefined;
    return {
      text,
      mime,
      format: raw.format,
      ...(title ? { title } : {}),
      ...(raw.pages !== undefined ? { pages: raw.pages } : {}),
      ...(raw.ocrPages !== undefined ? { ocrPages: raw.ocrPages } : {}),
    };
  } finally {
    deadline.dispose();
  }
}
