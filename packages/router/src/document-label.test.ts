import { describe, expect, it } from 'vitest';
import { labelDocument, relabelDocument } from './document-label';

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

  it('a marking in another script in the header labels every chunk', () => {
    const chunks = ['【極秘】取締役会資料', '売上は前年同期比で5%増加しました。'];
    const label = labelDocument({ text: chunks.join('\n\n'), chunks });
    expect(label.chunks.map((c) => c.sensitivity)).toEqual(['confidential', 'confidential']);
    const internal = ['Только для внутреннего использования: регламент.', 'Отдел работает с 9 до 18 часов.'];
    expect(labelDocument({ text: internal.join('\n\n'), chunks: internal }).chunks.map((c) => c.sensitivity)).toEqual(['internal', 'internal']);
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

describe('relabelDocument', () => {
  const payroll = [
    'Employee handbook. Vacation days accrue monthly, up to 25 days a year.',
    'Expenses are reimbursed within 30 days when filed with a receipt.',
    'Payroll correction for J. Rivera, SSN 123-45-6789, effective March.',
  ];
  const found = labelDocument({ text: payroll.join('\n\n'), chunks: payroll, declared: 'internal' });

  it('a declared label is a floor for every chunk: raising marks all, lowering stops at what was found', () => {
    expect(found.chunks.map((c) => c.sensitivity)).toEqual(['internal', 'internal', 'confidential']);
    const raised = relabelDocument({ reasons: found.reasons, chunkCount: payroll.length, declared: 'confidential' });
    expect(raised.chunks.map((c) => c.sensitivity)).toEqual(['confidential', 'confidential', 'confidential']);
    const lowered = relabelDocument({ reasons: raised.reasons, chunkCount: payroll.length, declared: 'public' });
    expect(lowered.chunks.map((c) => c.sensitivity)).toEqual(['public', 'public', 'confidential']);
    expect(lowered.sensitivity).toBe('confidential');
    expect(lowered.reasons.map((r) => r.kind)).not.toContain('declared.confidential');
    expect(lowered.reasons.map((r) => r.kind)).not.toContain('declared.internal');
  });

  it('gives the same labels as labelling the text again under the new declared label', () => {
    const chunks = ['INTERNAL\nRoadmap notes for the north region.', ...payroll];
    const text = chunks.join('\n\n');
    for (const declared of ['public', 'internal', 'confidential'] as const) {
      const first = labelDocument({ text, chunks, declared: 'confidential' });
      expect(relabelDocument({ reasons: first.reasons, chunkCount: chunks.length, declared })).toEqual(labelDocument({ text, chunks, declared }));
    }
  });

  it('keeps a banner at the top document-wide even when the first chunk holds it too', () => {
    const chunks = ['CONFIDENTIAL\nBoard memo: the Q3 plan.', 'Revenue grew in the north region.'];
    const label = relabelDocument({ reasons: labelDocument({ text: chunks.join('\n\n'), chunks }).reasons, chunkCount: 2, declared: 'public' });
    expect(label.chunks.map((c) => c.sensitivity)).toEqual(['confidential', 'confidential']);
    expect(label.reasons).toContainEqual(expect.objectContaining({ kind: 'marking.confidential', scope: 'document', chunks: [] }));
  });
});
