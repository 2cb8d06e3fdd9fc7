// The OpenAI Agents SDK (@openai/agents) against /v1, unchanged: an agent with a function tool
// runs its loop to the final answer over the Responses API (its default) and over chat
// completions, streamed and not, and follows a handoff-free structured output type.
import { Agent, OpenAIProvider, Runner, setTracingDisabled, tool } from '@openai/agents';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startGateway, type Gateway } from './harness';

let gw: Gateway;
beforeAll(async () => {
  // Traces would be exported to api.openai.com: off, as a self-hosting integrator would have it.
  setTracingDisabled(true);
  gw = await startGateway();
});
afterAll(async () => {
  await gw?.close();
});
beforeEach(() => gw.harness.fake.reset());

const runner = (useResponses: boolean) => new Runner({ modelProvider: new OpenAIProvider({ apiKey: gw.apiKey, baseURL: gw.baseURL, useResponses }), tracingDisabled: true });

const getWeather = tool({
  name: 'get_weather',
  description: 'Current weather in a city',
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => `Snow in ${city}`,
});

describe('@openai/agents', () => {
  it.each([
    ['responses', true],
    ['chat completions', false],
  ] as const)('an agent with a tool runs to the final answer over %s, streamed and not', async (_api, useResponses) => {
    const agent = new Agent({ name: 'Weather', instructions: 'Answer weather questions.', model: 'gpt-4o-mini', tools: [getWeather] });
    const result = await runner(useResponses).run(agent, 'get_weather city=Tromso');
    expect(result.finalOutput).toBe('Tool result: Snow in Tromso');
    const call = result.newItems.find((item) => item.type === 'tool_call_item');
    expect(call?.rawItem).toMatchObject({ type: 'function_call', name: 'get_weather' });
    expect(JSON.parse((call?.rawItem as { arguments: string }).arguments)).toEqual({ city: 'Tromso' });
    expect(JSON.stringify(gw.upstream()[0])).toContain('Answer weather questions.');

    const streamed = await runner(useResponses).run(agent, 'get_weather city=Bodo', { stream: true });
    const text: string[] = [];
    for await (const piece of streamed.toTextStream()) text.push(piece);
    await streamed.completed;
    expect(streamed.finalOutput).toBe('Tool result: Snow in Bodo');
    expect(text.join('')).toBe('Tool result: Snow in Bodo');
  });

  it.each([
    ['responses', true],
    ['chat completions', false],
  ] as const)('an agent with an output type returns the parsed object over %s', async (_api, useResponses) => {
    const agent = new Agent({ name: 'Extractor', instructions: 'Extract the city.', model: 'gpt-4o-mini', outputType: z.object({ city: z.string(), population: z.number() }) });
    const result = await runner(useResponses).run(agent, 'city=Kyoto population=1460000');
    expect(result.finalOutput).toEqual({ city: 'Kyoto', population: 1460000 });
  });
});
