// Turns API errors into sentences a person can act on.
import { ApiError } from '@switchyard/client';

const byCode: Record<string, string> = {
  unauthorized: 'Your session has ended. Please sign in again.',
  invalid_credentials: 'That email and password do not match an account.',
  email_taken: 'An account with that email already exists. Try signing in.',
  signup_disabled: 'Sign-up is closed on this server. Ask an administrator for an account.',
  file_too_large: 'That file is too large for this server.',
  unsupported_type: 'That file type is not supported. Use PDF, Word (.docx), HTML, Markdown or plain text.',
  unsupported_media_type: 'That file type is not supported. Use PDF, Word (.docx), HTML, Markdown or plain text.',
  rate_limited: 'Too many requests right now. Wait a moment and try again.',
  login_throttled: 'Too many sign-in attempts for this account. Wait a moment, then try again.',
  weak_password: 'Choose a stronger password.',
  cross_origin_request: 'This change was refused because it did not come from this app. Reload the page and try again.',
  no_local_provider: 'This request is confidential and no local model is available to answer it, so nothing was sent.',
  api_unreachable: 'The Switchyard server is not reachable. Check that it is running.',
};

const byStatus: Record<number, string> = {
  401: 'Your session has ended. Please sign in again.',
  403: 'You do not have permission to do that.',
  404: 'That item no longer exists.',
  413: 'That file is too large for this server.',
  415: 'That file type is not supported. Use PDF, Word (.docx), HTML, Markdown or plain text.',
  429: 'Too many requests right now. Wait a moment and try again.',
  502: 'The model provider did not answer. Try again in a moment.',
  503: 'The service is busy or starting up. Try again in a moment.',
  504: 'The model provider took too long to answer. Try again.',
};

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const known = byCode[error.code];
    if (known) return known;
    // Validation errors carry a readable message from the schema ("password must be at least 8 characters").
    if (error.status === 400 || error.status === 409 || error.status === 422) return sentence(error.message);
    return byStatus[error.status] ?? sentence(error.message);
  }
  if (error instanceof DOMException && error.name === 'AbortError') return 'Stopped.';
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  if (error instanceof Error && error.message) return sentence(error.message);
  return 'Something went wrong. Please try again.';
}

/** Document processing errors from the worker, in plain words. */
export function describeDocumentError(message: string | undefined): string {
  if (!message) return 'Processing failed.';
  const lower = message.toLowerCase();
  if (lower.includes('password') || lower.includes('encrypt')) return 'This file is password-protected, so it could not be read.';
  if (lower.includes('no text') || lower.includes('empty')) return 'No readable text was found in this file.';
  if (lower.includes('unsupported')) return 'This file type is not supported.';
  if (lower.includes('corrupt') || lower.includes('invalid pdf') || lower.includes('parse')) return 'This file looks damaged and could not be read.';
  return sentence(message);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return 'Something went wrong. Please try again.';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
