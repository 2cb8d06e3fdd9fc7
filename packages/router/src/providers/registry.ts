// The provider kinds the router knows. Each kind lives in one file that calls
// `registerProviderKind` when it is imported (`builtin.ts` imports the built-in ones); nothing
// else in the router names a kind. Adding a kind is one file plus one import line.
import type { ModelCapabilities } from '../types';
import type { Provider } from './provider';

/** What a kind's factory is given: a provider's config, without its keys (calls carry those). */
export interface ProviderSpec {
  id: string;
  kind: string;
  local: boolean;
  baseURL?: string;
  /** Listed cheapest/fastest first, strongest last. */
  models: string[];
}

/** Services of the host a kind may use, passed once to `createRouter` (none is required). */
export interface ProviderServices {
  /** Sentence embeddings (the API passes its local encoder): the extractive responder picks sentences by meaning with it. */
  embed?: (texts: string[]) => Promise<number[][]>;
}

export interface ProviderKind {
  /** The `kind` in a provider's config, e.g. `openai`. */
  name: string;
  /** For people, e.g. "OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio)". */
  label: string;
  /** false for a responder that quotes the documents and never generates text. */
  generative: boolean;
  /** Whether providers of this kind need at least one API key. */
  needsApiKey: boolean;
  /** `local` kinds never leave the machine; `cloud` kinds never count as local; `either`: the config says. */
  locality: 'local' | 'cloud' | 'either';
  /** Where requests go when a provider gives no baseURL. */
  defaultBaseURL?: string;
  /** Preference in the long-context tier (higher first): kinds whose models take the longest inputs. */
  longContextRank: number;
  /** Added to the route reasons when a provider of this kind serves. */
  servedNote?: string;
  /**
   * What a model of this kind can do (tools, JSON schema, vision, context window...). A provider's
   * config can override it per model. Absent: text only (see capabilities.ts, TEXT_ONLY).
   */
  capabilities?(model: string): ModelCapabilities;
  /** Builds a provider. Must not read the environment: everything comes from `spec` and `services`. */
  create(spec: ProviderSpec, services: ProviderServices): Provider;
}

const kinds = new Map<string, ProviderKind>();

export function registerProviderKind(kind: ProviderKind): void {
  if (kinds.has(kind.name)) throw new Error(`provider kind "${kind.name}" is registered twice`);
  kinds.set(kind.name, kind);
}

/** The kind named `name`; throws a readable error for an unknown one. */
export function providerKind(name: string): ProviderKind {
  const kind = kinds.get(name);
  if (!kind) throw new Error(`unknown provider kind "${name}"; known kinds: ${providerKindNames().join(', ')}`);
  return kind;
}

export function findProviderKind(name: string): ProviderKind | undefined {
  return kinds.get(name);
}

export function providerKindNames(): string[] {
  return [...kinds.keys()];
}

export function providerKinds(): ProviderKind[] {
  return [...kinds.values()];
}
