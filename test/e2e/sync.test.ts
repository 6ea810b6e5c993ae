// Sync end to end: the built app in Chromium talks cross-origin (CORS) to a real Apache + mod_dav server, from two
// separate browser profiles sharing one folder.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { freePort, startDavServer, type DavServer } from '../helpers/apache';
import { addTalk, createConference, noteText } from '../helpers/app';
import { axeViolations } from '../helpers/axe';
import { PHONE, waitForServiceWorker } from '../helpers/browser';
import { useBrowserAndServer } from '../helpers/e2e-env';
import { connect as connectTo, fillConnection, statusIs, syncNow as syncNowIn, type Connection } from '../helpers/sync-ui';

const env = useBrowserAndServer();
let dav: DavServer;

beforeAll(async () => {
  // The app's origin is the static server's: Apache allows exactly that origin, as a user's server would.
  dav = await startDavServer({ corsOrigin: env.server.url });
});
afterAll(async () => {
  await dav?.close();
});

/** Every request a profile sent to the WebDAV server, and whether the service worker had a hand in it. */
interface DavTraffic {
  requests: number;
  viaWorker: string[];
}

async function openProfile(traffic: DavTraffic): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext(PHONE);
  context.on('request', (r) => {
    if (!r.url().startsWith(dav.url)) return;
    traffic.requests++;
    if (r.serviceWorker()) traffic.viaWorker.push(`${r.method()} ${r.url()} (sent by the worker)`);
  });
  context.on('response', (r) => {
    if (r.url().startsWith(dav.url) && r.fromServiceWorker()) traffic.viaWorker.push(`${r.request().method()} ${r.url()} (answered by the worker)`);
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForServiceWorker(page);
  return { context, page };
}

const connection = (folder: string, over: Partial<Connection> = {}): Connection => ({
  serverUrl: `${dav.url}/`,
  folder,
  username: dav.user,
  password: dav.password,
  ...over,
});

/** Settings → Sync → Connect to this folder of the test server, and waits until the first run has finished. */
const connect = (page: Page, folder: string): Promise<void> => connectTo(page, env.server.url, connection(folder));

/** Replaces the open note's text, as typing would, and waits until it is stored. */
async function setNote(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: /^Note on / }).fill(text);
  await page.getByText('Saved on this device').waitFor();
}

/** Edits the open note and waits for the status line to go from waiting to synced: the edit is on the server. */
async function editAndSync(page: Page, text: string): Promise<void> {
  await setNote(page, text);
  await statusIs(page, /^\d+ changes? waiting$/);
  await statusIs(page, 'Synced');
}

const syncNow = (page: Page): Promise<void> => syncNowIn(page, env.server.url);

describe('Test connection', () => {
  it('tells an unreachable server, a wrong password and a missing folder apart, and creates the folder', async () => {
    const traffic: DavTraffic = { requests: 0, viaWorker: [] };
    const { context, page } = await openProfile(traffic);
    await page.goto(`${env.server.url}/settings`);
    const section = page.getByRole('region', { name: 'Sync', exact: true });
    const result = section.getByTestId('sync-check');
    const test = section.getByRole('button', { name: 'Test connection' });

    // Nothing listens on this port.
    await fillConnection(page, connection('lectern', { serverUrl: `http://127.0.0.1:${await freePort()}/` }));
    await test.click();
    await result.getByText('Cannot reach the server').waitFor();
    expect(await result.textContent()).toContain(env.server.url);

    await fillConnection(page, connection('lectern', { password: 'not-the-password' }));
    await test.click();
    await result.getByText('The server refused the login').waitFor();

    await fillConnection(page, connection('Notes/Lectern'));
    await test.click();
    await result.getByText('The folder does not exist').waitFor();
    expect(await dav.readRaw('Notes')).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await section.getByRole('button', { name: 'Create the folder “Notes/Lectern”' }).click();
    await result.getByText('Connection works').waitFor();
    expect(await result.textContent()).toContain('Folder “Notes/Lectern” created.');
    // The folder is on the server, and the probe file the check wrote is gone again.
    expect((await dav.accessLog()).some((l) => /"MKCOL \/Notes\/Lectern\/? HTTP/.test(l))).toBe(true);

    // Nothing was saved by testing: the form is still there, and nothing syncs.
    await page.reload();
    await page.getByRole('button', { name: 'Connect', exact: true }).waitFor();
    expect(await page.getByTestId('sync-status').count()).toBe(0);
    expect(traffic.requests).toBeGreaterThan(0);
    expect(traffic.viaWorker).toEqual([]);
    await context.close();
  });
});

describe('two devices sharing a folder', () => {
  const traffic: DavTraffic = { requests: 0, viaWorker: [] };
  let a: { context: BrowserContext; page: Page };
  let b: { context: BrowserContext; page: Page };
  let talkPath = '';
  const talkId = (): string => talkPath.split('/').pop() ?? '';

  beforeAll(async () => {
    a = await openProfile(traffic);
    b = await openProfile(traffic);
  });
  afterAll(async () => {
    await a?.context.close();
    await b?.context.close();
  });

  it('shows a note typed on the phone on the second device, with the status going from waiting to synced', async () => {
    await connect(a.page, 'shared');
    await a.page.goto(env.server.url);
    await createConference(a.page, { name: 'Sync Summit', startDate: '2026-03-10', endDate: '2026-03-11', timeZone: 'UTC' });
    await addTalk(a.page, { title: 'Offline first', day: 'Day 1', starts: '10:00' });
    talkPath = new URL(a.page.url()).pathname;
    // A few seconds after the last edit, sync runs by itself.
    await editAndSync(a.page, 'line one\nline two\nline three\n');
    expect(await a.page.getByTestId('sync-status').textContent()).toContain('Last synced');

    await connect(b.page, 'shared');
    await b.page.goto(env.server.url + talkPath);
    await b.page.getByRole('heading', { level: 1, name: 'Offline first' }).waitFor();
    expect(await noteText(b.page)).toBe('line one\nline two\nline three\n');
    expect(await axeViolations(b.page)).toEqual([]);
  });

  it('merges edits of different lines made on each device, on both', async () => {
    // The laptop has the note open, synced, before the phone changes it.
    await b.page.goto(env.server.url + talkPath);
    await statusIs(b.page, 'Synced');
    await a.page.goto(env.server.url + talkPath);
    await statusIs(a.page, 'Synced');
    await editAndSync(a.page, 'line one, edited on the phone\nline two\nline three\n');

    // Both changed since they last agreed: the laptop's run merges the two.
    expect(await noteText(b.page)).toBe('line one\nline two\nline three\n');
    await editAndSync(b.page, 'line one\nline two\nline three, edited on the laptop\n');
    const merged = 'line one, edited on the phone\nline two\nline three, edited on the laptop\n';
    await b.page.goto(env.server.url + talkPath);
    expect(await noteText(b.page)).toBe(merged);

    await syncNow(a.page);
    await a.page.goto(env.server.url + talkPath);
    expect(await noteText(a.page)).toBe(merged);
  });

  it('sends a run’s requests without a preflight each, as the server allows preflights to be kept for 600 s', async () => {
    await syncNow(a.page);
    const before = (await dav.accessLog()).length;
    await a.page.getByRole('button', { name: 'Sync now' }).click();
    // A run with nothing to do: the folder's identity and its three listings.
    await expect.poll(async () => (await dav.accessLog()).length - before, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    await a.page.getByRole('button', { name: 'Sync now', disabled: false }).waitFor();
    const run = (await dav.accessLog()).slice(before);
    expect(run.filter((l) => /"OPTIONS /.test(l))).toEqual([]);
    expect(run.filter((l) => /"(GET|PROPFIND) /.test(l)).length).toBeGreaterThanOrEqual(4);
  });

  it('says offline, keeps the change waiting, and syncs it when the network is back', async () => {
    await a.page.goto(env.server.url + talkPath);
    await statusIs(a.page, 'Synced');
    await a.context.setOffline(true);
    await statusIs(a.page, 'Offline');
    await setNote(a.page, 'line one, edited on the phone\nline two, typed on the plane\nline three, edited on the laptop\n');
    await statusIs(a.page, 'Offline · 1 change waiting');
    await a.context.setOffline(false);
    await statusIs(a.page, 'Synced');

    await syncNow(b.page);
    await b.page.goto(env.server.url + talkPath);
    expect(await noteText(b.page)).toContain('line two, typed on the plane');
  });

  it('keeps both texts when the same line changed on each, and resolving the conflict reaches both devices', async () => {
    await b.page.goto(env.server.url + talkPath);
    await statusIs(b.page, 'Synced');
    await a.page.goto(env.server.url + talkPath);
    await statusIs(a.page, 'Synced');
    await editAndSync(a.page, 'line one, edited on the phone\nline two: the phone’s version\nline three, edited on the laptop\n');

    await setNote(b.page, 'line one, edited on the phone\nline two: the laptop’s version\nline three, edited on the laptop\n');
    const conflicts = b.page.getByRole('link', { name: '1 conflict to look at' });
    await conflicts.waitFor({ timeout: 30_000 });
    await conflicts.click();
    await b.page.getByRole('heading', { level: 1, name: 'Conflicts' }).waitFor();
    expect(await axeViolations(b.page)).toEqual([]);
    await b.page.getByRole('list', { name: 'Conflict copies' }).getByRole('link', { name: /Offline first/ }).click();
    await b.page.getByRole('heading', { level: 1, name: 'Conflict: Offline first' }).waitFor();
    const both = `${await b.page.getByRole('region', { name: 'The note' }).textContent()}\n${await b.page.getByRole('region', { name: /^The copy from/ }).textContent()}`;
    expect(both).toContain('the phone’s version');
    expect(both).toContain('the laptop’s version');
    expect(await axeViolations(b.page)).toEqual([]);

    const resolved = 'line one, edited on the phone\nline two: both versions, merged by hand\nline three, edited on the laptop\n';
    await b.page.getByLabel('Merged text').fill(resolved);
    await b.page.getByRole('button', { name: 'Keep merged' }).click();
    await b.page.getByText(/No conflicts/).waitFor();
    await statusIs(b.page, 'Synced');
    await b.page.goto(env.server.url + talkPath);
    expect(await noteText(b.page)).toBe(resolved);

    await syncNow(a.page);
    await a.page.goto(env.server.url + talkPath);
    expect(await noteText(a.page)).toBe(resolved);
    await a.page.goto(`${env.server.url}/conflicts`);
    await a.page.getByText(/No conflicts/).waitFor();
    await statusIs(a.page, 'Synced');
  });

  it('asks before anything else when the folder was emptied on the server, and when it then holds another library', async () => {
    // Someone empties the folder on the server (by hand, a restore, a different disk).
    const folder = join(dav.root, 'shared');
    for (const entry of await readdir(folder)) await rm(join(folder, entry), { recursive: true, force: true });

    await syncNow(a.page);
    const emptied = a.page.getByRole('group', { name: 'The sync folder on the server is empty' });
    await emptied.waitFor();
    await statusIs(a.page, 'Sync stopped: needs your answer');
    expect(await axeViolations(a.page)).toEqual([]);
    // Nothing was deleted on the phone while it waited.
    expect(await dav.readRaw(`shared/talks/${talkId()}.md`)).toBeNull();
    await emptied.getByRole('button', { name: 'Upload everything here' }).click();
    await emptied.waitFor({ state: 'detached' });
    await statusIs(a.page, 'Synced');
    expect((await dav.readRaw(`shared/talks/${talkId()}.md`))?.toString()).toContain('both versions, merged by hand');

    // The laptop synced with the folder's old identity: the new one is another library to it.
    await syncNow(b.page);
    const other = b.page.getByRole('group', { name: 'This folder holds another set of notes' });
    await other.waitFor();
    await other.getByRole('button', { name: 'Merge into this folder' }).click();
    await other.waitFor({ state: 'detached' });
    await statusIs(b.page, 'Synced');
    await b.page.goto(env.server.url + talkPath);
    expect(await noteText(b.page)).toContain('both versions, merged by hand');
  });

  it('syncs in one tab at a time when two tabs of the same browser ask at once', async () => {
    const one = a.page;
    const two = await a.context.newPage();
    await one.goto(`${env.server.url}/settings`);
    await two.goto(`${env.server.url}/settings`);
    for (const p of [one, two]) await p.getByRole('button', { name: 'Sync now', disabled: false }).waitFor();

    // A slow server stretches each run over seconds, so two runs at once could not go unnoticed.
    await a.context.route(`${dav.url}/**`, async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    const spans = new Map<Page, { first: number; last: number; count: number }>();
    const seen = (r: import('playwright-core').Request, end: boolean): void => {
      const page = r.frame().page();
      if (!r.url().startsWith(dav.url) || (page !== one && page !== two)) return;
      const span = spans.get(page) ?? { first: Infinity, last: 0, count: 0 };
      if (end) span.last = Math.max(span.last, Date.now());
      else {
        span.first = Math.min(span.first, Date.now());
        span.count++;
      }
      spans.set(page, span);
    };
    const onRequest = (r: import('playwright-core').Request): void => seen(r, false);
    const onDone = (r: import('playwright-core').Request): void => seen(r, true);
    a.context.on('request', onRequest);
    a.context.on('requestfinished', onDone);
    a.context.on('requestfailed', onDone);
    try {
      // Both pressed in the same moment: Playwright's click waits for checks of its own, which would space them out.
      const buttons = [one, two].map((p) => p.getByRole('button', { name: 'Sync now' }));
      await Promise.all(buttons.map((b) => b.evaluate((el: HTMLElement) => el.click())));
      for (const p of [one, two]) await p.getByRole('button', { name: 'Sync now', disabled: false }).waitFor({ timeout: 60_000 });
    } finally {
      a.context.off('request', onRequest);
      a.context.off('requestfinished', onDone);
      a.context.off('requestfailed', onDone);
      await a.context.unroute(`${dav.url}/**`);
    }
    const [s1, s2] = [spans.get(one), spans.get(two)];
    expect(s1?.count).toBeGreaterThan(0);
    expect(s2?.count).toBeGreaterThan(0);
    // One tab's run ended before the other's began.
    const overlap = `one ${s1!.first}–${s1!.last} (${s1!.count}), two ${s2!.first}–${s2!.last} (${s2!.count})`;
    expect(s1!.last <= s2!.first || s2!.last <= s1!.first, overlap).toBe(true);
    await two.close();
  });

  it('passes the Settings sync section through axe, and never lets the service worker touch WebDAV requests', async () => {
    await a.page.goto(`${env.server.url}/settings`);
    await a.page.getByText('Syncing with the folder').waitFor();
    await a.page.getByRole('button', { name: 'Sync now', disabled: false }).waitFor();
    expect(await axeViolations(a.page)).toEqual([]);
    // Dark mode and the narrowest phone: still clean, and nothing wider than the screen.
    await a.page.emulateMedia({ colorScheme: 'dark' });
    await a.page.setViewportSize({ width: 320, height: 640 });
    expect(await axeViolations(a.page)).toEqual([]);
    expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await a.page.goto(`${env.server.url}/conflicts`);
    await a.page.getByRole('heading', { level: 1, name: 'Conflicts' }).waitFor();
    expect(await axeViolations(a.page)).toEqual([]);
    expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(traffic.requests).toBeGreaterThan(20);
    expect(traffic.viaWorker).toEqual([]);
  });
});
