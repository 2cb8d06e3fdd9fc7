// pptx, xlsx and csv/tsv: tables become rows that say what each value is.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { chunkText } from './chunk';
import { MIME } from './detect-mime';
import { parseDocument, ParseError } from './parse';
import { columnLetter, tableToLines } from './parse-office';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.title = 'Spring inventory';
  const parts = book.addWorksheet('Parts');
  parts.addRow(['Part', 'Qty', 'Price', 'Received', 'Total', 'Margin', 'Notes']);
  parts.addRow(['PX-4471 valve', 12, 3.5, new Date(Date.UTC(2024, 2, 5)), { formula: 'B2*C2', result: 42 }, 0.125, { richText: [{ text: 'urgent ' }, { text: 'reorder', font: { bold: true } }] }]);
  parts.addRow(['Gasket', 400, 0.1 + 0.2, new Date(Date.UTC(2024, 3, 1, 14, 30)), { formula: 'B3*C3', result: 120 }, 0.3, null]);
  parts.getCell('F2').numFmt = '0.0%';
  parts.getCell('F3').numFmt = '0%';
  const suppliers = book.addWorksheet('Suppliers');
  suppliers.addRow(['Supplier', 'Contact', 'Site']);
  suppliers.addRow(['Acme Tools', 'jane@acme.test', { text: 'acme.test', hyperlink: 'https://acme.test' }]);
  const readings = book.addWorksheet('Readings');
  readings.addRow([1, 2.5, 3]);
  readings.addRow([4, 5, 6]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function deck(): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.title = 'Roadmap 2025';
  const intro = pptx.addSlide();
  intro.addText('Roadmap 2025', { x: 1, y: 0.5, fontSize: 32 });
  intro.addText(
    [
      { text: 'Launch the importer in March.', options: { bullet: true } },
      { text: 'Retire the legacy exporter.', options: { bullet: true } },
    ],
    { x: 1, y: 2 },
  );
  intro.addNotes('Mention the budget freeze.');
  const goals = pptx.addSlide();
  goals.addText('Goals by quarter', { x: 1, y: 0.3 });
  goals.addTable(
    [
      [{ text: 'Quarter' }, { text: 'Goal' }, { text: 'Owner' }],
      [{ text: 'Q1' }, { text: 'Hire two engineers' }, { text: 'Dana' }],
      [{ text: 'Q2' }, { text: 'Ship the zephyr handshake' }, { text: 'Lee' }],
    ],
    { x: 1, y: 1.5 },
  );
  return new Uint8Array((await pptx.write({ outputType: 'uint8array' })) as Uint8Array);
}

async function withBomb(bytes: Uint8Array, entry: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(entry, '0'.repeat(8 * 1024 * 1024), { compression: 'DEFLATE', compressionOptions: { level: 9 } });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function parseError(promise: Promise<unknown>): Promise<ParseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ParseError);
  expect((error as ParseError).message).toMatch(/^[A-Z].{10,}\.$/);
  return error as ParseError;
}

describe('tableToLines', () => {
  it('names every value by its column header and leaves empty cells out', () => {
    expect(tableToLines([['Name', 'Team', 'Since'], ['Ana', 'Payments', '2019'], ['Bo', '', '2021'], ['', '', '']])).toEqual([
      'Name: Ana; Team: Payments; Since: 2019',
      'Name: Bo; Since: 2021',
    ]);
  });

  it('names columns itself when the first row is data, or a header cell is empty', () => {
    expect(tableToLines([['12', '4.5'], ['7', '1']])).toEqual(['Column 1: 12; Column 2: 4.5', 'Column 1: 7; Column 2: 1']);
    expect(tableToLines([['Item', '', 'Colour'], ['Lamp', 'x', 'blue']], columnLetter)).toEqual(['Item: Lamp; B: x; Colour: blue']);
    expect(tableToLines([['Only'], ['one'], ['column']])).toEqual(['Only', 'one', 'column']);
  });

  it('keeps title rows above the header as they are', () => {
    expect(tableToLines([['Quarterly report', ''], ['', ''], ['Region', 'Sales'], ['North', '12'], ['South', '9']])).toEqual([
      'Quarterly report',
      'Region: North; Sales: 12',
      'Region: South; Sales: 9',
    ]);
  });

  it('never lets a value start a markdown heading', () => {
    expect(tableToLines([['# of units', 'Site'], ['4', 'North']])).toEqual(['\\# of units: 4; Site: North']);
  });

  it('names spreadsheet columns by letter', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});

describe('parseDocument: xlsx', () => {
  it('reads every sheet as a heading and its rows, with dates, formula results, percentages and links as a person sees them', async () => {
    const parsed = await parseDocument(await workbook(), { filename: 'inventory.bin' });
    expect(parsed).toMatchObject({ mime: MIME.xlsx, format: 'markdown', title: 'Spring inventory' });
    expect(parsed.text).toContain('## Parts');
    expect(parsed.text).toContain('Part: PX-4471 valve; Qty: 12; Price: 3.5; Received: 2024-03-05; Total: 42; Margin: 12.5%; Notes: urgent reorder');
    expect(parsed.text).toContain('Part: Gasket; Qty: 400; Price: 0.3; Received: 2024-04-01 14:30; Total: 120; Margin: 30%');
    expect(parsed.text).toContain('## Suppliers');
    expect(parsed.text).toContain('Supplier: Acme Tools; Contact: jane@acme.test; Site: acme.test');
    expect(parsed.text).toContain('## Readings\n\nA: 1; B: 2.5; C: 3\nA: 4; B: 5; C: 6');
    // Chunks cite the sheet they come from.
    const chunks = await chunkText(parsed.text, { format: parsed.format, chunkSize: 200, chunkOverlap: 0 });
    expect(chunks.find((chunk) => chunk.text.includes('Acme Tools'))?.heading).toBe('Suppliers');
  });

  it('refuses a workbook that unpacks past the cap, a damaged one, and one with too much text', async () => {
    const bomb = await withBomb(await workbook(), 'xl/media/image1.png');
    expect((await parseError(parseDocument(bomb, { limits: { maxOfficeUncompressedBytes: 4 * 1024 * 1024 } }))).code).toBe('too_large');
    const book = await workbook();
    expect(['malformed', 'unsupported_type']).toContain((await parseError(parseDocument(book.slice(0, Math.floor(book.length * 0.7))))).code);
    expect((await parseError(parseDocument(book, { limits: { maxChars: 100 } }))).code).toBe('too_much_text');
  });
});

describe('parseDocument: pptx', () => {
  it('reads each slide under its title, with bullets, speaker notes and tables as rows', async () => {
    const parsed = await parseDocument(await deck(), { filename: 'roadmap.pptx' });
    expect(parsed).toMatchObject({ mime: MIME.pptx, format: 'markdown', title: 'Roadmap 2025' });
    expect(parsed.text).toContain('## Slide 1: Roadmap 2025');
    expect(parsed.text).toMatch(/Launch the importer in March\.\nRetire the legacy exporter\./);
    expect(parsed.text).toContain('Mention the budget freeze.');
    expect(parsed.text).toContain('## Slide 2: Goals by quarter');
    expect(parsed.text).toContain('Quarter: Q1; Goal: Hire two engineers; Owner: Dana');
    expect(parsed.text).toContain('Quarter: Q2; Goal: Ship the zephyr handshake; Owner: Lee');
  });

  it('refuses a presentation that unpacks past the cap', async () => {
    const bomb = await withBomb(await deck(), 'ppt/slides/bomb.xml');
    expect((await parseError(parseDocument(bomb, { limits: { maxOfficeUncompressedBytes: 4 * 1024 * 1024 } }))).code).toBe('too_large');
  });
});

describe('parseDocument: csv and tsv', () => {
  it('reads comma, semicolon and tab separated files by their name, quotes and line breaks in fields included', async () => {
    const comma = await parseDocument(utf8('\uFEFFname,city,note\r\nAna,"Lyon, France","says ""hi""\nand leaves"\r\nBo,Oslo,\r\n'), { filename: 'people.csv' });
    expect(comma).toMatchObject({ mime: MIME.csv, format: 'text' });
    expect(comma.text).toBe('name: Ana; city: Lyon, France; note: says "hi" and leaves\nname: Bo; city: Oslo');
    const semicolon = await parseDocument(utf8('Produit;Prix\nCafé;2,50\nThé;3,00\n'), { filename: 'prix.CSV' });
    expect(semicolon.text).toBe('Produit: Café; Prix: 2,50\nProduit: Thé; Prix: 3,00');
    const tabs = await parseDocument(utf8('host\tport\napi\t4000\n'), { filename: 'ports.tsv' });
    expect(tabs).toMatchObject({ mime: MIME.tsv, text: 'host: api; port: 4000' });
  });

  it('keeps a .txt file with commas as plain text', async () => {
    const parsed = await parseDocument(utf8('a,b\n1,2'), { filename: 'notes.txt' });
    expect(parsed).toMatchObject({ mime: MIME.txt, text: 'a,b\n1,2' });
  });
});
