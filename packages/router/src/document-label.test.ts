import { describe, expect, it } from 'vitest';
import { labelDocument } from './document-label';

const handbook = [
  'Employee handbook. Vacation days accrue monthly, up to 25 days a year.',
  'Expenses are reimbursed within 30 days when filed with a receipt.',
  'Questions? Write to Dana Whitfield at dana.whitfield@gmail.com.',
];

describe('labelDocument', () => {
  it('labels each chunk by what it holds, and the document by its highest chunk', () => {
    const label = labelDocument({ text: handbook.join('\n\n'), chunks: handbook });
    expect(label.chunks.map((c) => c.sensitivity)).toEqual(['public', 'public', 'confidential']);
    expect(label.sensitivity).toBe('confidential');
    expect(label.reasons).toContainEqual(expect.objectContaining({ kind: 'pii.email', count: 1, chunks: [2] }));
  });

  it('a marking in the header labels every chunk', () => {
    const chunks = ['CONFIDENTIAL\nBoard memo: the Q3 plan.', 'Revenue grew in the north region.'];
    const label = labelDocument({ text: chunks.join('\n\n'), chunks });
    expect(label.chunks.map((c) => c.sensitivity)).toEqual(['confidential', 'confidential']);
  });

  it('a declared label raises every chunk and is given as a reason', () => {
    const label = labelDocument({ text: handbook[0]!, chunks: [handbook[0]!], declared: 'internal' });
    expect(label.chunks[0]?.sensitivity).toBe('internal');
    expect(label.reasons.map((r) => r.kind)).toContain('declared.internal');
  });

  it('never carries the found values in its reasons', () => {
    const label = labelDocument({ text: handbook.join('\n'), chunks: handbook });
    expect(JSON.stringify(label)).not.toContain('dana.whitfield@gmail.com');
  });
});
