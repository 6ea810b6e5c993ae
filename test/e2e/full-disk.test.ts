// A full disk while taking notes: the person is told plainly, the text stays on screen and can be copied or
// downloaded, everything stored before is intact, and once space is freed the waiting text is stored by itself.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { addTalk, createConference, noteText, typeNote } from '../helpers/app';
import { PHONE, waitForServiceWorker } from '../helpers/browser';
import { useBrowserAndServer } from '../helpers/e2e-env';

const env = useBrowserAndServer();

/** The stored talk, read straight from IndexedDB. */
function storedTalk(page: Page, title: string): Promise<{ body: string; attachments: unknown[] } | undefined> {
  return page.evaluate(
    (title) =>
      new Promise((ok, fail) => {
        const r = indexedDB.open('lectern');
        r.onerror = () => fail(r.error);
        r.onsuccess = () => {
          const all = r.result.transaction('talks').objectStore('talks').getAll();
          all.onsuccess = () => {
            r.result.close();
            ok((all.result as Array<{ title: string; body: string; attachments: unknown[] }>).find((t) => t.title === title));
          };
        };
      }),
    title,
  );
}

/**
 * Fills what is left of the origin's quota with random bytes (the browser compresses stored values, so they must
 * not compress) in a database of their own, in ever smaller pieces until not even 64 bytes fit.
 */
function fillStorage(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const idb = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('filler');
      r.onupgradeneeded = () => r.result.createObjectStore('bytes', { autoIncrement: true });
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const put = (size: number): Promise<boolean> => {
      const bytes = new Uint8Array(size);
      for (let i = 0; i < size; i += 65_536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65_536)));
      return new Promise((ok, fail) => {
        const tx = idb.transaction('bytes', 'readwrite');
        tx.objectStore('bytes').put(bytes);
        tx.oncomplete = () => ok(true);
        tx.onabort = () => (tx.error?.name === 'QuotaExceededError' ? ok(false) : fail(tx.error));
      });
    };
    let filled = 0;
    for (let size = 1_048_576; size >= 64; size = Math.floor(size / 4)) while (await put(size)) filled += size;
    idb.close();
    return filled;
  });
}

async function setQuota(cdp: CDPSession, origin: string, bytes: number): Promise<void> {
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
}

it('keeps the text on screen when storage is full, says what to do, and saves it once space is freed', async () => {
  const origin = env.server.url;
  const context = await env.browser.newContext(PHONE);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  // Kept attached for the whole test: detaching would undo the override. Set before the app first opens storage.
  const cdp = await context.newCDPSession(page);
  await setQuota(cdp, origin, 6 * 1_048_576);
  await page.goto(origin);
  await waitForServiceWorker(page);
  await createConference(page, { name: 'Full Disk Conf', startDate: '2026-06-01', endDate: '2026-06-01', timeZone: 'UTC' });
  await addTalk(page, { title: 'Storage pressure' });
  await typeNote(page, 'Stored before the disk filled.\n');

  expect(await fillStorage(page)).toBeGreaterThan(1_048_576);

  // Typing on: the text stays, the person is told what happened and what to do.
  const note = page.getByRole('textbox', { name: /^Note on / });
  await note.pressSequentially('Typed while full.');
  const alert = page.getByRole('alert').filter({ hasText: 'Storage is full' });
  await alert.waitFor();
  expect(await alert.textContent()).toBe(
    'Storage is full: this text is not saved yet. Copy it somewhere safe, or free space (delete photos or old conferences, then empty the Trash); saving resumes by itself.',
  );
  const onScreen = 'Stored before the disk filled.\nTyped while full.';
  await expect(noteText(page)).resolves.toBe(onScreen);

  // A photo cannot be stored either: said plainly, and the note is left as it was.
  const png = readFileSync(new URL('../../public/apple-touch-icon.png', import.meta.url));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('Choose photos').tap()]);
  await chooser.setFiles({ name: 'slide.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('alert').filter({ hasText: 'Storage is full: “slide.png” was not added.' }).waitFor();
  await expect(noteText(page)).resolves.toBe(onScreen);

  // The text can be taken away without any storage: the clipboard, or a file.
  await page.getByRole('button', { name: 'Copy the text' }).click();
  await page.getByText('The text is on the clipboard.').waitFor();
  await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(onScreen);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the text' }).click()]);
  expect(download.suggestedFilename()).toBe('note-on-storage-pressure.md');
  expect(readFileSync((await download.path())!, 'utf8')).toBe(onScreen);

  // Everything stored before is intact.
  await expect(storedTalk(page, 'Storage pressure')).resolves.toMatchObject({ body: 'Stored before the disk filled.\n', attachments: [] });

  // Space comes back (the person deleted things; here the quota is raised): the waiting text is saved, no retyping.
  await setQuota(cdp, origin, 1024 * 1_048_576);
  await page.getByText('Saved on this device').waitFor({ timeout: 60_000 });
  expect(await page.getByRole('alert').filter({ hasText: 'this text is not saved yet' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Copy the text' }).count()).toBe(0);
  await expect(storedTalk(page, 'Storage pressure')).resolves.toMatchObject({ body: onScreen });
  await expect(noteText(page)).resolves.toBe(onScreen);
  await context.close();
});

it('says in Settings that the browser refused to protect the notes, and what that means', async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForServiceWorker(page);
  // Headless Chromium answers persist() with false, as browsers do for sites not installed or not used much.
  expect(await page.evaluate(() => navigator.storage.persist())).toBe(false);
  await page.goto(`${env.server.url}/settings`);
  const answer = page.getByTestId('storage-persisted');
  await answer.waitFor();
  expect(await answer.textContent()).toMatch(/^No: this browser has not agreed to keep Lectern’s data for good\. .*may delete every note stored here, without asking\. Back up regularly/);
  await context.close();
});
