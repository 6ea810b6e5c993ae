import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// LECTERN_BUILD tags a build (e.g. in the update test) without touching package.json.
const version = process.env.LECTERN_BUILD ? `${pkg.version}+${process.env.LECTERN_BUILD}` : pkg.version;

/**
 * The Content Security Policy, added to the built page only: the dev server injects inline styles.
 * connect-src allows https: because the user may fetch a schedule from the conference's site or sync with their own
 * WebDAV server, and plain http only on this computer (a WebDAV server on localhost); the app itself makes no request
 * the user did not ask for.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'lectern-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: { outDir: process.env.LECTERN_OUT_DIR ?? 'dist', target: 'es2022' },
  plugins: [
    preact(),
    contentSecurityPolicy(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'Lectern — conference notes',
        short_name: 'Lectern',
        description: 'Take notes during conference talks on your phone, offline, and publish them later as Markdown.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#1d4e89',
        background_color: '#f7f5f0',
        categories: ['productivity'],
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
        // The first install takes over the open page so it works offline at once; later versions still wait to be accepted.
        clientsClaim: true,
      },
    }),
  ],
});
