'use client';
// Renders model answers as markdown, inert by construction: raw HTML is never parsed into
// elements (no rehype-raw), the tree is sanitized with GitHub's schema, links are limited to
// http(s)/mailto/in-app targets and images are never loaded: they become plain links.
import { memo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { isExternalHref, safeHref } from '../lib/safe-url';

const components: Components = {
  a({ href, children }) {
    const safe = safeHref(href);
    if (!safe) return <span className="md-unsafe-link">{children}</span>;
    if (!isExternalHref(safe)) return <a href={safe}>{children}</a>;
    return (
      <a href={safe} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    );
  },
  img({ src, alt }) {
    const safe = typeof src === 'string' ? safeHref(src) : undefined;
    const label = alt?.trim() ? `Image: ${alt.trim()}` : 'Image';
    if (!safe || !isExternalHref(safe)) return <span className="md-image">[{label}]</span>;
    return (
      <a className="md-image" href={safe} target="_blank" rel="noopener noreferrer nofollow" title="Remote images are not loaded automatically">
        [{label}]
      </a>
    );
  },
  table({ children }) {
    return (
      <div className="md-table">
        <table>{children}</table>
      </div>
    );
  },
};

export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={components} urlTransform={(url) => safeHref(url) ?? ''} skipHtml>
        {text}
      </ReactMarkdown>
    </div>
  );
});
