import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HtmlPreview } from './html-preview';

describe('HtmlPreview', () => {
  it('shows the text and structure of an HTML file', () => {
    const html = renderToStaticMarkup(<HtmlPreview html="<html><head><title>Menu</title></head><body><h1>Café menu</h1><ul><li>Soup</li></ul><p><a href='https://example.com/x'>more</a></p></body></html>" />);
    expect(html).toContain('<h1>Café menu</h1>');
    expect(html).toContain('<li>Soup</li>');
    expect(html).toContain('href="https://example.com/x"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('runs nothing and loads nothing', () => {
    const html = renderToStaticMarkup(
      <HtmlPreview html={`<p onclick="alert(1)">Hi</p><script>alert(2)</script><img src="http://evil.example/x.png" onerror="alert(3)"><iframe src="https://evil.example"></iframe><style>body{display:none}</style><a href="javascript:alert(4)">x</a><form action="https://evil.example"><input name="q"></form>`} />,
    );
    expect(html).toContain('Hi');
    expect(html).not.toMatch(/<script|<img|<iframe|<style|<form|onclick|onerror|javascript:|evil\.example/i);
  });
});
