import type { ConversationBranch } from '@switchyard/client';
import { describe, expect, it } from 'vitest';
import { versionsAt } from './versions';

const message = (createdAt: string) => ({ createdAt });
const branch = (id: string, forkIndex: number, createdAt: string): ConversationBranch => ({ id, forkIndex, createdAt, messageCount: 2, preview: id });

describe('versionsAt', () => {
  const messages = [message('2031-01-01T10:00:00Z'), message('2031-01-01T10:00:01Z'), message('2031-01-01T10:05:00Z'), message('2031-01-01T10:05:01Z')];

  it('has nothing to offer where no version forks', () => {
    expect(versionsAt(messages, [branch('b1', 2, '2031-01-01T10:01:00Z')], 0)).toBeUndefined();
  });

  it('orders the versions at a question by when they were asked, with the shown one in its place', () => {
    const versions = versionsAt(messages, [branch('later', 2, '2031-01-01T10:09:00Z'), branch('first', 2, '2031-01-01T10:01:00Z')], 2);
    expect(versions?.choices.map((choice) => choice.branchId)).toEqual(['first', null, 'later']);
    expect(versions?.current).toBe(1);
  });

  it('offers the earlier versions after a resend whose answer never arrived', () => {
    const versions = versionsAt(messages.slice(0, 2), [branch('first', 2, '2031-01-01T10:01:00Z')], 2);
    expect(versions).toEqual({ choices: [{ branchId: 'first', createdAt: '2031-01-01T10:01:00Z' }], current: 1 });
  });
});
