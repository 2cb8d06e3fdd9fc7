import { describe, expect, it } from 'vitest';
import { isExternalHref, linkCitationMarkers, safeHref } from './safe-url';

describe('safeHref', () => {
  it('keeps web, mail and in-app links', () => {
    expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeHref('http://example.com')).toBe('http://example.com/');
    expect(safeHref('mailto:team@example.com')).toBe('mailto:team@example.com');
    expect(safeHref('/documents/abc#chunk-2')).toBe('/documents/abc#chunk-2');
    expect(safeHref('#cite-1')).toBe('#cite-1');
  });

  it('drops script, data and disguised schemes', () => {
    for (const href of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\u0000script:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd']) {
      expect(safeHref(href), href).toBeUndefined();
    }
  });

  it('drops protocol-relative links that would leave the site', () => {
    expect(safeHref('//evil.example/x')).toBeUndefined();
    expect(safeHref('/\\evil.example/x')).toBeUndefined();
    expect(safeHref('')).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
  });

  it('tells in-app links from external ones', () => {
    expect(isExternalHref('/chat')).toBe(false);
    expect(isExternalHref('#x')).toBe(false);
    expect(isExternalHref('https://example.com/')).toBe(true);
  });
});

describe('linkCitationMarkers', () => {
  it('links [n] markers that have a citation', () => {
    expect(linkCitationMarkers('Paris is the capital [1]. Lyon too [2].', 2, 'cite-m1')).toBe(
      'Paris is the capital [\\[1\\]](#cite-m1-1). Lyon too [\\[2\\]](#cite-m1-2).',
    );
  });

  it('leaves unknown numbers, links and footnote definitions alone', () => {
    expect(linkCitationMarkers('see [3] and [1](https://x.test) and [2]: def', 2, 'c')).toBe('see [3] and [1](https://x.test) and [2]: def');
    expect(linkCitationMarkers('no citations [1]', 0, 'c')).toBe('no citations [1]');
  });
});
