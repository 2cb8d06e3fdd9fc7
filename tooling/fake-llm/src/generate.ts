// What the fake model "does" with a request, independent of the wire format: which tools it
// calls with which arguments, the JSON it writes for a schema, several choices, stop sequences
// and token limits. Deterministic, so tests can assert exactly what came back:
// - Tools offered (and not turned off): it calls every tool whose name the last user message
//   mentions (only the first when parallel calls are off), or the first tool; a forced tool is
//   always the one called. Arguments follow the tool's JSON schema; a string property takes the
//   value written as `name=value` in the message when there is one.
// - After a tool result it answers `Tool result: <the result>`.
// - A JSON schema gets a value that validates against it; JSON mode gets `{"echo": <message>}`.
// - `n` answers, the first the plain reply, the others numbered.
// - A stop sequence cuts the answer before it; a token limit cuts it to that many tokens (4
//   characters each) with finish reason `length`.

export interface FakeToolCall {
  id: string;
  name: string;
  /** JSON text. */
  arguments: string;
}

export type FakeFinish = 'stop' | 'length' | 'tool_calls';

export interface FakeChoice {
  text: string;
  toolCalls: FakeToolCall[];
  finish: FakeFinish;
  /** Set when a stop sequence cut the text. */
  stopSequence?: string;
}

export interface FakeRequest {
  /** The text the plain reply is built from (the last user message). */
  userText: string;
  /** The latest tool result, when the conversation ends with one. */
  toolResult?: string;
  tools: { name: string; parameters?: unknown }[];
  /** `auto` | `none` | `required` | a tool name. */
  toolChoice: string;
  parallelToolCalls: boolean;
  format?: { type: 'json_object' } | { type: 'json_schema'; schema: unknown };
  n: number;
  stop: string[];
  maxTokens?: number;
  /** A fixed reply (FakeBehavior.reply). */
  reply?: string;
  /** Images the last user message carried. */
  images: number;
}

export const countTokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

/** The default answer: derived from the question so tests can assert it reached the model. */
export function echoReply(question: string): string {
  const trimmed = question.trim().replace(/\s+/g, ' ');
  return `Echo: ${trimmed.length > 200 ? `${trimmed.slice(0, 200)}...` : trimmed}`;
}

const asRecord = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});

/** `name=value` in the message, for a string property called `name`. */
function valueFor(name: string, text: string): string | undefined {
  for (const word of text.split(/\s+/)) {
    const eq = word.indexOf('=');
    if (eq > 0 && word.slice(0, eq) === name) return word.slice(eq + 1).replace(/[.,;!?]+$/, '');
  }
  return undefined;
}

/**
 * A number the schema's bounds allow: 1 when it may be, else the nearest allowed. Both the draft-6
 * form (`exclusiveMinimum: 0`) and the draft-4 one (`minimum: 0, exclusiveMinimum: true`) are read;
 * Zod's `.positive()` sends `minimum: -2^53+1, exclusiveMinimum: 0`.
 */
function numberWithin(s: Record<string, unknown>, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  const bound = (inclusive: unknown, exclusive: unknown, direction: 1 | -1): number | undefined => {
    const candidates: number[] = [];
    if (typeof inclusive === 'number') candidates.push(exclusive === true ? inclusive + direction * step : inclusive);
    if (typeof exclusive === 'number') candidates.push(exclusive + direction * step);
    if (candidates.length === 0) return undefined;
    return direction === 1 ? Math.max(...candidates) : Math.min(...candidates);
  };
  const low = bound(s.minimum, s.exclusiveMinimum, 1);
  const high = bound(s.maximum, s.exclusiveMaximum, -1);
  let value = 1;
  if (low !== undefined && value < low) value = integer ? Math.ceil(low) : low;
  if (high !== undefined && value > high) value = integer ? Math.floor(high) : high;
  return value;
}

/** A value that validates against a (simple) JSON schema: objects, arrays, enums, scalars, anyOf. */
export function sampleFromSchema(schema: unknown, text: string, name = 'value', depth = 0): unknown {
  const s = asRecord(schema);
  if (depth > 8) return null;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  if ('const' in s) return s.const;
  const variants = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(variants) && variants.length > 0) {
    const nonNull = variants.find((v) => asRecord(v).type !== 'null') ?? variants[0];
    return sampleFromSchema(nonNull, text, name, depth + 1);
  }
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') as string | undefined) : (s.type as string | undefined);
  switch (type ?? (s.properties ? 'object' : 'string')) {
    case 'object': {
      const properties = asRecord(s.properties);
      // Like a model, fill what the schema requires and leave the optional rest out (an agent's
      // tool runs with its defaults: opencode's bash in the working directory, not "sample workdir");
      // a property the message names (`name=value`) is filled too.
      const required = Array.isArray(s.required) ? new Set(s.required as string[]) : undefined;
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries(properties)) {
        if (required && !required.has(key) && valueFor(key, text) === undefined) continue;
        out[key] = sampleFromSchema(sub, text, key, depth + 1);
      }
      return out;
    }
    case 'array': {
      const min = typeof s.minItems === 'number' ? s.minItems : 1;
      return Array.from({ length: Math.max(1, min) }, () => sampleFromSchema(s.items, text, name, depth + 1));
    }
    case 'integer':
    case 'number': {
      const given = Number(valueFor(name, text));
      if (Number.isFinite(given)) return given;
      return numberWithin(s, type === 'integer');
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return valueFor(name, text) ?? `sample ${name}`;
  }
}

function toolCallsFor(req: FakeRequest, choiceIndex: number, counter: () => number): FakeToolCall[] {
  let chosen: { name: string; parameters?: unknown }[];
  const forced = req.tools.find((tool) => tool.name === req.toolChoice);
  if (forced) chosen = [forced];
  else {
    const named = req.tools.filter((tool) => req.userText.includes(tool.name));
    chosen = named.length > 0 ? named : req.tools.slice(0, 1);
    if (!req.parallelToolCalls) chosen = chosen.slice(0, 1);
  }
  return chosen.map((tool) => ({
    id: `call_fake${counter()}${choiceIndex > 0 ? `_${choiceIndex}` : ''}`,
    name: tool.name,
    arguments: JSON.stringify(sampleFromSchema(tool.parameters ?? { type: 'object', properties: {} }, req.userText)),
  }));
}

/** Cuts `text` at the first stop sequence and to the token limit. */
function limited(text: string, req: FakeRequest): { text: string; finish: FakeFinish; stopSequence?: string } {
  let cut = text;
  let stopSequence: string | undefined;
  for (const stop of req.stop) {
    const at = cut.indexOf(stop);
    if (stop.length > 0 && at !== -1) {
      cut = cut.slice(0, at);
      stopSequence = stop;
    }
  }
  if (req.maxTokens !== undefined && countTokens(cut) > req.maxTokens) return { text: cut.slice(0, req.maxTokens * 4), finish: 'length' };
  return { text: cut, finish: 'stop', ...(stopSequence !== undefined ? { stopSequence } : {}) };
}

/** The answer(s) the fake model gives to a request. */
export function generate(req: FakeRequest, counter: () => number): FakeChoice[] {
  const callsTools = req.tools.length > 0 && req.toolChoice !== 'none' && (req.toolResult === undefined || req.toolChoice === 'required' || req.tools.some((t) => t.name === req.toolChoice));
  const imageNote = req.images > 0 ? ` [${req.images} image${req.images === 1 ? '' : 's'}]` : '';
  return Array.from({ length: Math.max(1, req.n) }, (_, index): FakeChoice => {
    if (callsTools) return { text: '', toolCalls: toolCallsFor(req, index, counter), finish: 'tool_calls' };
    let text: string;
    if (req.format?.type === 'json_schema') text = JSON.stringify(sampleFromSchema(req.format.schema, req.userText));
    else if (req.format?.type === 'json_object') text = JSON.stringify({ echo: req.userText });
    else if (req.toolResult !== undefined) text = `Tool result: ${req.toolResult}`;
    else text = (req.reply ?? echoReply(req.userText)) + imageNote;
    if (index > 0 && !req.format) text = `${text} #${index + 1}`;
    const cut = limited(text, req);
    return { text: cut.text, toolCalls: [], finish: cut.finish, ...(cut.stopSequence !== undefined ? { stopSequence: cut.stopSequence } : {}) };
  });
}

/** The OpenAI chat request as the fake reads it. */
export function openAIRequest(params: Record<string, unknown>, reply: string | undefined): FakeRequest {
  const messages = Array.isArray(params.messages) ? params.messages.map(asRecord) : [];
  const last = messages[messages.length - 1];
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const parts = Array.isArray(lastUser?.content) ? lastUser.content.map(asRecord) : [];
  const userText = typeof lastUser?.content === 'string' ? lastUser.content : parts.filter((p) => p.type === 'text').map((p) => String(p.text ?? '')).join(' ');
  const tools = (Array.isArray(params.tools) ? params.tools : []).map((t) => asRecord(asRecord(t).function)).map((f) => ({ name: String(f.name), parameters: f.parameters }));
  const choice = params.tool_choice;
  const format = asRecord(params.response_format);
  const stop = typeof params.stop === 'string' ? [params.stop] : Array.isArray(params.stop) ? params.stop.map(String) : [];
  const maxTokens = (params.max_completion_tokens ?? params.max_tokens) as number | undefined;
  return {
    userText,
    ...(last?.role === 'tool' ? { toolResult: typeof last.content === 'string' ? last.content : JSON.stringify(last.content) } : {}),
    tools,
    toolChoice: typeof choice === 'string' ? choice : typeof choice === 'object' && choice !== null ? String(asRecord(asRecord(choice).function).name) : 'auto',
    parallelToolCalls: params.parallel_tool_calls !== false,
    ...(format.type === 'json_object' ? { format: { type: 'json_object' as const } } : {}),
    ...(format.type === 'json_schema' ? { format: { type: 'json_schema' as const, schema: asRecord(format.json_schema).schema } } : {}),
    n: typeof params.n === 'number' ? params.n : 1,
    stop,
    ...(typeof maxTokens === 'number' ? { maxTokens } : {}),
    ...(reply !== undefined ? { reply } : {}),
    images: parts.filter((p) => p.type === 'image_url').length,
  };
}

/** The Anthropic Messages request as the fake reads it. */
export function anthropicRequest(params: Record<string, unknown>, reply: string | undefined): FakeRequest {
  const messages = Array.isArray(params.messages) ? params.messages.map(asRecord) : [];
  const blocksOf = (m: Record<string, unknown> | undefined) =>
    typeof m?.content === 'string' ? [{ type: 'text', text: m.content }] : Array.isArray(m?.content) ? m.content.map(asRecord) : [];
  const last = messages[messages.length - 1];
  const lastResult = blocksOf(last).filter((b) => b.type === 'tool_result').at(-1);
  const lastUser = [...messages].reverse().find((m) => m.role === 'user' && blocksOf(m).some((b) => b.type === 'text'));
  const blocks = blocksOf(lastUser);
  const tools = (Array.isArray(params.tools) ? params.tools : []).map(asRecord).map((t) => ({ name: String(t.name), parameters: t.input_schema }));
  const choice = asRecord(params.tool_choice);
  const resultText = (content: unknown) =>
    typeof content === 'string' ? content : Array.isArray(content) ? content.map((c) => String(asRecord(c).text ?? '')).join('') : '';
  return {
    userText: blocks.filter((b) => b.type === 'text').map((b) => String(b.text ?? '')).join(' '),
    ...(lastResult ? { toolResult: resultText(lastResult.content) } : {}),
    tools,
    toolChoice: choice.type === 'tool' ? String(choice.name) : choice.type === 'any' ? 'required' : choice.type === 'none' ? 'none' : 'auto',
    parallelToolCalls: choice.disable_parallel_tool_use !== true,
    n: 1,
    stop: Array.isArray(params.stop_sequences) ? params.stop_sequences.map(String) : [],
    ...(typeof params.max_tokens === 'number' ? { maxTokens: params.max_tokens } : {}),
    ...(reply !== undefined ? { reply } : {}),
    images: blocks.filter((b) => b.type === 'image').length,
  };
}
