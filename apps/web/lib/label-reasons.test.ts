import type { LabelReason } from '@switchyard/client';
import { describe, expect, it } from 'vitest';
import { describeReasons } from './label-reasons';

const email: LabelReason = { kind: 'pii.email', sensitivity: 'confidential', what: 'an email address', scope: 'chunks', count: 1, chunks: [11] };
const banner: LabelReason = { kind: 'marking.internal', sensitivity: 'internal', what: 'an "internal only" marking', scope: 'document', count: 1, chunks: [] };
const declared: LabelReason = { kind: 'declared.internal', sensitivity: 'internal', what: 'a label declared internal', scope: 'document', count: 1, chunks: [] };

describe('describeReasons', () => {
  it('says what was found, in how many passages and which, the most sensitive first', () => {
    const lines = describeReasons([declared, banner, email], 12);
    expect(lines.map((line) => line.text)).toEqual([
      'An email address — in 1 of 12 passages',
      'Declared internal when uploaded or by the owner — applies to every passage',
      'An "internal only" marking at the top of the document — applies to every passage',
    ]);
    expect(lines[0]).toMatchObject({ sensitivity: 'confidential', passages: [12], more: 0 });
  });

  it('lists at most eight passages and counts the rest', () => {
    const everywhere: LabelReason = { ...email, count: 11, chunks: [10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9] };
    const [line] = describeReasons([everywhere], 11);
    expect(line).toMatchObject({ text: 'An email address — in 11 of 11 passages', passages: [1, 2, 3, 4, 5, 6, 7, 8], more: 3 });
    expect(describeReasons([{ ...email, chunks: [0] }], 1)[0]?.text).toBe('An email address — in 1 of 1 passage');
  });
});
