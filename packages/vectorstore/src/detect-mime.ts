// Content type from the bytes (magic numbers via file-type, then text sniffing). The filename is
// only used to tell markdown and CSV/TSV from plain text, which bytes alone cannot.
import { fileTypeFromBuffer } from 'file-type';

export const MIME = {
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  binary: 'application/octet-stream',
} as const;

const SNIFF_BYTES = 64 * 1024;

/** The text encoding of bytes that look like text, or undefined for binary data. */
export function sniffTextEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = bytes.subarray(0, SNIFF_BYTES);
  let suspicious = 0;
  for (const byte of head) {
    if (byte === 0) return undefined;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) suspicious += 1;
  }
  if (suspicious > head.length / 100 + 1) return undefined;
  try {
    // A multi-byte character cut at the sniff boundary is not an error, so decode in stream mode.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length < bytes.length });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?<!doctype html/.test(head) || /^<html[\s>]/.test(head)) return true;
  return /^<(head|body|meta|title|div|p|h[1-6]|table|article|section)[\s>]/.test(head) && /<\/[a-z0-9]+>/.test(head);
}

/**
 * Whether bytes that start with a UTF-16 byte-order mark decode to text: no unpaired surrogates,
 * no NULs or other control characters. Binary data read as UTF-16 fails this almost at once.
 */
function isUtf16Text(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): boolean {
  const head = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES) & ~1);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(head, { stream: head.length < bytes.length });
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return !/[\u0000-\u0008\u000B\u000E-\u001F\uE000-\uF8FF]/.test(text);
}

export async function detectMime(bytes: Uint8Array, filename?: string): Promise<string> {
  const encoding = sniffTextEncoding(bytes);
  // The UTF-16LE byte-order mark (FF FE) is also an MPEG audio frame header, so file-type calls
  // such a text file audio: a byte-order mark followed by clean UTF-16 text is text.
  const utf16Text = (encoding === 'utf-16le' || encoding === 'utf-16be') && isUtf16Text(bytes, encoding);
  const detected = utf16Text ? undefined : await fileTypeFromBuffer(bytes);
  if (detected) return detected.mime;
  if (!encoding) return MIME.binary;
  const head = new TextDecoder(encoding).decode(bytes.subarray(0, 4096));
  if (looksLikeHtml(head.replace(/^\uFEFF/, ''))) return MIME.html;
  if (filename && /\.(md|markdown|mdown|mkd)$/i.test(filename)) return MIME.md;
  if (filename && /\.csv$/i.test(filename)) return MIME.csv;
  if (filename && /\.(tsv|tab)$/i.test(filename)) return MIME.tsv;
  return MIME.txt;
}
