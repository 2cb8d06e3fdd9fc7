'use client';
import type { AutodecideResponse, DiscoveredModelsResponse, ManagedProvider, ModelInfo, Sensitivity } from '@switchyard/client';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../../../components/session';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describe-error';
import { formatCount, formatRelative } from '../../../lib/format';
import { ACTIONS, DataTable, ListCard } from '../../../components/data-table';

const circuitLabels = { closed: 'Healthy', 'half-open': 'Recovering', open: 'Unavailable' } as const;

const perMillion = (usd: number) => (usd === 0 ? 'free' : `$${usd}`);

export function ModelsView() {
  const { user } = useSession();
  const [models, setModels] = useState<ModelInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .models()
      .then((result) => {
        setModels(result.models);
        setError(null);
      })
      .catch((caught: unknown) => setError(describeError(caught)));
  }, []);

  useEffect(() => {
    load();
  }, [load]);

  return (
    <div className="page wide-page">
      <header className="page-header">
        <div>
          <h1>Models</h1>
          <p className="muted">
            Every model the router can use, with its price per million tokens and what it can do. Use <code>model: &quot;auto&quot;</code> to let the router
            choose, or name one of these.
          </p>
        </div>
        <button type="button" className="button ghost small" onClick={load}>
          Refresh
        </button>
      </header>
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}

      <ListCard label="Models" items={models} scrollable>
        {(models) => (
          <DataTable columns={['Model', 'Where', 'Input / output price', 'Context', 'What it does', 'Health']}>
            {models.map((model) => (
              <tr key={`${model.provider}:${model.id}`} data-testid="model-row">
                <td>
                  <code>{model.id}</code>
                  <div className="muted small">
                    {model.provider} · {model.providerLabel}
                  </div>
                </td>
                <td>{model.local ? <span className="pill local">Local</span> : <span className="pill cloud">Cloud</span>}</td>
                <td className="small">{model.price ? `${perMillion(model.price.inputPerMTok)} / ${perMillion(model.price.outputPerMTok)}` : 'not priced'}</td>
                <td className="small">{model.contextWindow ? `${formatCount(model.contextWindow)} tokens` : '–'}</td>
                <td className="small">{model.capabilities.join('; ')}</td>
                <td>
                  <span className={`health health-${model.circuit}`}>{circuitLabels[model.circuit]}</span>
                  {model.reachable === false ? <div className="small">Unreachable</div> : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListCard>

      <WhoServes />
      {user.role === 'admin' ? <Discovery onAdded={load} /> : null}
    </div>
  );
}

/** GET /api/autodecide/:model: which providers serve a model, in the order the router tries them. */
function WhoServes() {
  const [model, setModel] = useState('');
  const [sensitivity, setSensitivity] = useState<Sensitivity>('public');
  const [answer, setAnswer] = useState<AutodecideResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAnswer(null);
    setError(null);
    try {
      setAnswer(await api.autodecide(model.trim(), sensitivity));
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <section className="card" aria-label="Which providers serve a model">
      <h2>Which providers serve a model?</h2>
      <form className="inline-form" onSubmit={(event) => void ask(event)}>
        <label className="field grow">
          <span>Model</span>
          <input required value={model} placeholder="e.g. llama3.2:3b or openai:gpt-4.1" onChange={(event) => setModel(event.target.value)} />
        </label>
        <label className="field">
          <span>For a request that is</span>
          <select value={sensitivity} onChange={(event) => setSensitivity(event.target.value as Sensitivity)}>
            <option value="public">public</option>
            <option value="internal">internal</option>
            <option value="confidential">confidential</option>
          </select>
        </label>
        <button type="submit" className="button primary">
          Ask
        </button>
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {answer ? (
        answer.candidates.length === 0 ? (
          <p role="status">No provider may serve {answer.model} for a {answer.sensitivity} request: it runs only in the cloud.</p>
        ) : (
          <ol role="status" aria-label="Providers in the order the router tries them">
            {answer.candidates.map((candidate) => (
              <li key={candidate.provider}>
                <strong>{candidate.provider}</strong> ({candidate.local ? 'local' : 'cloud'}, {circuitLabels[candidate.circuit].toLowerCase()}
                {candidate.reachable === false ? ', unreachable at the last probe' : ''})
              </li>
            ))}
          </ol>
        )
      ) : null}
    </section>
  );
}

/** Admins: ask a provider which models it has, and add the ones not configured yet. */
function Discovery({ onAdded }: { onAdded: () => void }) {
  const [providers, setProviders] = useState<ManagedProvider[]>([]);
  const [providerId, setProviderId] = useState('');
  const [found, setFound] = useState<DiscoveredModelsResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    api
      .providers()
      .then((result) => {
        setProviders(result.providers);
        setProviderId((current) => current || (result.providers.find((p) => p.generative)?.id ?? ''));
      })
      .catch((caught: unknown) => setMessage(describeError(caught)));
  }, []);

  const selected = providers.find((p) => p.id === providerId);

  async function discover() {
    setBusy(true);
    setFound(null);
    setMessage(null);
    try {
      setFound(await api.discoverModels(providerId));
    } catch (caught) {
      setMessage(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function add(model: string) {
    if (!selected || !found) return;
    try {
      const { provider } = await api.updateProvider(selected.id, { models: [...selected.models, model] });
      setProviders((current) => current.map((p) => (p.id === provider.id ? provider : p)));
      setFound({ ...found, models: found.models.map((m) => (m.id === model ? { ...m, configured: true } : m)) });
      setMessage(`${model} added to ${selected.id}.`);
      onAdded();
    } catch (caught) {
      setMessage(describeError(caught));
    }
  }

  return (
    <section className="card" aria-label="Discover models">
      <h2>Discover models</h2>
      <p className="muted">Asks the provider for its model list (OpenAI-compatible servers such as Ollama, vLLM and llama.cpp answer GET /models).</p>
      <div className="inline-form">
        <label className="field grow">
          <span>Provider</span>
          <select value={providerId} onChange={(event) => setProviderId(event.target.value)}>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id} ({p.label})
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button primary" disabled={!providerId || busy} onClick={() => void discover()}>
          {busy ? 'Asking…' : 'Ask for its models'}
        </button>
      </div>
      {message ? <p role="status">{message}</p> : null}
      {found ? (
        <DataTable label={`Models ${found.provider} offers`} columns={['Model', 'Context', ACTIONS]}>
          {found.models.length === 0 ? (
            <tr>
              <td colSpan={3} className="muted">
                The provider lists no models.
              </td>
            </tr>
          ) : null}
          {found.models.map((model) => (
            <tr key={model.id}>
              <td>
                <code>{model.id}</code>
                {model.ownedBy ? <div className="muted small">{model.ownedBy}</div> : null}
              </td>
              <td className="small">{model.contextWindow ? `${formatCount(model.contextWindow)} tokens` : '–'}</td>
              <td className="align-right">
                {model.configured ? (
                  <span className="pill">Configured</span>
                ) : selected?.source === 'stored' ? (
                  <button type="button" className="button ghost small" onClick={() => void add(model.id)}>
                    Add to {selected.id}
                  </button>
                ) : (
                  <span className="muted small">set in the environment</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {found ? <p className="muted small">Asked {formatRelative(found.discoveredAt)}.</p> : null}
    </section>
  );
}
