import { describe, expect, it } from 'vitest';
import type { ContextPassage } from '../types';
import { extractiveAnswer, splitSentences } from './local-extractive';

const passage = (text: string, chunkIndex = 0): ContextPassage => ({
  id: `doc-1:${chunkIndex}`,
  documentId: 'doc-1',
  title: 'zephyr-handbook',
  chunkIndex,
  text,
  sensitivity: 'public',
  score: 0.8,
});

describe('the extractive responder', () => {
  it('quotes the sentence under a markdown heading, never the heading run into it', () => {
    const { text, citations } = extractiveAnswer('When does the Zephyr project launch?', [
      passage('# Zephyr project handbook\n\nThe Zephyr project launches on 14 March 2031 at the Rotterdam office. Budget questions go to finance.'),
    ]);
    expect(text).toContain('The Zephyr project launches on 14 March 2031 at the Rotterdam office. [1]');
    expect(text).not.toMatch(/^#/m);
    expect(text).not.toContain('handbook The');
    expect(citations).toHaveLength(1);
  });

  it('quotes list items without their bullets or numbers, so the answer does not turn into a list', () => {
    const { text } = extractiveAnswer('How long do refunds take?', [
      passage('## Returns\n\n- Refunds take 14 working days after the parcel arrives.\n2. Exchanges take seven days.\n> Store credit is issued at once.'),
    ]);
    expect(text).toContain('Refunds take 14 working days after the parcel arrives. [1]');
    expect(text).not.toMatch(/(^|\n)\s*(-|\d\.)\s/);
  });

  it('splits sentences on punctuation within a line and on line breaks', () => {
    expect(splitSentences('First sentence is here. Second sentence follows.\nA line without a stop\n### A heading line')).toEqual([
      'First sentence is here.',
      'Second sentence follows.',
      'A line without a stop',
    ]);
  });

  it('says plainly when the passages do not hold the answer', () => {
    const { text, citations } = extractiveAnswer('What is the airspeed of an unladen swallow?', [passage('# Zephyr\n\nThe Zephyr project launches in March.')]);
    expect(text).toMatch(/couldn't find the answer in your documents/);
    expect(citations).toEqual([]);
  });
});
