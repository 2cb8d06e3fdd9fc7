'use client';
import type { Document, DocumentPassage, Sensitivity } from '@switchyard/client';
import Link from 'next/link';
import { useEffect, useState, type FormEvent } from 'react';
import { DocumentPreview } from '../../../../components/document-preview';
import { DownloadIcon, PencilIcon } from '../../../../components/icons';
import { useSession } from '../../../../components/session';
import { ProgressBar, SensitivityPill, StatusPill } from '../../../../components/status';
import { api } from '../../../../lib/api';
import { describeDocumentError, describeError } from '../../../../lib/describe-error';
import { formatBytes, formatRelative } from '../../../../lib/format';
import { highlightParts } from '../../../../lib/highlight';
import { describeReasons } from '../../../../lib/label-reasons';
import { sensitivityLabels } from '../../../../lib/route-label';

/** The most passages the page shows; longer documents say how many more there are. */
const PASSAGE_PAGE = 500;
const LEVELS: Sensitivity[] = ['public', 'internal', 'confidential'];

/** One document: its facts, its label and why, and its passages with their own labels. */
export function DocumentDetail({ id, passageQuery }: { id: string; passageQuery: string | null }) {
  const [document, setDocument] = useState<Document | null>(null);
  const [passages, setPassages] = useState<{ list: DocumentPassage[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const [showOriginal, setShowOriginal] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const { document: found } = await api.getDocument(id);
        if (cancelled) return;
        setDocument(found);
        if (found.status !== 'ready') return;
        const page = await api.documentPassages(id, { limit: PASSAGE_PAGE });
        if (cancelled) return;
        setPassages({ list: page.passages, total: page.total });
        const match = /^#chunk-(\d+)$/.exec(window.location.hash);
        if (match) setTarget(Number(match[1]));
      } catch (caught) {
        if (!cancelled) setError(describeError(caught));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [id]);

  useEffect(() => {
    if (target === null) return;
    const element = window.document.getElementById(`chunk-${target}`);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [target, passages]);

  const onRelabelled = (updated: Document) => {
    setDocument(updated);
    // Each passage's label follows the new floor: read them again.
    if (updated.status === 'ready') {
      api.documentPassages(id, { limit: PASSAGE_PAGE }).then(
        (page) => setPassages({ list: page.passages, total: page.total }),
        (caught: unknown) => setError(describeError(caught)),
      );
    }
  };

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
              <TitleHeading document={document} onRenamed={setDocument} />
              <p className="muted">
                {document.filename} · {formatBytes(document.size)} · added {formatRelative(document.createdAt)}
              </p>
            </div>
            <div className="header-pills">
              <StatusPill status={document.status} />
              {document.status === 'ready' ? <SensitivityPill sensitivity={document.sensitivity} /> : null}
            </div>
          </header>
          <div className="document-actions">
            <a className="button" href={api.documentFileUrl(document.id, { download: true })} download={document.filename} data-testid="download-original">
              <DownloadIcon width={16} height={16} /> Download the original
            </a>
            <button type="button" className="button ghost" aria-expanded={showOriginal} aria-controls="original-preview" onClick={() => setShowOriginal((shown) => !shown)}>
              {showOriginal ? 'Hide the original' : 'Show the original'}
            </button>
          </div>
          {showOriginal ? (
            <section id="original-preview" aria-label="Original file">
              <h2 className="section-title">Original file</h2>
              <DocumentPreview document={document} />
            </section>
          ) : null}
          {document.status !== 'ready' && document.status !== 'failed' ? <ProgressBar value={document.progress} label="Processing" /> : null}
          {document.status === 'failed' ? <p className="banner error">{describeDocumentError(document.error)}</p> : null}
          {document.status === 'ready' || document.status === 'failed' ? <LabelSection document={document} onRelabelled={onRelabelled} /> : null}
          {document.status === 'ready' ? (
            <section aria-label="Passages">
              <h2 className="section-title">
                Passages <span className="muted small">({document.chunks} in total)</span>
              </h2>
              {passages === null ? <p className="muted">Loading passages…</p> : null}
              {passages?.list.length === 0 ? <p className="muted">No passages found.</p> : null}
              <ol className="passages">
                {passages?.list.map((passage) => (
                  <li key={passage.chunkIndex} id={`chunk-${passage.chunkIndex}`} tabIndex={-1} className={passage.chunkIndex === target ? 'passage target' : 'passage'} data-testid="passage">
                    <span className="passage-index">
                      Passage {passage.chunkIndex + 1} {passage.sensitivity !== 'public' ? <SensitivityPill sensitivity={passage.sensitivity} /> : null}
                    </span>
                    <p>
                      {passageQuery && passage.chunkIndex === target
                        ? highlightParts(passage.text, passageQuery).map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))
                        : passage.text}
                    </p>
                  </li>
                ))}
              </ol>
              {passages && passages.total > passages.list.length ? <p className="muted small">Showing the first {passages.list.length} of {passages.total} passages.</p> : null}
            </section>
          ) : null}
        </>
      ) : !error ? (
        <p className="muted">Loading…</p>
      ) : null}
    </div>
  );
}

/** The document's title, which its owner can change in place (only once it is indexed). */
function TitleHeading({ document, onRenamed }: { document: Document; onRenamed: (document: Document) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = document.title || document.filename;
  const editable = document.status === 'ready' || document.status === 'failed';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft === null || !draft.trim()) return;
    setSaving(true);
    setError(null);
    try {
      const result = await api.updateDocument(document.id, { title: draft.trim() });
      onRenamed(result.document);
      setDraft(null);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setSaving(false);
    }
  }

  if (draft === null) {
    return (
      <div className="title-row">
        <h1>{title}</h1>
        {editable ? (
          <button type="button" className="button ghost small" onClick={() => setDraft(title)} aria-label="Rename document">
            <PencilIcon width={14} height={14} /> Rename
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <>
      <h1 className="visually-hidden">{title}</h1>
      <form className="title-form" onSubmit={(event) => void onSubmit(event)}>
        <label htmlFor="document-title" className="visually-hidden">
          Title
        </label>
        <input id="document-title" value={draft} maxLength={300} autoFocus onChange={(event) => setDraft(event.target.value)} onKeyDown={(event) => event.key === 'Escape' && setDraft(null)} disabled={saving} />
        <button type="submit" className="button primary small" disabled={saving || !draft.trim()}>
          {saving ? 'Saving…' : 'Save title'}
        </button>
        <button type="button" className="button ghost small" onClick={() => setDraft(null)}>
          Cancel
        </button>
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** The label, why it is what it is, who set it, and the owner's control to change it. */
function LabelSection({ document, onRelabelled }: { document: Document; onRelabelled: (document: Document) => void }) {
  const { user } = useSession();
  const [choice, setChoice] = useState<Sensitivity>(document.declaredSensitivity ?? 'public');
  const [saving, setSaving] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const lines = describeReasons(document.labelReasons ?? [], document.chunks);
  const setBy = document.labelSetBy;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const result = await api.updateDocument(document.id, { sensitivity: choice });
      setNotes(result.notes);
      onRelabelled(result.document);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-label="Label" className="card" data-testid="document-label" id="label">
      <h2 className="section-title">
        Labelled {sensitivityLabels[document.sensitivity].toLowerCase()} <SensitivityPill sensitivity={document.sensitivity} />
      </h2>
      {lines.length === 0 ? (
        <p className="muted">{document.labelReasons ? 'Nothing sensitive was found in this document, and no label was declared.' : 'This document was indexed before labels were explained.'}</p>
      ) : (
        <>
          <p className="muted small">Why: each passage carries its own label, and the document is labelled by its most sensitive passage.</p>
          <ul className="label-reasons">
            {lines.map((line) => (
              <li key={line.text}>
                <SensitivityPill sensitivity={line.sensitivity} /> {line.text}
                {line.passages.length > 0 ? (
                  <>
                    {' '}
                    (passage{line.passages.length === 1 && line.more === 0 ? '' : 's'}{' '}
                    {line.passages.map((number, index) => (
                      <span key={number}>
                        {index > 0 ? ', ' : ''}
                        <a href={`#chunk-${number - 1}`}>{number}</a>
                      </span>
                    ))}
                    {line.more > 0 ? ` and ${line.more} more` : ''})
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {setBy ? (
        <p className="muted small" data-testid="label-set-by">
          Label set to {sensitivityLabels[document.declaredSensitivity ?? 'public'].toLowerCase()} by {setBy.userId === user.id ? 'you' : 'another user'}{' '}
          <time dateTime={setBy.at} title={new Date(setBy.at).toLocaleString()}>
            {formatRelative(setBy.at)}
          </time>
          .
        </p>
      ) : null}
      <form className="inline-form" onSubmit={(event) => void onSubmit(event)}>
        <label className="inline-field" htmlFor="document-label-select">
          Your label
          <select id="document-label-select" value={choice} onChange={(event) => setChoice(event.target.value as Sensitivity)} disabled={saving}>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {sensitivityLabels[level]}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save label'}
        </button>
      </form>
      <p className="muted small">The label you set applies to every passage as a minimum; passages whose content is more sensitive keep their higher label.</p>
      {notes.length > 0 ? (
        <div role="status" className="banner" data-testid="label-notes">
          {notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      ) : null}
      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
