/**
 * The baselines' bare static pages, written under <served dir>/__bench/ and cached by a minimal service worker of
 * the bench's own (scope /__bench/), so they are measured offline exactly as the app is.
 * index.html renders the same conference list the app shows (same markup, same data), from a script, with no framework
 * and no database; editor.html is a bare textarea that stores the whole record with one raw put on every input:
 * the reference for input latency and for what storing each keystroke costs without the app.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSet } from './data';

export const BASELINE_PATH = '/__bench/';

const SW = `// The bench's baseline service worker: precache its six files, answer from the cache first.
const CACHE = 'bench-baseline-v1';
const FILES = ['index.html', 'list.js', 'list.css', 'editor.html', 'editor.js', 'register.js'].map((f) => new URL(f, self.registration.scope).pathname);
self.addEventListener('install', (e) => e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting())));
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => {
  e.respondWith(caches.open(CACHE).then((c) => c.match(e.request, { ignoreSearch: true })).then((r) => r || fetch(e.request)));
});
`;

const page = (title: string, body: string): string => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="stylesheet" href="list.css" />
  </head>
  <body>
${body}
    <script src="register.js"></script>
  </body>
</html>
`;

const CSS = `body { font: 16px/1.4 system-ui, sans-serif; margin: 0; padding: 1rem; }
.card-list { list-style: none; padding: 0; margin: 0; }
.card { display: block; padding: 0.75rem; margin-bottom: 0.5rem; border: 1px solid #ccc; border-radius: 8px; color: inherit; text-decoration: none; }
.card__title { display: block; font-weight: 600; }
.card__meta { display: block; color: #555; }
textarea { display: block; box-sizing: border-box; width: 100%; min-height: 55vh; line-height: 1.5; font-family: ui-monospace, monospace; font-size: 16px; }
`;

// The minimal editor: on every input, one raw put of the whole record, durability strict, as the app's schema stores it.
// window.__benchStore(record) opens a database named like the app's (so the bench's probe sees its transactions).
const EDITOR = `const ta = document.getElementById('note-body');
let db = null;
let rec = null;
window.__benchStore = (record) =>
  new Promise((ok, ko) => {
    const req = indexedDB.open('lectern', 1);
    req.onupgradeneeded = () => {
      const s = req.result.createObjectStore('talks', { keyPath: 'id' });
      s.createIndex('conferenceId', 'conferenceId');
      s.createIndex('conferenceId+day', ['conferenceId', 'day']);
      s.createIndex('updated', 'updated');
      s.createIndex('deletedAt', 'deletedAt');
    };
    req.onsuccess = () => {
      db = req.result;
      rec = record;
      ok(true);
    };
    req.onerror = () => ko(req.error);
  });
ta.addEventListener('input', () => {
  if (!db) return;
  rec = { ...rec, body: ta.value, updated: new Date().toISOString(), localRev: rec.localRev + 1 };
  db.transaction('talks', 'readwrite', { durability: 'strict' }).objectStore('talks').put(rec);
});
`;

// Registration runs after the page has rendered and never delays it.
const REGISTER = `if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js', { scope: './' });\n`;

function listScript(data: DataSet): string {
  const counts = new Map<string, number>();
  for (const t of data.talks) if (t.deletedAt === null) counts.set(t.conferenceId, (counts.get(t.conferenceId) ?? 0) + 1);
  const rows = [...data.conferences]
    .sort((a, b) => b.startDate.localeCompare(a.startDate))
    .map((c) => [c.name, `${c.startDate} – ${c.endDate}${c.place ? ` · ${c.place}` : ''}`, counts.get(c.id) ?? 0]);
  return `// Renders the conference list from data baked into this file.
const ROWS = ${JSON.stringify(rows)};
const ul = document.createElement('ul');
ul.className = 'card-list';
ul.setAttribute('aria-label', 'Conferences');
for (const [name, when, n] of ROWS) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.className = 'card';
  a.href = '#';
  for (const [cls, text] of [['card__title', name], ['card__meta', when], ['card__meta', n === 1 ? '1 talk' : n + ' talks']]) {
    const span = document.createElement('span');
    span.className = cls;
    span.textContent = text;
    a.append(span);
  }
  li.append(a);
  ul.append(li);
}
document.getElementById('app').replaceChildren(ul);
`;
}

/** Writes the baseline pages into dist/__bench/; returns their directory. */
export function writeBaseline(dist: string, data: DataSet): string {
  const dir = join(dist, BASELINE_PATH);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sw.js'), SW);
  writeFileSync(join(dir, 'register.js'), REGISTER);
  writeFileSync(join(dir, 'list.css'), CSS);
  writeFileSync(join(dir, 'list.js'), listScript(data));
  writeFileSync(join(dir, 'editor.js'), EDITOR);
  writeFileSync(join(dir, 'index.html'), page('Baseline list', '    <h1>Conferences</h1>\n    <div id="app"><p>Opening…</p></div>\n    <script src="list.js"></script>'));
  writeFileSync(join(dir, 'editor.html'), page('Baseline editor', '    <label for="note-body">Note</label>\n    <textarea id="note-body" spellcheck="true" autocapitalize="sentences"></textarea>\n    <script src="editor.js"></script>'));
  return dir;
}
