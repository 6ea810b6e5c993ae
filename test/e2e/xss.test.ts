// Script injection, end to end: every payload of test/fixtures/xss-payloads.json placed in every field a person can
// fill (restored from a backup) and in an imported schedule, rendered on every screen that shows it, in Chromium
// against the built app. Nothing may run, no request may leave the app's origin, and the DOM must hold no handler
// or script URL.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { backupEntries, type BackupData } from '../../src/backup/format';
import { makeZip } from '../../src/backup/zip';
import type { Conference, Talk } from '../../src/model/types';
import { useBrowserAndServer } from '../helpers/e2e-env';
import { conference, talk } from '../helpers/factories';
import { expectClean, openWatchedApp } from '../helpers/hostile-page';

const env = useBrowserAndServer();

const { payloads } = JSON.parse(readFileSync(new URL('../fixtures/xss-payloads.json', import.meta.url), 'utf8')) as {
  payloads: Array<{ id: string; category: string; payload: string }>;
};

const CONF = 'xss-con';

/**
 * Payloads visited one by one on their own pages (the lists and the day view show all of them at once): every one
 * whose trick is in a URL, and every fourth of the others, to keep the run short on a small machine.
 */
const URL_TRICKS = new Set(['javascript url', 'data url', 'markdown trick', 'entity encoded']);
const visited = payloads.filter((p, i) => URL_TRICKS.has(p.category) || i % 4 === 0);
const DAY = '2026-03-10';

/** A backup whose every text field carries a payload: conference fields, talk fields, notes, tags, links, history. */
async function hostileBackup(): Promise<Buffer> {
  const main: Conference = conference({ id: CONF, name: 'Injection Summit', place: 'Nowhere', timeZone: 'UTC', startDate: DAY, endDate: '2026-03-11', url: 'javascript:alert(1)' });
  const conferences: Conference[] = [
    main,
    ...payloads.map((p) => conference({ id: `c-${p.id}`, name: `${p.id} ${p.payload}`, place: p.payload, timeZone: 'UTC', startDate: '2025-01-01', endDate: '2025-01-02', url: p.payload, body: p.payload })),
  ];
  const talks: Talk[] = payloads.map((p, i) =>
    talk({
      id: `t-${p.id}`,
      conferenceId: CONF,
      title: `${p.id} ${p.payload}`,
      speakers: [{ name: p.payload, affiliation: p.payload }],
      starts: new Date(Date.parse(`${DAY}T08:00:00Z`) + i * 60_000).toISOString(),
      ends: null,
      day: DAY,
      room: p.payload,
      track: p.payload,
      tags: [p.payload, 'hostile'],
      links: [
        { label: p.payload, url: p.payload },
        { label: 'Slides', url: 'https://example.org/slides' },
      ],
      abstract: p.payload,
      body: `xsscanary ${p.id}\n\n${p.payload}\n\n- item ${p.payload}\n\n[link ${p.id}](${p.payload})\n`,
    }),
  );
  const versions = talks.slice(0, 20).map((t, i) => ({ id: `v-${i}`, recordId: t.id, table: 'talks' as const, created: '2026-03-10T07:00:00.000Z', reason: 'edit' as const, record: { ...t, body: `${payloads[i + 20]!.payload}\nolder text` } }));
  const data: BackupData = { created: '2026-03-10T12:00:00.000Z', appVersion: 'test', conferences, talks, versions, settings: [], photos: [] };
  return Buffer.from(await makeZip(backupEntries(data), new Date('2026-03-10T12:00:00')));
}

/** A frab JSON schedule whose titles, people, rooms, tracks, abstracts and links are payloads. */
function hostileSchedule(): Buffer {
  const events = payloads.map((p, i) => ({
    guid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    id: i + 1,
    date: new Date(Date.parse('2026-04-01T09:00:00Z') + i * 60_000).toISOString(),
    start: '09:00',
    duration: '00:30',
    room: `Room ${p.payload}`,
    title: `${p.id} ${p.payload}`,
    subtitle: p.payload,
    track: p.payload,
    type: 'talk',
    language: 'en',
    abstract: p.payload,
    description: `<p>${p.payload}</p>`,
    persons: [{ id: i, public_name: p.payload }],
    links: [{ title: p.payload, url: p.payload }],
  }));
  return Buffer.from(
    JSON.stringify({
      schedule: {
        version: '1',
        conference: { acronym: 'inj', title: 'Hostile Schedule <img src=x onerror=alert(1)>', start: '2026-04-01', end: '2026-04-01', days: [{ index: 1, date: '2026-04-01', rooms: { Main: events } }] },
      },
    }),
  );
}

it(`runs none of ${payloads.length} payloads placed in every field, on every screen that shows them`, async () => {
  expect(payloads.length).toBeGreaterThanOrEqual(100);
  const origin = env.server.url;
  const { context, watch, page } = await openWatchedApp(env.browser, origin);

  await page.goto(`${origin}/settings`);
  const backup = await hostileBackup();
  await page.getByLabel('Restore a backup…').setInputFiles({ name: 'hostile.zip', mimeType: 'application/zip', buffer: backup });
  await page.getByText(`Restored ${payloads.length + 1} conferences, ${payloads.length} talks and 0 photos from hostile.zip.`).waitFor();

  const screens: Array<[string, string, () => Promise<unknown>]> = [
    ['conference list', '/', () => page.getByRole('list', { name: 'Conferences' }).getByRole('link', { name: /Injection Summit/ }).waitFor()],
    ['conference page', `/c/${CONF}`, () => page.getByRole('heading', { level: 1, name: 'Injection Summit' }).waitFor()],
    ['day reading view', `/c/${CONF}/day/${DAY}`, () => page.getByText(`xsscanary ${payloads[payloads.length - 1]!.id}`).waitFor()],
    ['conference export preview', `/c/${CONF}/export`, () => page.getByLabel(/^Preview of /).waitFor()],
    ['day export preview', `/c/${CONF}/day/${DAY}/export`, () => page.getByLabel(/^Preview of /).waitFor()],
    ['trash', '/trash', () => page.getByRole('heading', { level: 1, name: 'Trash' }).waitFor()],
  ];
  for (const [name, path, ready] of screens) {
    await page.goto(`${origin}${path}`);
    await ready();
    await expectClean(page, watch, name);
  }

  // Each talk on its own: the read view (note, abstract, links, tags, speakers), the write view and its history.
  for (const p of visited) {
    await page.goto(`${origin}/t/t-${p.id}?view=read`);
    await page.getByText(`xsscanary ${p.id}`).waitFor();
    await expectClean(page, watch, `talk read view ${p.id}`);
  }
  for (const p of payloads.slice(0, 20).filter((_, i) => i % 2 === 0)) {
    await page.goto(`${origin}/t/t-${p.id}`);
    await page.getByRole('textbox', { name: /^Note on / }).waitFor();
    await expectClean(page, watch, `talk write view ${p.id}`);
    await page.goto(`${origin}/t/t-${p.id}/history`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectClean(page, watch, `history ${p.id}`);
    await page.goto(`${origin}/t/t-${p.id}/export`);
    await page.getByLabel(/^Preview of /).waitFor();
    await expectClean(page, watch, `talk export preview ${p.id}`);
  }
  // Conference pages carry the payload as name, place, address and notes.
  for (const p of visited) {
    await page.goto(`${origin}/c/c-${p.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectClean(page, watch, `conference page ${p.id}`);
  }

  // Search shows titles, speakers and snippets of the notes.
  await page.goto(origin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await page.getByRole('searchbox', { name: 'Search talks and notes' }).fill('xsscanary');
  await page.getByRole('list', { name: 'Results' }).getByRole('link').first().waitFor();
  await expectClean(page, watch, 'search results');
  await page.getByRole('searchbox', { name: 'Search talks and notes' }).fill('onerror');
  await page.getByRole('list', { name: 'Results' }).getByRole('link').first().waitFor();
  await expectClean(page, watch, 'search results for markup');

  // An imported schedule carrying the payloads: preview, import, then its conference and talks.
  await page.goto(`${origin}/import`);
  await page.getByLabel('Schedule file').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: hostileSchedule() });
  await page.getByLabel('Time zone').fill('UTC');
  await expectClean(page, watch, 'schedule import preview');
  await page.getByRole('button', { name: `Import ${payloads.length} talks` }).click();
  await page.getByRole('link', { name: /^Open Hostile Schedule/ }).click();
  await page.getByRole('heading', { level: 1, name: /^Hostile Schedule/ }).waitFor();
  await expectClean(page, watch, 'imported conference page');
  const imported = await page.locator('main a[href^="/t/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(imported.length).toBe(payloads.length);
  for (const href of imported.filter((_, i) => i % 5 === 0)) {
    await page.goto(`${origin}${href}?view=read`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectClean(page, watch, `imported talk ${href}`);
  }

  expect(watch.dialogs).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  expect(watch.foreign(origin)).toEqual([]);
  const csp = (await watch.recorded(page)).csp;
  console.info(`xss: ${payloads.length} payloads, ${watch.requests.length} requests (none to another origin); CSP reports in the last page: ${csp.length} (from the sanitiser's inert parsing)`);
  await context.close();
}, 600_000);
