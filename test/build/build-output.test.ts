// What the production build ships: an installable manifest, a strict CSP, a complete precache, a small first screen.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/build';

const dist = DIST;
const read = (p: string): string => readFileSync(join(dist, p), 'utf8');

function pngSize(p: string): [number, number] {
  const b = readFileSync(join(dist, p));
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Bytes the browser fetches before the first screen can show: the page's scripts and styles, and what they load at start. */
export function firstScreenFiles(): string[] {
  const html = read('index.html');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  // The service worker registration pulls in workbox-window at start, so it counts too.
  files.push(...readdirSync(join(dist, 'assets')).filter((f) => f.startsWith('workbox-window')).map((f) => `assets/${f}`));
  return files;
}

describe('the built app', () => {
  it('has a Web App Manifest that makes it installable', () => {
    const m = JSON.parse(read('manifest.webmanifest')) as Record<string, unknown> & { icons: Array<{ src: string; sizes: string; purpose?: string }> };
    expect(m).toMatchObject({ name: expect.stringContaining('Lectern'), short_name: 'Lectern', start_url: '/', display: 'standalone' });
    expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    const bySize = (size: string, purpose?: string) => m.icons.find((i) => i.sizes === size && i.purpose === purpose);
    for (const [size, purpose] of [['192x192'], ['512x512'], ['512x512', 'maskable']] as Array<[string, string?]>) {
      const icon = bySize(size, purpose);
      expect(icon, `${size} ${purpose ?? ''} icon`).toBeDefined();
      expect(pngSize(icon!.src.slice(1)).join('x')).toBe(size);
    }
    expect(read('index.html')).toContain('<link rel="manifest" href="/manifest.webmanifest">');
  });

  it('serves a strict Content Security Policy and no inline script', () => {
    const html = read('index.html');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    // A wildcard only as the port of a server on this computer: never a wildcard host.
    expect(csp.replace(/http:\/\/(?:localhost|127\.0\.0\.1):\*/g, '')).not.toContain('*');
    // Only fetches may go to other sites (a schedule URL, the user's sync server); code, styles and images never do.
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    for (const [name, values] of Object.entries(directives))
      if (name !== 'connect-src') expect(values.join(' '), name).not.toMatch(/https?:/);
    // Plain http only to this computer, for a WebDAV server run locally; anything remote must be https.
    expect(directives['connect-src']).toEqual(["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*']);
    // Exactly these, so no 'unsafe-hashes', 'strict-dynamic', data: or blob: slips into what may run or frame the app.
    for (const name of ['default-src', 'script-src', 'worker-src', 'style-src']) expect(directives[name], name).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'self'"]);
    expect(csp).not.toMatch(/'unsafe-|'strict-dynamic'/);
    // blob: and data: only for images (the note's photos, the app's icons).
    for (const [name, values] of Object.entries(directives)) if (name !== 'img-src') expect(values.join(' '), name).not.toMatch(/\b(blob|data):/);
    expect(html.match(/<script\b[^>]*>/g)?.every((tag) => / src="\/assets\//.test(tag))).toBe(true);
    expect(html).not.toMatch(/<script\b[^>]*>[^<\s]/);
    // No third-party origin anywhere in what ships.
    for (const f of walk(dist).filter((p) => /\.(html|css|webmanifest)$/.test(p)))
      expect(readFileSync(f, 'utf8'), relative(dist, f)).not.toMatch(/(?:src|href)=["']?https?:/);
  });

  it('precaches every built asset, lazy chunks included, and falls back to the shell for navigations', () => {
    const sw = read('sw.js');
    const assets = walk(dist)
      .map((p) => relative(dist, p))
      .filter((p) => /\.(js|css|html|png|svg|webmanifest)$/.test(p) && p !== 'sw.js' && !p.startsWith('workbox-'));
    expect(assets.length).toBeGreaterThan(10);
    for (const a of assets) expect(sw, a).toContain(`"${a}"`);
    // Written both ways: workbox's production build minifies the namespace ("e.") and the quotes.
    expect(sw).toMatch(/NavigationRoute\(\w+\.createHandlerBoundToURL\("\/index\.html"\)\)/);
    // Updates are offered, never forced: skipWaiting runs only inside the handler of the page's SKIP_WAITING message.
    const calls = sw.match(/skipWaiting\(\)/g) ?? [];
    expect(calls).toHaveLength(1);
    expect(sw).toMatch(/["']SKIP_WAITING["'][^;{}]{0,40}(?:\)\s*\{\s*)?self\.skipWaiting\(\)/);
  });

  it('keeps the first screen under 60 KB of gzipped JavaScript and CSS', () => {
    const files = firstScreenFiles();
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
    const total = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
    expect(total).toBeLessThanOrEqual(60 * 1024);
    // The Markdown renderer is only for the read view.
    const eager = files.map((f) => read(f)).join('\n');
    expect(eager).not.toContain('DOMPurify');
  });
});
