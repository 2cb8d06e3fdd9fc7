// Test fixtures made on the spot: text drawn into images (png, jpeg, multi-page TIFF) and scanned
// PDFs (pages that are only a picture of text), for the OCR tests. The font ships with pdfjs-dist
// (a dev dependency), so drawing does not depend on the fonts a machine has.
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const require = createRequire(import.meta.url);
const FONT = 'Fixture Sans';
GlobalFonts.registerFromPath(path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts/LiberationSans-Regular.ttf'), FONT);

/** Black lines of text on white paper, as a scanner would see a printed page. */
function drawText(lines: string[], width = 1700, height = 1000) {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#000000';
  context.font = `44px "${FONT}"`;
  lines.forEach((line, index) => context.fillText(line, 100, 150 + index * 80));
  return canvas;
}

export const textPng = (lines: string[]): Uint8Array => drawText(lines).toBuffer('image/png');
export const textJpeg = (lines: string[]): Uint8Array => drawText(lines).toBuffer('image/jpeg', 90);

/**
 * A scanned PDF: each page a picture of its lines; `textLayer` pages are real text instead, typed
 * across the page and wrapped at its margin as a word processor does (pdf.js then ends each line).
 */
export async function scannedPdf(pages: { scan?: string[]; textLayer?: string }[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const page of pages) {
    const pdfPage = pdf.addPage([612, 360]);
    if (page.scan) pdfPage.drawImage(await pdf.embedPng(textPng(page.scan)), { x: 0, y: 0, width: 612, height: 360 });
    if (page.textLayer) pdfPage.drawText(page.textLayer, { x: 30, y: 300, size: 12, font, maxWidth: 552, lineHeight: 15 });
  }
  return pdf.save();
}

/** An uncompressed 8-bit grey multi-page TIFF, one page per list of lines (as fax and scanner software writes). */
export function textTiff(pages: string[][], width = 1400, height = 500): Uint8Array {
  const greys = pages.map((lines) => {
    const rgba = drawText(lines, width, height).getContext('2d').getImageData(0, 0, width, height).data;
    const grey = new Uint8Array(width * height);
    for (let i = 0; i < grey.length; i += 1) grey[i] = rgba[i * 4] ?? 255;
    return grey;
  });
  const entries = 9;
  const ifdSize = 2 + entries * 12 + 4;
  const total = 8 + greys.reduce((sum, grey) => sum + ifdSize + grey.length, 0);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 42, 0]); // "II", 42: little-endian TIFF
  let offset = 8;
  view.setUint32(4, offset, true);
  greys.forEach((grey, index) => {
    const dataAt = offset + ifdSize;
    view.setUint16(offset, entries, true);
    const tags: [number, number, number][] = [
      [256, 4, width], // ImageWidth (LONG)
      [257, 4, height], // ImageLength
      [258, 3, 8], // BitsPerSample (SHORT)
      [259, 3, 1], // Compression: none
      [262, 3, 1], // PhotometricInterpretation: black is zero
      [273, 4, dataAt], // StripOffsets
      [277, 3, 1], // SamplesPerPixel
      [278, 4, height], // RowsPerStrip
      [279, 4, grey.length], // StripByteCounts
    ];
    tags.forEach(([tag, type, value], entry) => {
      const at = offset + 2 + entry * 12;
      view.setUint16(at, tag, true);
      view.setUint16(at + 2, type, true);
      view.setUint32(at + 4, 1, true);
      if (type === 3) view.setUint16(at + 8, value, true);
      else view.setUint32(at + 8, value, true);
    });
    const next = index + 1 < greys.length ? dataAt + grey.length : 0;
    view.setUint32(offset + 2 + entries * 12, next, true);
    bytes.set(grey, dataAt);
    offset = dataAt + grey.length;
  });
  return bytes;
}
