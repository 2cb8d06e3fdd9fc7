import { z } from 'zod';
import { capabilityOverridesSchema } from './capabilities';
import { providerKind } from './providers/registry';
import { COMPLEXITIES, SENSITIVITIES } from './types';

export const EXTRACTIVE_PROVIDER_ID = 'local-extractive';
export const EXTRACTIVE_KIND = 'local-extractive';
export const EXTRACTIVE_MODEL = 'extractive-v1';

/** Provider ids are used in chains as `id:model`, so no colons; also safe in URLs and Redis keys. */
export const providerIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'provider ids are letters, digits, - and _');

export const providerConfigSchema = z.object({
  id: providerIdSchema,
  /** A registered provider kind (`openai`, `anthropic`, `openai-compatible`, `local-extractive`, ...). */
  kind: z.string().min(1),
  /** Only providers marked local may serve confidential requests. */
  local: z.boolean(),
  baseURL: z.string().url().optional(),
  /** One key (environment-configured providers). */
  apiKey: z.string().optional(),
  /** Several keys: used round-robin, a key answered with 401/429 cools down and the next one is used. */
  apiKeys: z.array(z.string().min(1)).optional(),
  /** Which of `apiKeys` the rotation starts from (moved on by roll-key). */
  activeKey: z.number().int().nonnegative().optional(),
  /** A disabled provider serves nothing; absent means enabled. */
  enabled: z.boolean().optional(),
  /** Listed cheapest/fastest first, strongest last: the default tiers rely on this order. */
  models: z.array(z.string().min(1)).min(1),
  /**
   * What differs from the kind's model capabilities, by model id or `*` for all, e.g.
   * `{"llava:13b": {"vision": true}, "*": {"contextWindow": 32768}}`.
   */
  capabilities: capabilityOverridesSchema.optional(),
});
export type ProviderConfig = z.infer<typeof providerConfigSchema>;

/** The keys of a provider, in order, without repeats. */
export function keysOf(provider: Pick<ProviderConfig, 'apiKey' | 'apiKeys'>): string[] {
  return [...new Set([...(provider.apiKeys ?? []), ...(provider.apiKey ? [provider.apiKey] : [])])];
}

const sensitivityEnum = z.enum(SENSITIVITIES);
const complexityEnum = z.enum(COMPLEXITIES);

// The policy schemas are strict: a field the router would not read (a typo like `sensitivty`) is
// refused, in the policy file and in PUT /api/policy alike, instead of silently doing nothing.
export const policyRuleSchema = z
  .object({
    when: z
      .object({
        sensitivity: z.array(sensitivityEnum).optional(),
        complexity: z.array(complexityEnum).optional(),
        minContextTokens: z.number().int().nonnegative().optional(),
      })
      .strict()
      .default({}),
    tier: z.string().min(1),
    /** Shown in the route reasons; a default is written from `when` otherwise. */
    reason: z.string().optional(),
  })
  .strict();
export type PolicyRule = z.infer<typeof policyRuleSchema>;

export const DEFAULT_RULES: PolicyRule[] = [
  {
    when: { sensitivity: ['confidential'], complexity: ['complex'] },
    tier: 'local-strong',
    reason: 'confidential work stays on a local model; complex, so the strongest local one',
  },
  { when: { sensitivity: ['confidential'] }, tier: 'local', reason: 'confidential work stays on a local model' },
  { when: { minContextTokens: 24_000 }, tier: 'long-context', reason: 'the context is long, so a long-context model' },
  { when: { complexity: ['simple'] }, tier: 'cheap', reason: 'simple work goes to a cheap model' },
  { when: { complexity: ['complex'] }, tier: 'strong', reason: 'complex work goes to a strong model' },
  { when: {}, tier: 'balanced', reason: 'moderate work goes to a balanced model' },
];

export const policyConfigSchema = z
  .object({
    /** Evaluated top-down; the first rule whose `when` matches picks the tier. */
    rules: z.array(policyRuleSchema).min(1).default(DEFAULT_RULES),
    /**
     * Tier -> ordered chain of `provider:model` (or just `provider` for its first model).
     * Left out: derived from the configured providers (see `defaultTiers`).
     */
    tiers: z.record(z.string(), z.array(z.string().min(1))).optional(),
    /** Sensitivities that may only reach local providers. Always includes confidential. */
    localOnly: z.array(sensitivityEnum).default(['confidential']),
    /** Whether an explicit `model` (e.g. from /v1) may pick the model instead of the router. */
    allowExplicitModels: z.boolean().default(true),
    /** 429 Retry-After up to this long is waited out and the same provider retried once. */
    maxRetryAfterMs: z.number().int().nonnegative().default(2_000),
  })
  .strict()
  .refine((policy) => policy.localOnly.includes('confidential'), {
    message: 'confidential must stay local-only',
    path: ['localOnly'],
  });
export type PolicyConfig = z.infer<typeof policyConfigSchema>;

export const priceSchema = z.object({ inputPerMTok: z.number().nonnegative(), outputPerMTok: z.number().nonnegative() });

export const routerConfigSchema = z.object({
  providers: z.array(providerConfigSchema).min(1),
  policy: policyConfigSchema.default(() => policyConfigSchema.parse({})),
  /** Per-attempt idle timeout: no first byte / no delta for this long fails the attempt. */
  timeoutMs: z.number().int().positive().default(30_000),
  circuit: z
    .object({ failureThreshold: z.number().int().positive().default(3), cooldownMs: z.number().int().nonnegative().default(30_000) })
    .default({ failureThreshold: 3, cooldownMs: 30_000 }),
  /** Moderate requests: cheap draft, quality check, escalate to the tier's chain if it fails. */
  cascade: z.boolean().default(false),
  /** Model (or `provider:model`) -> USD per million tokens. */
  prices: z.record(z.string(), priceSchema).default({}),
  /** A connectivity probe older than this no longer counts (probes stopped, or the replica that ran them went away). */
  probeStaleAfterMs: z.number().int().positive().default(5 * 60_000),
  /** How long a key rests after the provider refused it: 401/403 (a bad key) or 429 without Retry-After. */
  keyCooldown: z
    .object({ unauthorizedMs: z.number().int().nonnegative().default(10 * 60_000), rateLimitedMs: z.number().int().nonnegative().default(60_000) })
    .default({ unauthorizedMs: 10 * 60_000, rateLimitedMs: 60_000 }),
});
export type RouterConfig = z.infer<typeof routerConfigSchema>;
export type RouterConfigInput = z.input<typeof routerConfigSchema>;

const unique = (entries: string[]) => [...new Set(entries)];

/**
 * Tiers derived from the providers. Each provider's models are listed cheapest first, so
 * cheap = first, strong = last, balanced = the middle. Cloud tiers end with the local chain as a
 * last resort; local tiers only ever list local providers.
 */
export function defaultTiers(providers: ProviderConfig[]): Record<string, string[]> {
  const active = providers.filter((p) => p.enabled !== false);
  const generative = active.filter((p) => providerKind(p.kind).generative);
  const localGenerative = generative.filter((p) => p.local);
  const cloud = generative.filter((p) => !p.local);
  const quoting = active.filter((p) => p.local && !providerKind(p.kind).generative).map((p) => `${p.id}:${p.models[0]}`);
  const first = (p: ProviderConfig) => `${p.id}:${p.models[0]}`;
  const last = (p: ProviderConfig) => `${p.id}:${p.models[p.models.length - 1]}`;
  const middle = (p: ProviderConfig) => `${p.id}:${p.models[Math.floor((p.models.length - 1) / 2)]}`;

  const local = unique([...localGenerative.map(first), ...quoting]);
  const localStrong = unique([...localGenerative.map(last), ...localGenerative.map(first), ...quoting]);
  const longContextFirst = [...cloud].sort((a, b) => providerKind(b.kind).longContextRank - providerKind(a.kind).longContextRank);
  return {
    local,
    'local-strong': localStrong,
    cheap: unique([...cloud.map(first), ...local]),
    balanced: unique([...cloud.map(middle), ...cloud.map(first), ...local]),
    strong: unique([...cloud.map(last), ...cloud.map(middle), ...localStrong]),
    'long-context': unique([...longContextFirst.map(last), ...localStrong]),
  };
}

export interface DefaultRouterConfigOptions {
  openaiApiKey?: string;
  openaiBaseURL?: string;
  anthropicApiKey?: string;
  anthropicBaseURL?: string;
  /** An OpenAI-compatible local server (Ollama, vLLM, llama.cpp, LM Studio), e.g. http://127.0.0.1:11434/v1. */
  localOpenAIBaseURL?: string;
  /** Its models, smallest first (default `llama3.1:8b`). */
  localOpenAIModels?: string[];
}

/** USD per million tokens (list prices; adjust in config). Local models cost nothing. */
export const DEFAULT_PRICES: Record<string, { inputPerMTok: number; outputPerMTok: number }> = {
  'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
  'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 },
  'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 },
  'claude-haiku-4-5': { inputPerMTok: 1, outputPerMTok: 5 },
  'claude-sonnet-4-5': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-opus-4-1': { inputPerMTok: 15, outputPerMTok: 75 },
};

/** Context windows (tokens) of the default models, as their makers publish them; shown on the Models page. */
export const DEFAULT_CONTEXT_WINDOWS: Record<string, number> = {
  'gpt-4o-mini': 128_000,
  'gpt-4.1-mini': 1_047_576,
  'gpt-4.1': 1_047_576,
  'claude-haiku-4-5': 200_000,
  'claude-sonnet-4-5': 200_000,
  'claude-opus-4-1': 200_000,
};

/** The configuration the API builds from its environment. With no keys everything is local-extractive. */
export function defaultRouterConfig(opts: DefaultRouterConfigOptions = {}): RouterConfig {
  const providers: ProviderConfig[] = [];
  if (opts.localOpenAIBaseURL) {
    providers.push({
      id: 'local-openai',
      kind: 'openai-compatible',
      local: true,
      baseURL: opts.localOpenAIBaseURL,
      models: opts.localOpenAIModels && opts.localOpenAIModels.length > 0 ? opts.localOpenAIModels : ['llama3.1:8b'],
    });
  }
  if (opts.openaiApiKey) {
    providers.push({
      id: 'openai',
      kind: 'openai',
      local: false,
      apiKey: opts.openaiApiKey,
      ...(opts.openaiBaseURL ? { baseURL: opts.openaiBaseURL } : {}),
      models: ['gpt-4o-mini', 'gpt-4.1-mini', 'gpt-4.1'],
    });
  }
  if (opts.anthropicApiKey) {
    providers.push({
      id: 'anthropic',
      kind: 'anthropic',
      local: false,
      apiKey: opts.anthropicApiKey,
      ...(opts.anthropicBaseURL ? { baseURL: opts.anthropicBaseURL } : {}),
      models: ['claude-haiku-4-5', 'claude-sonnet-4-5', 'claude-opus-4-1'],
    });
  }
  providers.push({ id: EXTRACTIVE_PROVIDER_ID, kind: EXTRACTIVE_KIND, local: true, models: [EXTRACTIVE_MODEL] });
  return routerConfigSchema.parse({ providers, policy: { tiers: defaultTiers(providers) }, prices: DEFAULT_PRICES });
}
