// OCR: text from scans and photos with Tesseract (Debian's tesseract-ocr and tesseract-ocr-eng,
// which the launcher and CI install like Redis). Each page is one `tesseract` process fed the
// image on stdin, so OCR runs outside this process's memory and is killed outright when the
// parse's time cap passes. Pages of a scanned PDF are drawn by pdf.js on @napi-rs/canvas first
// (synchronous calls only: a thread cut off mid-page leaves no native work behind).
import { spawn } from 'node:child_process';
import { imageSize } from 'image-size';
import type { PDFDocumentProxy } from 'unpdf/pdfjs';
import { ParseError } from './parse-error';

/** How Tesseract is run. */
export interface OcrSettings {
  /** The command (default `tesseract`, looked up on PATH). */
  command?: string;
  /** Tesseract's languages, `+`-joined (default `eng`; each needs its tesseract-ocr-LANG package). */
  languages?: string;
  /**
   * The environment of each tesseract process (default: this process's). Set OMP_THREAD_LIMIT=1
   * there so one page does not crowd out the embedder threads.
   */
  env?: Record<string, string>;
}

export const ocrUnavailableMessage = 'Reading text from scans and images needs the Tesseract OCR engine, which is not installed on this server.';

/** The text Tesseract reads in one image (for a multi-page TIFF, the page `page`, from 0). */
export async function recognize(image: Uint8Array, options: { signal: AbortSignal; settings?: OcrSettings; page?: number }): Promise<string> {
  const { settings = {} } = options;
  const args = ['stdin', 'stdout', '-l', settings.languages ?? 'eng'];
  if (options.page !== undefined) args.push('-c', `tessedit_page_number=${options.page}`);
  const child = spawn(settings.command ?? 'tesseract', args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    signal: options.signal,
    killSignal: 'SIGKILL',
    ...(settings.env ? { env: settings.env } : {}),
  });
  const stdout: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => stdout.push(data));
  child.stderr.on('data', (data: Buffer) => {
    if (stderr.length < 4096) stderr += data.toString();
  });
  // A process that dies early closes its stdin; that is reported by its exit, not here.
  child.stdin.on('error', () => undefined);
  child.stdin.end(image);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') reject(new ParseError('ocr_unavailable', ocrUnavailableMessage, { cause: error }));
      else if (error.name === 'AbortError') reject(options.signal.reason instanceof Error ? options.signal.reason : error);
      else reject(error);
    });
    child.once('close', resolve);
  });
  if (code !== 0) {
    throw new ParseError('malformed', 'The image could not be read (it may be damaged or in a form the OCR engine does not know).', { cause: new Error(stderr.trim()) });
  }
  return Buffer.concat(stdout).toString('utf8');
}

/** Width and height of a png or jpeg from its header, before anything is decoded. */
export function imageDimensions(bytes: Uint8Array): { width: number; height: number } {
  try {
    const { width, height } = imageSize(bytes);
    if (width > 0 && height > 0) return { width, height };
  } catch (error) {
    throw new ParseError('malformed', 'The image could not be read (it may be damaged).', { cause: error });
  }
  throw new ParseError('malformed', 'The image could not be read (it has no size).');
}

/** The pages of a TIFF (its top-level images; thumbnails are not pages) with their sizes, from the header alone. */
export async function tiffPages(bytes: Uint8Array): Promise<{ width: number; height: number }[]> {
  const { default: UTIF } = await import('utif2');
  let directories: ReturnType<typeof UTIF.decode>;
  try {
    directories = UTIF.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new ParseError('malformed', 'The TIFF image could not be read (it may be damaged).', { cause: error });
  }
  const tag = (value: unknown) => (Array.isArray(value) && typeof value[0] === 'number' ? value[0] : 0);
  const pages = directories.map((directory) => ({ width: tag(directory.t256), height: tag(directory.t257) })).filter((page) => page.width > 0 && page.height > 0);
  if (pages.length === 0) throw new ParseError('malformed', 'The TIFF file holds no image.');
  return pages;
}

/** Scanned pages are drawn at 300 dpi, as OCR engines expect, but never wider or taller than this. */
const MAX_RENDER_SIDE = 4200;

/**
 * One page of a PDF as a png, drawn for OCR. `pdf` must have been opened with the canvas
 * factory of @napi-rs/canvas (see `pdfCanvasFactory`).
 */
export async function renderPdfPage(pdf: PDFDocumentProxy, pageNumber: number, canvasFactory: PdfCanvasFactory): Promise<Uint8Array> {
  const page = await pdf.getPage(pageNumber);
  try {
    const natural = page.getViewport({ scale: 1 });
    const scale = Math.min(300 / 72, MAX_RENDER_SIDE / Math.max(natural.width, natural.height, 1));
    const viewport = page.getViewport({ scale });
    const { canvas, context } = canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    // White paper: transparent pixels would read as black to the OCR engine.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
    return canvas.toBuffer('image/png');
  } finally {
    page.cleanup();
  }
}

export interface PdfCanvasFactory {
  create(
    width: number,
    height: number,
  ): {
    canvas: { width: number; height: number; toBuffer(mime: 'image/png'): Uint8Array };
    context: { fillStyle: unknown; fillRect(x: number, y: number, width: number, height: number): void };
  };
}

/** pdf.js's canvas factory for Node, backed by @napi-rs/canvas (loaded on first use). */
export async function pdfCanvasFactory(): Promise<{ new (): PdfCanvasFactory }> {
  const { createIsomorphicCanvasFactory } = await import('unpdf');
  return (await createIsomorphicCanvasFactory(() => import('@napi-rs/canvas'))) as unknown as { new (): PdfCanvasFactory };
}
