'use client';
import type { ManagedProvider, ProviderKindInfo } from '@switchyard/client';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describe-error';
import { formatMs, formatRelative } from '../../../lib/format';
import { formatPrices, parsePrices, splitList } from '../../../lib/provider-form';
import { ACTIONS, DataTable, ListCard, RowStatus } from '../../../components/data-table';

const circuitLabels = { closed: 'Healthy', 'half-open': 'Recovering', open: 'Unavailable' } as const;

interface FormState {
  id: string;
  kind: string;
  local: boolean;
  baseURL: string;
  apiKeys: string;
  models: string;
  prices: string;
}

const emptyForm = (kind = 'openai-compatible'): FormState => ({ id: '', kind, local: true, baseURL: '', apiKeys: '', models: '', prices: '' });

export function ProvidersView() {
  const [providers, setProviders] = useState<ManagedProvider[] | null>(null);
  const [kinds, setKinds] = useState<ProviderKindInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Record<string, string>>({});
  const [form, setForm] = useState<FormState | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  /** Reloads the list; the outcome arrives in callbacks (also used by the periodic refresh). */
  const load = useCallback(() => {
    api
      .providers()
      .then((result) => {
        setProviders(result.providers);
        setKinds(result.kinds);
        setError(null);
      })
      .catch((caught: unknown) => setError(describeError(caught)));
  }, []);

  useEffect(() => {
    load();
    const timer = window.setInterval(load, 15_000);
    return () => window.clearInterval(timer);
  }, [load]);

  const note = (id: string, text: string) => setStatus((current) => ({ ...current, [id]: text }));

  /** Runs an action on one provider, shows its outcome next to it, and reloads the list. */
  async function act(id: string, label: string, action: () => Promise<string | undefined>) {
    note(id, `${label}…`);
    try {
      note(id, (await action()) ?? '');
    } catch (caught) {
      note(id, describeError(caught));
    }
    load();
  }

  const test = (id: string) =>
    act(id, 'Testing', async () => {
      const result = await api.testProvider(id);
      return result.ok ? `Reachable, answered in ${formatMs(result.latencyMs)}` : `Failed: ${result.error ?? 'no answer'}`;
    });
  const toggle = (provider: ManagedProvider) =>
    act(provider.id, provider.enabled ? 'Disabling' : 'Enabling', async () => {
      const { provider: next } = await api.toggleProvider(provider.id);
      return next.enabled ? 'Enabled: it serves requests again.' : 'Disabled: it serves nothing until enabled.';
    });
  const roll = (id: string) =>
    act(id, 'Moving to the next key', async () => {
      const { provider: next } = await api.rollProviderKey(id);
      const key = next.keys?.find((k) => k.next);
      return key ? `Calls now start with the key ending …${key.lastFour}.` : undefined;
    });
  const remove = (id: string) =>
    act(id, 'Deleting', async () => {
      setConfirmDelete(null);
      await api.deleteProvider(id);
      return undefined;
    });

  function startAdding() {
    setEditing(null);
    setForm(emptyForm(kinds.find((k) => k.name === 'openai-compatible')?.name ?? kinds[0]?.name));
  }

  function startEditing(provider: ManagedProvider) {
    setEditing(provider.id);
    setForm({
      id: provider.id,
      kind: provider.kind,
      local: provider.local,
      baseURL: provider.baseURL ?? '',
      apiKeys: '',
      models: provider.models.join('\n'),
      prices: formatPrices(provider.prices),
    });
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form) return;
    const { prices, errors } = parsePrices(form.prices);
    if (errors.length > 0) {
      setError(`These price lines are not "model input output": ${errors.join('; ')}`);
      return;
    }
    const keys = splitList(form.apiKeys);
    try {
      if (editing) {
        await api.updateProvider(editing, {
          kind: form.kind,
          local: form.local,
          baseURL: form.baseURL.trim() || null,
          models: splitList(form.models),
          prices,
          // Keys are never shown again; leaving the field empty keeps the stored ones.
          ...(keys.length > 0 ? { apiKeys: keys } : {}),
        });
      } else {
        await api.createProvider({
          id: form.id.trim(),
          kind: form.kind,
          local: form.local,
          ...(form.baseURL.trim() ? { baseURL: form.baseURL.trim() } : {}),
          apiKeys: keys,
          models: splitList(form.models),
          prices,
        });
      }
      setForm(null);
      setEditing(null);
      setError(null);
      load();
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  const kind = kinds.find((k) => k.name === form?.kind);
  return (
    <div className="page wide-page">
      <header className="page-header">
        <div>
          <h1>Providers</h1>
          <p className="muted">
            Where answers come from. Only local providers ever see confidential requests. Keys are stored encrypted and shown by their last four
            characters.
          </p>
        </div>
        <button type="button" className="button primary" onClick={startAdding}>
          Add provider
        </button>
      </header>

      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}

      {form ? (
        <form className="card" aria-label={editing ? `Edit ${editing}` : 'Add a provider'} onSubmit={(event) => void save(event)}>
          <h2>{editing ? `Edit ${editing}` : 'Add a provider'}</h2>
          {editing ? null : (
            <label className="field">
              <span>Id</span>
              <input required value={form.id} maxLength={64} placeholder="e.g. ollama-gpu" onChange={(event) => setForm({ ...form, id: event.target.value })} />
              <span className="hint">Letters, digits, - and _. Used in routes as id:model.</span>
            </label>
          )}
          <label className="field">
            <span>Kind</span>
            <select
              value={form.kind}
              onChange={(event) => {
                const next = kinds.find((k) => k.name === event.target.value);
                setForm({ ...form, kind: event.target.value, local: next?.locality === 'local' ? true : next?.locality === 'cloud' ? false : form.local });
              }}
            >
              {kinds.map((k) => (
                <option key={k.name} value={k.name}>
                  {k.label}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-check">
            <input
              type="checkbox"
              checked={form.local}
              disabled={kind?.locality !== 'either'}
              onChange={(event) => setForm({ ...form, local: event.target.checked })}
            />
            Runs on this machine or network (may serve confidential requests)
          </label>
          <label className="field">
            <span>Base URL</span>
            <input value={form.baseURL} placeholder={kind?.defaultBaseURL ?? 'https://…'} onChange={(event) => setForm({ ...form, baseURL: event.target.value })} />
          </label>
          <label className="field">
            <span>API keys{kind?.needsApiKey ? '' : ' (optional)'}</span>
            <textarea
              rows={2}
              value={form.apiKeys}
              autoComplete="off"
              spellCheck={false}
              placeholder={editing ? 'Leave empty to keep the stored keys' : 'One per line; several are used in turn'}
              onChange={(event) => setForm({ ...form, apiKeys: event.target.value })}
            />
          </label>
          <label className="field">
            <span>Models</span>
            <textarea rows={3} required value={form.models} placeholder="Cheapest first, strongest last; one per line" onChange={(event) => setForm({ ...form, models: event.target.value })} />
          </label>
          <label className="field">
            <span>Prices (optional)</span>
            <textarea
              rows={2}
              value={form.prices}
              placeholder="model input output — USD per million tokens, e.g. gpt-4o-mini 0.15 0.6"
              onChange={(event) => setForm({ ...form, prices: event.target.value })}
            />
          </label>
          <div className="inline-form">
            <button type="submit" className="button primary">
              {editing ? 'Save' : 'Add'}
            </button>
            <button
              type="button"
              className="button ghost"
              onClick={() => {
                setForm(null);
                setEditing(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : null}

      <ListCard label="Providers" items={providers}>
        {(providers) => (
          <DataTable columns={['Provider', 'Where', 'Models', 'State', 'Keys', ACTIONS]}>
            {providers.map((provider) => (
              <tr key={provider.id} data-testid="provider-row">
                <td>
                  <strong>{provider.id}</strong>
                  <div className="muted small">{provider.label}</div>
                  <div className="muted small">{provider.source === 'env' ? 'From the environment' : 'Added here'}</div>
                </td>
                <td>{provider.local ? <span className="pill local">Local</span> : <span className="pill cloud">Cloud</span>}</td>
                <td className="small">{provider.models.join(', ')}</td>
                <td>
                  {provider.enabled ? (
                    <span className={`health health-${provider.circuit}`}>{circuitLabels[provider.circuit]}</span>
                  ) : (
                    <span className="pill">Disabled</span>
                  )}
                  {provider.reachable === false ? <div className="small">Unreachable {provider.lastProbeAt ? formatRelative(provider.lastProbeAt) : ''}</div> : null}
                  {provider.reachable === true && provider.lastProbeAt ? <div className="muted small">Reachable, checked {formatRelative(provider.lastProbeAt)}</div> : null}
                  {provider.lastLatencyMs !== undefined ? <div className="muted small">Last call {formatMs(provider.lastLatencyMs)}</div> : null}
                  {provider.recentErrors && provider.recentErrors.length > 0 ? (
                    <details className="small">
                      <summary>Recent errors ({provider.recentErrors.length})</summary>
                      <ul>
                        {provider.recentErrors.map((entry) => (
                          <li key={`${entry.at}-${entry.message}`}>
                            <span className="muted">{formatRelative(entry.at)}:</span> {entry.message}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </td>
                <td className="small">
                  {provider.keys && provider.keys.length > 0
                    ? provider.keys.map((key) => (
                        <div key={key.lastFour}>
                          <code>…{key.lastFour}</code> {key.next ? <span className="pill">next</span> : null}{' '}
                          {key.restingUntil ? <span className="muted">resting until {new Date(key.restingUntil).toLocaleTimeString()}</span> : null}
                        </div>
                      ))
                    : 'None'}
                </td>
                <td className="align-right">
                  <div className="button-row">
                    <button type="button" className="button ghost small" onClick={() => void test(provider.id)}>
                      Test
                    </button>
                    <button type="button" className="button ghost small" onClick={() => void toggle(provider)}>
                      {provider.enabled ? 'Disable' : 'Enable'}
                    </button>
                    {provider.source === 'stored' && (provider.keys?.length ?? 0) > 1 ? (
                      <button type="button" className="button ghost small" onClick={() => void roll(provider.id)}>
                        Next key
                      </button>
                    ) : null}
                    {provider.source === 'stored' ? (
                      <button type="button" className="button ghost small" onClick={() => startEditing(provider)}>
                        Edit
                      </button>
                    ) : null}
                    {provider.source === 'stored' && confirmDelete !== provider.id ? (
                      <button type="button" className="button ghost small" aria-label={`Delete ${provider.id}`} onClick={() => setConfirmDelete(provider.id)}>
                        Delete
                      </button>
                    ) : null}
                    {confirmDelete === provider.id ? (
                      <>
                        <button type="button" className="button danger small" onClick={() => void remove(provider.id)}>
                          Delete {provider.id}
                        </button>
                        <button type="button" className="button ghost small" onClick={() => setConfirmDelete(null)}>
                          Cancel
                        </button>
                      </>
                    ) : null}
                  </div>
                  <RowStatus message={status[provider.id]} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListCard>
    </div>
  );
}
