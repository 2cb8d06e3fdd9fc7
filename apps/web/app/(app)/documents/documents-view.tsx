'use client';
import type { Document, Sensitivity } from '@switchyard/client';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { UploadIcon } from '../../../components/icons';
import { ProgressBar, SensitivityPill, StatusPill } from '../../../components/status';
import { api } from '../../../lib/api';
import { describeDocumentError, describeError } from '../../../lib/describe-error';
import { formatBytes, formatRelative } from '../../../lib/format';
import { resultsOfError, uploadLines, type UploadLine } from '../../../lib/upload-results';

// What the worker reads (the API checks the bytes, whatever the name says).
const accepted = [
  '.txt,.md,.markdown,.html,.htm,.pdf,.docx,.pptx,.xlsx,.csv,.tsv,.png,.jpg,.jpeg,.tif,.tiff',
  'text/plain,text/markdown,text/html,text/csv,text/tab-separated-values,application/pdf,image/png,image/jpeg,image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

function isActive(document: Document): boolean {
  return document.status === 'queued' || document.status === 'processing';
}

export function DocumentsView() {
  const [documents, setDocuments] = useState<Document[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadOutcome, setUploadOutcome] = useState<UploadLine[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const [uploadSensitivity, setUploadSensitivity] = useState<Sensitivity | ''>('');
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const subscriptions = useRef(new Map<string, AbortController>());
  const fileInput = useRef<HTMLInputElement>(null);

  const merge = useCallback((id: string, patch: Partial<Document>) => {
    setDocuments((current) => current?.map((document) => (document.id === id ? { ...document, ...patch } : document)) ?? current);
  }, []);

  const follow = useCallback(
    (document: Document) => {
      if (subscriptions.current.has(document.id)) return;
      const controller = new AbortController();
      subscriptions.current.set(document.id, controller);
      void (async () => {
        try {
          for await (const event of api.documentEvents(document.id, controller.signal)) {
            merge(document.id, { status: event.status, progress: event.progress, chunks: event.chunks, sensitivity: event.sensitivity, error: event.error });
            if (event.status === 'ready' || event.status === 'failed') break;
          }
          if (controller.signal.aborted) return;
          const { document: latest } = await api.getDocument(document.id);
          merge(document.id, latest);
        } catch (caught) {
          if (!controller.signal.aborted) setError(describeError(caught));
        } finally {
          subscriptions.current.delete(document.id);
        }
      })();
    },
    [merge],
  );

  useEffect(() => {
    const active = subscriptions.current;
    api
      .listDocuments()
      .then(({ documents: list }) => {
        setDocuments(list);
        list.filter(isActive).forEach(follow);
      })
      .catch((caught: unknown) => setError(describeError(caught)));
    return () => {
      for (const controller of active.values()) controller.abort();
      active.clear();
    };
  }, [follow]);

  async function upload(files: File[]) {
    if (files.length === 0) return;
    setUploading(true);
    setError(null);
    setUploadOutcome(null);
    try {
      const { documents: created, results } = await api.uploadFiles(
        files.map((file) => ({ name: file.name, data: file })),
        uploadSensitivity ? { sensitivity: uploadSensitivity } : {},
      );
      setDocuments((current) => [...created, ...(current ?? []).filter((existing) => !created.some((document) => document.id === existing.id))]);
      created.filter(isActive).forEach(follow);
      // Each file's fate is worth a line when one was refused, or when several went up at once.
      if (results.some((result) => result.status === 'rejected') || results.length > 1) setUploadOutcome(uploadLines(results));
    } catch (caught) {
      const results = resultsOfError(caught);
      if (results) setUploadOutcome(uploadLines(results));
      else setError(describeError(caught));
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  async function remove(id: string) {
    setConfirmDelete(null);
    subscriptions.current.get(id)?.abort();
    try {
      await api.deleteDocument(id);
      setDocuments((current) => current?.filter((document) => document.id !== id) ?? current);
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    void upload([...event.dataTransfer.files]);
  }

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Documents</h1>
          <p className="muted">Upload files to search them and chat over them. Sensitive content is detected and kept local.</p>
        </div>
      </header>

      <div
        className={dragging ? 'dropzone dragging' : 'dropzone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <UploadIcon width={28} height={28} />
        <p>
          <strong>Drop files here</strong> or{' '}
          <label className="link-button">
            choose files
            <input
              ref={fileInput}
              className="visually-hidden"
              type="file"
              multiple
              accept={accepted}
              aria-label="Choose files to upload"
              onChange={(event) => void upload([...(event.target.files ?? [])])}
            />
          </label>
        </p>
        <p className="muted small">PDF, Word, PowerPoint, Excel, CSV, HTML, Markdown, plain text, or scans and photos of text (PNG, JPEG, TIFF).</p>
        <label className="inline-field">
          <span>Sensitivity</span>
          <select value={uploadSensitivity} onChange={(event) => setUploadSensitivity(event.target.value as Sensitivity | '')}>
            <option value="">Detect automatically</option>
            <option value="public">Public</option>
            <option value="internal">Internal</option>
            <option value="confidential">Confidential</option>
          </select>
        </label>
        {uploading ? <p className="muted small" role="status">Uploading…</p> : null}
      </div>

      {error ? (
        <p className="banner error" role="alert">
          {error}
        </p>
      ) : null}
      <div role="status" aria-live="polite">
        {uploadOutcome ? (
          <div className={uploadOutcome.some((line) => !line.accepted) ? 'banner error' : 'banner'} data-testid="upload-results">
            <p>
              {uploadOutcome.filter((line) => line.accepted).length} of {uploadOutcome.length} file{uploadOutcome.length === 1 ? '' : 's'} uploaded.
            </p>
            <ul className="upload-results">
              {uploadOutcome.map((line, index) => (
                <li key={`${line.filename}-${index}`} data-testid="upload-result" data-accepted={line.accepted}>
                  <span className={line.accepted ? 'upload-result-ok' : 'upload-result-failed'} aria-hidden="true">
                    {line.accepted ? '✓' : '✕'}
                  </span>
                  <span>
                    <span className="upload-result-name">{line.filename}</span> {line.text}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      <section aria-label="Your documents" className="card flush">
        {documents === null ? <p className="muted pad">Loading…</p> : null}
        {documents?.length === 0 ? <p className="muted pad">No documents yet. Upload one to get started.</p> : null}
        {documents && documents.length > 0 ? (
          <ul className="document-list">
            {documents.map((document) => (
              <li key={document.id} className="document-row" data-testid="document-row" data-document-id={document.id}>
                <div className="document-main">
                  <Link href={`/documents/${encodeURIComponent(document.id)}`} className="document-title">
                    {document.title || document.filename}
                  </Link>
                  <span className="muted small">
                    {document.filename} · {formatBytes(document.size)} · {formatRelative(document.createdAt)}
                  </span>
                  {document.status === 'failed' ? <span className="document-error">{describeDocumentError(document.error)}</span> : null}
                </div>
                <div className="document-progress">
                  <StatusPill status={document.status} />
                  <ProgressBar value={document.status === 'ready' ? 100 : document.progress} label={`Processing ${document.title}`} />
                </div>
                <span className="document-chunks small muted" data-testid="document-chunks">
                  {document.status === 'ready' ? `${document.chunks} ${document.chunks === 1 ? 'passage' : 'passages'}` : '–'}
                </span>
                {/* The label is known once every passage was read; until then it would only be a guess. */}
                {document.status === 'ready' ? (
                  <Link href={`/documents/${encodeURIComponent(document.id)}#label`} className="pill-link" aria-label={`${document.title}: labelled ${document.sensitivity}, see why`}>
                    <SensitivityPill sensitivity={document.sensitivity} />
                  </Link>
                ) : (
                  <span className="pill" data-testid="label-pending">
                    {document.status === 'failed' ? 'No label' : 'Labelling…'}
                  </span>
                )}
                {confirmDelete === document.id ? (
                  <span className="row-actions">
                    <button type="button" className="button danger small" onClick={() => void remove(document.id)}>
                      Delete
                    </button>
                    <button type="button" className="button ghost small" onClick={() => setConfirmDelete(null)}>
                      Cancel
                    </button>
                  </span>
                ) : (
                  <span className="row-actions">
                    <button type="button" className="button ghost small" aria-label={`Delete ${document.title}`} onClick={() => setConfirmDelete(document.id)}>
                      Delete
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
