/**
 * Sync figures: the built app in Chromium, driven through Settings → Sync as a person would, against a real Apache
 * httpd + mod_dav on loopback (the test server of test/webdav/), cross-origin with CORS as a user's own server is.
 * - Requests for one changed note: the device that changed it (the automatic run after the edit) and the device that
 *   receives it (Sync now), counted at `few` synced notes and again at `notes`, so "flat in the number of notes" is
 *   measured rather than assumed. Counted twice: the requests the app sent (Playwright sees each one) and the lines of
 *   Apache's access log, which also hold the browser's CORS preflights.
 * - First sync of `notes` notes into a fresh browser profile: Connect pressed → the status line says "Synced", beside
 *   a baseline of plain fetches of the same files from the same page, 4 in flight (the app's own limit).
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { connect, statusIs, type Connection } from '../../test/helpers/sync-ui';
import { makeDataSet } from '../data';
import type { Figure } from '../figures';
import { countFigure, notBuilt, timeFigure } from '../figures';
import { countStored, readTalk, storeRecords } from '../seed';
import { failOnErrors, install, phoneContext, sleep, type BenchPage } from '../session';

export interface SyncBenchOptions {
  notes: number;
  /** The smaller collection the one-change count is also taken at. */
  few: number;
  /** First syncs timed, each into a fresh profile. */
  reps: number;
}

export const SYNC_FULL: SyncBenchOptions = { notes: 1000, few: 100, reps: 3 };
export const SYNC_QUICK: SyncBenchOptions = { notes: 200, few: 50, reps: 1 };

const LONG = 600_000;

/** A browser profile with the app installed, counting the requests it sends to the WebDAV server. */
interface Device extends BenchPage {
  sent: number;
  inFlight: number;
}

async function openDevice(browser: Browser, appUrl: string, davUrl: string): Promise<Device> {
  const context = await phoneContext(browser);
  const counter = { sent: 0, inFlight: 0 };
  const ours = (url: string): boolean => url.startsWith(davUrl);
  context.on('request', (r) => {
    if (!ours(r.url())) return;
    counter.sent++;
    counter.inFlight++;
  });
  const settle = (r: { url(): string }): void => {
    if (ours(r.url())) counter.inFlight--;
  };
  context.on('requestfinished', settle);
  context.on('requestfailed', settle);
  const p = await install(context, `${appUrl}/`);
  return Object.defineProperties(p as Device, {
    sent: { get: () => counter.sent },
    inFlight: { get: () => counter.inFlight },
  });
}

// Chromium reports every 4xx answer as a console error. These are expected: the connection check makes two 412s
// on purpose (it tests that the server honours preconditions), a run may ask for a file that is not there yet, and
// creating a folder that another device created meanwhile is refused with 405.
const EXPECTED_STATUS = /^console\.error: Failed to load resource: the server responded with a status of (404|405|412) /;

/** The device with its expected HTTP errors left out, for failOnErrors. */
function expected(d: Device): BenchPage {
  return { ...d, errors: d.errors.filter((e) => !EXPECTED_STATUS.test(e)) };
}

/** Waits until the device has had no request to the server in flight for `ms` (a run the app started by itself ends). */
async function quiet(d: Device, ms = 1500): Promise<void> {
  let seen = -1;
  let since = Date.now();
  for (;;) {
    if (d.sent !== seen || d.inFlight > 0) {
      seen = d.sent;
      since = Date.now();
    } else if (Date.now() - since >= ms) return;
    await sleep(100);
  }
}

interface ChangeCount {
  upSent: number;
  upServed: number;
  downSent: number;
  downServed: number;
}

/** Opens Settings, which starts a run of the app's own, and waits until it has ended and Sync now can be pressed. */
async function settingsIdle(appUrl: string, d: Device): Promise<void> {
  await d.page.goto(`${appUrl}/settings`);
  await d.page.getByRole('button', { name: 'Sync now', disabled: false }).waitFor({ timeout: LONG });
  await quiet(d);
}

/**
 * One note edited on `a` (typed into its note, then the run the app starts a few seconds after an edit), then fetched
 * by `b` (Sync now, on a Settings screen opened before the edit): what each run sent, and what Apache answered.
 */
async function oneChange(appUrl: string, served: () => Promise<number>, a: Device, b: Device, talkId: string, text: string): Promise<ChangeCount> {
  await settingsIdle(appUrl, b);
  await a.page.goto(`${appUrl}/t/${talkId}`);
  const note = a.page.locator('textarea#note-body');
  await note.waitFor();
  // Opening the app starts a run of its own: let it end before counting.
  await statusIs(a.page, 'Synced', LONG);
  await quiet(a);
  let sent = a.sent;
  let log = await served();
  await note.fill(text);
  await a.page.getByText('Saved on this device').waitFor();
  await statusIs(a.page, /^\d+ changes? waiting$/);
  await statusIs(a.page, 'Synced', LONG);
  await quiet(a);
  const upSent = a.sent - sent;
  const upServed = (await served()) - log;

  sent = b.sent;
  log = await served();
  await b.page.getByRole('button', { name: 'Sync now' }).click();
  await b.page.getByRole('button', { name: 'Sync now', disabled: false }).waitFor({ timeout: LONG });
  await quiet(b);
  const downSent = b.sent - sent;
  const downServed = (await served()) - log;
  if ((await readTalk(b.page, talkId))?.body !== text) throw new Error('sync: the changed note did not reach the other device');
  return { upSent, upServed, downSent, downServed };
}

/** Every file in the synced folder, as paths relative to the folder. */
async function remoteFiles(root: string, folder: string): Promise<string[]> {
  const base = join(root, folder);
  const entries = await readdir(base, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(base, join(e.parentPath, e.name)).split('\\').join('/'));
}

/** Plain GETs of these files from the page, `parallel` at a time: what the transport alone costs. */
function fetchAll(page: Page, base: string, paths: string[], auth: string, parallel: number): Promise<{ ms: number; bytes: number }> {
  return page.evaluate(
    async ({ base, paths, auth, parallel }) => {
      let next = 0;
      let bytes = 0;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: parallel }, async () => {
          while (next < paths.length) {
            const path = paths[next++]!;
            const res = await fetch(`${base}/${path.split('/').map(encodeURIComponent).join('/')}`, { headers: { Authorization: auth }, cache: 'no-store' });
            if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
            bytes += (await res.arrayBuffer()).byteLength;
          }
        }),
      );
      return { ms: performance.now() - start, bytes };
    },
    { base, paths, auth, parallel },
  );
}

export async function measureSync(browser: Browser, appUrl: string, o: SyncBenchOptions, log: (msg: string) => void = () => undefined): Promise<Figure[]> {
  const { startDavServer } = await import('../../test/helpers/apache');
  let dav: Awaited<ReturnType<typeof startDavServer>>;
  try {
    dav = await startDavServer({ corsOrigin: appUrl });
  } catch (e) {
    const why = `Apache could not be started: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    return [notBuilt('sync-requests', `Sync requests, one change among ${o.notes.toLocaleString('en')} notes`, '≤ 8 requests', 'not measured yet', why)];
  }
  const devices: Device[] = [];
  try {
    const data = makeDataSet({ conferences: 10, talks: o.notes, noteChars: 2_000, keys: 10, seed: 20261123 });
    const folder = 'bench';
    const conn: Connection = { serverUrl: `${dav.url}/`, folder, username: dav.user, password: dav.password };
    const served = async (): Promise<number> => (await dav.accessLog()).length;
    const open = async (): Promise<Device> => {
      const d = await openDevice(browser, appUrl, dav.url);
      devices.push(d);
      return d;
    };

    log(`sync: two profiles, ${o.few} notes, then ${o.notes}`);
    const a = await open();
    await storeRecords(a.page, data.conferences, data.talks.slice(0, o.few));
    await connect(a.page, appUrl, conn, { timeout: LONG });
    const b = await open();
    await connect(b.page, appUrl, conn, { timeout: LONG });
    const atFew = await oneChange(appUrl, served, a, b, data.talks[0]!.id, 'A change made at the back of the room.\n');

    await storeRecords(a.page, [], data.talks.slice(o.few));
    let started = performance.now();
    await settingsIdle(appUrl, a);
    const uploadMs = performance.now() - started;
    const atAll = await oneChange(appUrl, served, a, b, data.talks[o.notes - 1]!.id, 'Another change, with every note synced.\n');
    log(`sync: one change at ${o.few} notes ${JSON.stringify(atFew)}, at ${o.notes} ${JSON.stringify(atAll)}`);

    const files = await remoteFiles(dav.root, folder);
    const auth = `Basic ${Buffer.from(`${dav.user}:${dav.password}`).toString('base64')}`;
    const first: number[] = [];
    const plain: number[] = [];
    const requests: number[] = [];
    let bytes = 0;
    for (let rep = 0; rep < o.reps; rep++) {
      const c = await open();
      const sent = c.sent;
      await connect(c.page, appUrl, conn, { timeout: LONG, onConnect: () => (started = performance.now()) });
      first.push(performance.now() - started);
      requests.push(c.sent - sent);
      const n = await countStored(c.page);
      if (n.talks !== o.notes || n.conferences !== data.conferences.length)
        throw new Error(`sync: the first sync brought ${n.conferences} conferences and ${n.talks} talks, expected ${data.conferences.length} and ${o.notes}`);
      await quiet(c);
      const raw = await fetchAll(c.page, `${dav.url}/${folder}`, files, auth, 4);
      plain.push(raw.ms);
      bytes = raw.bytes;
      log(`sync: first sync ${rep + 1}/${o.reps}: ${(first.at(-1)! / 1000).toFixed(2)} s, plain GETs ${(raw.ms / 1000).toFixed(2)} s`);
      failOnErrors(expected(c), 'first sync');
      await c.page.context().close();
      devices.pop();
    }
    for (const d of devices) failOnErrors(expected(d), 'sync');

    const where = `built app in Chromium ${browser.version()} (phone profile, 1× CPU), Apache 2.4 + mod_dav on 127.0.0.1, cross-origin`;
    const count = (c: ChangeCount): string =>
      `the device that changed the note sent ${c.upSent} (Apache answered ${c.upServed}, with preflights), the receiving device sent ${c.downSent} (Apache ${c.downServed})`;
    return [
      countFigure({
        id: 'sync-requests',
        label: `Sync requests, one change among ${o.notes.toLocaleString('en')} notes`,
        value: Math.max(atAll.upSent, atAll.downSent),
        unit: 'count',
        target: { text: '≤ 8 requests, flat', stat: 'value', limit: 8 },
        notes: [
          `at ${o.notes.toLocaleString('en')} notes: ${count(atAll)}; at ${o.few} notes: ${count(atFew)}; the edit typed into the note, its run started by the app; the other device's run by Sync now; ${where}`,
        ],
        extra: { atAll, atFew, few: o.few },
      }),
      timeFigure({
        id: 'sync-first',
        label: `First sync of ${o.notes.toLocaleString('en')} notes into a new profile (Connect → "Synced")`,
        samples: first,
        baseline: { label: 'plain GETs of the same files from the same page, 4 in flight', samples: plain },
        notes: [
          `${o.reps} run(s), each into a fresh profile; ${files.length} files, ${(bytes / 1024).toFixed(0)} KB; the app sent ${requests.join(', ')} requests; uploading the other ${(o.notes - o.few).toLocaleString('en')} notes from the first profile (the run the app starts when opened) took ${(uploadMs / 1000).toFixed(1)} s; ${where}`,
        ],
        extra: { uploadMs, requests, files: files.length, bytes },
      }),
    ];
  } finally {
    for (const d of devices) await d.page.context().close().catch(() => undefined);
    await dav.close();
  }
}
