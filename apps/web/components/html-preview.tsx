'use client';
// An uploaded HTML file shown as what it says, inert: parsed (rehype-parse), cleaned with
// GitHub's sanitizer schema minus images (nothing is fetched), and rendered as React elements.
// No script, style, form, frame or event handler survives; links are limited like answers'.
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { useMemo } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import rehypeParse from 'rehype-parse';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { unified } from 'unified';
import { SafeLink } from './markdown';

const schema = { ...defaultSchema, tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'img') };
const processor = unified().use(rehypeParse).use(rehypeSanitize, schema);

export function HtmlPreview({ html }: { html: string }) {
  const rendered = useMemo(() => {
    const tree = processor.runSync(processor.parse(html));
    return toJsxRuntime(tree, { Fragment, jsx, jsxs, components: { a: ({ href, children }) => <SafeLink href={href}>{children}</SafeLink> } });
  }, [html]);
  return <div className="markdown preview-html">{rendered}</div>;
}
