import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED } from './logger';

/** A logger writing into memory, and the lines it wrote. */
function capture(service = 'worker') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(service, { LOG_LEVEL: 'info' }, sink), lines };
}

describe('createLogger', () => {
  it('never writes a secret found in a logged object, at any of the first three levels', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer sy_live_request_token', cookie: 'sy_session=abc123', 'x-api-key': 'sy_live_header_key' } },
        res: { headers: { 'set-cookie': 'sy_session=def456' } },
        password: 'hunter2-top-level',
        user: { email: 'ada@example.com', password: 'hunter2-nested' },
        provider: { id: 'openai', apiKey: 'sk-provider-secret', apiKeys: ['sk-one', 'sk-two'] },
        err: { config: { headers: { authorization: 'Bearer sk-upstream' } }, token: 'reset-token-1' },
        headers: { authorization: 'Bearer sk-bare-headers' },
      },
      'a line with secrets in it',
    );
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    for (const secret of ['sy_live_request_token', 'abc123', 'sy_live_header_key', 'def456', 'hunter2', 'sk-provider-secret', 'sk-one', 'sk-upstream', 'reset-token-1', 'sk-bare-headers']) {
      expect(line).not.toContain(secret);
    }
    const parsed = JSON.parse(line);
    // What is not secret stays readable.
    expect(parsed).toMatchObject({ service: 'worker', msg: 'a line with secrets in it', user: { email: 'ada@example.com', password: REDACTED }, provider: { id: 'openai' } });
    expect(parsed.req.headers.authorization).toBe(REDACTED);
  });

  it('names the service and the process on every line, at the level asked for', () => {
    const { logger, lines } = capture('api');
    logger.debug('not written at info');
    logger.warn('written');
    expect(lines.map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ service: 'api', pid: process.pid, level: 40, msg: 'written' })]);
  });
});
