// The streamed OpenAI call reads server-sent events itself (no SDK): events split at any byte,
// CRLF line ends, comments, an error event after the 200 and a stream without [DONE] all come
// out as the SDK gave them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouterError } from '../errors';
import { createRouter } from '../router';
import type { RouteDecision } from '../types';

let server: Server;
let baseURL = '';
/** What the next call's response body is written as: a list of raw writes, with a pause between. */
let writes: (string | Buffer)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', async () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const piece of writes) {
        res.write(piece);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const decision: RouteDecision = { sensitivity: 'public', complexity: 'simple', tier: 'cheap', provider: 'cloud', model: 'm', chain: [{ provider: 'cloud', model: 'm' }], reasons: [] };
const router = () => createRouter({ providers: [{ id: 'cloud', kind: 'openai', local: false, apiKey: 'sk-test-key-0000', baseURL, models: ['m'] }] });
const chunk = (content: string, extra: Record<string, unknown> = {}) =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: null }], ...extra })}`;
const ask = () => ({ messages: [{ role: 'user' as const, content: 'hi' }] });

describe('openai: a streamed answer read without the SDK', () => {
  it('joins events split at any byte (inside a character too) and CRLF line ends, skipping comments', async () => {
    const text = `${chunk('Grüße, ')}\r\n\r\n: heartbeat\r\n\r\n${chunk('wörld')}\r\n\r\n${`data: ${JSON.stringify({ id: 'c1', choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } })}`}\r\n\r\ndata: [DONE]\r\n\r\n`;
    const bytes = Buffer.from(text, 'utf8');
    const umlaut = bytes.indexOf(Buffer.from('ü', 'utf8'));
    const crlf = bytes.indexOf('\r\n') + 1; // between a CR and its LF
    writes = [bytes.subarray(0, umlaut + 1), bytes.subarray(umlaut + 1, crlf), bytes.subarray(crlf, crlf + 30), bytes.subarray(crlf + 30)];
    const deltas: string[] = [];
    const result = await router().chat(decision, ask(), { onDelta: (d) => deltas.push(d) });
    expect(deltas).toEqual(['Grüße, ', 'wörld']);
    expect(result.text).toBe('Grüße, wörld');
    expect(result.usage).toMatchObject({ promptTokens: 3, completionTokens: 2, totalTokens: 5, estimated: false });
  });

  it('ends at a stream without [DONE], and turns an error event into a failed attempt', async () => {
    writes = [`${chunk('complete')}\n\n`];
    expect((await router().chat(decision, ask())).text).toBe('complete');

    writes = [`data: ${JSON.stringify({ error: { message: 'the model is overloaded' } })}\n\n`];
    const error = (await router().chat(decision, ask()).catch((e: unknown) => e)) as RouterError;
    expect(error.code).toBe('all_providers_failed');
    expect(error.attempts?.[0]?.error).toContain('the model is overloaded');
  });
});
