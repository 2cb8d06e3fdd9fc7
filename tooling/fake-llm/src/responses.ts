// OpenAI's Responses API (`POST /v1/responses`) on the fake: the request read into what the fake
// model does (generate.ts), the response object, and its stream of typed events.
import type { ServerResponse } from 'node:http';
/** The part of the fake's behaviour a stream reads. */
type StreamBehavior = { chunkDelayMs?: number };
import type { FakeChoice, FakeRequest } from './generate';

const asRecord = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function responsesRequest(params: Record<string, unknown>, reply: string | undefined): FakeRequest {
  const items = typeof params.input === 'string' ? [{ role: 'user', content: params.input }] : Array.isArray(params.input) ? params.input.map(asRecord) : [];
  const last = items[items.length - 1];
  const lastUser = [...items].reverse().find((item) => item.role === 'user');
  const parts = Array.isArray(lastUser?.content) ? lastUser.content.map(asRecord) : [];
  const userText = typeof lastUser?.content === 'string' ? lastUser.content : parts.filter((p) => p.type === 'input_text').map((p) => String(p.text ?? '')).join(' ');
  const tools = (Array.isArray(params.tools) ? params.tools : []).map(asRecord).filter((t) => t.type === 'function').map((t) => ({ name: String(t.name), parameters: t.parameters }));
  const choice = params.tool_choice;
  const format = asRecord(asRecord(params.text).format);
  return {
    userText,
    ...(last?.type === 'function_call_output' ? { toolResult: String(last.output ?? '') } : {}),
    tools,
    toolChoice: typeof choice === 'string' ? choice : typeof choice === 'object' && choice !== null ? String(asRecord(choice).name) : 'auto',
    parallelToolCalls: params.parallel_tool_calls !== false,
    ...(format.type === 'json_object' ? { format: { type: 'json_object' as const } } : {}),
    ...(format.type === 'json_schema' ? { format: { type: 'json_schema' as const, schema: format.schema } } : {}),
    n: 1,
    stop: [],
    ...(typeof params.max_output_tokens === 'number' ? { maxTokens: params.max_output_tokens } : {}),
    ...(reply !== undefined ? { reply } : {}),
    images: parts.filter((p) => p.type === 'input_image').length,
  };
}

export interface ResponsesSpec {
  id: string;
  model: string;
  answer: FakeChoice;
  inputTokens: number;
  outputTokens: number;
}

function outputItems(spec: ResponsesSpec): Record<string, unknown>[] {
  if (spec.answer.toolCalls.length > 0) {
    return spec.answer.toolCalls.map((call) => ({ type: 'function_call', id: `fc_${call.id}`, call_id: call.id, name: call.name, arguments: call.arguments, status: 'completed' }));
  }
  return [{ type: 'message', id: `msg_${spec.id}`, status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: spec.answer.text, annotations: [] }] }];
}

export function responseObject(spec: ResponsesSpec, status: 'in_progress' | 'completed' | 'incomplete'): Record<string, unknown> {
  const done = status !== 'in_progress';
  const finalStatus = done && spec.answer.finish === 'length' ? 'incomplete' : status;
  return {
    id: spec.id,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: finalStatus,
    error: null,
    incomplete_details: finalStatus === 'incomplete' ? { reason: 'max_output_tokens' } : null,
    model: spec.model,
    output: done ? outputItems(spec) : [],
    parallel_tool_calls: true,
    tool_choice: 'auto',
    tools: [],
    usage: done
      ? {
          input_tokens: spec.inputTokens,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: spec.outputTokens,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: spec.inputTokens + spec.outputTokens,
        }
      : null,
  };
}

export async function streamResponses(res: ServerResponse, spec: ResponsesSpec, behavior: StreamBehavior, closed: () => boolean): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  let sequence = 0;
  const event = (type: string, data: Record<string, unknown>) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: sequence++, ...data })}\n\n`);
  event('response.created', { response: responseObject(spec, 'in_progress') });
  event('response.in_progress', { response: responseObject(spec, 'in_progress') });
  for (const [outputIndex, item] of outputItems(spec).entries()) {
    if (item.type === 'function_call') {
      event('response.output_item.added', { output_index: outputIndex, item: { ...item, arguments: '', status: 'in_progress' } });
      const args = String(item.arguments);
      const size = Math.max(1, Math.ceil(args.length / 3));
      for (let at = 0; at < args.length; at += size) {
        if (behavior.chunkDelayMs) await sleep(behavior.chunkDelayMs);
        if (closed()) return;
        event('response.function_call_arguments.delta', { item_id: item.id, output_index: outputIndex, delta: args.slice(at, at + size) });
      }
      event('response.function_call_arguments.done', { item_id: item.id, output_index: outputIndex, arguments: args });
      event('response.output_item.done', { output_index: outputIndex, item });
      continue;
    }
    const text = spec.answer.text;
    event('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', content: [] } });
    event('response.content_part.added', { item_id: item.id, output_index: outputIndex, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } });
    for (const piece of text.match(/\S+\s*|\s+/g) ?? []) {
      if (behavior.chunkDelayMs) await sleep(behavior.chunkDelayMs);
      if (closed()) return;
      event('response.output_text.delta', { item_id: item.id, output_index: outputIndex, content_index: 0, delta: piece, logprobs: [] });
    }
    event('response.output_text.done', { item_id: item.id, output_index: outputIndex, content_index: 0, text, logprobs: [] });
    event('response.content_part.done', { item_id: item.id, output_index: outputIndex, content_index: 0, part: { type: 'output_text', text, annotations: [] } });
    event('response.output_item.done', { output_index: outputIndex, item });
  }
  const final = responseObject(spec, 'completed');
  event(final.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: final });
  res.end();
}
