// The models on offer: what each enabled provider serves, with price, context window and what it
// can do; which providers serve a given model, in the router's order (autodecide); and asking a
// provider for its model list (discovery, OpenAI-compatible `GET /models`, Ollama included).
import type { AutodecideResponse, DiscoveredModelsResponse, ModelInfo, ModelPrice, Sensitivity } from '@switchyard/client';
import { DEFAULT_CONTEXT_WINDOWS, type ProviderHealth, type Router } from '@switchyard/router';
import { AppError } from '../errors';
import type { ProviderCatalog } from './provider-catalog';

export interface ModelServiceDeps {
  router: Pick<Router, 'refreshHealth' | 'candidates' | 'discover' | 'currentConfig'>;
  catalog: Pick<ProviderCatalog, 'discoveries' | 'saveDiscovery'>;
  now?: () => Date;
}

function capabilities(provider: ProviderHealth): string[] {
  return [
    provider.generative === false ? 'quotes your documents with citations (generates no text)' : 'generates text',
    'streams its answer',
    provider.local ? 'runs locally: may serve confidential work' : 'cloud: public and internal work only',
  ];
}

export class ModelService {
  private readonly now: () => Date;

  constructor(private readonly deps: ModelServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private priceOf(providerId: string, model: string): ModelPrice | undefined {
    const prices = this.deps.router.currentConfig().prices;
    return prices[`${providerId}:${model}`] ?? prices[model];
  }

  /** Every model of every enabled provider. */
  async list(): Promise<ModelInfo[]> {
    const [health, discovered] = await Promise.all([this.deps.router.refreshHealth(), this.deps.catalog.discoveries()]);
    return health
      .filter((provider) => provider.enabled !== false)
      .flatMap((provider) =>
        provider.models.map((model) => {
          const price = this.priceOf(provider.id, model);
          const contextWindow = discovered.get(provider.id)?.models.find((m) => m.id === model)?.contextWindow ?? DEFAULT_CONTEXT_WINDOWS[model];
          return {
            id: model,
            provider: provider.id,
            providerLabel: provider.label ?? provider.kind,
            local: provider.local,
            generative: provider.generative !== false,
            ...(price ? { price } : {}),
            ...(contextWindow !== undefined ? { contextWindow } : {}),
            capabilities: capabilities(provider),
            circuit: provider.circuit,
            ...(provider.reachable !== undefined ? { reachable: provider.reachable } : {}),
          };
        }),
      );
  }

  /** Which enabled providers serve `model`, in the order the router would try them. */
  async autodecide(model: string, sensitivity: Sensitivity = 'public'): Promise<AutodecideResponse> {
    if (this.deps.router.candidates(model).length === 0) {
      throw new AppError('model_not_found', 404, `no enabled provider serves "${model}"; GET /api/models lists the models on offer`);
    }
    const health = new Map((await this.deps.router.refreshHealth()).map((p) => [p.id, p]));
    // Read after the refresh: reachability from every replica's probes orders the list.
    const candidates = this.deps.router.candidates(model, { sensitivity }).map((entry) => {
      const provider = health.get(entry.provider);
      const price = this.priceOf(entry.provider, entry.model);
      return {
        provider: entry.provider,
        model: entry.model,
        local: provider?.local ?? false,
        circuit: provider?.circuit ?? 'closed',
        ...(provider?.reachable !== undefined ? { reachable: provider.reachable } : {}),
        ...(price ? { price } : {}),
      };
    });
    return { model, sensitivity, candidates };
  }

  /** Asks the provider for its models now and remembers the answer (context windows for the catalog). */
  async discover(providerId: string): Promise<DiscoveredModelsResponse> {
    const provider = this.deps.router.currentConfig().providers.find((p) => p.id === providerId);
    if (!provider) throw new AppError('provider_not_found', 404, 'provider not found');
    const models = await this.deps.router.discover(providerId);
    const discoveredAt = this.now().toISOString();
    await this.deps.catalog.saveDiscovery(providerId, { at: discoveredAt, models });
    return {
      provider: providerId,
      discoveredAt,
      models: models.map((model) => ({ ...model, configured: provider.models.includes(model.id) })),
    };
  }
}
