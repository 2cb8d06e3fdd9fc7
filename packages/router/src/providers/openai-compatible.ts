// A server that speaks OpenAI's wire format on this machine or network: Ollama
// (http://127.0.0.1:11434/v1), vLLM, llama.cpp's server, LM Studio. Usually needs no key;
// `GET /models` lists what it has loaded.
import type { ModelCapabilities } from '../types';
import { createOpenAIWireProvider } from './openai';
import { registerProviderKind } from './registry';

/**
 * What servers of this kind commonly offer (Ollama, vLLM and llama.cpp take tools, JSON mode and
 * JSON schemas, a seed, penalties and stop sequences). Not assumed: images, several answers per
 * request (Ollama ignores `n`), log probabilities, and a context over 8k tokens. A provider's
 * `capabilities` setting says otherwise for its models, e.g. `{"llava:13b": {"vision": true}}`.
 */
export const OPENAI_COMPATIBLE_CAPABILITIES: ModelCapabilities = {
  tools: true,
  parallelToolCalls: false,
  jsonMode: true,
  jsonSchema: true,
  vision: false,
  streaming: true,
  contextWindow: 8_192,
  multipleChoices: false,
  logprobs: false,
  seed: true,
  penalties: true,
  stopSequences: true,
};

const OLLAMA_BASE_URL = 'http://127.0.0.1:11434/v1';

registerProviderKind({
  name: 'openai-compatible',
  label: 'OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio)',
  generative: true,
  needsApiKey: false,
  locality: 'either',
  defaultBaseURL: OLLAMA_BASE_URL,
  longContextRank: 0,
  capabilities: () => OPENAI_COMPATIBLE_CAPABILITIES,
  create: (spec) => createOpenAIWireProvider(spec, OLLAMA_BASE_URL),
});
