'use client';
import type { PolicyDocument, PolicyDryRunResponse, PolicyResponse, PolicyVersionsResponse, RouteOutcome } from '@switchyard/client';
import { ApiError } from '@switchyard/client';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describe-error';
import { formatRelative } from '../../../lib/format';

const outcomeText = (outcome: RouteOutcome) => ('tier' in outcome ? `${outcome.tier} → ${outcome.provider}:${outcome.model}` : `refused (${outcome.error})`);

/** The editor's text as a policy document, or why it is not one. */
function readDocument(text: string): { document?: PolicyDocument; error?: string } {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: 'The policy must be a JSON object.' };
    return { document: parsed as PolicyDocument };
  } catch (caught) {
    return { error: `That is not valid JSON: ${caught instanceof Error ? caught.message : String(caught)}` };
  }
}

/** A 400's field errors, one per line, so an admin sees every problem at once. */
function fieldLines(caught: unknown): string[] {
  if (!(caught instanceof ApiError)) return [];
  const fields = (caught.details as { fields?: { path: string; message: string }[] } | undefined)?.fields ?? [];
  return fields.map((field) => `${field.path}: ${field.message}`);
}

export function PolicyView() {
  const [current, setCurrent] = useState<PolicyResponse | null>(null);
  const [text, setText] = useState('');
  const [versions, setVersions] = useState<PolicyVersionsResponse['versions']>([]);
  const [limit, setLimit] = useState(100);
  const [dryRun, setDryRun] = useState<PolicyDryRunResponse | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const show = useCallback((policy: PolicyResponse) => {
    setCurrent(policy);
    setText(JSON.stringify(policy.policy, null, 2));
  }, []);

  const load = useCallback(() => {
    Promise.all([api.policy(), api.policyVersions()])
      .then(([policy, history]) => {
        show(policy);
        setVersions(history.versions);
      })
      .catch((caught: unknown) => setMessage(describeError(caught)));
  }, [show]);

  useEffect(() => {
    load();
  }, [load]);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    setProblems([]);
    try {
      await action();
    } catch (caught) {
      setMessage(describeError(caught));
      setProblems(fieldLines(caught));
    } finally {
      setBusy(false);
    }
  }

  const withDocument = (then: (document: PolicyDocument) => Promise<void>) => () => {
    const { document, error } = readDocument(text);
    if (!document) {
      setMessage(error ?? 'The policy is not valid.');
      return;
    }
    void run(() => then(document));
  };

  const preview = withDocument(async (document) => {
    setDryRun(await api.policyDryRun(document, limit));
  });
  const save = withDocument(async (document) => {
    const saved = await api.replacePolicy(document, current?.version);
    show(saved);
    setDryRun(null);
    setMessage(`Saved as version ${saved.version}. Every server routes by it now.`);
    setVersions((await api.policyVersions()).versions);
  });
  const reset = () =>
    void run(async () => {
      const restored = await api.resetPolicy();
      show(restored);
      setDryRun(null);
      setMessage(`Back to the environment's policy (version ${restored.version}).`);
      setVersions((await api.policyVersions()).versions);
    });

  return (
    <div className="page wide-page">
      <header className="page-header">
        <div>
          <h1>Routing policy</h1>
          <p className="muted">
            Rules pick a tier from a request&apos;s sensitivity, complexity and context size; each tier is a chain of provider:model tried in order.
            Confidential requests only ever reach local providers, whatever the policy says.
          </p>
        </div>
      </header>

      {current ? (
        <p className="muted">
          Version {current.version},{' '}
          {current.source === 'admin'
            ? `set by ${current.updatedBy ?? 'an admin'} ${current.updatedAt ? formatRelative(current.updatedAt) : ''}`
            : 'from the environment (ROUTER_POLICY_FILE or the built-in default)'}
          .
        </p>
      ) : null}
      {message ? (
        <div className="banner" role="status">
          {message}
          {problems.length > 0 ? (
            <ul>
              {problems.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <section className="card" aria-label="Policy editor">
        <label className="field">
          <span>Policy (the same JSON as the policy file)</span>
          <textarea className="code-editor" rows={18} spellCheck={false} value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        <div className="inline-form">
          <label className="field">
            <span>Requests to replay</span>
            <input type="number" min={1} max={1000} value={limit} onChange={(event) => setLimit(Math.max(1, Math.min(1000, Number(event.target.value) || 1)))} />
          </label>
          <button type="button" className="button" disabled={busy} onClick={preview}>
            Dry run
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={save}>
            Save
          </button>
          {current?.source === 'admin' ? (
            <button type="button" className="button ghost" disabled={busy} onClick={reset}>
              Back to the environment&apos;s policy
            </button>
          ) : null}
        </div>
      </section>

      {dryRun ? <DryRunResult result={dryRun} /> : null}

      {current ? (
        <section className="card flush" aria-label="Tiers">
          <h2 className="card-title">Tiers in force</h2>
          <table className="table">
            <tbody>
              {Object.entries(current.tiers).map(([tier, chain]) => (
                <tr key={tier}>
                  <th scope="row">{tier}</th>
                  <td className="small">{chain.length > 0 ? chain.join(' → ') : 'no provider'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {versions.length > 0 ? (
        <section className="card flush" aria-label="Past versions">
          <h2 className="card-title">Past versions</h2>
          <table className="table">
            <tbody>
              {versions.map((version) => (
                <tr key={version.version}>
                  <td>Version {version.version}</td>
                  <td className="small">
                    {version.policy ? 'replaced' : "back to the environment's"} by {version.by} {formatRelative(version.at)}
                  </td>
                  <td className="align-right">
                    {version.policy ? (
                      <button type="button" className="button ghost small" onClick={() => setText(JSON.stringify(version.policy, null, 2))}>
                        Load into the editor
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}

function DryRunResult({ result }: { result: PolicyDryRunResponse }) {
  const tiers = [...new Set([...Object.keys(result.current), ...Object.keys(result.proposed)])];
  return (
    <section className="card flush" aria-label="Dry run">
      <h2 className="card-title">Dry run</h2>
      <p className="pad" role="status">
        {result.considered === 0
          ? 'No routed requests are recorded yet.'
          : `${result.changed} of the last ${result.considered} requests would route differently.`}
      </p>
      {result.considered > 0 ? (
        <>
          <table className="table figures">
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col">Now</th>
                <th scope="col">Proposed</th>
              </tr>
            </thead>
            <tbody>
              {tiers.map((tier) => (
                <tr key={tier}>
                  <td>{tier}</td>
                  <td>{result.current[tier] ?? 0}</td>
                  <td>{result.proposed[tier] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Request</th>
                <th scope="col">Now</th>
                <th scope="col">Proposed</th>
              </tr>
            </thead>
            <tbody>
              {result.requests.map((request, index) => (
                <tr key={`${request.at}-${index}`} data-changed={request.changed ? 'yes' : 'no'}>
                  <td className="small">{formatRelative(request.at)}</td>
                  <td className="small">
                    {request.sensitivity}, {request.complexity}
                    {request.requestedModel ? `, asked for ${request.requestedModel}` : ''}
                  </td>
                  <td className="small">{outcomeText(request.current)}</td>
                  <td className="small">
                    {request.changed ? <strong>{outcomeText(request.proposed)}</strong> : outcomeText(request.proposed)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
