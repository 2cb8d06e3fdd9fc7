// Registers the built-in extractive responder (local-extractive.ts) as a provider kind. Kept
// apart from the responder itself so the two can change independently.
import { TEXT_ONLY } from '../capabilities';
import { EXTRACTIVE_KIND, type ProviderConfig } from '../config';
import { createExtractiveProvider } from './local-extractive';
import type { Provider } from './provider';
import { registerProviderKind, type ProviderServices } from './registry';

// The responder takes the host's sentence encoder as an optional second argument.
const createResponder = createExtractiveProvider as (config: ProviderConfig, deps?: Pick<ProviderServices, 'embed'>) => Provider;

registerProviderKind({
  name: EXTRACTIVE_KIND,
  label: 'Built-in extractive responder',
  generative: false,
  needsApiKey: false,
  locality: 'local',
  longContextRank: -1,
  // It quotes passages: no tools, formats, images, sampling settings or several answers. It reads
  // any amount of context (it never sends it anywhere).
  capabilities: () => ({ ...TEXT_ONLY, contextWindow: Number.MAX_SAFE_INTEGER }),
  servedNote: 'served by the built-in extractive responder: it quotes your documents with citations and does not generate text',
  create: (spec, services) => createResponder({ ...spec, local: true }, services.embed ? { embed: services.embed } : {}),
});
