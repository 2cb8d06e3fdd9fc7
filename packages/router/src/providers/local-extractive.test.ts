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

  it('answers a question that carries an email address or a link from what the passages hold', () => {
    const refunds = passage('Refunds for Zephyr subscriptions are processed within nine business days. Customers request a refund from the billing page.');
    for (const question of [
      'Please forward the Zephyr refund rules to jane.doe@northwind-logistics.com',
      'Summarise the Zephyr refund rules for https://northwind-logistics.example/tickets/4417',
    ]) {
      const { text, citations } = extractiveAnswer(question, [refunds]);
      expect(text, question).toContain('Refunds for Zephyr subscriptions are processed within nine business days. [1]');
      expect(citations).toHaveLength(1);
    }
  });

  it('says plainly when the passages do not hold the answer', () => {
    const { text, citations } = extractiveAnswer('What is the airspeed of an unladen swallow?', [passage('# Zephyr\n\nThe Zephyr project launches in March.')]);
    expect(text).toMatch(/couldn't find the answer in your documents/);
    expect(citations).toEqual([]);
  });
});
