// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

function rendered(source: string, photos?: Map<string, string>): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = renderMarkdown(source, photos);
  return div;
}

describe('renderMarkdown: photos referenced as attachment:<sha256>', () => {
  const photos = new Map([[A, 'blob:http://127.0.0.1/1f1e-photo']]);

  it('shows a stored photo from its blob: URL, described by its caption', () => {
    const img = rendered(`![Slide 3: Q&A "plan"](attachment:${A})`, photos).querySelector('img');
    expect(img?.getAttribute('src')).toBe('blob:http://127.0.0.1/1f1e-photo');
    expect(img?.getAttribute('alt')).toBe('Slide 3: Q&A "plan"');
    expect(img?.className).toBe('photo');
  });

  it('says in words that a photo not stored here is missing, and requests nothing', () => {
    const el = rendered(`before\n\n![Slide 4](attachment:${B})`, photos);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.missing-photo')?.textContent).toBe('Missing photo: Slide 4');
  });

  it('says a photo is missing when no photos are given at all', () => {
    const el = rendered(`![](attachment:${A})`);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.missing-photo')?.textContent).toBe('Missing photo');
  });

  it('escapes a caption that looks like markup', () => {
    const el = rendered(`![<img src=x onerror=alert(1)>](attachment:${B})`);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.missing-photo')?.textContent).toBe('Missing photo: <img src=x onerror=alert(1)>');
  });

  it('leaves other images to the usual rules, and forgets the photos after the call', () => {
    expect(rendered('![web](https://example.org/a.png)', photos).querySelector('a')?.getAttribute('href')).toBe('https://example.org/a.png');
    renderMarkdown(`![x](attachment:${A})`, photos);
    expect(rendered(`![x](attachment:${A})`).querySelector('img')).toBeNull();
  });

  it('keeps a typed blob: image as before', () => {
    expect(rendered('![x](blob:http://127.0.0.1/typed)').querySelector('img')?.getAttribute('src')).toBe('blob:http://127.0.0.1/typed');
  });
});
