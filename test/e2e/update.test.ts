// A new deploy waits politely: "Update ready", applied only when the user agrees, and no typed text is lost.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addTalk, createConference, noteText, typeNote } from '../helpers/app';
import { PHONE, launchBrowser, waitForServiceWorker } from '../helpers/browser';
import { DIST, buildApp } from '../helpers/build';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

let server: StaticServer;
let browser: Browser;
let nextBuild: string;

beforeAll(async () => {
  nextBuild = buildApp('dist-next', { LECTERN_BUILD: 'next' });
  server = await startStaticServer(DIST);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(nextBuild, { recursive: true, force: true });
});

it('offers a new version, keeps working until the user agrees, then reloads into it with every note intact', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForServiceWorker(page);
  await page.goto(`${server.url}/settings`);
  const oldVersion = await page.getByTestId('app-version').textContent();
  expect(oldVersion).not.toContain('next');
  await page.goto(server.url);
  await createConference(page, { name: 'Deploy Days', startDate: '2026-09-01', endDate: '2026-09-02', timeZone: 'UTC' });
  await addTalk(page, { title: 'Shipping on Friday' });
  await typeNote(page, 'before the deploy\n');

  server.setRoot(nextBuild);
  await page.evaluate(async () => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
    await (await navigator.serviceWorker.getRegistration())?.update();
  });
  await page.getByText('Update ready.').waitFor();

  // The user goes on typing: nothing reloads behind their back.
  await typeNote(page, 'while the update waits\n');
  await page.getByRole('button', { name: 'Later' }).click();
  expect(await page.getByText('Update ready.').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

  // Next visit: the waiting version is offered again, and applied on request.
  await page.reload();
  await page.getByText('Update ready.').waitFor();
  // The last keystrokes are still being stored when the person agrees: the update waits for them.
  const note = page.getByRole('textbox', { name: /^Note on / });
  await note.click();
  await page.keyboard.press('Control+End');
  await note.pressSequentially('right before agreeing');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Update now' }).click()]);
  await expect(noteText(page)).resolves.toBe('before the deploy\nwhile the update waits\nright before agreeing');

  await page.goto(`${server.url}/settings`);
  await expect(page.getByTestId('app-version').textContent()).resolves.toContain('+next');
  expect(await page.getByText('Update ready.').count()).toBe(0);
  await context.close();
});
