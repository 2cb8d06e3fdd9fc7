'use client';
import type { AuditEvent } from '@switchyard/client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession } from '../../../components/session';
import { api } from '../../../lib/api';
import { auditCsv, auditEventLabels, auditFilters, describeDetails } from '../../../lib/audit';
import { describeError } from '../../../lib/describe-error';
import { formatRelative } from '../../../lib/format';
import { DataTable } from '../../../components/data-table';

const PAGE_SIZES = [50, 100, 500];

/** The audit trail (administrators): filter by kind of event and by who or where, page back, export as CSV. */
export function AuditView() {
  const { user } = useSession();
  const [filterId, setFilterId] = useState('all');
  const [pageSize, setPageSize] = useState(100);
  const [search, setSearch] = useState('');
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const types = useMemo(() => auditFilters.find((filter) => filter.id === filterId)?.types ?? [], [filterId]);

  const fetchPage = useCallback((before: string | null) => api.audit({ limit: pageSize, type: types, ...(before ? { before } : {}) }), [pageSize, types]);

  // The newest page, again whenever a filter changes.
  useEffect(() => {
    if (user.role !== 'admin') return;
    let cancelled = false;
    fetchPage(null).then(
      (page) => {
        if (cancelled) return;
        setEvents(page.events);
        setNextBefore(page.nextBefore);
        setError(null);
      },
      (caught: unknown) => {
        if (!cancelled) setError(describeError(caught));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [fetchPage, user.role]);

  async function loadOlder(before: string) {
    setLoading(true);
    try {
      const page = await fetchPage(before);
      setEvents((current) => [...(current ?? []), ...page.events]);
      setNextBefore(page.nextBefore);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setLoading(false);
    }
  }

  const needle = search.trim().toLowerCase();
  const shown = useMemo(
    () =>
      (events ?? []).filter(
        (event) => !needle || [event.actorEmail, event.actorId, event.ip, event.targetId].some((value) => value?.toLowerCase().includes(needle)),
      ),
    [events, needle],
  );

  function download() {
    const blob = new Blob([auditCsv(shown)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `switchyard-audit-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  if (user.role !== 'admin') {
    return (
      <div className="page">
        <h1>Audit trail</h1>
        <p className="banner error" role="alert">
          The audit trail is for administrators.
        </p>
      </div>
    );
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Audit trail</h1>
          <p className="muted">Sign-ins, keys, users, deletions, sharing, providers and policy changes, newest first. Passwords and keys are never recorded.</p>
        </div>
        <button type="button" className="button" onClick={download} disabled={shown.length === 0} data-testid="audit-csv">
          Export CSV ({shown.length})
        </button>
      </header>

      <form className="card inline-form" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          <span>Events</span>
          <select value={filterId} onChange={(event) => setFilterId(event.target.value)} data-testid="audit-filter">
            {auditFilters.map((filter) => (
              <option key={filter.id} value={filter.id}>
                {filter.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>Who or where</span>
          <input value={search} placeholder="email, user id, address or target id" onChange={(event) => setSearch(event.target.value)} />
        </label>
        <label className="field">
          <span>Per page</span>
          <select value={pageSize} onChange={(event) => setPageSize(Number(event.target.value))}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </form>

      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}

      <section className="card flush" aria-label="Events" tabIndex={0}>
        {events === null ? <p className="muted pad">Loading…</p> : null}
        {events !== null && shown.length === 0 ? <p className="muted pad">No events match.</p> : null}
        {shown.length > 0 ? (
          <DataTable testId="audit-table" columns={['When', 'Event', 'Who', 'From', 'On', 'Details']}>
            {shown.map((event) => (
              <tr key={event.id} data-testid="audit-row">
                <td>
                  <time dateTime={event.at} title={event.at}>
                    {formatRelative(event.at)}
                  </time>
                </td>
                <td>{auditEventLabels[event.type]}</td>
                <td>{event.actorEmail ?? event.actorId ?? '—'}</td>
                <td>
                  <code>{event.ip ?? '—'}</code>
                </td>
                <td>{event.targetType ? `${event.targetType} ${event.targetId ?? ''}` : '—'}</td>
                <td className="muted small">{describeDetails(event.details)}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        {nextBefore ? (
          <p className="pad">
            <button type="button" className="button" disabled={loading} onClick={() => void loadOlder(nextBefore)}>
              {loading ? 'Loading…' : 'Load older events'}
            </button>
          </p>
        ) : null}
      </section>
    </div>
  );
}
