// Spreadsheets, CSV and slide decks as text (xlsx: exceljs, csv/tsv: papaparse, pptx:
// officeparser). Tables become rows a reader understands on their own: every cell is named by its
// column's header ("Part: PX-4471 valve; Qty: 12; Received: 2024-03-05"), so a chunk cut from the
// middle of a long sheet still says what its numbers are. Sheets and slides become markdown
// headings, which chunks cite. The libraries are loaded on first use: a process that never reads
// one of these formats (the API) never loads them.
import type { CellValue, Workbook } from 'exceljs';
import type { OfficeContentNode } from 'officeparser';

export interface TableText {
  text: string;
  title?: string;
}

/** Cells that are numbers, dates or nothing do not make a header row. */
const looksLikeData = (cell: string) => cell === '' || /^[-+]?[\d.,\s%€$£:/-]+$/.test(cell);

/** A line of markdown that starts with `#` would read as a heading: escape it. */
const safeLine = (line: string) => (line.startsWith('#') ? `\\${line}` : line);

/** A header names at least two columns and holds no numbers or dates. */
const isHeaderRow = (row: string[]) => row.filter((cell) => cell !== '').length >= 2 && !row.some((cell) => cell !== '' && looksLikeData(cell));

/** How far down a header row is looked for (rows above it are titles, kept as lines). */
const HEADER_SEARCH_ROWS = 5;

/**
 * Rows of a table as lines "Header: value; Header: value". The header is the first row, among
 * the first few, that reads like one (two or more cells of text, no numbers or dates); rows above
 * it are titles and stay as they are. Without a header, and for columns whose header is empty,
 * the column is named by `columnName` ("Column 3", or "C" for a spreadsheet). Empty cells are
 * left out; a table of one column is its values, one a line.
 */
export function tableToLines(rows: string[][], columnName: (index: number) => string = (index) => `Column ${index + 1}`): string[] {
  const filled = rows.map((row) => row.map((cell) => cell.replace(/\s+/g, ' ').trim())).filter((row) => row.some((cell) => cell !== ''));
  if (filled.length === 0) return [];
  const width = filled.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (width === 1) return filled.map((row) => safeLine(row[0] ?? ''));
  const found = filled.slice(0, HEADER_SEARCH_ROWS).findIndex(isHeaderRow);
  const headerAt = found >= 0 && found < filled.length - 1 ? found : -1;
  const header = headerAt >= 0 ? filled[headerAt] : undefined;
  const titles = headerAt > 0 ? filled.slice(0, headerAt).map((row) => safeLine(row.filter(Boolean).join(' '))) : [];
  const headers = Array.from({ length: width }, (_, index) => header?.[index] || columnName(index));
  const body = filled.slice(headerAt + 1);
  return [
    ...titles,
    ...body.map((row) =>
      safeLine(
        row
          .map((cell, index) => (cell === '' ? '' : `${headers[index]}: ${cell}`))
          .filter(Boolean)
          .join('; '),
      ),
    ),
  ];
}

// ---- csv / tsv -------------------------------------------------------------------------------

/** A CSV or TSV file: the delimiter is detected (comma, semicolon, tab, pipe), quotes honoured. */
export async function csvToText(text: string): Promise<TableText> {
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  return { text: tableToLines(parsed.data).join('\n') };
}

// ---- xlsx ------------------------------------------------------------------------------------

/** Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** A date as a spreadsheet shows it: the day, and the time when there is one. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  return hasTime ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
}

/** The text a cell shows: formulas by their result, rich text and links by their text. */
function cellText(value: CellValue, numberFormat?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    // 15 significant digits, as Excel keeps: 0.1 + 0.2 reads 0.3.
    const shown = Number(value.toPrecision(15));
    return numberFormat?.includes('%') ? `${Number((shown * 100).toPrecision(15))}%` : String(shown);
  }
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as CellValue, numberFormat);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  return '';
}

/** Every sheet (hidden ones too: their text is searchable like the rest) as a heading and its rows. */
export async function xlsxToText(bytes: Uint8Array, checkChars: (length: number) => void): Promise<TableText> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook: Workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  const sections: string[] = [];
  let total = 0;
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value, cell.numFmt);
      });
      const values = Array.from(cells, (cell) => cell ?? '');
      total += values.reduce((sum, cell) => sum + cell.length + 2, 0);
      checkChars(total);
      rows.push(values);
    });
    const lines = tableToLines(rows, columnLetter);
    if (lines.length > 0) sections.push(`## ${sheet.name}\n\n${lines.join('\n')}`);
  });
  const title = workbook.title?.trim();
  return { text: sections.join('\n\n'), ...(title ? { title } : {}) };
}

// ---- pptx ------------------------------------------------------------------------------------

function nodeLines(node: OfficeContentNode): string[] {
  if (node.type === 'table') {
    const rows = (node.children ?? []).filter((row) => row.type === 'row').map((row) => (row.children ?? []).map((cell) => cell.text ?? ''));
    return tableToLines(rows);
  }
  const lines = node.children?.some((child) => child.type !== 'text') ? node.children.flatMap(nodeLines) : [safeLine((node.text ?? '').trim())];
  const notes = (node.notes ?? []).flatMap(nodeLines);
  return [...lines, ...(notes.length > 0 ? ['Speaker notes:', ...notes] : [])].filter(Boolean);
}

/** Each slide as `## Slide N` (with its title when it has one), its text, tables and notes. */
export async function pptxToText(bytes: Uint8Array, maxUncompressedBytes: number): Promise<TableText> {
  const { OfficeParser } = await import('officeparser');
  const ast = await OfficeParser.parseOffice(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    ocr: false,
    extractAttachments: false,
    ignoreNotes: false,
    decompressionLimits: { maxUncompressedBytes },
  });
  const sections = ast.content
    .filter((node) => node.type === 'slide')
    .map((slide, index) => {
      const lines = nodeLines(slide);
      const number = (slide.metadata as { slideNumber?: number } | undefined)?.slideNumber ?? index + 1;
      return lines.length > 0 ? `## Slide ${number}: ${lines[0]}\n\n${lines.slice(1).join('\n')}` : '';
    })
    .filter(Boolean);
  const title = typeof ast.metadata?.title === 'string' ? ast.metadata.title.trim() : '';
  return { text: sections.join('\n\n'), ...(title ? { title } : {}) };
}
