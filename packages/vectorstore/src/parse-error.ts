// The error every parser throws for a document that cannot or should not be indexed: a code for
// programs and a sentence for people. Its own module so the parsers' helpers (ocr.ts) share it.

export type ParseErrorCode =
  | 'unsupported_type'
  | 'too_large'
  | 'too_many_pages'
  | 'too_much_text'
  | 'timeout'
  | 'malformed'
  | 'empty'
  /** The document needs OCR and this machine has no OCR engine (Tesseract) installed. */
  | 'ocr_unavailable';

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

/** The error of a parse that ran past its time cap (also used by callers that enforce the cap themselves). */
export const parseTimeoutError = (ms: number) => new ParseError('timeout', `The document took longer than ${Math.round(ms / 1000)} s to read and was given up.`);
