'use client';
import type { SearchResponse } from '@switchyard/client';
import Link from 'next/link';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { CollectionPicker } from '../../../components/collection-picker';
import { SearchIcon } from '../../../components/icons';
import { api } from '../../../lib/api';
import { describeError } from '../../../lib/describe-error';
import { formatMs } from '../../../lib/format';
import { highlightParts, snippetAround } from '../../../lib/highlight';

export function SearchView({ initialQuery }: { initialQuery: string }) {
  const [query, setQuery] = useState(initialQuery);
  const [result, setResult] = useState<{ query: string; response: SearchResponse } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** null: every collection the user owns or is a member of. */
  const [collectionIds, setCollectionIds] = useState<string[] | null>(null);

  const run = useCallback(async (text: string) => {
    const trimmed = text.trim();
    if (!trimmed) return;
    setBusy(true);
    setError(null);
    window.history.replaceState(null, '', `/search?q=${encodeURIComponent(trimmed)}`);
    try {
      const response = await api.search({ query: trimmed, limit: 10, ...(collectionIds ? { collectionIds } : {}) });
      setResult({ query: trimmed, response });
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }, [collectionIds]);

  // A shared /search?q= link runs its query once on arrival.
  useEffect(() => {
    const trimmed = initialQuery.trim();
    if (!trimmed) return;
    let cancelled = false;
    api
      .search({ query: trimmed, limit: 10 })
      .then((response) => {
        if (!cancelled) setResult({ query: trimmed, response });
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(describeError(caught));
      });
    return () => {
      cancelled = true;
    };
  }, [initialQuery]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(query);
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Search</h1>
          <p className="muted">Find passages by meaning, not just by words.</p>
        </div>
      </header>
      <form className="search-box" role="search" onSubmit={onSubmit}>
        <SearchIcon />
        <label htmlFor="search-input" className="visually-hidden">
          Search your documents
        </label>
        <input id="search-input" type="search" placeholder="Search your documents…" value={query} onChange={(event) => setQuery(event.target.value)} autoFocus />
        <button type="submit" className="button primary" disabled={busy || !query.trim()}>
          {busy ? 'Searching…' : 'Search'}
        </button>
      </form>
      <CollectionPicker value={collectionIds} onChange={setCollectionIds} disabled={busy} />
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <section aria-label="Results" aria-busy={busy}>
          <p className="muted small" role="status">
            {result.response.hits.length === 0
              ? `No results: no passage of your documents is relevant to “${result.query}”.`
              : `${result.response.hits.length} passage${result.response.hits.length === 1 ? '' : 's'} in ${formatMs(result.response.tookMs)}`}
          </p>
          {result.response.hits.length === 0 ? (
            <div className="card empty-state" data-testid="search-no-results">
              <h2 className="section-title">No results</h2>
              <p className="muted">
                Search only shows passages that are actually about what you asked, so a question your documents do not answer finds nothing. Try other words, a shorter query, or
                an exact code or name from the document; or check on the <Link href="/documents">Documents</Link> page that the document is uploaded and ready.
              </p>
            </div>
          ) : null}
          <ol className="results">
            {result.response.hits.map((hit, index) => {
              const href = `/documents/${encodeURIComponent(hit.documentId)}?${new URLSearchParams({ q: result.query }).toString()}#chunk-${hit.chunkIndex}`;
              return (
                <li key={`${hit.documentId}:${hit.chunkIndex}`} className="result" data-testid="search-result">
                  <div className="result-head">
                    <span className="result-rank">{index + 1}</span>
                    <Link href={href} className="result-title">
                      {hit.title}
                    </Link>
                    <span className="muted small">passage {hit.chunkIndex + 1}</span>
                    <span className="score" title="Similarity score (higher is closer)">
                      <span className="score-bar" aria-hidden="true">
                        <span style={{ width: `${Math.round(Math.max(0, Math.min(1, hit.score)) * 100)}%` }} />
                      </span>
                      {hit.score.toFixed(2)}
                    </span>
                  </div>
                  <p className="snippet">
                    {highlightParts(snippetAround(hit.text, result.query), result.query).map((part, partIndex) =>
                      part.match ? <mark key={partIndex}>{part.text}</mark> : <span key={partIndex}>{part.text}</span>,
                    )}
                  </p>
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
