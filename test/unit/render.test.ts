// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render';

/** The rendered HTML as a DOM fragment, to assert on elements rather than on markup text. */
function rendered(source: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = renderMarkdown(source);
  return div;
}

describe('renderMarkdown: CommonMark and GFM', () => {
  it.each([
    ['# Title', 'h1', 'Title'],
    ['## Section', 'h2', 'Section'],
    ['**bold**', 'strong', 'bold'],
    ['*slanted*', 'em', 'slanted'],
    ['`code()`', 'code', 'code()'],
    ['```\nlet x = 1;\n```', 'pre code', 'let x = 1;\n'],
    ['- one\n- two', 'ul > li:nth-child(2)', 'two'],
    ['1. first\n2. second', 'ol > li:first-child', 'first'],
    ['> quoted', 'blockquote p', 'quoted'],
    ['~~gone~~', 'del', 'gone'],
    ['| a | b |\n|---|---|\n| 1 | 2 |', 'table tbody td:last-child', '2'],
    ['- [x] done\n- [ ] todo', 'ul > li:first-child', ' done'],
  ])('renders %j as <%s>', (source, selector, text) => {
    const el = rendered(source).querySelector(selector);
    expect(el).not.toBeNull();
    expect(el!.textContent).toBe(text);
  });

  it('autolinks a bare web address (GFM)', () => {
    const a = rendered('see https://fosdem.org/2026 now').querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://fosdem.org/2026');
  });

  it('shows task lists as disabled checkboxes, ticked where the note ticks them', () => {
    const boxes = [...rendered('- [x] done\n- [ ] todo').querySelectorAll('input')];
    expect(boxes.map((b) => [b.type, b.checked, b.disabled])).toEqual([
      ['checkbox', true, true],
      ['checkbox', false, true],
    ]);
  });

  it('keeps the plain attributes GFM uses: list start and table alignment', () => {
    expect(rendered('3. third\n4. fourth').querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(rendered('| a |\n|--:|\n| 1 |').querySelector('td')?.getAttribute('align')).toBe('right');
  });

  it('drops data: images', () => {
    const img = rendered('<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="x">').querySelector('img');
    expect(img?.hasAttribute('src')).toBe(false);
  });

  it('keeps an image with an empty alt when none is given', () => {
    const img = rendered('<img src="https://example.org/a.png">').querySelector('img');
    expect(img?.getAttribute('alt')).toBe('');
  });
});

describe('renderMarkdown: sanitising', () => {
  it.each([
    ['a script element', 'Hi <script>alert(1)</script>', 'script'],
    ['a style element', '<style>body{display:none}</style>text', 'style'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', 'iframe'],
    ['an object', '<object data="https://evil.example/x.swf"></object>', 'object'],
    ['a form', '<form action="https://evil.example"><input name="p"><button>Go</button></form>', 'form, input, button'],
    ['a text input outside a form', '<input type="text" value="x" autofocus onfocus="alert(1)">', 'input'],
    ['a checkbox dressed up', '<input type="checkbox" onclick="alert(1)" formaction="https://evil.example">', 'input[onclick], input[formaction], input:not([disabled])'],
    ['an svg with onload', '<svg onload="alert(1)"><circle r="1"/></svg>', 'svg'],
  ])('removes %s', (_, source, selector) => {
    const html = renderMarkdown(source);
    expect(rendered(source).querySelector(selector)).toBeNull();
    expect(html).not.toMatch(/alert\(1\)|evil\.example|display:none/);
  });

  it.each([
    ['onerror on an image', '<img src="x" onerror="alert(1)">'],
    ['onclick on a link', '<a href="https://example.org" onclick="alert(1)">x</a>'],
    ['onmouseover on a span', '<span onmouseover="alert(1)">x</span>'],
    ['a style attribute', '<p style="position:fixed;top:0">x</p>'],
  ])('strips %s', (_, source) => {
    const all = [...rendered(source).querySelectorAll('*')];
    expect(all.length).toBeGreaterThan(0);
    for (const el of all) expect(el.getAttributeNames().filter((n) => n.startsWith('on') || n === 'style')).toEqual([]);
  });

  it.each([
    ['a Markdown javascript: link', '[click](javascript:alert(1))'],
    ['an HTML javascript: link', '<a href="javascript:alert(1)">click</a>'],
    ['an encoded javascript: link', '<a href="jav&#x09;ascript:alert(1)">click</a>'],
    ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a vbscript: link', '<a href="vbscript:msgbox(1)">click</a>'],
  ])('drops the address of %s', (_, source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/javascript|data:|vbscript/i);
    for (const a of rendered(source).querySelectorAll('a')) expect(a.hasAttribute('href')).toBe(false);
  });

  it('keeps the source of an image on this device (blob:)', () => {
    expect(rendered('![photo](blob:https://lectern.example/1234)').querySelector('img')?.getAttribute('src')).toBe('blob:https://lectern.example/1234');
  });

  it.each([
    ['a Markdown image', '![chart](https://example.org/chart.png)', 'Image: chart'],
    ['a Markdown image with no description', '![](//example.org/chart.png)', 'Image'],
  ])('shows %s from another site as a link to it, never loading it', (_, source, text) => {
    const el = rendered(source);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('a')?.textContent).toBe(text);
    expect(el.querySelector('a')?.getAttribute('href')).toBe(/^\/\//.test(source.slice(4)) ? '//example.org/chart.png' : 'https://example.org/chart.png');
  });

  it('does not load an <img> typed as HTML from another site', () => {
    expect(rendered('<img src="https://evil.example/pixel.gif" alt="x">').querySelector('img')?.hasAttribute('src')).toBe(false);
  });

  it('drops <template> and srcset, which could carry markup or an image source past the checks', () => {
    const el = rendered('<template><img src=x onerror=alert(1)></template><img srcset="data:image/svg+xml,<svg/> 1x" src="https://example.org/a.png">');
    expect(el.querySelector('template')).toBeNull();
    expect(el.querySelector('img')?.hasAttribute('srcset')).toBe(false);
  });

  it('drops a javascript: image source', () => {
    const img = rendered('<img src="javascript:alert(1)" alt="x">').querySelector('img');
    expect(img?.hasAttribute('src')).toBe(false);
  });

  it.each([
    ['a Markdown link', '[Slides](https://example.org/s.pdf)', 'https://example.org/s.pdf'],
    ['an HTML link', '<a href="http://example.org">x</a>', 'http://example.org'],
    ['an autolink', '<https://fosdem.org>', 'https://fosdem.org'],
    ['a mail link', '[mail](mailto:ada@example.org)', 'mailto:ada@example.org'],
  ])('opens %s in a new tab without an opener or referrer', (_, source, href) => {
    const a = rendered(source).querySelector('a');
    expect(a?.getAttribute('href')).toBe(href);
    expect(a?.getAttribute('target')).toBe('_blank');
    expect(a?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('replaces a target or rel written in the note', () => {
    const a = rendered('<a href="https://example.org" target="_self" rel="opener">x</a>').querySelector('a');
    expect(a?.getAttribute('target')).toBe('_blank');
    expect(a?.getAttribute('rel')).toBe('noopener noreferrer');
  });
});
