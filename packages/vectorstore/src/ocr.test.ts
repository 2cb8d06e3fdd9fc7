// OCR through the real Tesseract (Debian's tesseract-ocr + tesseract-ocr-eng, which the launcher
// and CI install), on scans and images the tests draw themselves.
import { describe, expect, it } from 'vitest';
import { MIME } from './detect-mime';
import { parseDocument, ParseError, type ParseProgress } from './parse';
import { scannedPdf, textJpeg, textPng, textTiff } from '../test/images';

/** OCR reads words, not always every character: compare on lower-case words. */
const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9\s]/g, ' ');

async function parseError(promise: Promise<unknown>): Promise<ParseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  expect((error as ParseError).message).toMatch(/^[A-Z].{10,}\.$/);
  return error as ParseError;
}

describe('OCR: scanned PDFs', () => {
  it('reads every scanned page with OCR, keeps the pages that have text, and reports progress page by page', async () => {
    const bytes = await scannedPdf([
      { scan: ['Invoice 4471 from Harbor Supplies', 'Total due: 312 euros by March 5'] },
      { textLayer: 'This page was typed, not scanned: the copper lantern policy.' },
      { scan: ['The glacier survey starts on Monday', 'Bring the orange field notebook'] },
    ]);
    const progress: ParseProgress[] = [];
    const parsed = await parseDocument(bytes, { filename: 'scan.pdf', onProgress: (step) => progress.push(step) });
    expect(parsed).toMatchObject({ mime: MIME.pdf, pages: 3, ocrPages: 2 });
    const text = words(parsed.text);
    for (const expected of ['invoice 4471', 'harbor supplies', '312 euros', 'copper lantern policy', 'glacier survey', 'orange field notebook']) expect(text).toContain(expected);
    // In page order: the scan of page 3 comes after the typed page 2.
    expect(text.indexOf('copper lantern')).toBeLessThan(text.indexOf('glacier'));
    expect(progress).toEqual([
      { stage: 'ocr', page: 0, pages: 2 },
      { stage: 'ocr', page: 1, pages: 2 },
      { stage: 'ocr', page: 2, pages: 2 },
    ]);
  }, 60_000);

  it('refuses a scan with more pages than it reads with OCR, before reading any', async () => {
    const bytes = await scannedPdf([{ scan: ['one'] }, { scan: ['two'] }, { scan: ['three'] }]);
    const progress: ParseProgress[] = [];
    const error = await parseError(parseDocument(bytes, { limits: { maxOcrPages: 2 }, onProgress: (step) => progress.push(step) }));
    expect(error.code).toBe('too_many_pages');
    expect(error.message).toContain('3 scanned pages; at most 2');
    expect(progress).toEqual([]);
  });

  it('gives up at the OCR time cap', async () => {
    const bytes = await scannedPdf([{ scan: ['A page that takes longer than a tenth of a second to read'] }, { scan: ['And another one'] }]);
    const error = await parseError(parseDocument(bytes, { limits: { maxMs: 50, maxOcrMs: 100 } }));
    expect(error.code).toBe('timeout');
  });
});

describe('OCR: images', () => {
  it('reads png and jpeg photos of text', async () => {
    const lines = ['The zephyr handshake opens on port 4711', 'before any payload moves'];
    for (const [bytes, mime] of [
      [textPng(lines), MIME.png],
      [textJpeg(lines), MIME.jpeg],
    ] as const) {
      const parsed = await parseDocument(bytes, { filename: 'photo' });
      expect(parsed).toMatchObject({ mime, pages: 1, ocrPages: 1, format: 'text' });
      expect(words(parsed.text)).toContain('zephyr handshake opens on port 4711');
    }
  }, 60_000);

  it('reads every page of a multi-page TIFF in order, one page at a time', async () => {
    const bytes = textTiff([['First page: the harbor ledger'], ['Second page: the copper lantern signal']]);
    const progress: number[] = [];
    const parsed = await parseDocument(bytes, { filename: 'fax.tiff', onProgress: (step) => progress.push(step.page) });
    expect(parsed).toMatchObject({ mime: MIME.tiff, pages: 2, ocrPages: 2 });
    const text = words(parsed.text);
    expect(text).toContain('harbor ledger');
    expect(text).toContain('copper lantern signal');
    expect(text.indexOf('harbor')).toBeLessThan(text.indexOf('copper'));
    expect(progress).toEqual([0, 1, 2]);
  }, 60_000);

  it('refuses an image over the pixel cap from its header, and a blank one as empty', async () => {
    const big = await parseError(parseDocument(textPng(['big']), { limits: { maxImagePixels: 1_000_000 } }));
    expect(big.code).toBe('too_large');
    expect(big.message).toContain('1700 × 1000 pixels');
    const blank = await parseError(parseDocument(textPng([])));
    expect(blank.code).toBe('empty');
    expect(blank.message).toBe('No text could be read in the image.');
  }, 30_000);

  it('reports a damaged image as malformed', async () => {
    const png = textPng(['cut short']);
    const error = await parseError(parseDocument(png.slice(0, 200)));
    expect(error.code).toBe('malformed');
  });

  it('says plainly when this machine has no OCR engine', async () => {
    const error = await parseError(parseDocument(textPng(['hello']), { ocr: { command: 'tesseract-is-not-installed-here' } }));
    expect(error.code).toBe('ocr_unavailable');
    expect(error.message).toContain('Tesseract OCR engine, which is not installed');
  });
});
