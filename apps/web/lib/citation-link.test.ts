import { describe, expect, it } from 'vitest';
import { citationHref } from './citation-link';

describe('citationHref', () => {
  it('names the passage by document id and index, and carries none of the quoted text', () => {
    const citation = {
      id: 'c1',
      documentId: '0b6f3a52-3c1e-4f7e-9a55-8d1f0c2b7e11',
      title: 'Salaries 2025',
      chunkIndex: 7,
      quote: 'Jane Doe, SSN 123-45-6789, earns $182,000',
    };
    const href = citationHref(citation);
    expect(href).toBe('/documents/0b6f3a52-3c1e-4f7e-9a55-8d1f0c2b7e11#chunk-7');
    for (const fragment of ['Jane', '123-45', 'earns', 'Salaries', '?']) expect(href).not.toContain(fragment);
  });
});
