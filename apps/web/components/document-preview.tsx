'use client';
// The original file of a document, as its author saw it: Markdown and HTML rendered (inert),
// plain text as text, PDF pages drawn by pdf.js. Word files have no preview; their passages
// (shown below on the document page) and the download are the way to read them.
import type { Document } from '@switchyard/client';
import { useEffect, useRef, useState } from 'react';
import { api } from '../lib/api';
import { describeError } from '../lib/describe-error';
import { HtmlPreview } from './html-preview';
import { Markdown } from './markdown';

/** The most PDF pages drawn at once; the rest come with "Show more pages". */
const PDF_PAGES_AT_ONCE = 10;

type Loaded = { kind: 'text' | 'markdown' | 'html'; text: string } | { kind: 'pdf'; bytes: Uint8Array } | { kind: 'image'; blob: Blob };

function kindOf(mime: string): 'text' | 'markdown' | 'html' | 'pdf' | 'image' | 'none' {
  if (mime === 'text/markdown') return 'markdown';
  if (mime === 'image/png' || mime === 'image/jpeg') return 'image';
  if (mime === 'text/html') return 'html';
  if (mime === 'application/pdf') return 'pdf';
  if (mime.startsWith('text/')) return 'text';
  return 'none';
}

export function DocumentPreview({ document }: { document: Pick<Document, 'id' | 'mime' | 'filename'> }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const previewable = kindOf(document.mime) !== 'none';

  useEffect(() => {
    const kind = kindOf(document.mime);
    if (kind === 'none') return;
    const controller = new AbortController();
    api
      .documentFile(document.id, controller.signal)
      .then(async (blob) => {
        if (kind === 'pdf') setLoaded({ kind, bytes: new Uint8Array(await blob.arrayBuffer()) });
        else if (kind === 'image') setLoaded({ kind, blob });
        else setLoaded({ kind, text: await blob.text() });
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(describeError(caught));
      });
    return () => controller.abort();
  }, [document.id, document.mime]);

  if (!previewable) return <p className="muted">There is no preview for this kind of file. Download it to open it, or read its passages below.</p>;
  if (error) {
    return (
      <p className="banner error" role="alert">
        {error}
      </p>
    );
  }
  if (!loaded) return <p className="muted">Loading the preview…</p>;
  switch (loaded.kind) {
    case 'markdown':
      return (
        <div className="preview" data-testid="document-preview" data-kind="markdown" tabIndex={0} role="region" aria-label="Preview of the original">
          <Markdown text={loaded.text} />
        </div>
      );
    case 'html':
      return (
        <div className="preview" data-testid="document-preview" data-kind="html" tabIndex={0} role="region" aria-label="Preview of the original">
          <HtmlPreview html={loaded.text} />
        </div>
      );
    case 'text':
      return (
        <div className="preview" data-testid="document-preview" data-kind="text" tabIndex={0} role="region" aria-label="Preview of the original">
          <pre className="preview-text">{loaded.text}</pre>
        </div>
      );
    case 'pdf':
      return <PdfPages bytes={loaded.bytes} />;
    case 'image':
      return <ImagePreview blob={loaded.blob} name={document.filename} />;
  }
}

/** A scan or photo, shown from its bytes (a blob: URL, nothing fetched from elsewhere). */
function ImagePreview({ blob, name }: { blob: Blob; name: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(blob);
    const frame = requestAnimationFrame(() => setUrl(objectUrl));
    return () => {
      cancelAnimationFrame(frame);
      URL.revokeObjectURL(objectUrl);
    };
  }, [blob]);
  return (
    <div className="preview" data-testid="document-preview" data-kind="image" tabIndex={0} role="region" aria-label="Preview of the original">
      {/* A local blob: next/image has nothing to optimise. */}
      {url ? <img src={url} alt={`The original image: ${name}`} className="preview-image" /> : null}
    </div>
  );
}

interface PdfPage {
  getViewport(options: { scale: number }): { width: number; height: number };
  render(options: { canvas: HTMLCanvasElement; canvasContext: CanvasRenderingContext2D; viewport: unknown }): { promise: Promise<void> };
}

function PdfPages({ bytes }: { bytes: Uint8Array }) {
  const [pages, setPages] = useState<PdfPage[] | null>(null);
  const [shown, setShown] = useState(PDF_PAGES_AT_ONCE);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | undefined;
    void (async () => {
      try {
        const pdfjs = await import('pdfjs-dist');
        // Registers pdf.js's parser on this thread (no separate worker file to serve).
        await import('pdfjs-dist/build/pdf.worker.min.mjs');
        // pdf.js takes the bytes over: give it a copy.
        const task = pdfjs.getDocument({ data: bytes.slice() });
        destroy = () => task.destroy();
        const pdf = await task.promise;
        const all = await Promise.all(Array.from({ length: pdf.numPages }, (_, index) => pdf.getPage(index + 1)));
        if (!cancelled) setPages(all as unknown as PdfPage[]);
      } catch (caught) {
        if (!cancelled) setError(`This PDF could not be drawn: ${describeError(caught)}`);
      }
    })();
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [bytes]);

  if (error) return <p className="banner error">{error}</p>;
  if (!pages) return <p className="muted">Drawing the pages…</p>;
  return (
    <div className="preview pdf-pages" data-testid="document-preview" data-kind="pdf" tabIndex={0} role="region" aria-label="Pages of the original">
      {pages.slice(0, shown).map((page, index) => (
        <PdfCanvas key={index} page={page} number={index + 1} total={pages.length} />
      ))}
      {pages.length > shown ? (
        <button type="button" className="button" onClick={() => setShown((count) => count + PDF_PAGES_AT_ONCE)}>
          Show more pages ({pages.length - shown} left)
        </button>
      ) : null}
    </div>
  );
}

function PdfCanvas({ page, number, total }: { page: PdfPage; number: number; total: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const width = Math.min(canvas.parentElement?.clientWidth ?? 800, 820);
    const unscaled = page.getViewport({ scale: 1 });
    const scale = (width / unscaled.width) * (window.devicePixelRatio || 1);
    const viewport = page.getViewport({ scale });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / (window.devicePixelRatio || 1))}px`;
    let cancelled = false;
    page.render({ canvas, canvasContext: context, viewport }).promise.then(
      () => !cancelled && setDrawn(true),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [page]);

  return (
    <figure className="pdf-page">
      <canvas ref={canvasRef} role="img" aria-label={`Page ${number} of ${total}`} data-testid="pdf-page" data-drawn={drawn} />
      <figcaption className="muted small">
        Page {number} of {total}
      </figcaption>
    </figure>
  );
}
