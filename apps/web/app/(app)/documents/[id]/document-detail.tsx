'use client';
import type { Document, SearchHit } from '@switchyard/client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { ProgressBar, SensitivityPill, StatusPill } from '../../../../components/status';
import { api } from '../../../../lib/api';
import { describeDocumentError, describeError } from '../../../../lib/describe-error';
import { formatBytes, formatRelative } from '../../../../lib/format';

/** One document: its facts and its passages (found through search, limited to this document). */
export function DocumentDetail({ id, passageQuery }: { id: string; passageQuery: string | null }) {
  const [document, setDocument] = useState<Document | null>(null);
  const [passages, setPassages] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<number | null>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const { document: found } = await api.getDocument(id);
        if (cancelled) return;
        setDocument(found);
        if (found.status !== 'ready') return;
        const queries = [passageQuery, found.title].filter((query): query is string => Boolean(query?.trim()));
        const results = await Promise.all(queries.map((query) => api.search({ query, documentIds: [id], limit: 50 })));
        const byIndex = new Map<number, SearchHit>();
        for (const result of results) for (const hit of result.hits) if (!byIndex.has(hit.chunkIndex)) byIndex.set(hit.chunkIndex, hit);
        if (cancelled) return;
        setPassages([...byIndex.values()].sort((a, b) => a.chunkIndex - b.chunkIndex));
        const match = /^#chunk-(\d+)$/.exec(window.location.hash);
        if (match) setTarget(Number(match[1]));
      } catch (caught) {
        if (!cancelled) setError(describeError(caught));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [id, passageQuery]);

  useEffect(() => {
    if (target === null) return;
    const element = window.document.getElementById(`chunk-${target}`);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [target, passages]);

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/documents">Documents</Link> <span aria-hidden="true">/</span> <span>{document?.title ?? '…'}</span>
      </nav>
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
      {document ? (
        <>
          <header className="page-header">
            <div>
              <h1>{document.title || document.filename}</h1>
              <p className="muted">
                {document.filename} · {formatBytes(document.size)} · added {formatRelative(document.createdAt)}
              </p>
            </div>
            <div className="header-pills">
              <StatusPill status={document.status} />
              <SensitivityPill sensitivity={document.sensitivity} />
            </div>
          </header>
          {document.status !== 'ready' && document.status !== 'failed' ? <ProgressBar value={document.progress} label="Processing" /> : null}
          {document.status === 'failed' ? <p className="banner error">{describeDocumentError(document.error)}</p> : null}
          {document.status === 'ready' ? (
            <section aria-label="Passages">
              <h2 className="section-title">
                Passages <span className="muted small">({document.chunks} in total)</span>
              </h2>
              {passages === null ? <p className="muted">Loading passages…</p> : null}
              {passages?.length === 0 ? <p className="muted">No passages found.</p> : null}
              <ol className="passages">
                {passages?.map((passage) => (
                  <li key={passage.chunkIndex} id={`chunk-${passage.chunkIndex}`} tabIndex={-1} className={passage.chunkIndex === target ? 'passage target' : 'passage'}>
                    <span className="passage-index">Passage {passage.chunkIndex + 1}</span>
                    <p>{passage.text}</p>
                  </li>
                ))}
              </ol>
              {passages && passages.length < document.chunks ? (
                <p className="muted small">Showing the {passages.length} passages most related to this document’s title{passageQuery ? ' and the cited quote' : ''}.</p>
              ) : null}
            </section>
          ) : null}
        </>
      ) : !error ? (
        <p className="muted">Loading…</p>
      ) : null}
    </div>
  );
}
