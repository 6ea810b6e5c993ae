/** Figure 1: bytes of the first screen (gzipped) and of the whole precache. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { countFigure, type Figure } from '../figures';

/**
 * The page's own scripts and styles plus workbox-window, which the service worker registration loads at start:
 * the same method as firstScreenFiles() in test/build/build-output.test.ts.
 */
export function firstScreenFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  files.push(...readdirSync(join(dist, 'assets')).filter((f) => f.startsWith('workbox-window')).map((f) => `assets/${f}`));
  return [...new Set(files)];
}

/** The URLs in sw.js's precache manifest (workbox precacheAndRoute([{url, revision}, …])). */
export function precacheUrls(dist: string): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/\{\s*"?url"?\s*:\s*"([^"]+)"\s*,\s*"?revision"?/g)].map((m) => m[1]!);
  if (urls.length === 0) throw new Error('No precache manifest found in sw.js');
  return urls;
}

export function measureSizes(dist: string): Figure[] {
  const files = firstScreenFiles(dist);
  if (!files.some((f) => f.endsWith('.js')) || !files.some((f) => f.endsWith('.css'))) throw new Error(`First screen files look wrong: ${files.join(', ')}`);
  const gz = files.map((f) => ({ file: f, raw: statSync(join(dist, f)).size, gzip: gzipSync(readFileSync(join(dist, f)), { level: 9 }).length }));
  const firstScreen = gz.reduce((n, f) => n + f.gzip, 0);
  const urls = precacheUrls(dist);
  const entries = urls.map((u) => ({ url: u, bytes: statSync(join(dist, u)).size }));
  const precache = entries.reduce((n, e) => n + e.bytes, 0);
  const precacheGzip = urls.reduce((n, u) => n + gzipSync(readFileSync(join(dist, u)), { level: 9 }).length, 0);
  return [
    countFigure({
      id: 'first-screen-bytes',
      label: 'First screen JS+CSS, gzipped',
      value: firstScreen,
      unit: 'bytes',
      target: { text: '≤ 60 KB', stat: 'value', limit: 60 * 1024 },
      notes: [`${files.length} files: ${files.join(', ')} (gzip -9)`],
      extra: { files: gz },
    }),
    countFigure({
      id: 'precache-bytes',
      label: 'Precache, total as stored',
      value: precache,
      unit: 'bytes',
      notes: [`${entries.length} entries in sw.js's precache manifest, uncompressed; ${(precacheGzip / 1024).toFixed(1)} KB gzipped`],
      extra: { entries, gzipBytes: precacheGzip },
    }),
  ];
}
