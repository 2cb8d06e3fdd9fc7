import { describe, expect, it } from 'vitest';
import { parseServerSentEvents } from './sse';

function responseOf(chunks: string[]): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return new Response(stream);
}

describe('parseServerSentEvents', () => {
  it('reassembles events split across network chunks and skips heartbeats', async () => {
    const events = [];
    for await (const event of parseServerSentEvents(responseOf(['event: delta\nda', 'ta: {"text":"Hel"}\n\n: ping\n\n', 'event: done\ndata: {}\n\n']))) {
      events.push(event);
    }
    expect(events).toEqual([
      { event: 'delta', data: '{"text":"Hel"}', id: undefined },
      { event: 'done', data: '{}', id: undefined },
    ]);
  });

  it('joins multi-line data fields', async () => {
    const events = [];
    for await (const event of parseServerSentEvents(responseOf(['data: a\ndata: b\n\n']))) events.push(event);
    expect(events[0]?.data).toBe('a\nb');
  });
});
