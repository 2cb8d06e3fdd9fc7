import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';

const render = (text: string) => renderToStaticMarkup(<Markdown text={text} />);

describe('Markdown', () => {
  it('renders formatting, lists, tables and code blocks', () => {
    const html = render('**bold** and `code`\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<pre><code class="language-ts">const x = 1;\n<\/code><\/pre>/);
  });

  it('never turns raw HTML into elements', () => {
    const html = render('Hello <img src=x onerror="alert(1)"> <script>alert(2)</script> <iframe src="https://evil.example"></iframe>');
    expect(html).not.toMatch(/<img|<script|<iframe|onerror/i);
  });

  it('drops javascript: and data: links but keeps their text', () => {
    const html = render('[click me](javascript:alert(1)) [data](data:text/html,hi) [ok](https://example.com)');
    expect(html).not.toMatch(/javascript:|data:text/i);
    expect(html).toContain('click me');
    expect(html).toContain('href="https://example.com/"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('shows remote images as links instead of loading them', () => {
    const html = render('![tracking pixel](http://evil.example/x.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('[Image: tracking pixel]');
    expect(html).toContain('href="http://evil.example/x.png"');
  });
});

describe('Markdown citation markers', () => {
  it('shows the cited passage as the description of its marker', () => {
    const html = renderToStaticMarkup(
      <Markdown
        text="Launch day is set [\[1\]](#cite-m1-1); see also [\[2\]](#cite-m1-2)."
        citationAnchor="cite-m1"
        citations={[{ title: 'Zephyr handbook', chunkIndex: 2, quote: 'The Zephyr project launches on 14 March 2031.' }]}
      />,
    );
    expect(html).toContain('aria-describedby="cite-m1-1-preview"');
    expect(html).toMatch(/role="tooltip" id="cite-m1-1-preview"[^>]*><span class="cite-preview-title">Zephyr handbook · passage 3<\/span><span class="cite-preview-quote">The Zephyr project launches on 14 March 2031.<\/span>/);
    // A marker with no citation behind it stays a plain link.
    expect(html).toContain('href="#cite-m1-2"');
    expect(html).not.toContain('cite-m1-2-preview');
  });
});
