// OpenAI's own API, and the OpenAI wire format every compatible server speaks (the
// `openai-compatible` kind builds on `createOpenAIWireProvider`).
import OpenAI from 'openai';
import { citationsFromMarkers, toProviderError, withGrounding } from './generative';
import type { DiscoveredModel, Provider, ProviderAnswer, ProviderCall } from './provider';
import { registerProviderKind, type ProviderSpec } from './registry';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export function createOpenAIWireProvider(spec: ProviderSpec, defaultBaseURL: string): Provider {
  const baseURL = spec.baseURL ?? defaultBaseURL;
  // One SDK client per key, made on first use: the router picks the key of each call.
  const clients = new Map<string, OpenAI>();
  const clientFor = (apiKey: string | undefined): OpenAI => {
    // Local servers ignore the key, but the SDK requires one (and must never fall back to env).
    const key = apiKey ?? 'not-needed';
    let client = clients.get(key);
    if (!client) {
      client = new OpenAI({
        apiKey: key,
        baseURL,
        maxRetries: 0, // the router retries and falls back itself
        timeout: 10 * 60_000, // the router enforces its own idle timeout through the AbortSignal
        logLevel: 'off',
      });
      clients.set(key, client);
    }
    return client;
  };
  // OpenAI's own API wants max_completion_tokens; compatible servers know max_tokens.
  const officialApi = baseURL.startsWith('https://api.openai.com');

  return {
    id: spec.id,
    kind: spec.kind,
    local: spec.local,
    models: spec.models,
    async chat(call: ProviderCall): Promise<ProviderAnswer> {
      try {
        const stream = await clientFor(call.apiKey).chat.completions.create(
          {
            model: call.model,
            messages: withGrounding(call.messages, call.context),
            stream: true,
            stream_options: { include_usage: true },
            ...(call.temperature !== undefined ? { temperature: call.temperature } : {}),
            ...(call.maxTokens !== undefined ? (officialApi ? { max_completion_tokens: call.maxTokens } : { max_tokens: call.maxTokens }) : {}),
          },
          { signal: call.signal },
        );
        let text = '';
        let finishReason: string | undefined;
        let usage: ProviderAnswer['usage'] = null;
        for await (const chunk of stream) {
          const choice = chunk.choices[0];
          const delta = choice?.delta?.content;
          if (delta) {
            text += delta;
            call.onDelta(delta);
          }
          if (choice?.finish_reason) finishReason = choice.finish_reason;
          if (chunk.usage) {
            usage = {
              promptTokens: chunk.usage.prompt_tokens,
              completionTokens: chunk.usage.completion_tokens,
              totalTokens: chunk.usage.total_tokens,
              estimated: false,
            };
          }
        }
        if (call.signal.aborted) throw call.signal.reason;
        return { text, citations: citationsFromMarkers(text, call.context), usage, ...(finishReason ? { finishReason } : {}) };
      } catch (error) {
        throw toProviderError(error, call.signal);
      }
    },
    async ping(signal, apiKey) {
      try {
        await clientFor(apiKey).models.list({ signal });
      } catch (error) {
        throw toProviderError(error, signal);
      }
    },
    async listModels(signal, apiKey) {
      try {
        const models: DiscoveredModel[] = [];
        // `GET /models`: OpenAI, Ollama (/v1/models), vLLM, llama.cpp and LM Studio all answer it.
        for await (const model of clientFor(apiKey).models.list({ signal })) {
          const extra = model as unknown as { context_length?: unknown; context_window?: unknown; max_model_len?: unknown };
          const window = [extra.context_window, extra.context_length, extra.max_model_len].find((v): v is number => typeof v === 'number');
          models.push({
            id: model.id,
            ...(model.owned_by ? { ownedBy: model.owned_by } : {}),
            ...(window !== undefined ? { contextWindow: window } : {}),
          });
        }
        return models;
      } catch (error) {
        throw toProviderError(error, signal);
      }
    },
  };
}

registerProviderKind({
  name: 'openai',
  label: 'OpenAI',
  generative: true,
  needsApiKey: true,
  locality: 'either',
  defaultBaseURL: OPENAI_BASE_URL,
  longContextRank: 0,
  create: (spec) => createOpenAIWireProvider(spec, OPENAI_BASE_URL),
});
