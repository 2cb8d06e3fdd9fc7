'use client';
import type { ApiKey, CreatedApiKey } from '@switchyard/client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describe-error';
import { formatRelative } from '../../../lib/format';
import { ACTIONS, DataTable, ListCard } from '../../../components/data-table';

export function KeysView() {
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmRevoke, setConfirmRevoke] = useState<string | null>(null);
  const keyField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    api
      .listKeys()
      .then(({ keys: list }) => setKeys(list))
      .catch((caught: unknown) => setError(describeError(caught)));
  }, []);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setCopied(false);
    try {
      const result = await api.createKey(name.trim() || 'default');
      setCreated(result);
      setName('');
      setKeys((current) => [result.apiKey, ...(current ?? [])]);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
    } catch {
      keyField.current?.select(); // clipboard blocked: select the key so Ctrl+C works
    }
  }

  async function revoke(id: string) {
    setConfirmRevoke(null);
    try {
      await api.revokeKey(id);
      setKeys((current) => current?.filter((key) => key.id !== id) ?? current);
      if (created?.apiKey.id === id) setCreated(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <div className="page narrow-page">
      <header className="page-header">
        <div>
          <h1>API keys</h1>
          <p className="muted">
            Use a key as <code>Authorization: Bearer …</code> for the REST API or as the API key of any OpenAI client pointed at <code>/v1</code>.
          </p>
        </div>
      </header>

      <form className="card inline-form" onSubmit={(event) => void create(event)}>
        <label className="field grow">
          <span>Key name</span>
          <input value={name} maxLength={100} placeholder="e.g. reporting script" onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit" className="button primary">
          Create key
        </button>
      </form>

      {created ? (
        <div className="card created-key" role="status">
          <p>
            <strong>Copy your new key now.</strong> It is shown only once; Switchyard stores only a hash of it.
          </p>
          <div className="copy-row">
            <label htmlFor="new-key" className="visually-hidden">
              New API key
            </label>
            <input id="new-key" ref={keyField} readOnly value={created.key} onFocus={(event) => event.target.select()} data-testid="new-key" />
            <button type="button" className="button" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy'}
            </button>
            <button type="button" className="button ghost" onClick={() => setCreated(null)}>
              Done
            </button>
          </div>
        </div>
      ) : null}

      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}

      <ListCard label="Your keys" items={keys} empty="No keys yet.">
        {(keys) => (
          <DataTable columns={['Name', 'Key', 'Created', 'Last used', ACTIONS]}>
            {keys.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{formatRelative(key.createdAt)}</td>
                <td>{key.lastUsedAt ? formatRelative(key.lastUsedAt) : 'Never'}</td>
                <td className="align-right">
                  {confirmRevoke === key.id ? (
                    <>
                      <button type="button" className="button danger small" onClick={() => void revoke(key.id)}>
                        Revoke
                      </button>{' '}
                      <button type="button" className="button ghost small" onClick={() => setConfirmRevoke(null)}>
                        Cancel
                      </button>
                    </>
                  ) : (
                    <button type="button" className="button ghost small" aria-label={`Revoke ${key.name}`} onClick={() => setConfirmRevoke(key.id)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListCard>
    </div>
  );
}
