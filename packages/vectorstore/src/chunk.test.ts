import { describe, expect, it } from 'vitest';
import { chunkText } from './chunk';

const paragraph = (topic: string, n: number) =>
  Array.from({ length: n }, (_, i) => `Sentence ${i + 1} about ${topic} explains one more detail of the subject.`).join(' ');

const markdown = [
  '# Handbook',
  '',
  'Welcome to the handbook.',
  '',
  '## Travel policy',
  '',
  paragraph('travel', 12),
  '',
  '```',
  '# not a heading inside code',
  '```',
  '',
  '## Expenses',
  '',
  paragraph('expenses', 12),
  '',
  '### Receipts',
  '',
  paragraph('receipts', 6),
].join('\n');

describe('chunkText', () => {
  it('returns chunks whose offsets map back to the exact source text', async () => {
    const chunks = await chunkText(markdown, { format: 'markdown', chunkSize: 300, chunkOverlap: 60 });
    expect(chunks.length).toBeGreaterThan(5);
    chunks.forEach((chunk, i) => {
      expect(chunk.chunkIndex).toBe(i);
      expect(markdown.slice(chunk.start, chunk.end)).toBe(chunk.text);
      expect(chunk.text.length).toBeLessThanOrEqual(300);
    });
    // Offsets move forward through the document.
    for (let i = 1; i < chunks.length; i += 1) expect(chunks[i]!.start).toBeGreaterThan(chunks[i - 1]!.start);
  });

  it('covers the whole document: every sentence lands in some chunk', async () => {
    const chunks = await chunkText(markdown, { format: 'markdown', chunkSize: 300, chunkOverlap: 60 });
    for (const sentence of markdown.split(/(?<=\.)\s+/).map((s) => s.trim()).filter((s) => s.length > 20 && !s.includes('\n'))) {
      expect(chunks.some((chunk) => chunk.text.includes(sentence))).toBe(true);
    }
  });

  it('labels each chunk with the nearest heading above it, ignoring # lines in code blocks', async () => {
    const chunks = await chunkText(markdown, { format: 'markdown', chunkSize: 300, chunkOverlap: 60 });
    const headingOf = (needle: string) => chunks.find((chunk) => chunk.text.includes(needle))?.heading;
    expect(headingOf('Welcome to the handbook')).toBe('Handbook');
    expect(headingOf('Sentence 3 about travel')).toBe('Travel policy');
    expect(headingOf('Sentence 10 about expenses')).toBe('Expenses');
    expect(headingOf('Sentence 5 about receipts')).toBe('Receipts');
    expect(chunks.some((chunk) => chunk.heading === 'not a heading inside code')).toBe(false);
  });

  it('overlaps neighbouring chunks of running text by up to chunkOverlap characters', async () => {
    const text = paragraph('overlap', 40);
    const chunks = await chunkText(text, { chunkSize: 200, chunkOverlap: 50 });
    expect(chunks.length).toBeGreaterThan(5);
    let overlapping = 0;
    for (let i = 1; i < chunks.length; i += 1) {
      const previous = chunks[i - 1]!;
      const current = chunks[i]!;
      expect(current.start).toBeLessThanOrEqual(previous.end);
      if (current.start < previous.end) overlapping += 1;
      expect(previous.end - current.start).toBeLessThanOrEqual(50);
    }
    expect(overlapping).toBeGreaterThan(chunks.length / 2);
  });

  it('keeps plain text without headings and handles empty input', async () => {
    const chunks = await chunkText('# looks like a heading\n\nbut this is plain text', { format: 'text' });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.heading).toBeUndefined();
    expect(await chunkText('   \n\n ')).toEqual([]);
  });

  it('finds the right offsets when the same passage repeats', async () => {
    const block = 'Repeated block of text that appears twice.';
    const text = `${block}\n\n${'x '.repeat(60)}\n\n${block}`;
    const chunks = await chunkText(text, { chunkSize: 60, chunkOverlap: 0 });
    const repeats = chunks.filter((chunk) => chunk.text === block);
    expect(repeats).toHaveLength(2);
    expect(repeats[0]!.start).toBe(0);
    expect(repeats[1]!.start).toBe(text.lastIndexOf(block));
  });
});
