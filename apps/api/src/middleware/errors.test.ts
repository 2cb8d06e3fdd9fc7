import { IngestInProgressError } from '@switchyard/documents';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler } from './errors';

describe('the error middleware', () => {
  it('answers a re-ingest of a document being indexed with 409 in the one error shape', async () => {
    const app = express();
    app.post('/reingest', () => {
      throw new IngestInProgressError('doc-42');
    });
    app.use(errorHandler());
    const res = await request(app).post('/reingest');
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: 'ingest_in_progress', message: expect.stringMatching(/being indexed/), details: { documentId: 'doc-42' } } });
  });
});
