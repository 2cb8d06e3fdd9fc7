import { ApiError } from '@switchyard/client';
import { describe, expect, it } from 'vitest';
import { describeDocumentError, describeError } from './describe-error';

describe('describeError', () => {
  it('speaks plainly about known failures', () => {
    expect(describeError(new ApiError(413, 'payload_too_large', 'file exceeds 25 MB'))).toBe('That file is too large for this server.');
    expect(describeError(new ApiError(401, 'unauthorized', 'missing token'))).toMatch(/sign in again/);
    expect(describeError(new ApiError(503, 'no_local_provider', 'x'))).toMatch(/no local model/);
    expect(describeError(new ApiError(403, 'signup_disabled', 'sign-up is closed'))).toMatch(/Ask an administrator/);
  });

  it('passes validation messages through as sentences', () => {
    expect(describeError(new ApiError(400, 'invalid_request', 'password must be at least 8 characters'))).toBe('Password must be at least 8 characters.');
  });

  it('explains network failures and unknown errors', () => {
    expect(describeError(new TypeError('fetch failed'))).toMatch(/could not be reached/);
    expect(describeError('??')).toBe('Something went wrong. Please try again.');
  });

  it('turns worker errors into plain words', () => {
    expect(describeDocumentError('PDF is encrypted')).toMatch(/password-protected/);
    expect(describeDocumentError(undefined)).toBe('Processing failed.');
    expect(describeDocumentError('boom')).toBe('Boom.');
  });
});
