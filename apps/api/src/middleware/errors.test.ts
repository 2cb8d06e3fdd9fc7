// The one error table (DOMAIN_ERRORS in ../errors.ts) as a client sees it: every domain error
// code gives its status, Retry-After where it says so, and the one error shape.
import { BlobNotFoundError, BlobStoreUnavailableError, BlobTooLargeError, IngestInProgressError } from '@switchyard/documents';
import { RedisUnavailableError } from '@switchyard/redis';
import { RouterError, type RouterErrorCode } from '@switchyard/router';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { AppError, DOMAIN_ERRORS } from '../errors';
import { ConversationBusyError } from '../services/conversations';
import { errorHandler } from './errors';

function appThrowing(error: unknown) {
  const app = express();
  app.all('/{*path}', () => {
    throw error;
  });
  app.use(errorHandler());
  return app;
}

const routerCodes: Record<RouterErrorCode, number> = {
  model_not_allowed: 400,
  unsupported_parameter: 400,
  context_length_exceeded: 400,
  model_not_found: 404,
  aborted: 499,
  all_providers_failed: 502,
  no_local_provider: 503,
  upstream_timeout: 504,
};

const chromaDown = Object.assign(new Error('Failed to connect to chromadb'), { name: 'ChromaConnectionError' });

/** One error of each row of the table, with what the client must get. */
const samples: { row: string; error: Error; status: number; code: string; retryAfter?: string; details?: unknown }[] = [
  ...Object.entries(routerCodes).map(([code, status]) => ({ row: code, error: new RouterError(code as RouterErrorCode, `router says ${code}`), status, code })),
  { row: 'ingest_in_progress', error: new IngestInProgressError('doc-42'), status: 409, code: 'ingest_in_progress', details: { documentId: 'doc-42' } },
  { row: 'blob_too_large', error: new BlobTooLargeError(1024), status: 413, code: 'file_too_large', details: { limitBytes: 1024 } },
  { row: 'blob_not_found', error: new BlobNotFoundError('a'.repeat(64)), status: 404, code: 'file_not_found' },
  { row: 'blob_store_unavailable', error: new BlobStoreUnavailableError(), status: 503, code: 'blob_store_unavailable', retryAfter: '5' },
  { row: 'redis_unavailable', error: new RedisUnavailableError(), status: 503, code: 'redis_unavailable', retryAfter: '5' },
  { row: 'vector_store_unavailable', error: new Error('search failed', { cause: chromaDown }), status: 503, code: 'vector_store_unavailable', retryAfter: '5' },
  { row: 'conversation_busy', error: new ConversationBusyError(), status: 409, code: 'conversation_busy' },
];

describe('the error table', () => {
  it('has a sample here for every row, so a new domain error is tested as a client sees it', () => {
    expect(new Set(samples.map((sample) => sample.row))).toEqual(new Set(Object.keys(DOMAIN_ERRORS)));
  });

  it.each(samples)('answers $row with $status $code in the one error shape', async ({ error, status, code, retryAfter, details }) => {
    const res = await request(appThrowing(error)).post('/anything');
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String), ...(details === undefined ? {} : { details }) } });
    expect(res.headers['retry-after']).toBe(retryAfter);
  });

  it('says which parameter a router refusal is about, and under /v1 in the OpenAI fields too', async () => {
    const refusal = new RouterError('unsupported_parameter', 'no model here can honour tools', { param: 'tools' });
    const api = await request(appThrowing(refusal)).post('/api/chat');
    expect(api.body).toEqual({ error: { code: 'unsupported_parameter', message: 'no model here can honour tools', details: { param: 'tools' } } });
    const v1 = await request(appThrowing(refusal)).post('/v1/chat/completions');
    expect(v1.body.error).toMatchObject({ code: 'unsupported_parameter', type: 'invalid_request_error', param: 'tools' });
    expect(v1.body.type).toBeUndefined();
    // Anthropic's clients read {type: "error", error: {type, message}}.
    const messages = await request(appThrowing(refusal)).post('/v1/messages');
    expect(messages.body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: expect.any(String), param: 'tools' } });
  });

  it('answers an unreachable Redis, however ioredis reports it, with 503 redis_unavailable', async () => {
    for (const error of [new Error("Stream isn't writeable and enableOfflineQueue options is false"), new Error('Connection is closed.')]) {
      const res = await request(appThrowing(error)).get('/api/documents');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('redis_unavailable');
    }
  });

  it('keeps AppError as thrown, and answers anything unknown with a 500 that tells nothing', async () => {
    const own = await request(appThrowing(new AppError('document_not_found', 404, 'document not found'))).get('/x');
    expect([own.status, own.body]).toEqual([404, { error: { code: 'document_not_found', message: 'document not found' } }]);
    const unknown = await request(appThrowing(new Error('secret sk-live-123 in a stack'))).get('/x');
    expect([unknown.status, unknown.body]).toEqual([500, { error: { code: 'internal_error', message: 'something went wrong on our side' } }]);
  });
});
