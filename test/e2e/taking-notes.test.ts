// In the lecture theatre, offline, on a phone: the now view, the phone editor, stars, the day's reading, history.
import { mkdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { useBrowserAndServer } from '../helpers/e2e-env';
import { addTalk, createConference, noteText } from '../helpers/app';
import { DESKTOP, PHONE, waitForServiceWorker } from '../helpers/browser';
import { ROOT } from '../helpers/build';

const SHOTS = `${ROOT}test-results/screenshots`;
mkdirSync(SHOTS, { recursive: true });


const env = useBrowserAndServer();

it('picks the talk on now, takes structured notes offline with the phone editor, and reads the day back', async () => {
  const context = await env.browser.newContext({ ...PHONE, timezoneId: 'America/New_York' });
  const page = await context.newPage();
  // 10:15 in Brussels on the first day of the conference.
  await page.clock.setFixedTime(new Date('2026-01-31T09:15:00Z'));
  await page.goto(env.server.url);
  await waitForServiceWorker(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Your initials').fill('CSB');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conferences' }).click();
  await createConference(page, { name: 'FOSDEM 2026', startDate: '2026-01-31', endDate: '2026-02-01', timeZone: 'Europe/Brussels' });
  await addTalk(page, { title: 'Keynote', day: 'Day 1', starts: '09:30', ends: '10:30', room: 'Janson', speakers: [{ name: 'Ada Lovelace', affiliation: 'Engines' }] });
  await page.getByRole('link', { name: 'FOSDEM 2026' }).click();
  await addTalk(page, { title: 'After the keynote', day: 'Day 1', starts: '10:30', ends: '11:00', room: 'Janson' });

  await context.setOffline(true);
  await page.goto(env.server.url);
  const now = page.getByRole('list', { name: 'On now and next, by room' });
  await now.getByRole('link', { name: /On now.*Keynote/ }).waitFor();
  await now.getByRole('link', { name: /Next.*After the keynote/ }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await now.getByRole('link', { name: /On now.*Keynote/ }).tap();

  // One thumb: Enter continues the list, the toolbar indents, Enter on an empty item ends the list.
  const note = page.getByRole('textbox', { name: 'Note on Keynote' });
  await note.tap();
  await note.pressSequentially('- Offline first\nService workers');
  await page.getByRole('button', { name: 'Indent' }).tap();
  await note.pressSequentially('\nIndexedDB\n');
  await page.getByRole('button', { name: 'Outdent' }).tap();
  await note.pressSequentially('Worth it');
  await page.getByRole('button', { name: '-CSB: sign my remark' }).tap();
  await note.pressSequentially('\n\n');
  await page.getByText('Saved on this device').waitFor();
  await page.reload();
  await expect(noteText(page)).resolves.toBe('- Offline first\n  - Service workers\n  - IndexedDB\n- Worth it -CSB\n');
  expect(await axeViolations(page)).toEqual([]);

  // A star, then the Read view with speaker, venue time and the device's time beside it.
  await page.getByRole('button', { name: 'Starred' }).tap();
  await page.getByRole('button', { name: 'Starred', pressed: true }).waitFor();
  await page.getByText('09:30–10:30 (03:30–04:30 your time)').waitFor();
  await page.getByRole('link', { name: 'Read' }).tap();
  await page.locator('.markdown ul ul li', { hasText: 'IndexedDB' }).waitFor();

  // History keeps earlier text; restoring keeps the current text too.
  await page.getByRole('link', { name: 'History' }).tap();
  await page.getByRole('heading', { name: 'Earlier versions' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);

  // The conference list filters by star; the day reads as one document with both talks.
  await page.getByRole('link', { name: 'Keynote' }).first().tap();
  await page.getByRole('link', { name: 'FOSDEM 2026' }).tap();
  await page.getByLabel('Starred only').check();
  await expect(page.locator('.day .card__title').allTextContents()).resolves.toEqual(['Keynote']);
  await page.getByLabel('Starred only').uncheck();
  await page.getByRole('link', { name: 'Read the day' }).tap();
  await page.getByRole('heading', { level: 1, name: 'FOSDEM 2026 – Day 1' }).waitFor();
  await expect(page.locator('.day-reading__talk h2').allTextContents()).resolves.toEqual(['Keynote', 'After the keynote']);
  await page.getByText('Worth it -CSB').waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await context.close();
});

it.each([
  ['phone', 'light'],
  ['phone', 'dark'],
  ['desktop', 'light'],
  ['desktop', 'dark'],
] as const)('looks right at %s size in %s mode: no overflow, no axe violations', async (size, colorScheme) => {
  const context = await env.browser.newContext({ ...(size === 'phone' ? PHONE : DESKTOP), colorScheme });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await createConference(page, { name: 'RSE Day', startDate: '2026-12-04', endDate: '2026-12-04', timeZone: 'Europe/London' });
  await addTalk(page, { title: 'Research software at scale', starts: '10:00', ends: '10:45', room: 'Main hall', speakers: [{ name: 'Grace Hopper', affiliation: 'Navy' }] });
  await page.getByRole('textbox', { name: /^Note on / }).fill('## Key points\n\n- reproducibility\n  - containers\n> a quote\n\n```sh\nmake test\n```\n');
  await page.getByText('Saved on this device').waitFor();
  const talkPath = new URL(page.url()).pathname;
  for (const [name, path] of [
    ['home', '/'],
    ['talk', talkPath],
    ['read', `${talkPath}?view=read`],
    ['settings', '/settings'],
  ] as const) {
    await page.goto(env.server.url + path);
    await page.locator('h1').first().waitFor();
    if (name === 'read') await page.locator('.markdown h2').waitFor();
    await page.screenshot({ path: `${SHOTS}/${name}-${size}-${colorScheme}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${name} overflows`).toBeLessThanOrEqual(0);
    expect(await axeViolations(page), `${name} at ${size} ${colorScheme}`).toEqual([]);
  }
  await context.close();
});
