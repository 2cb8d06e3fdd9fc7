// Layout robustness: the same documents as other files give them. A text file exported with hard
// line breaks (every line wrapped at 72 characters, as plain-text emails, RFCs and many .txt
// documents are) and a PDF's extracted text (pdf.js ends every visual line with a line break; no
// markdown, no blank line between paragraphs) hold the same sentences as the markdown, so every
// question should be answered as it is over the markdown. `pnpm eval:answers` reports the
// accuracy of all questions over each layout, on the tuning and held-out splits.
import type { Layout } from './harness';

/** Lines of at most `width` characters, broken at spaces; a list item's continuation lines are indented under its text. */
function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const indent = ' '.repeat(/^\s*(?:[-*+•]\s+|\d{1,3}[.)]\s+)?/.exec(line)?.[0].length ?? 0);
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = `${indent}${word}`;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current.trim() !== '') lines.push(current);
  return lines;
}

/** Markdown code blocks are left as they are: nobody wraps code. */
function wrapText(text: string, width: number): string {
  let inFence = false;
  return text
    .split('\n')
    .flatMap((line) => {
      if (/^\s*(?:```|~~~)/.test(line)) inFence = !inFence;
      return inFence || /^\s*(?:```|~~~|#|\|)/.test(line) || /^(?: {4}|\t)/.test(line) ? [line] : wrapLine(line, width);
    })
    .join('\n');
}

export const LAYOUTS: Readonly<Record<string, Layout>> = {
  /** A .txt export: wrapped at 72 characters, blank lines between paragraphs kept. */
  wrappedText: (text) => ({ text: wrapText(text, 72), format: 'text' }),
  /** A PDF's text: lines of up to 90 characters, heading marks and inline markdown gone, no blank lines. */
  pdfLines: (text) => ({
    text: wrapText(
      text
        .replace(/^#{1,6}\s+/gm, '')
        .replace(/\*\*|__|`/g, '')
        .replace(/\n{2,}/g, '\n'),
      90,
    ),
    format: 'text',
  }),
};
