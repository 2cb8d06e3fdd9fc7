// Which link targets rendered answers may carry. Anything else (javascript:, data:, vbscript:,
// file:, protocol-relative //host) is dropped.

const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);

export function safeHref(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const url = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (url === '') return undefined;
  if (url.startsWith('#')) return url;
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // relative paths without a leading slash are not produced by our answers
  }
  return allowedProtocols.has(parsed.protocol.toLowerCase()) ? parsed.href : undefined;
}

/** True when the link leaves this app (opened in a new tab, without referrer). */
export function isExternalHref(href: string): boolean {
  return !href.startsWith('#') && !href.startsWith('/');
}

/** Turns the `[n]` citation markers of an answer into links to the n-th citation. */
export function linkCitationMarkers(markdown: string, citationCount: number, anchorPrefix: string): string {
  if (citationCount === 0) return markdown;
  return markdown.replace(/\[(\d{1,3})\](?![([:])/g, (marker, digits: string) => {
    const n = Number(digits);
    return n >= 1 && n <= citationCount ? `[\\[${n}\\]](#${anchorPrefix}-${n})` : marker;
  });
}
