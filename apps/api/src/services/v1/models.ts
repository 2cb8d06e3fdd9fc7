// GET /v1/models and /v1/models/{id}: `auto` (the router chooses), every model of an enabled
// provider, and the embedder as `switchyard-embed`, in OpenAI's shape with a `switchyard` object
// (provider, locality, capabilities). `created` is fixed, so the same model always says the same.
// Anthropic's SDKs (they send `anthropic-version`) get the same models in Anthropic's shape and
// pages: `{data: [{type: "model", id, display_name, created_at}], has_more, first_id, last_id}`.
import type { AnthropicModelsQuery } from '@switchyard/client';
import type { ModelCapabilities, Router } from '@switchyard/router';
import { AppError } from '../../errors';
import { EMBED_MODEL_ID } from './embeddings';

/** 2025-01-01T00:00:00Z: OpenAI's `created` for every model we list (we have no better date). */
export const MODELS_CREATED = 1_735_689_600;

export interface V1Model {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  switchyard: { kind: 'router' | 'chat' | 'embedding'; providers: { id: string; local: boolean }[]; capabilities?: ModelCapabilities };
}

export class V1ModelCatalog {
  constructor(private readonly deps: { router: Pick<Router, 'models' | 'capabilities'> }) {}

  list(): V1Model[] {
    const byId = new Map<string, V1Model>();
    for (const model of this.deps.router.models()) {
      if (model.id === 'auto') {
        byId.set('auto', { id: 'auto', object: 'model', created: MODELS_CREATED, owned_by: 'switchyard', switchyard: { kind: 'router', providers: [] } });
        continue;
      }
      const entry = byId.get(model.id);
      if (entry) {
        entry.switchyard.providers.push({ id: model.provider, local: model.local });
        continue;
      }
      const capabilities = this.deps.router.capabilities(model.provider, model.id);
      byId.set(model.id, {
        id: model.id,
        object: 'model',
        created: MODELS_CREATED,
        owned_by: model.provider,
        switchyard: { kind: 'chat', providers: [{ id: model.provider, local: model.local }], ...(capabilities ? { capabilities } : {}) },
      });
    }
    byId.set(EMBED_MODEL_ID, { id: EMBED_MODEL_ID, object: 'model', created: MODELS_CREATED, owned_by: 'switchyard', switchyard: { kind: 'embedding', providers: [] } });
    return [...byId.values()];
  }

  get(id: string): V1Model {
    const model = this.list().find((m) => m.id === id);
    if (!model) throw new AppError('model_not_found', 404, `model "${id}" does not exist or is not enabled`, { param: 'model' });
    return model;
  }
}

/** A model as Anthropic's Models API gives it, with the same `switchyard` object. */
export function anthropicModel(model: V1Model) {
  return {
    type: 'model' as const,
    id: model.id,
    display_name: model.id === 'auto' ? 'Auto (the Switchyard router chooses)' : model.id,
    created_at: new Date(model.created * 1000).toISOString(),
    switchyard: model.switchyard,
  };
}

/** One page of the list in Anthropic's shape: `limit` models after `after_id` or before `before_id`. */
export function anthropicModelPage(models: V1Model[], query: AnthropicModelsQuery) {
  const indexOf = (id: string) => {
    const index = models.findIndex((m) => m.id === id);
    if (index < 0) throw new AppError('model_not_found', 404, `model "${id}" does not exist or is not enabled`, { param: query.after_id === id ? 'after_id' : 'before_id' });
    return index;
  };
  const end = query.before_id === undefined ? models.length : indexOf(query.before_id);
  const start = query.before_id !== undefined ? Math.max(0, end - query.limit) : query.after_id === undefined ? 0 : indexOf(query.after_id) + 1;
  const page = models.slice(start, Math.min(end, start + query.limit)).map(anthropicModel);
  // More models lie in the direction being paged: after the page going forward, before it going back.
  const hasMore = query.before_id !== undefined ? start > 0 : start + page.length < models.length;
  return { data: page, has_more: hasMore, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null };
}
