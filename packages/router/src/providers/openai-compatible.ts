// A server that speaks OpenAI's wire format on this machine or network: Ollama
// (http://127.0.0.1:11434/v1), vLLM, llama.cpp's server, LM Studio. Usually needs no key;
// `GET /models` lists what it has loaded.
import { createOpenAIWireProvider } from './openai';
import { registerProviderKind } from './registry';

const OLLAMA_BASE_URL = 'http://127.0.0.1:11434/v1';

registerProviderKind({
  name: 'openai-compatible',
  label: 'OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio)',
  generative: true,
  needsApiKey: false,
  locality: 'either',
  defaultBaseURL: OLLAMA_BASE_URL,
  longContextRank: 0,
  create: (spec) => createOpenAIWireProvider(spec, OLLAMA_BASE_URL),
});
