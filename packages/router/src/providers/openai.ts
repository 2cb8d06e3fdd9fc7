import OpenAI from 'openai';
import type { ProviderConfig } from '../config';
import { citationsFromMarkers, toProviderError, withGrounding } from './generative';
import type { Provider, ProviderAnswer, ProviderCall } from './provider';

/** OpenAI, or any OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio) via baseURL. */
export function createOpenAIProvider(config: ProviderConfig): Provider {
  const client = new OpenAI({
    // Local servers ignore the key, but the SDK requires one (and must never fall back to env).
    apiKey: config.apiKey ?? 'not-needed',
    baseURL: config.baseURL ?? 'https://api.openai.com/v1',
    maxRetries: 0, // the router retries and falls back itself
    timeout: 10 * 60_000, // the router enforces its own idle timeout through the AbortSignal
    logLevel: 'off',
  });
  // OpenAI's own API wants max_completion_tokens; compatible servers know max_tokens.
  const officialApi = config.baseURL === undefined || config.baseURL.startsWith('https://api.openai.com');

  return {
    id: config.id,
    kind: 'openai',
    local: config.local,
    models: config.models,
    async chat(call: ProviderCall): Promise<ProviderAnswer> {
      try {
        const stream = await client.chat.completions.create(
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
    async ping(signal: AbortSignal) {
      try {
        await client.models.list({ signal });
      } catch (error) {
        throw toProviderError(error, signal);
      }
    },
  };
}
