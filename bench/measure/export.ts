/**
 * Export figures, each in a fresh phone context of its own database:
 * - A 40-talk day as Markdown: the day's Export screen is opened and its front-matter choice switched back and forth;
 *   each switch runs the export again. Timed in the page by the screen's User Timing measure around the export itself
 *   (the app's lazy chunk, no rendering), and from the click until the new preview is in the document.
 * - A 500-talk, 200-photo conference zip: "Download .zip" on the conference's Export screen, with a PerformanceObserver
 *   for 'longtask' from the click until the download arrives; the longest task is the figure.
 * Records are written straight into the app's IndexedDB (as bench/seed.ts does); photos are random bytes made in the page.
 */
import { statSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Attachment, Conference, Talk } from '../../src/model/types';
import { zonedToIso } from '../../src/model/time';
import { timeFigure, type Figure } from '../figures';
import { fosdemEvents, notesCorpus } from '../fixtures';
import { rng, type Rng } from '../random';
import { waitForAppDatabase } from '../seed';
import { failOnErrors, install, openPage, phoneContext, sleep } from '../session';

/** The screen's User Timing measure (src/ui/screens/export.tsx, EXPORT_MEASURE). */
const EXPORT_MEASURE = 'lectern:export';

export interface ExportBenchOptions {
  /** CPU slowdown (1 = this machine). */
  rate: number;
  /** Exports of the day (each one a switch of the front-matter choice). */
  dayReps: number;
  dayTalks: number;
  /** Zips built, one after another in the same page. */
  zipReps: number;
  zipTalks: number;
  zipPhotos: number;
  /** Average bytes per photo (a 2048-px JPEG is a few hundred KB). */
  photoBytes: number;
}

export const EXPORT_FULL: ExportBenchOptions = { rate: 1, dayReps: 60, dayTalks: 40, zipReps: 3, zipTalks: 500, zipPhotos: 200, photoBytes: 400_000 };
export const EXPORT_QUICK: ExportBenchOptions = { rate: 1, dayReps: 10, dayTalks: 40, zipReps: 1, zipTalks: 500, zipPhotos: 200, photoBytes: 400_000 };

interface PhotoSpec {
  sha256: string;
  size: number;
}

interface ExportData {
  conference: Conference;
  talks: Talk[];
  photos: PhotoSpec[];
  /** The day with the most talks. */
  day: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function cut(r: Rng, corpus: string, length: number): string {
  let start = r.int(0, Math.max(0, corpus.length - length - 1));
  const nl = corpus.indexOf('\n', start);
  if (nl >= 0 && nl < start + 200) start = nl + 1;
  return corpus.slice(start, start + length);
}

const hex64 = (r: Rng): string => Array.from({ length: 64 }, () => r.int(0, 15).toString(16)).join('');

/**
 * A conference of `talks` talks over `days` days, every talk with a note (the user wrote in each: what an export is
 * for), 1–4 KB cut from real notes posts, with `photos` photos spread over the talks, shown in their notes.
 */
export function makeData(seed: number, o: { talks: number; days: number; photos: number; photoBytes: number }): ExportData {
  const r = rng(seed);
  const events = fosdemEvents();
  const corpus = notesCorpus();
  const startDate = '2026-01-31';
  const days = Array.from({ length: o.days }, (_, i) => new Date(Date.parse(`${startDate}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
  const id = r.uuid();
  const conference: Conference = {
    id,
    created: '2026-01-20T10:00:00.000Z',
    updated: '2026-01-20T10:00:00.000Z',
    localRev: 1,
    deletedAt: null,
    name: `FOSDEM 2026 (${o.talks} talks)`,
    place: 'Brussels',
    timeZone: 'Europe/Brussels',
    startDate,
    endDate: days[days.length - 1]!,
    url: 'https://fosdem.org/2026/',
    body: cut(r, corpus, 600),
  };
  const photos: PhotoSpec[] = Array.from({ length: o.photos }, () => ({ sha256: hex64(r), size: Math.round(o.photoBytes * (0.5 + r.next())) }));
  const talks: Talk[] = [];
  for (let i = 0; i < o.talks; i++) {
    const e = r.pick(events);
    const day = days[i % o.days]!;
    const minute = 9 * 60 + (Math.floor(i / o.days) % 108) * 5;
    const start = `${pad(Math.floor(minute / 60) % 24)}:${pad(minute % 60)}`;
    const endM = minute + 25;
    const end = `${pad(Math.floor(endM / 60) % 24)}:${pad(endM % 60)}`;
    const attachments: Attachment[] = [];
    let body = cut(r, corpus, r.int(1000, 4000));
    for (let k = i; k < photos.length; k += o.talks) {
      const p = photos[k]!;
      attachments.push({ sha256: p.sha256, name: `IMG_${1000 + k}.jpg`, type: 'image/jpeg', size: p.size, caption: '' });
      body += `\n\n![Slide ${k + 1}](attachment:${p.sha256})\n`;
    }
    talks.push({
      id: r.uuid(),
      created: `${day}T08:00:00.000Z`,
      updated: `${day}T${start}:30.000Z`,
      localRev: r.int(2, 300),
      deletedAt: null,
      conferenceId: id,
      kind: 'talk',
      title: e.title,
      speakers: e.persons.slice(0, 3).map((name) => ({ name, affiliation: r.chance(0.3) ? 'Red Hat' : '' })),
      starts: zonedToIso(day, start, conference.timeZone),
      ends: zonedToIso(day, end, conference.timeZone),
      day,
      room: e.room,
      track: e.track,
      links: e.links.slice(0, 2),
      abstract: e.abstract,
      body,
      tags: r.chance(0.2) ? [r.pick(['rust', 'sync', 'crdt', 'security'])] : [],
      starred: r.chance(0.1),
      attachments,
    });
  }
  return { conference, talks, photos, day: days[0]! };
}

/** Writes the conference, its talks and its photos (random bytes of the given sizes, made in the page) into 'lectern'. */
export async function store(page: Page, data: ExportData): Promise<void> {
  await waitForAppDatabase(page);
  await page.evaluate(
    async ({ conference, talks, photos }) => {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const req = indexedDB.open('lectern');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => ko(req.error);
      });
      const put = (store: string, rows: unknown[]): Promise<void> =>
        new Promise((ok, ko) => {
          const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
          for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = () => ok();
          tx.onabort = () => ko(tx.error ?? new Error(`writing ${store} aborted`));
        });
      const random = (n: number): Uint8Array<ArrayBuffer> => {
        const b = new Uint8Array(n);
        for (let at = 0; at < n; at += 65_536) crypto.getRandomValues(b.subarray(at, Math.min(n, at + 65_536)));
        // A JPEG's first bytes, so the photo is what it says it is.
        b.set([0xff, 0xd8, 0xff, 0xe0]);
        return b;
      };
      try {
        await put('conferences', [conference]);
        await put('talks', talks);
        for (let i = 0; i < photos.length; i += 20)
          await put(
            'blobs',
            photos.slice(i, i + 20).map((p) => ({ sha256: p.sha256, type: 'image/jpeg', size: p.size, blob: new Blob([random(p.size)], { type: 'image/jpeg' }) })),
          );
      } finally {
        db.close();
      }
    },
    { conference: data.conference, talks: data.talks, photos: data.photos },
  );
}

/** A phone context with the app installed and `data` stored; the installing page stays open (it holds no export). */
export async function contextWith(browser: Browser, url: string, data: ExportData): Promise<BrowserContext> {
  const context = await phoneContext(browser);
  const installed = await install(context, `${url}/`);
  await store(installed.page, data);
  await installed.page.close();
  return context;
}

export interface DayResult {
  /** The export function alone (User Timing measure), ms. */
  build: number[];
  /** Click on a front-matter choice → the new preview in the document, ms. */
  toDom: number[];
  chars: number;
}

async function measureDay(context: BrowserContext, url: string, data: ExportData, o: ExportBenchOptions): Promise<DayResult> {
  const p = await openPage(context, o.rate);
  await p.page.goto(`${url}/c/${data.conference.id}/day/${data.day}/export`);
  await p.page.locator('.export__preview').waitFor();
  const out: DayResult = { build: [], toDom: [], chars: 0 };
  // Two warm-up switches (the first runs of the code are not yet optimised), then the samples.
  for (let i = -2; i < o.dayReps; i++) {
    const flavour = ['hugo', 'none', 'jekyll'][(i + 2) % 3]!;
    const s = await p.page.evaluate(
      async ({ flavour, name }) => {
        const radio = document.querySelector<HTMLInputElement>(`input[name="flavour"][value="${flavour}"]`);
        const pre = document.querySelector('.export__preview');
        if (!radio || !pre) throw new Error('The Export screen has no front-matter choice or preview');
        performance.clearMeasures(name);
        const changed = new Promise<number>((ok, ko) => {
          const mo = new MutationObserver(() => {
            mo.disconnect();
            ok(performance.now());
          });
          mo.observe(pre, { characterData: true, childList: true, subtree: true });
          setTimeout(() => ko(new Error(`The preview did not change for ${flavour}`)), 10_000);
        });
        const t0 = performance.now();
        radio.click();
        const dom = await changed;
        const m = performance.getEntriesByName(name, 'measure');
        if (m.length !== 1) throw new Error(`Expected one '${name}' measure per export, found ${m.length}`);
        return { build: m[0]!.duration, toDom: dom - t0, chars: pre.textContent?.length ?? 0 };
      },
      { flavour, name: EXPORT_MEASURE },
    );
    if (i >= 0) {
      out.build.push(s.build);
      out.toDom.push(s.toDom);
      out.chars = Math.max(out.chars, s.chars);
    }
    await sleep(20);
  }
  const heading = await p.page.getByRole('heading', { level: 1 }).textContent();
  if (!heading?.includes('Day 1')) throw new Error(`The day's Export screen shows “${heading}”`);
  failOnErrors(p, 'export a day');
  await p.page.close();
  return out;
}

export interface ZipResult {
  /** Per zip: the longest main-thread task from the click until the download, ms. */
  longest: number[];
  /** Per zip: click → download started, ms. */
  total: number[];
  /** Per zip: how many tasks over 50 ms. */
  longTasks: number[];
  bytes: number;
  /** Opening the Export screen (which runs the export for its preview): its longest task, ms. */
  openLongest: number;
}

async function measureZip(context: BrowserContext, url: string, data: ExportData, o: ExportBenchOptions): Promise<ZipResult> {
  const p = await openPage(context, o.rate);
  await p.page.addInitScript(() => {
    const w = window as unknown as { __longtasks: Array<{ start: number; duration: number }> };
    w.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  type Tasks = Array<{ start: number; duration: number }>;
  const tasks = (): Promise<Tasks> => p.page.evaluate(() => (window as unknown as { __longtasks: Tasks }).__longtasks);
  await p.page.goto(`${url}/c/${data.conference.id}/export`);
  const button = p.page.getByRole('button', { name: 'Download .zip' });
  await button.waitFor();
  await sleep(500);
  const openLongest = Math.max(0, ...(await tasks()).map((t) => t.duration));
  const out: ZipResult = { longest: [], total: [], longTasks: [], bytes: 0, openLongest };
  for (let i = 0; i < o.zipReps; i++) {
    const t0 = await p.page.evaluate(() => performance.now());
    const [download] = await Promise.all([p.page.waitForEvent('download', { timeout: 300_000 }), button.click()]);
    const t1 = await p.page.evaluate(() => performance.now());
    await p.page.getByText(/^Downloaded .*\.zip\./).waitFor();
    // Tasks that ended after the download started still belong to the zip (the object URL, the status).
    await sleep(300);
    const during = (await tasks()).filter((t) => t.start + t.duration >= t0);
    out.longest.push(Math.max(0, ...during.map((t) => t.duration)));
    out.longTasks.push(during.length);
    out.total.push(t1 - t0);
    out.bytes = statSync((await download.path())!).size;
    await download.delete();
    await sleep(1_000);
  }
  failOnErrors(p, 'export a conference zip');
  await p.page.close();
  return out;
}

/** Both export figures; each part has its own context and database, closed afterwards. */
export async function measureExport(browser: Browser, url: string, o: ExportBenchOptions = EXPORT_FULL): Promise<Figure[]> {
  const dayData = makeData(20260131, { talks: o.dayTalks, days: 1, photos: 6, photoBytes: 50_000 });
  const dayCtx = await contextWith(browser, url, dayData);
  let day: DayResult;
  try {
    day = await measureDay(dayCtx, url, dayData, o);
  } finally {
    await dayCtx.close();
  }
  const zipData = makeData(20260201, { talks: o.zipTalks, days: 3, photos: o.zipPhotos, photoBytes: o.photoBytes });
  const zipCtx = await contextWith(browser, url, zipData);
  let zip: ZipResult;
  try {
    zip = await measureZip(zipCtx, url, zipData, o);
  } finally {
    await zipCtx.close();
  }
  const notes = `${dayData.talks.length} talks with 1–4 KB notes cut from the fixtures' notes posts, ${(day.chars / 1024).toFixed(0)} KB of Markdown`;
  const photoMb = zipData.photos.reduce((n, ph) => n + ph.size, 0) / 1024 / 1024;
  return [
    timeFigure({
      id: `export-day-${o.rate}x`,
      label: `Export a ${o.dayTalks}-talk day as Markdown (${o.rate}× CPU)`,
      samples: day.build,
      target: { text: '≤ 50 ms (p95)', stat: 'p95', limit: 50 },
      notes: [
        `${notes}; the export function in the app's lazy chunk (User Timing around it on the day's Export screen), ${day.build.length} exports switching the front-matter choice`,
      ],
      extra: { clickToPreviewMs: day.toDom, markdownChars: day.chars },
    }),
    timeFigure({
      id: `export-day-preview-${o.rate}x`,
      label: `  the same, click → preview in the document (${o.rate}× CPU)`,
      samples: day.toDom,
      notes: ['export plus rendering the new preview (a MutationObserver on it), before layout and paint'],
    }),
    timeFigure({
      id: `export-zip-longest-task-${o.rate}x`,
      label: `Conference zip, ${o.zipTalks} talks and ${o.zipPhotos} photos: longest main-thread task (${o.rate}× CPU)`,
      samples: zip.longest,
      target: { text: '≤ 100 ms (max)', stat: 'p95', limit: 100 },
      notes: [
        `'longtask' entries (reported from 50 ms up: 0 means no task reached 50 ms) from the click on Download .zip until the download, ${zip.longest.length} zips; ${photoMb.toFixed(0)} MB of photos, zip ${(zip.bytes / 1024 / 1024).toFixed(1)} MB, click → download ${zip.total.map((t) => `${(t / 1000).toFixed(1)} s`).join(', ')}; tasks over 50 ms per zip: ${zip.longTasks.join(', ')}; opening the Export screen (the export for its preview): longest task ${zip.openLongest.toFixed(0)} ms`,
      ],
      extra: { clickToDownloadMs: zip.total, longTasks: zip.longTasks, zipBytes: zip.bytes, openScreenLongestTaskMs: zip.openLongest },
    }),
  ];
}
