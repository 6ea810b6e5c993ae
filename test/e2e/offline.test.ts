// With the network off or the server gone, the installed app opens, lists, edits and stores as before.
import { expect, it } from 'vitest';
import { useBrowserAndServer } from '../helpers/e2e-env';
import type { BrowserContext, Page } from 'playwright-core';
import { addTalk, createConference, noteText, typeNote } from '../helpers/app';
import { PHONE, waitForServiceWorker } from '../helpers/browser';

const env = useBrowserAndServer();

/** A phone that visited the app once online and made a conference with a talk. */
async function visitedOnce(): Promise<{ context: BrowserContext; page: Page; talkUrl: string }> {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForServiceWorker(page);
  await createConference(page, { name: 'Offline Summit', startDate: '2026-03-10', endDate: '2026-03-11', timeZone: 'UTC' });
  await addTalk(page, { title: 'Flaky Wi-Fi', day: 'Day 1', starts: '10:00' });
  await typeNote(page, 'typed online\n');
  return { context, page, talkUrl: page.url() };
}

it('reloads the shell and a deep link with the network off, edits, and keeps the text across reloads', async () => {
  const { context, page, talkUrl } = await visitedOnce();
  await context.setOffline(true);
  const seen = await env.server.settled();

  const home = await page.goto(env.server.url);
  expect(home?.status()).toBe(200);
  expect(home?.fromServiceWorker()).toBe(true);
  await page.getByRole('list', { name: 'Conferences' }).getByRole('link', { name: /Offline Summit/ }).waitFor();

  const deep = await page.goto(talkUrl);
  expect(deep?.fromServiceWorker()).toBe(true);
  await expect(noteText(page)).resolves.toBe('typed online\n');

  // Every screen past the first is a lazy chunk: they must all come from the precache.
  await page.getByRole('link', { name: 'Read' }).click();
  await page.getByText('typed online').waitFor();
  await page.getByRole('link', { name: 'Write' }).click();
  await typeNote(page, 'typed offline\n');
  await page.reload();
  await expect(noteText(page)).resolves.toBe('typed online\ntyped offline\n');

  await page.getByRole('link', { name: 'Offline Summit' }).click();
  await addTalk(page, { title: 'Made on the plane', day: 'Day 2' });
  await typeNote(page, 'no network at all');
  await page.goto(`${env.server.url}/settings`);
  await page.getByText('Yes: the whole app is stored on this device.').waitFor();
  await page.goto(env.server.url);
  await page.getByText('2 talks').waitFor();

  expect(env.server.pageRequestsSince(seen)).toEqual([]);
  await context.close();
});

it('opens a deep link and stores edits while the server is stopped', async () => {
  const { context, page, talkUrl } = await visitedOnce();
  await env.server.close();
  try {
    await page.goto(talkUrl);
    await typeNote(page, 'server is down\n');
    await page.reload();
    await expect(noteText(page)).resolves.toBe('typed online\nserver is down\n');
    await page.goto(env.server.url + '/trash');
    await page.getByText('The Trash is empty.').waitFor();
  } finally {
    await env.restartServer();
  }
  await context.close();
});

it('shows a full-screen explanation when IndexedDB is unavailable', async () => {
  const context = await env.browser.newContext(PHONE);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.getByRole('heading', { name: 'Lectern cannot store notes in this browser' }).waitFor();
  await page.getByText('This browser offers no IndexedDB storage').waitFor();
  await context.close();
});
