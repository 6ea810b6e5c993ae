// Script injection through sync: a folder on a real WebDAV server holds notes whose every field carries a payload
// of test/fixtures/xss-payloads.json (written there by another device, as a shared or tampered folder would be).
// The built app in Chromium syncs them down and shows them: nothing may run, no request may leave for anywhere but
// the app and the sync server the user chose, and the DOM must hold no handler or script URL.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDavServer, type DavServer } from '../helpers/apache';
import { useBrowserAndServer } from '../helpers/e2e-env';
import { expectClean, openWatchedApp } from '../helpers/hostile-page';
import { configFor, Device, freshFolder } from '../helpers/sync-device';
import '../helpers/sync-setup';

const env = useBrowserAndServer();
const { payloads } = JSON.parse(readFileSync(new URL('../fixtures/xss-payloads.json', import.meta.url), 'utf8')) as {
  payloads: Array<{ id: string; category: string; payload: string }>;
};
const DAY = '2026-05-14';

let dav: DavServer;
let device: Device | undefined;

beforeAll(async () => {
  dav = await startDavServer({ corsOrigin: env.server.url });
});
afterAll(async () => {
  await device?.close();
  await dav?.close();
});

it(`runs none of ${payloads.length} payloads arriving in synced files`, async () => {
  expect(payloads.length).toBeGreaterThanOrEqual(100);
  // Another device fills the folder: a conference named by a payload, and a talk per payload with it in every field.
  const folder = freshFolder('hostile');
  device = new Device('Tampered', configFor(dav, folder));
  const conf = await device.addConference('Synced Injection <img src=x onerror=alert(1)>', '<script>alert(1)</script>');
  for (const [i, p] of payloads.entries()) {
    await device.addTalk(conf.id, `${p.id} ${p.payload}`, `synccanary ${p.id}\n\n${p.payload}\n\n[link ${p.id}](${p.payload})\n`, {
      speakers: [{ name: p.payload, affiliation: p.payload }],
      starts: new Date(Date.parse(`${DAY}T08:00:00Z`) + i * 60_000).toISOString(),
      day: DAY,
      room: p.payload,
      track: p.payload,
      tags: [p.payload],
      links: [{ label: p.payload, url: p.payload }],
    });
  }
  const pushed = await device.sync();
  expect(pushed.uploaded).toBeGreaterThanOrEqual(payloads.length + 1);

  const origin = env.server.url;
  const { context, watch, page } = await openWatchedApp(env.browser, origin);

  await page.goto(`${origin}/settings`);
  const section = page.getByRole('region', { name: 'Sync', exact: true });
  await section.getByLabel('Server address', { exact: true }).fill(`${dav.url}/`);
  await section.getByLabel('Folder', { exact: true }).fill(folder);
  await section.getByLabel('User name', { exact: true }).fill(dav.user);
  await section.getByLabel('Password or app password', { exact: true }).fill(dav.password);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.locator('[data-testid="sync-status"] .sync-line__text', { hasText: /^Synced$/ }).waitFor({ timeout: 90_000 });
  await expectClean(page, watch, 'settings after the first sync');

  await page.goto(`${origin}/c/${conf.id}`);
  await page.getByRole('heading', { level: 1, name: /^Synced Injection/ }).waitFor();
  const talks = await page.locator('main a[href^="/t/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(talks.length).toBe(payloads.length);
  await expectClean(page, watch, 'conference page');

  await page.goto(`${origin}/c/${conf.id}/day/${DAY}`);
  await page.getByText(`synccanary ${payloads[payloads.length - 1]!.id}`).waitFor();
  await expectClean(page, watch, 'day reading view');

  for (const href of talks.filter((_, i) => i % 3 === 0)) {
    await page.goto(`${origin}${href}?view=read`);
    await page.getByText(/^synccanary /).waitFor();
    await expectClean(page, watch, `talk read view ${href}`);
  }

  expect(watch.dialogs).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  // The only other origin the app may reach is the server the user typed in.
  expect(watch.foreign(origin).filter((u) => !u.startsWith(dav.url))).toEqual([]);
  await context.close();
}, 600_000);
