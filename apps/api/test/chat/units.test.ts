import { describe, expect, it } from 'vitest';
import { answerCacheKey, normalizeMessage } from '../../src/services/answer-cache';
import { titleFrom } from '../../src/services/conversations';
import { splitForReplay } from '../../src/services/answer-replay';
import { hourKey, percentile } from '../../src/services/stats';
import { wireToChatTurns } from '@switchyard/router';
import { chatCompletionRequestSchema } from '@switchyard/client';
import { fromChatCompletion } from '../../src/services/v1/openai-chat';

const base = {
  ownerId: 'u1',
  route: { tier: 'cheap', provider: 'openai', model: 'gpt-4o-mini' },
  messages: [{ role: 'user', content: 'What is  the refund policy? ' }],
  chunkIds: ['d1:0', 'd1:3'],
  corpusVersion: 2,
};

describe('answer cache key', () => {
  it('treats questions differing only in case and whitespace as the same question', () => {
    expect(normalizeMessage('  What is\n the   REFUND policy? ')).toBe('what is the refund policy?');
    const other = { ...base, messages: [{ role: 'user', content: 'what is the refund\tpolicy?' }] };
    expect(answerCacheKey('p:', other)).toBe(answerCacheKey('p:', base));
  });

  it('changes with every parameter that changes the answer', () => {
    const key = answerCacheKey('p:', { ...base, parameters: { temperature: 0.2, generation: { n: 1 } } });
    expect(answerCacheKey('p:', { ...base, parameters: { temperature: 0.9, generation: { n: 1 } } })).not.toBe(key);
    expect(answerCacheKey('p:', { ...base, parameters: { temperature: 0.2, generation: { n: 2 } } })).not.toBe(key);
    expect(answerCacheKey('p:', { ...base, parameters: { temperature: 0.2, generation: { n: 1 } } })).toBe(key);
  });

  it('changes with the owner, the route, the chunks and the corpus version', () => {
    const key = answerCacheKey('p:', base);
    expect(answerCacheKey('p:', { ...base, ownerId: 'u2' })).not.toBe(key);
    expect(answerCacheKey('p:', { ...base, route: { ...base.route, model: 'gpt-4.1' } })).not.toBe(key);
    expect(answerCacheKey('p:', { ...base, chunkIds: ['d1:0'] })).not.toBe(key);
    expect(answerCacheKey('p:', { ...base, corpusVersion: 3 })).not.toBe(key);
    expect(answerCacheKey('p:', { ...base, messages: [{ role: 'assistant', content: 'hi' }, ...base.messages] })).not.toBe(key);
    expect(key.startsWith('p:cache:answer:')).toBe(true);
  });
});

describe('conversation titles', () => {
  it('come from the first message, on one line and shortened', () => {
    expect(titleFrom('  Hello\n\nthere  ')).toBe('Hello there');
    const long = titleFrom('word '.repeat(50));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('stats helpers', () => {
  it('computes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([], 50)).toBe(0);
    expect(percentile([7], 99)).toBe(7);
  });

  it('buckets by UTC hour', () => {
    expect(hourKey(new Date('2026-01-02T03:59:59.999Z'))).toBe('2026-01-02T03');
  });
});

describe('cached answers replayed as a stream', () => {
  it('come in a few pieces that join to the whole answer', () => {
    const text = 'The refund window is thirty days from delivery, according to the policy document.';
    const parts = splitForReplay(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(text);
    expect(splitForReplay('')).toEqual([]);
  });
});

describe('OpenAI messages', () => {
  it('keep tool calls, tool results and image parts, and flatten to text for classification', () => {
    const body = chatCompletionRequestSchema.parse({
      messages: [
        { role: 'developer', content: 'be brief' },
        { role: 'user', content: [{ type: 'text', text: 'hello ' }, { type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'result' },
      ],
    });
    const { turns } = fromChatCompletion(body);
    expect(turns[1]?.content).toEqual([{ type: 'text', text: 'hello ' }, { type: 'image_url', image_url: { url: 'https://example.com/a.png' } }]);
    expect(turns[2]).toMatchObject({ role: 'assistant', content: null, toolCalls: [{ id: 'c1' }] });
    expect(wireToChatTurns(turns)).toEqual([
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'hello ' },
      { role: 'assistant', content: 'lookup({"q":"x"})' },
      { role: 'user', content: '[tool result c1]\nresult' },
    ]);
  });
});
