import { ApiError } from '@switchyard/client';
import { describe, expect, it } from 'vitest';
import { passwordAdvice } from './password-feedback';

describe('passwordAdvice', () => {
  it('turns a weak_password answer into the rules missed and what to do instead', () => {
    const error = new ApiError(400, 'weak_password', 'password must be at least 12 characters (it has 8); password is too easy to guess: Repeated characters like "aaa" are easy to guess.', {
      fields: [
        { path: 'password', message: 'password must be at least 12 characters (it has 8)' },
        { path: 'password', message: 'password is too easy to guess: Repeated characters like "aaa" are easy to guess.' },
      ],
      score: 0,
      minScore: 3,
      minLength: 12,
      warning: 'Repeated characters like "aaa" are easy to guess.',
      suggestions: ['Add more words that are less common.', 'Avoid repeated words and characters.'],
    });
    expect(passwordAdvice(error)).toEqual({
      problems: ['The password must be at least 12 characters (it has 8).', 'The password is too easy to guess: Repeated characters like "aaa" are easy to guess.'],
      suggestions: ['Add more words that are less common.', 'Avoid repeated words and characters.'],
    });
  });

  it('keeps the warning as advice when no rule names it', () => {
    const error = new ApiError(400, 'weak_password', 'x', {
      fields: [{ path: 'password', message: 'password is too easy to guess' }],
      score: 1,
      minScore: 3,
      minLength: 12,
      warning: 'This is similar to a commonly used password.',
      suggestions: [],
    });
    expect(passwordAdvice(error)?.suggestions).toEqual(['This is similar to a commonly used password.']);
  });

  it('is null for any other error', () => {
    expect(passwordAdvice(new ApiError(403, 'signup_disabled', 'closed'))).toBeNull();
    expect(passwordAdvice(new Error('boom'))).toBeNull();
  });
});
