'use client';
import type { Provider, StatsGroup, StatsResponse } from '@switchyard/client';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../../components/session';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describe-error';
import { formatCost, formatCount, formatMs, formatPercent } from '../../../lib/format';
import { CostAndLatencyOverTime, GroupBars, RequestsOverTime, SplitOverTime } from './charts';
import { ACTIONS, DataTable, ListCard, RowStatus } from '../../../components/data-table';

const circuitLabels = { closed: 'Healthy', 'half-open': 'Recovering', open: 'Unavailable' } as const;

type Scope = 'all' | 'me';

export function DashboardView() {
  const { user } = useSession();
  const admin = user.role === 'admin';
  // Administrators see everyone's usage and can narrow it to their own; everyone else sees their own.
  const [scope, setScope] = useState<Scope>(admin ? 'all' : 'me');
  const [stats, setStats] = useState<StatsResponse | null>(null);
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [testing, setTesting] = useState<Record<string, string>>({});

  const load = useCallback(async () => {
    const [statsResult, providersResult] = await Promise.allSettled([api.stats({ scope }), api.providers()]);
    if (statsResult.status === 'fulfilled') setStats(statsResult.value);
    if (providersResult.status === 'fulfilled') setProviders(providersResult.value.providers);
    const failed = [statsResult, providersResult].find((result) => result.status === 'rejected');
    setError(failed ? describeError(failed.reason) : null);
  }, [scope]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), 15_000);
    return () => window.clearInterval(timer);
  }, [load]);

  async function test(id: string) {
    setTesting((current) => ({ ...current, [id]: 'Testing…' }));
    try {
      const result = await api.testProvider(id);
      setTesting((current) => ({ ...current, [id]: result.ok ? `OK in ${formatMs(result.latencyMs)}` : `Failed: ${result.error ?? 'no answer'}` }));
    } catch (caught) {
      setTesting((current) => ({ ...current, [id]: describeError(caught) }));
    }
    void load();
  }

  const totals = stats?.totals;
  return (
    <div className="page wide-page">
      <header className="page-header">
        <div>
          <h1>Dashboard</h1>
          <p className="muted" data-testid="stats-scope">
            {scope === 'all' ? 'Everyone’s requests' : 'Your requests'}: cache, cost and latency across routes and models.
          </p>
        </div>
        <div className="header-actions">
          {admin ? (
            <div className="scope-switch" role="group" aria-label="Whose usage">
              <button type="button" aria-pressed={scope === 'all'} onClick={() => setScope('all')}>
                Everyone
              </button>
              <button type="button" aria-pressed={scope === 'me'} onClick={() => setScope('me')}>
                Only me
              </button>
            </div>
          ) : null}
          <button type="button" className="button ghost small" onClick={() => void load()}>
            Refresh
          </button>
        </div>
      </header>
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}

      <section className="stat-grid" aria-label="Totals">
        <Stat label="Requests" value={totals ? formatCount(totals.requests) : '–'} detail={totals ? countOf(totals.errors, 'error') : undefined} />
        <Stat label="Cache hit rate" value={stats ? formatPercent(stats.cacheHitRate) : '–'} detail={totals ? countOf(totals.cacheHits, 'hit') : undefined} />
        <Stat label="Cost" value={totals ? formatCost(totals.costUsd) : '–'} detail={totals ? countOf(totals.promptTokens + totals.completionTokens, 'token') : undefined} />
        <Stat label="Latency p50 / p95" value={totals ? `${formatMs(totals.latencyMs.p50)} / ${formatMs(totals.latencyMs.p95)}` : '–'} detail={totals ? `p99 ${formatMs(totals.latencyMs.p99)}` : undefined} />
      </section>

      <div className="chart-grid">
        <RequestsOverTime timeline={stats?.timeline} />
        <CostAndLatencyOverTime timeline={stats?.timeline} />
        <SplitOverTime title="Requests by route" description="Per hour, stacked by routing tier" timeline={stats?.timeline} split="byRoute" measure="requests" />
        <SplitOverTime title="Latency by model" description="Per hour: median latency of each model" timeline={stats?.timeline} split="byModel" measure="p50LatencyMs" />
        <GroupBars title="By route" description="Requests and latency per routing tier" groups={stats?.byRoute} />
        <GroupBars title="By model" description="Requests and latency per model" groups={stats?.byModel} />
      </div>

      {stats && stats.byModel.length > 0 ? <CostTable title="Cost by model" groups={stats.byModel} /> : null}

      <ListCard label="Providers" title="Providers" items={providers} scrollable>
        {(providers) => (
          <DataTable columns={['Provider', 'Where', 'Models', 'Health', 'Last latency', ACTIONS]}>
            {providers.map((provider) => (
              <tr key={provider.id} data-testid="provider-row">
                <td>
                  <strong>{provider.id}</strong>
                  <div className="muted small">{provider.kind}</div>
                </td>
                <td>{provider.local ? <span className="pill local">Local</span> : <span className="pill cloud">Cloud</span>}</td>
                <td className="small">{provider.models.join(', ')}</td>
                <td>
                  <span className={`health health-${provider.circuit}`}>{circuitLabels[provider.circuit]}</span>
                  {provider.consecutiveFailures > 0 ? <div className="muted small">{provider.consecutiveFailures} failures in a row</div> : null}
                  {provider.lastError ? <div className="muted small">{provider.lastError}</div> : null}
                </td>
                <td>{provider.lastLatencyMs !== undefined ? formatMs(provider.lastLatencyMs) : '–'}</td>
                <td className="align-right">
                  <button type="button" className="button ghost small" onClick={() => void test(provider.id)}>
                    Test
                  </button>
                  <RowStatus message={testing[provider.id]} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListCard>
    </div>
  );
}

/** "1 hit", "3 hits". */
function countOf(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="card stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
      <span className="stat-detail muted small">{detail ?? '\u00a0'}</span>
    </div>
  );
}

function CostTable({ title, groups }: { title: string; groups: StatsGroup[] }) {
  return (
    <section className="card flush" aria-label={title} tabIndex={0}>
      <h2 className="card-title">{title}</h2>
      <DataTable className="figures" columns={['Model', 'Requests', 'Cache hits', 'Tokens in / out', 'Cost', 'p50 / p95']}>
        {groups.map((group) => (
          <tr key={group.key}>
            <td>{group.key}</td>
            <td>{formatCount(group.requests)}</td>
            <td>{formatCount(group.cacheHits)}</td>
            <td>
              {formatCount(group.promptTokens)} / {formatCount(group.completionTokens)}
            </td>
            <td>{formatCost(group.costUsd)}</td>
            <td>
              {formatMs(group.latencyMs.p50)} / {formatMs(group.latencyMs.p95)}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
