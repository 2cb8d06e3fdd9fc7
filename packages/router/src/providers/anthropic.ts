import Anthropic from '@anthropic-ai/sdk';
import type { ChatTurn } from '../types';
import { citationsFromMarkers, groundingPrompt, toProviderError } from './generative';
import type { DiscoveredModel, Provider, ProviderAnswer, ProviderCall } from './provider';
import { registerProviderKind, type ProviderSpec } from './registry';

const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

/** Anthropic wants a separate system prompt and strictly alternating user/assistant turns. */
function toAnthropicMessages(messages: ChatTurn[]): { role: 'user' | 'assistant'; content: string }[] {
  const out: { role: 'user' | 'assistant'; content: string }[] = [];
  for (const message of messages) {
    if (message.role === 'system') continue;
    const last = out[out.length - 1];
    if (last && last.role === message.role) last.content += `\n\n${message.content}`;
    else out.push({ role: message.role, content: message.content });
  }
  if (out[0]?.role === 'assistant') out.unshift({ role: 'user', content: '(conversation continues)' });
  return out;
}

export function createAnthropicProvider(spec: ProviderSpec): Provider {
  const clients = new Map<string, Anthropic>();
  const clientFor = (apiKey: string | undefined): Anthropic => {
    const key = apiKey ?? 'not-needed';
    let client = clients.get(key);
    if (!client) {
      client = new Anthropic({ apiKey: key, baseURL: spec.baseURL ?? ANTHROPIC_BASE_URL, maxRetries: 0, timeout: 10 * 60_000, logLevel: 'off' });
      clients.set(key, client);
    }
    return client;
  };

  return {
    id: spec.id,
    kind: spec.kind,
    local: spec.local,
    models: spec.models,
    async chat(call: ProviderCall): Promise<ProviderAnswer> {
      const system = [...call.messages.filter((m) => m.role === 'system').map((m) => m.content), groundingPrompt(call.context)]
        .filter((part): part is string => Boolean(part))
        .join('\n\n');
      try {
        const stream = await clientFor(call.apiKey).messages.create(
          {
            model: call.model,
            max_tokens: call.maxTokens ?? 1024,
            messages: toAnthropicMessages(call.messages),
            ...(system ? { system } : {}),
            ...(call.temperature !== undefined ? { temperature: call.temperature } : {}),
            stream: true,
          },
          { signal: call.signal },
        );
        let text = '';
        let inputTokens: number | undefined;
        let outputTokens: number | undefined;
        let finishReason: string | undefined;
        for await (const event of stream) {
          if (event.type === 'message_start') inputTokens = event.message.usage.input_tokens;
          else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
            text += event.delta.text;
            call.onDelta(event.delta.text);
          } else if (event.type === 'message_delta') {
            outputTokens = event.usage.output_tokens;
            if (event.delta.stop_reason) finishReason = event.delta.stop_reason === 'max_tokens' ? 'length' : event.delta.stop_reason;
          }
        }
        if (call.signal.aborted) throw call.signal.reason;
        const usage =
          inputTokens !== undefined && outputTokens !== undefined
            ? { promptTokens: inputTokens, completionTokens: outputTokens, totalTokens: inputTokens + outputTokens, estimated: false }
            : null;
        return { text, citations: citationsFromMarkers(text, call.context), usage, ...(finishReason ? { finishReason } : {}) };
      } catch (error) {
        throw toProviderError(error, call.signal);
      }
    },
    async ping(signal, apiKey) {
      try {
        await clientFor(apiKey).models.list({}, { signal });
      } catch (error) {
        throw toProviderError(error, signal);
      }
    },
    async listModels(signal, apiKey) {
      try {
        const models: DiscoveredModel[] = [];
        for await (const model of clientFor(apiKey).models.list({}, { signal })) {
          models.push({ id: model.id, ownedBy: 'anthropic', ...(model.display_name ? { name: model.display_name } : {}) });
        }
        return models;
      } catch (error) {
        throw toProviderError(error, signal);
      }
    },
  };
}

registerProviderKind({
  name: 'anthropic',
  label: 'Anthropic',
  generative: true,
  needsApiKey: true,
  locality: 'either',
  defaultBaseURL: ANTHROPIC_BASE_URL,
  // Claude models take the longest inputs of the built-in kinds: first in the long-context tier.
  longContextRank: 1,
  create: createAnthropicProvider,
});
