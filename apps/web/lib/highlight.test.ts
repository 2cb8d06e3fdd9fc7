import { describe, expect, it } from 'vitest';
import { highlightParts, queryTerms, snippetAround } from './highlight';

describe('highlight', () => {
  it('marks whole words of the query and their plurals, ignoring case, accents and stop words', () => {
    const parts = highlightParts('The Refund policy allows refunds within 30 days at the Café.', 'what is the refund policy at the cafe');
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(['Refund', 'policy', 'refunds', 'Café']);
    expect(parts.map((part) => part.text).join('')).toBe('The Refund policy allows refunds within 30 days at the Café.');
  });

  it('never marks part of a longer word', () => {
    const marked = (text: string, query: string) => highlightParts(text, query).filter((part) => part.match).map((part) => part.text);
    expect(marked('The Office is off on Fridays; offset the hours.', 'off')).toEqual(['off']);
    expect(marked('Carpets, a car and the cars park; scar tissue.', 'car')).toEqual(['car', 'cars']);
    expect(marked('An e-mail and an email address', 'e-mail')).toEqual(['e-mail']);
    expect(marked('The boss’s office and the bosses', 'boss')).toEqual(['boss’s', 'bosses']);
  });

  it('treats regex characters in the query as text', () => {
    expect(queryTerms('c++ (a|b) .*')).toEqual([]);
    expect(highlightParts('cost is $50', '$50 cost').filter((part) => part.match).map((part) => part.text)).toEqual(['cost', '50']);
    expect(highlightParts('a.*b (xy|zz)', '.* (xy|zz)').filter((part) => part.match).map((part) => part.text)).toEqual(['xy', 'zz']);
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
