// @vitest-environment jsdom
// The sanitiser against the script-injection corpus (test/fixtures/xss-payloads.json), alone and inside Markdown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render';

interface Payload {
  id: string;
  category: string;
  payload: string;
}

const { payloads } = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/xss-payloads.json'), 'utf8')) as { payloads: Payload[] };

/** Elements that run, load or embed something, or change how the page resolves or submits. */
const DANGEROUS = 'script, iframe, frame, object, embed, applet, base, meta, link, form, style, svg, math, template, noscript, xmp, noembed, listing';

/** Everything in rendered HTML that could run script or reach another site, as readable strings. */
export function hazards(html: string): string[] {
  const root = document.createElement('div');
  root.innerHTML = html;
  const found: string[] = [];
  for (const el of root.querySelectorAll(DANGEROUS)) found.push(`<${el.tagName.toLowerCase()}>`);
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) ?? '';
      if (/^on/i.test(attr)) found.push(`${attr} on <${el.tagName.toLowerCase()}>`);
      if (/^(srcdoc|formaction|xlink:href|action|srcset|background|poster|ping)$/i.test(attr)) found.push(`${attr}= on <${el.tagName.toLowerCase()}>`);
      if (/^(href|src)$/i.test(attr)) {
        const url = value.replace(/[\u0000-\u0020]/g, '');
        // A value with no scheme is relative to the app (e.g. "%6Aavascript:…" is a path, not a scheme).
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
        const web = !scheme || scheme === 'http' || scheme === 'https' || scheme === 'mailto';
        // The note's own photos are shown from blob: URLs on <img>; nothing else may use another scheme.
        const photo = el.tagName === 'IMG' && attr === 'src' && /^blob:/i.test(url);
        if (!web && !photo) found.push(`${attr}="${value}" on <${el.tagName.toLowerCase()}>`);
      }
    }
  }
  return found;
}

describe('XSS corpus', () => {
  it('holds at least 100 distinct payloads across every kind', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(100);
    expect(new Set(payloads.map((p) => p.payload)).size).toBe(payloads.length);
    expect(new Set(payloads.map((p) => p.category))).toEqual(
      new Set(['script tag', 'event handler', 'javascript url', 'data url', 'svg', 'broken markup', 'markdown trick', 'entity encoded', 'mxss']),
    );
  });
});

describe('renderMarkdown against the XSS corpus', () => {
  const contexts: Array<[string, (p: string) => string]> = [
    ['alone', (p) => p],
    ['inside a paragraph', (p) => `Notes from the talk: ${p} and more.`],
    ['in a list item', (p) => `- first\n- ${p}\n- last`],
    ['as a link label and title', (p) => `[${p}](https://example.org "${p}")`],
    ['after a heading and a table', (p) => `# Day 1\n\n| a | b |\n|---|---|\n| x | y |\n\n${p}\n`],
  ];

  it.each(payloads.map((p) => [p.id, p.category, p.payload] as const))('%s (%s) leaves nothing that runs or reaches out', (_id, _cat, payload) => {
    for (const [where, wrap] of contexts) {
      const html = renderMarkdown(wrap(payload));
      expect(hazards(html), where).toEqual([]);
      // Mutation XSS: what the sanitiser returns must stay harmless when the browser parses it again.
      const root = document.createElement('div');
      root.innerHTML = html;
      expect(hazards(root.innerHTML), `${where}, parsed twice`).toEqual([]);
    }
  });

  it('keeps the harmless part of a note: a web link stays a working link, text stays text', () => {
    const root = document.createElement('div');
    root.innerHTML = renderMarkdown('See [the slides](https://example.org/s) <img src=x onerror=alert(1)> **bold**');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://example.org/s');
    expect(root.querySelector('strong')?.textContent).toBe('bold');
  });

  it('the check finds what it looks for (it would fail on unsanitised HTML)', () => {
    expect(hazards('<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><script>1</script><img src="data:image/png;base64,AA">')).toEqual([
      '<script>',
      'onerror on <img>',
      'href="javascript:alert(1)" on <a>',
      'src="data:image/png;base64,AA" on <img>',
    ]);
  });
});
