import { describe, expect, it } from 'vitest';
import { highlightParts, queryTerms, snippetAround } from './highlight';

describe('highlight', () => {
  it('marks the words of the query (also inside longer words), ignoring case and stop words', () => {
    const parts = highlightParts('The Refund policy allows refunds within 30 days.', 'what is the refund policy');
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(['Refund', 'policy', 'refund']);
    expect(parts.map((part) => part.text).join('')).toBe('The Refund policy allows refunds within 30 days.');
  });

  it('treats regex characters in the query as text', () => {
    expect(queryTerms('c++ (a|b) .*')).toEqual([]);
    expect(highlightParts('cost is $50', '$50 cost').filter((part) => part.match).map((part) => part.text)).toEqual(['cost', '50']);
  });

  it('cuts long passages around the first match', () => {
    const text = `${'lorem ipsum '.repeat(60)}the warranty lasts two years ${'dolor sit '.repeat(60)}`;
    const snippet = snippetAround(text, 'warranty', 120);
    expect(snippet).toContain('warranty');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(122);
  });
});
