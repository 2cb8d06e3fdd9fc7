import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { detectMime, MIME } from './detect-mime';
import { defaultParseLimits, ParseError, parseDocument } from './parse';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function makePdf(pages: string[], title?: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  if (title) pdf.setTitle(title);
  for (const text of pages) {
    const page = pdf.addPage([300, 300]);
    if (text) page.drawText(text, { x: 20, y: 250, size: 12, font });
  }
  return pdf.save();
}

/** A minimal valid pdf with `count` empty pages, written by hand (pdf-lib takes seconds for this). */
function manyPagePdf(count: number): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>'];
  const kids = Array.from({ length: count }, (_, i) => `${i + 3} 0 R`).join(' ');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${count} >>`);
  for (let i = 0; i < count; i += 1) objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>');
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return utf8(body);
}

async function makeDocx(): Promise<Uint8Array> {
  const doc = new Document({
    title: 'Quarterly Report',
    sections: [
      {
        children: [
          new Paragraph({ text: 'Quarterly Report', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Revenue grew by twelve percent in the third quarter.' }),
          new Paragraph({ text: 'Outlook', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'We expect steady demand for part number PX-4471.' }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A docx with one plain paragraph per text (no paragraphs at all for an empty list). */
async function docxWithParagraphs(texts: string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: texts.map((text) => new Paragraph({ text })) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** `count` sentences, each naming its number, so a test can tell how far extraction got. */
const numberedSentences = (count: number) => Array.from({ length: count }, (_, i) => `Sentence number ${i} says something worth indexing.`);

async function expectParseError(promise: Promise<unknown>, code: ParseError['code']): Promise<ParseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  expect((error as ParseError).code).toBe(code);
  // Messages are sentences for people, not stack traces.
  expect((error as ParseError).message).toMatch(/^[A-Z].{10,}\.$/);
  return error as ParseError;
}

/** Rewrites the declared uncompressed size of one zip entry (local and central headers). */
function lieAboutSize(zipBytes: Uint8Array, entryName: string, declared: number): Uint8Array {
  const bytes = new Uint8Array(zipBytes);
  const view = new DataView(bytes.buffer);
  const name = utf8(entryName);
  const nameAt = (at: number) => name.every((byte, i) => bytes[at + i] === byte);
  for (let i = 0; i < bytes.length - 46; i += 1) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && view.getUint16(i + 26, true) === name.length && nameAt(i + 30)) view.setUint32(i + 22, declared, true);
    if (signature === 0x02014b50 && view.getUint16(i + 28, true) === name.length && nameAt(i + 46)) view.setUint32(i + 24, declared, true);
  }
  return bytes;
}

describe('detectMime', () => {
  it('detects the type from the bytes, not the filename', async () => {
    expect(await detectMime(await makePdf(['hello']), 'notes.txt')).toBe(MIME.pdf);
    expect(await detectMime(await makeDocx(), 'photo.png')).toBe(MIME.docx);
    expect(await detectMime(utf8('<!DOCTYPE html><html><body>x</body></html>'), 'a.md')).toBe(MIME.html);
    expect(await detectMime(utf8('just some words'), 'report.pdf')).toBe(MIME.txt);
    expect(await detectMime(utf8('# Title\n\ntext'), 'README.md')).toBe(MIME.md);
    expect(await detectMime(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))).toBe('image/png');
    expect(await detectMime(new Uint8Array([0, 1, 2, 3, 0, 255, 254, 0]))).toBe(MIME.binary);
  });
});

describe('parseDocument: text, markdown and html', () => {
  it('reads UTF-8 text and normalizes it', async () => {
    const parsed = await parseDocument(utf8('Cafe\u0301 menu\r\n\r\n\r\n\r\nSoup\u200B of the day'), { filename: 'menu.txt' });
    expect(parsed).toMatchObject({ text: 'Café menu\n\nSoup of the day', mime: MIME.txt, format: 'text' });
  });

  it('reads markdown with its first heading as title', async () => {
    const parsed = await parseDocument(utf8('# Onboarding guide\n\nWelcome aboard.\n\n## Laptops\n\nIT hands them out.'), { filename: 'guide.md' });
    expect(parsed).toMatchObject({ mime: MIME.md, format: 'markdown', title: 'Onboarding guide' });
    expect(parsed.text).toContain('## Laptops');
  });

  it('keeps only the readable text of html: no scripts, styles or markup', async () => {
    const html = `<!doctype html><html><head><title>Pricing &amp; plans</title><style>body{color:red}</style>
      <script>window.secret = "do not index me"</script></head>
      <body><nav>Home | About</nav><h1>Plans</h1><p>The <b>Pro</b> plan costs <a href="/buy">20 euros</a> a month.</p>
      <script type="module">alert("nope")</script><noscript>enable js</noscript>
      <h2>Support</h2><ul><li>Email</li><li>Phone</li></ul></body></html>`;
    const parsed = await parseDocument(utf8(html));
    expect(parsed).toMatchObject({ mime: MIME.html, format: 'markdown', title: 'Pricing & plans' });
    expect(parsed.text).toContain('# Plans');
    expect(parsed.text).toContain('The Pro plan costs 20 euros a month.');
    expect(parsed.text).toContain('## Support');
    expect(parsed.text).toMatch(/Email[\s\S]*Phone/);
    for (const hidden of ['secret', 'alert', 'color:red', 'enable js', '<', '/buy']) expect(parsed.text).not.toContain(hidden);
  });

  it('reads a table as rows that name each cell by its column, not as a grid of padded columns', async () => {
    const html = `<h1>Plans</h1><table><thead><tr><th>Plan</th><th>Price per month</th><th>Storage</th></tr></thead>
      <tbody><tr><td>Basic</td><td>10 <b>euros</b></td><td>5 GB</td></tr><tr><td>Pro</td><td>25 euros</td><td><p>100 GB</p><p>then 1 euro a GB</p></td></tr></tbody></table>
      <p>Prices exclude VAT.</p><table><tr><td>2025-01-01</td><td>Launch</td></tr><tr><td>2025-03-01</td><td>Review</td></tr></table>`;
    const parsed = await parseDocument(utf8(html), { filename: 'plans.html' });
    expect(parsed.text.split('\n')).toEqual([
      '# Plans',
      '',
      'Plan: Basic; Price per month: 10 euros; Storage: 5 GB',
      'Plan: Pro; Price per month: 25 euros; Storage: 100 GB then 1 euro a GB',
      '',
      'Prices exclude VAT.',
      '',
      // No header row (dates are data): the columns are numbered.
      'Column 1: 2025-01-01; Column 2: Launch',
      'Column 1: 2025-03-01; Column 2: Review',
    ]);
  });

  it('still reads the text of malformed html: unclosed, misnested and stray tags', async () => {
    const html = `<html><body><h1>Release notes<p>The <b>new <i>importer</b> handles CSV</i> files.
      <div><p>Stray </span> closing tags</table> and a bare < sign do not hide this sentence.
      <ul><li>First fix<li>Second fix</ul><script>var leaked = "<p>not text</p>"`;
    const parsed = await parseDocument(utf8(html), { filename: 'notes.html' });
    expect(parsed).toMatchObject({ mime: MIME.html, format: 'markdown', title: 'Release notes' });
    expect(parsed.text).toContain('# Release notes');
    expect(parsed.text).toContain('The new importer handles CSV files.');
    expect(parsed.text).toContain('Stray closing tags and a bare < sign do not hide this sentence.');
    expect(parsed.text).toMatch(/First fix[\s\S]*Second fix/);
    for (const hidden of ['leaked', 'not text', '</span>', '<p>']) expect(parsed.text).not.toContain(hidden);
  });

  it('refuses html nested thousands of levels deep as malformed instead of crashing on the stack', async () => {
    const html = `<html><body><p>Intro</p>${'<div>'.repeat(20_000)}deep${'</div>'.repeat(20_000)}</body></html>`;
    const error = await expectParseError(parseDocument(utf8(html)), 'malformed');
    expect(error.message).toContain('nested too deeply');
  });

  it('reads windows-1252 text (as older Windows editors save it) with its accents, quotes and euro sign', async () => {
    // "Café “menu” – €5" in windows-1252: not valid UTF-8, and 0x80..0x9F are not latin1.
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6d, 0x65, 0x6e, 0x75, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35]);
    const parsed = await parseDocument(bytes, { filename: 'menu.txt' });
    expect(parsed).toMatchObject({ mime: MIME.txt, text: 'Café \u201Cmenu\u201D \u2013 \u20AC5' });
  });

  it('reads UTF-16LE text with a byte-order mark as text, not as the audio file its first bytes resemble', async () => {
    const text = 'Café naïve \u2013 日本語のメモ\r\nSecond line';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(await detectMime(bytes, 'memo.txt')).toBe(MIME.txt);
    const parsed = await parseDocument(bytes, { filename: 'memo.txt' });
    expect(parsed).toMatchObject({ mime: MIME.txt, text: 'Café naïve \u2013 日本語のメモ\nSecond line' });
    // Binary that merely starts with the same two bytes is still what it is.
    const audio = new Uint8Array(4096);
    audio.set([0xff, 0xfe, 0x90, 0x00]);
    expect(await detectMime(audio, 'memo.txt')).toBe('audio/mpeg');
  });
});

describe('parseDocument: pdf', () => {
  it('extracts the text of every page, the page count and the title', async () => {
    const parsed = await parseDocument(await makePdf(['First page about invoices.', 'Second page about refunds.'], 'Billing FAQ'), { filename: 'faq.txt' });
    expect(parsed).toMatchObject({ mime: MIME.pdf, format: 'text', pages: 2, title: 'Billing FAQ' });
    expect(parsed.text).toMatch(/First page about invoices\.[\s\S]*Second page about refunds\./);
  });

  it('refuses a 10,000-page pdf from its page count, before extracting any text', async () => {
    const bytes = manyPagePdf(10_000);
    const started = Date.now();
    const error = await expectParseError(parseDocument(bytes), 'too_many_pages');
    expect(error.message).toContain('10,000 pages');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a damaged pdf as malformed', async () => {
    const good = await makePdf(['hello']);
    await expectParseError(parseDocument(utf8('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without xref')), 'malformed');
    await expectParseError(parseDocument(good.slice(0, 40)), 'malformed');
  });

  it('reports a pdf without any text (a scan) as empty', async () => {
    await expectParseError(parseDocument(await makePdf(['', ''])), 'empty');
  });

  it('stops extracting when the text cap or the time cap is reached', async () => {
    const bytes = await makePdf(Array.from({ length: 30 }, (_, i) => `Page ${i} has some words on it.`));
    await expectParseError(parseDocument(bytes, { limits: { maxChars: 100 } }), 'too_much_text');
    await expectParseError(parseDocument(bytes, { limits: { maxMs: 1 } }), 'timeout');
  });
});

describe('parseDocument: docx', () => {
  it('extracts paragraphs with headings kept as markdown', async () => {
    const parsed = await parseDocument(await makeDocx(), { filename: 'report.bin' });
    expect(parsed).toMatchObject({ mime: MIME.docx, format: 'markdown', title: 'Quarterly Report' });
    expect(parsed.text).toContain('# Quarterly Report');
    expect(parsed.text).toContain('## Outlook');
    expect(parsed.text).toContain('Revenue grew by twelve percent in the third quarter.');
    expect(parsed.text).toContain('PX-4471');
  });

  it('reads a Word table as rows that name each cell by its column', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph({ text })] });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Opening hours', heading: HeadingLevel.HEADING_1 }),
            new Table({
              rows: [
                new TableRow({ children: [cell('Branch'), cell('Weekdays'), cell('Saturday')] }),
                new TableRow({ children: [cell('Harbour Street'), cell('8:00 to 18:00'), cell('closed')] }),
                new TableRow({ children: [cell('Mill Lane'), cell('9:00 to 17:00'), cell('10:00 to 14:00')] }),
              ],
            }),
          ],
        },
      ],
    });
    const parsed = await parseDocument(new Uint8Array(await Packer.toBuffer(doc)), { filename: 'hours.docx' });
    expect(parsed.text).toContain('Branch: Harbour Street; Weekdays: 8:00 to 18:00; Saturday: closed\nBranch: Mill Lane; Weekdays: 9:00 to 17:00; Saturday: 10:00 to 14:00');
  });

  it('refuses a Word document without any text as empty, with a message about the document, not PDFs', async () => {
    for (const bytes of [await docxWithParagraphs([]), await docxWithParagraphs(['', '   '])]) {
      const error = await expectParseError(parseDocument(bytes, { filename: 'blank.docx' }), 'empty');
      expect(error.message).toBe('The document contains no readable text.');
    }
  });

  it('refuses a zip bomb from its declared sizes without unpacking it', async () => {
    const zip = await JSZip.loadAsync(await makeDocx());
    zip.file('word/bomb.xml', '0'.repeat(8 * 1024 * 1024), { compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    const error = await expectParseError(parseDocument(bomb, { limits: { maxOfficeUncompressedBytes: 4 * 1024 * 1024 } }), 'too_large');
    expect(error.message).toContain('unpacks to more than 4 MB');
  });

  it('refuses a zip bomb that lies about its sizes, stopping as soon as it passes the cap', async () => {
    const zip = await JSZip.loadAsync(await makeDocx());
    zip.file('word/bomb.xml', '0'.repeat(8 * 1024 * 1024), { compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const liar = lieAboutSize(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 'word/bomb.xml', 100);
    await expectParseError(parseDocument(liar, { limits: { maxOfficeUncompressedBytes: 4 * 1024 * 1024 } }), 'too_large');
  });

  it('reports a truncated docx as malformed and a plain zip as unsupported', async () => {
    const docx = await makeDocx();
    const truncated = docx.slice(0, Math.floor(docx.length * 0.6));
    const error = await parseDocument(truncated).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect(['malformed', 'unsupported_type']).toContain((error as ParseError).code);
    const plain = new JSZip();
    plain.file('notes.txt', 'hello');
    await expectParseError(parseDocument(await plain.generateAsync({ type: 'uint8array' })), 'unsupported_type');
  });
});

describe('parseDocument: limits and bad input', () => {
  it('refuses empty files and files with only whitespace or invisible characters', async () => {
    await expectParseError(parseDocument(new Uint8Array()), 'empty');
    await expectParseError(parseDocument(utf8('  \n\n\t \u200B\u200B ')), 'empty');
    await expectParseError(parseDocument(utf8('<html><body><script>only()</script></body></html>')), 'empty');
  });

  it('refuses files over the byte cap before looking inside', async () => {
    const huge = new Uint8Array(defaultParseLimits.maxBytes + 1).fill(0x61);
    const error = await expectParseError(parseDocument(huge), 'too_large');
    expect(error.message).toContain('the most we accept is 25 MB');
  });

  it('refuses text over the character cap', async () => {
    await expectParseError(parseDocument(utf8('word '.repeat(1000)), { limits: { maxChars: 1000 } }), 'too_much_text');
  });

  it('refuses a docx or an html page whose extracted text is over the character cap, rather than indexing part of it', async () => {
    const sentences = numberedSentences(200); // about 10,000 characters of text
    const docx = await docxWithParagraphs(sentences);
    const html = utf8(`<!doctype html><html><body>${sentences.map((sentence) => `<p>${sentence}</p>`).join('')}</body></html>`);
    for (const [bytes, filename] of [
      [docx, 'long.docx'],
      [html, 'long.html'],
    ] as const) {
      // Under a cap that fits, the whole text is read...
      const whole = await parseDocument(bytes, { filename, limits: { maxChars: 20_000 } });
      expect(whole.text).toContain('Sentence number 199 says');
      // ...over it, the document fails with a readable reason instead of being cut short.
      const error = await expectParseError(parseDocument(bytes, { filename, limits: { maxChars: 5000 } }), 'too_much_text');
      expect(error.message).toContain('more than 5,000 characters');
    }
  });

  it('refuses types it cannot read, with a message that lists what it can', async () => {
    const gif = utf8('GIF89a\x01\x00\x01\x00\x00\x00\x00;');
    const error = await expectParseError(parseDocument(gif, { filename: 'fake.txt' }), 'unsupported_type');
    expect(error.message).toContain('txt, md, html, pdf, docx, pptx, xlsx, csv, png, jpg or tiff');
    await expectParseError(parseDocument(new Uint8Array([0, 159, 146, 150, 0, 1, 2])), 'unsupported_type');
  });
});
