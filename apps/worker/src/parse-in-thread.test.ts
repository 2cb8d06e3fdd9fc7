// Parsing in worker threads: the same answers as parsing in process, and caps that hold even
// while a parser is stuck in synchronous work.
import { labelDocument } from '@switchyard/router';
import { parseDocument, ParseError } from '@switchyard/vectorstore';
import { scannedPdf } from '@switchyard/vectorstore/test-images';
import { afterAll, describe, expect, it } from 'vitest';
import { minimalDocx, slowHtml } from '../test/helpers';
import { LabelTimeoutError, ThreadedParser } from './parse-in-thread';

const encode = (text: string) => new TextEncoder().encode(text);
const parser = new ThreadedParser();
const smallParser = new ThreadedParser({ maxMemoryMb: 64 });
afterAll(async () => {
  await parser.close();
  await smallParser.close();
});

async function parseError(promise: Promise<unknown>): Promise<ParseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  return error as ParseError;
}

/** Runs `work` while timing the longest pause of this thread's event loop. */
async function longestEventLoopPause<T>(work: () => Promise<T>): Promise<{ result: T; pauseMs: number }> {
  let last = performance.now();
  let pauseMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    pauseMs = Math.max(pauseMs, now - last);
    last = now;
  }, 10);
  try {
    return { result: await work(), pauseMs };
  } finally {
    clearInterval(ticker);
  }
}

describe('ThreadedParser', () => {
  it('gives the same documents and the same ParseErrors as parsing in process', async () => {
    const inputs = [
      { bytes: encode('# Handbook\n\nVacation requests go to the team lead.'), filename: 'handbook.md' },
      { bytes: await minimalDocx(['Travel policy', 'Book trains for trips under four hours.']), filename: 'travel.docx' },
      { bytes: encode('<html><head><title>Menu</title></head><body><p>Soup of the day</p></body></html>'), filename: 'menu.html' },
    ];
    for (const { bytes, filename } of inputs) {
      expect(await parser.parse(bytes, { filename })).toEqual(await parseDocument(bytes, { filename }));
    }
    const empty = await parseError(parser.parse(encode('  \n\u200B '), { filename: 'blank.txt' }));
    expect(empty).toMatchObject({ code: 'empty', message: 'The document contains no readable text.' });
    const tooLong = await parseError(parser.parse(encode('word '.repeat(1000)), { limits: { maxChars: 1000 } }));
    expect(tooLong.code).toBe('too_much_text');
  });

  it('cuts off a parse stuck in synchronous work at the time cap, while this process keeps running', async () => {
    const bytes = slowHtml();
    await parser.parse(encode('warm up'), { filename: 'warm.txt' }); // a thread with its parsers loaded
    const started = performance.now();
    const { result: error, pauseMs } = await longestEventLoopPause(() =>
      parseError(parser.parse(bytes, { filename: 'export.html', limits: { maxMs: 1000, maxChars: 50_000_000 } })),
    );
    expect(error).toMatchObject({ code: 'timeout', message: 'The document took longer than 1 s to read and was given up.' });
    expect(performance.now() - started).toBeLessThan(2500);
    // In process, html-to-text would hold the event loop (lock renewal, heartbeat) for seconds.
    expect(pauseMs).toBeLessThan(500);
    // The cut-off thread is replaced: the next document parses.
    expect((await parser.parse(encode('still here'), { filename: 'next.txt' })).text).toBe('still here');
  });

  it('fails a document that needs more memory than allowed as too large, and parses the next one', async () => {
    expect((await smallParser.parse(encode('fits easily'), { filename: 'small.txt' })).text).toBe('fits easily');
    const error = await parseError(smallParser.parse(slowHtml(), { filename: 'export.html', limits: { maxChars: 50_000_000 } }));
    expect(error).toMatchObject({ code: 'too_large', message: 'Reading the document needs more than 64 MB of memory, the most we allow.' });
    expect((await smallParser.parse(encode('fits again'), { filename: 'small.txt' })).text).toBe('fits again');
  });

  it('labels chunks in the thread exactly as labelDocument does in process', async () => {
    const chunks = ['Vacation days accrue monthly.', 'Payroll correction for J. Rivera, SSN 123-45-6789, effective March.', 'Expenses are paid within 30 days.'];
    const input = { text: chunks.join('\n\n'), chunks, declared: 'internal' as const };
    const label = await parser.label(input);
    expect(label).toEqual(labelDocument(input));
    expect(label.chunks.map((chunk) => chunk.sensitivity)).toEqual(['internal', 'confidential', 'internal']);
  });

  it('gives up labelling past its time cap with a readable error, and the next document is labelled', async () => {
    const hasty = new ThreadedParser({ labelMaxMs: 1 });
    try {
      const error = await hasty.label({ text: 'plain words', chunks: ['plain words'] }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LabelTimeoutError);
      expect((error as Error).message).toMatch(/^Checking the document for sensitive content took longer than/);
    } finally {
      await hasty.close();
    }
    expect((await parser.label({ text: 'plain words', chunks: ['plain words'] })).sensitivity).toBe('public');
  });
});

describe('ThreadedParser.warmUp', () => {
  it('readies a thread per job at once, each with the parsers and detectors loaded', async () => {
    const warmed = new ThreadedParser();
    try {
      await warmed.warmUp(2);
      expect(warmed.idleThreads).toBe(2);
      // Two documents at once use the two warm threads (no third is started) and label as in process.
      const input = { text: 'Card 4111 1111 1111 1111 on file.', chunks: ['Card 4111 1111 1111 1111 on file.'] };
      const labels = await Promise.all([warmed.label(input), warmed.label({ ...input, declared: 'internal' })]);
      expect(labels).toEqual([labelDocument(input), labelDocument({ ...input, declared: 'internal' })]);
      expect(warmed.idleThreads).toBe(2);
    } finally {
      await warmed.close();
    }
  });
});

describe('ThreadedParser: OCR', () => {
  it('reads a scan page by page in the thread, telling each page, under the OCR cap instead of the parse cap', async () => {
    const lines = ['The glacier survey starts on Monday', 'Bring the orange field notebook', 'Meet at the north gate', 'Lunch is at the copper hut'];
    const bytes = await scannedPdf(lines.map((line) => ({ scan: [line] })));
    await parser.parse(await scannedPdf([{ textLayer: 'warm up' }]), { filename: 'warm.pdf' }); // a thread with pdf.js loaded
    const pages: number[] = [];
    // One second does not draw and read four pages: the OCR cap applies once the thread says OCR started.
    const parsed = await parser.parse(bytes, { filename: 'scan.pdf', limits: { maxMs: 1000, maxOcrMs: 120_000 }, onProgress: (progress) => pages.push(progress.page) });
    expect(parsed).toMatchObject({ pages: 4, ocrPages: 4 });
    for (const line of lines) expect(parsed.text.toLowerCase()).toContain(line.toLowerCase());
    expect(pages).toEqual([0, 1, 2, 3, 4]);
  }, 90_000);

  it('gives up at the OCR cap', async () => {
    const bytes = await scannedPdf([{ scan: ['One page'] }, { scan: ['Another page'] }, { scan: ['A third page'] }]);
    const error = await parseError(parser.parse(bytes, { limits: { maxMs: 200, maxOcrMs: 400 } }));
    expect(error.code).toBe('timeout');
  }, 30_000);
});
