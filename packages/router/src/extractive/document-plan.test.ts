import { describe, expect, it } from 'vitest';
import { needsDocumentList, planDocumentContext, plannedPassages } from './document-plan';

/** Newest first, as the chat service lists them. */
const library = [
  { id: 'tenancy', title: 'Tenancy Agreement Summary — Flat 4B' },
  { id: 'plants', title: 'Houseplant Care Guide — Fern and Monstera' },
  { id: 'meeting', title: 'Product Planning Meeting — 12 March 2025' },
  { id: 'handbook', title: 'Northwind Employee Handbook' },
  { id: 'manual', title: 'Aero 3 Espresso Machine — User Manual' },
];

describe('planDocumentContext', () => {
  it('reads the newest document for "my most recent document" and its kin, whatever their words', () => {
    for (const message of ['Summarize my most recent document', 'tl;dr of my latest upload please', 'Give me a summary of the last file I uploaded', 'What are the key dates in my newest document?']) {
      expect(planDocumentContext(message, library), message).toMatchObject({ kind: 'documents', documentIds: ['tenancy'], reason: 'newest' });
    }
  });

  it('reads the documents a summary or dates request names by title', () => {
    expect(planDocumentContext('Summarize the houseplant care guide', library)).toMatchObject({ kind: 'documents', documentIds: ['plants'], reason: 'named' });
    expect(planDocumentContext('List the deadlines from the product planning meeting', library)).toMatchObject({ kind: 'documents', documentIds: ['meeting'] });
  });

  it('reads the newest few documents for requests over all of them', () => {
    const dates = planDocumentContext('What are the key dates and deadlines?', library);
    expect(dates).toMatchObject({ kind: 'documents', reason: 'all' });
    expect(dates.kind === 'documents' && dates.documentIds).toEqual(library.map((d) => d.id));
    expect(planDocumentContext('Summarize my documents', library)).toMatchObject({ kind: 'documents', documentIds: ['tenancy', 'plants', 'meeting', 'handbook'] });
  });

  it('searches for questions, mentions and summaries of a topic rather than a document', () => {
    expect(planDocumentContext('Hi! How much is the rent?', library)).toEqual({ kind: 'search', query: 'How much is the rent?' });
    expect(planDocumentContext('Which documents mention pricing?', library)).toEqual({ kind: 'search', query: 'pricing' });
    expect(planDocumentContext('Summarise the refund policy', library).kind).toBe('search');
    expect(planDocumentContext('Summarize my most recent document', []).kind).toBe('search');
    expect(needsDocumentList('What did we decide about the last release?')).toBe(false);
    expect(needsDocumentList('Summarize my most recent document')).toBe(true);
  });
});

describe('plannedPassages', () => {
  it('takes each document\'s opening passages in order, within the total', () => {
    const passages = (id: string, count: number) => Array.from({ length: count }, (_, i) => ({ id: `${id}:${count - 1 - i}`, chunkIndex: count - 1 - i }));
    const plan = { kind: 'documents' as const, documentIds: ['a', 'b'], passagesPerDocument: 2, maxPassages: 3, reason: 'all' as const };
    expect(plannedPassages(plan, [passages('a', 5), passages('b', 5)]).map((p) => p.id)).toEqual(['a:0', 'a:1', 'b:0']);
  });
});
