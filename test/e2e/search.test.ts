// Search in Chromium against the built app: offline, finding a note typed a second earlier, opening it at the match.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { addTalk, createConference, typeNote } from '../helpers/app';
import { talk } from '../helpers/factories';
import { PHONE, launchBrowser, waitForServiceWorker } from '../helpers/browser';
import { DIST } from '../helpers/build';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer(DIST);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A phone-sized tab with the app installed and one conference made through its screens; page errors collected. */
async function appWithConference(name: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await waitForServiceWorker(page);
  await createConference(page, { name, startDate: '2026-03-10', endDate: '2026-03-11', timeZone: 'UTC' });
  return { context, page, errors };
}

it('finds a note typed a second earlier, offline, and opens it at the match', async () => {
  const { context, page, errors } = await appWithConference('Zürich Summit');
  await addTalk(page, { title: 'Consensus', speakers: [{ name: 'Jürgen Müller', affiliation: 'ETH' }], day: 'Day 2', starts: '10:00' });
  await context.setOffline(true);
  const seen = await server.settled();

  // Open search once (loading the index in its worker), from the bottom bar.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Search' }).click();
  const box = page.getByRole('searchbox', { name: 'Search talks and notes' });
  await box.fill('muller');
  const results = page.getByRole('list', { name: 'Results' });
  await results.getByRole('link', { name: /Consensus/ }).waitFor();
  await expect(results.getByRole('link', { name: /Consensus/ }).textContent()).resolves.toContain('Zürich Summit · Day 2');

  // Type a note, then search for it at once.
  await results.getByRole('link', { name: /Consensus/ }).click();
  await typeNote(page, 'Intro.\n'.repeat(60) + 'Quorum reads need a lease.\n');
  const typed = Date.now();
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await nav.getByRole('link', { name: 'Search' }).click();
  await box.fill('quorum');
  const hit = results.getByRole('link', { name: /Consensus/ });
  await hit.locator('mark', { hasText: 'Quorum' }).waitFor({ timeout: 1_000 });
  expect(Date.now() - typed).toBeLessThan(5_000);

  await hit.click();
  const note = page.getByRole('textbox', { name: /^Note on / });
  await expect
    .poll(() => note.evaluate((el: HTMLTextAreaElement) => ({ selected: el.value.slice(el.selectionStart, el.selectionEnd), scrolled: el.scrollTop > 0 })))
    .toEqual({ selected: 'Quorum', scrolled: true });

  // `/` from a screen that is not a text field opens search.
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect.poll(() => page.evaluate(() => location.pathname)).toBe('/search');

  expect(server.pageRequestsSince(seen)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('splits a large collection between two workers, finds talks in either, and a note typed a moment ago', async () => {
  const { context, page, errors } = await appWithConference('Big Conf');
  // 3,200 talks with random ids, written straight into the app's database (through the UI it would take minutes).
  const ids = Array.from({ length: 3_200 }, () => randomUUID()).sort();
  const conferenceId = await page.evaluate(
    () =>
      new Promise<string>((ok, ko) => {
        const req = indexedDB.open('lectern');
        req.onerror = () => ko(req.error);
        req.onsuccess = () => {
          const r = req.result.transaction('conferences').objectStore('conferences').getAll();
          r.onsuccess = () => ok((r.result as { id: string }[])[0]!.id);
        };
      }),
  );
  const records = ids.map((id, i) =>
    talk({ id, conferenceId, title: i === 0 ? 'Lowest marker' : i === ids.length - 1 ? 'Highest marker' : `Session ${i}`, body: `plain note ${i}` }),
  );
  await page.evaluate(
    (talks) =>
      new Promise<void>((ok, ko) => {
        const req = indexedDB.open('lectern');
        req.onerror = () => ko(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('talks', 'readwrite');
          for (const t of talks) tx.objectStore('talks').put(t);
          tx.oncomplete = () => {
            req.result.close();
            ok();
          };
          tx.onabort = () => ko(tx.error);
        };
      }),
    records,
  );
  await context.setOffline(true);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Search' }).click();
  const box = page.getByRole('searchbox', { name: 'Search talks and notes' });
  const results = page.getByRole('list', { name: 'Results' });
  await box.fill('marker');
  await results.getByRole('link', { name: /Lowest marker/ }).waitFor({ timeout: 20_000 });
  await results.getByRole('link', { name: /Highest marker/ }).waitFor();
  await expect(page.locator('.search__status').textContent()).resolves.toMatch(/^2 results/);
  expect(page.workers().filter((w) => w.url().includes('search.worker'))).toHaveLength(2);
  await box.fill('plain');
  await expect.poll(() => page.locator('.search__status').textContent()).toMatch(/^3,200 results/);

  // A note typed into the last talk (the second worker's) is found a moment later.
  await box.fill('highest');
  await results.getByRole('link', { name: /Highest marker/ }).click();
  await typeNote(page, 'Lease-based quorum reads.');
  await nav.getByRole('link', { name: 'Search' }).click();
  await box.fill('quorum');
  await results.getByRole('link', { name: /Highest marker/ }).locator('mark', { hasText: 'quorum' }).waitFor({ timeout: 5_000 });
  expect(errors).toEqual([]);
  await context.close();
});

it('fits a 320 px screen with 44 px targets', async () => {
  const context = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(server.url + '/search');
  await page.getByRole('searchbox', { name: 'Search talks and notes' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a, button, input, select, textarea')]
      .filter((el) => el.offsetParent !== null)
      // A checkbox's target is its whole label.
      .map((el) => (el instanceof HTMLInputElement && el.type === 'checkbox' ? el.closest('label')! : el))
      .map((el) => ({ el: el.outerHTML.slice(0, 80), h: el.getBoundingClientRect().height }))
      .filter((x) => x.h < 44),
  );
  expect(small).toEqual([]);
  await context.close();
});
