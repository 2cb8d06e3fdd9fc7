// GET /v1/models and /v1/models/{id}: `auto` (the router chooses), every model of an enabled
// provider, and the embedder as `switchyard-embed`, in OpenAI's shape with a `switchyard` object
// (provider, locality, capabilities). `created` is fixed, so the same model always says the same.
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
