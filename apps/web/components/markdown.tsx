'use client';
// Renders model answers as markdown, inert by construction: raw HTML is never parsed into
// elements (no rehype-raw), the tree is sanitized with GitHub's schema, links are limited to
// http(s)/mailto/in-app targets and images are never loaded: they become plain links. Citation
// markers ([1] linked to `#<anchor>-1`) show the cited passage when hovered or focused.
import { memo, useMemo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { isExternalHref, safeHref } from '../lib/safe-url';

export function SafeLink({ href, children }: { href?: string | undefined; children?: React.ReactNode }) {
  const safe = safeHref(href);
  if (!safe) return <span className="md-unsafe-link">{children}</span>;
  if (!isExternalHref(safe)) return <a href={safe}>{children}</a>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

const components: Components = {
  a: ({ href, children }) => <SafeLink href={href}>{children}</SafeLink>,
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

/** What a citation marker's preview shows. */
export interface CitationPreview {
  title: string;
  chunkIndex: number;
  quote: string;
}

/** A citation marker `[n]` with its passage, shown on hover and focus (and read as its description). */
function CitationMarker({ href, number, citation, children }: { href: string; number: number; citation: CitationPreview; children: React.ReactNode }) {
  const tipId = `${href.slice(1)}-preview`;
  return (
    <span className="cite-ref">
      <a href={href} aria-describedby={tipId} aria-label={`Source ${number}`}>
        {children}
      </a>
      <span className="cite-preview" role="tooltip" id={tipId} data-testid="citation-preview">
        <span className="cite-preview-title">
          {citation.title} · passage {citation.chunkIndex + 1}
        </span>
        <span className="cite-preview-quote">{citation.quote}</span>
      </span>
    </span>
  );
}

export const Markdown = memo(function Markdown({ text, citations, citationAnchor }: { text: string; citations?: readonly CitationPreview[]; citationAnchor?: string }) {
  const withCitations = useMemo<Components>(() => {
    if (!citations || citations.length === 0 || !citationAnchor) return components;
    const prefix = `#${citationAnchor}-`;
    return {
      ...components,
      a(props) {
        const number = props.href?.startsWith(prefix) ? Number(props.href.slice(prefix.length)) : NaN;
        const citation = citations[number - 1];
        if (!citation || !props.href) return <SafeLink href={props.href}>{props.children}</SafeLink>;
        return (
          <CitationMarker href={props.href} number={number} citation={citation}>
            {props.children}
          </CitationMarker>
        );
      },
    };
  }, [citations, citationAnchor]);
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={withCitations} urlTransform={(url) => safeHref(url) ?? ''} skipHtml>
        {text}
      </ReactMarkdown>
    </div>
  );
});
