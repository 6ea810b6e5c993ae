// Photos of slides on a phone with the network off: resized on the device, stored, shown in the note.
import { expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { useBrowserAndServer } from '../helpers/e2e-env';
import type { Page } from 'playwright-core';
import { addTalk, createConference, noteText, typeNote } from '../helpers/app';
import { PHONE, waitForServiceWorker } from '../helpers/browser';

const env = useBrowserAndServer();

/** A JPEG of a slide-like picture (4000×3000 unless told), drawn in the page (there is no image library in Node). */
async function bigJpeg(page: Page, width = 4000, height = 3000): Promise<Buffer> {
  const base64 = await page.evaluate(async ([width, height]) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d')!;
    const sky = ctx.createLinearGradient(0, 0, 4000, 3000);
    sky.addColorStop(0, '#1d4e89');
    sky.addColorStop(1, '#f7f5f0');
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, 4000, 3000);
    ctx.fillStyle = '#fff';
    ctx.fillRect(300, 300, 3400, 2400);
    ctx.fillStyle = '#1b1f24';
    ctx.font = 'bold 160px sans-serif';
    ctx.fillText('CRDTs in practice', 400, 560);
    ctx.font = '90px sans-serif';
    for (let i = 0; i < 14; i++) ctx.fillText(`• point ${i + 1}: merge without coordination, converge always`, 420, 800 + i * 130);
    const blob = await new Promise<Blob>((ok) => canvas.toBlob((b) => ok(b!), 'image/jpeg', 0.95));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, [width, height] as const);
  return Buffer.from(base64, 'base64');
}

/**
 * The JPEG with an EXIF block saying "rotate 90° clockwise to show" (orientation 6), as a phone held upright
 * writes it: a 4000×3000 sensor image that is really a 3000×4000 portrait.
 */
function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('II*\0', 0, 'latin1');
  tiff.writeUInt32LE(8, 4); // first IFD right after the header
  tiff.writeUInt16LE(1, 8); // one entry
  tiff.writeUInt16LE(0x0112, 10); // Orientation
  tiff.writeUInt16LE(3, 12); // SHORT
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(orientation, 18);
  tiff.writeUInt32LE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, payload, jpeg.subarray(2)]);
}

/** Picks files through the button with this text, as a tap does. */
async function pick(page: Page, button: string, ...files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText(button).tap()]);
  await chooser.setFiles(files);
}

interface StoredPhotos {
  blobs: Array<{ sha256: string; size: number; type: string; width: number; height: number }>;
  attachments: Array<{ sha256: string; name: string; type: string; size: number }>;
  body: string;
}

/** What IndexedDB holds, read straight from it, with each stored image decoded as the browser would show it. */
function stored(page: Page, title = 'Slides offline'): Promise<StoredPhotos> {
  return page.evaluate(async (title) => {
    const idb = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('lectern');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = <T,>(store: string): Promise<T[]> =>
      new Promise((ok, fail) => {
        const r = idb.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok(r.result as T[]);
        r.onerror = () => fail(r.error);
      });
    const rows = await all<{ sha256: string; blob: Blob; type: string; size: number }>('blobs');
    const talks = await all<{ title: string; body: string; attachments: StoredPhotos['attachments'] }>('talks');
    idb.close();
    const talk = talks.find((t) => t.title === title)!;
    const blobs = [];
    for (const row of rows) {
      const bitmap = await createImageBitmap(row.blob);
      blobs.push({ sha256: row.sha256, size: row.blob.size, type: row.blob.type, width: bitmap.width, height: bitmap.height });
      bitmap.close();
    }
    return { blobs, attachments: talk.attachments, body: talk.body };
  }, title);
}


it('adds a large photo offline, resized upright in a worker, shows it in the note, and refuses a text file', async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(env.server.url);
  await waitForServiceWorker(page);
  await createConference(page, { name: 'Photo Summit', startDate: '2026-03-10', endDate: '2026-03-10', timeZone: 'UTC' });
  await addTalk(page, { title: 'Slides offline', day: 'Day 1', starts: '10:00' });
  await typeNote(page, 'Intro\n');
  const original = withExifOrientation(await bigJpeg(page), 6);
  expect(original.length).toBeGreaterThan(600 * 1024);

  await context.setOffline(true);
  const seen = await env.server.settled();

  const camera = page.getByLabel('Take photo');
  const chooser = page.getByLabel('Choose photos');
  for (const target of [camera, chooser]) expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  // Tapping the button, as a person does, opens the file chooser (the camera, on a phone).
  const [picker] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('Take photo').tap()]);
  expect(picker.isMultiple()).toBe(false);
  await picker.setFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: original });
  await page.getByRole('status').filter({ hasText: 'Photo added.' }).waitFor();
  const thumb = page.getByRole('button', { name: 'View photo 1 full screen' }).locator('img');
  await thumb.waitFor();
  await expect(thumb.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).resolves.toBe(1536);

  const after = await stored(page);
  expect(after.blobs).toHaveLength(1);
  const [blob] = after.blobs;
  // Upright (EXIF orientation 6 applied), longest side 2048, re-encoded as a JPEG well under 600 KB.
  expect(blob).toMatchObject({ type: 'image/jpeg', width: 1536, height: 2048 });
  expect(blob!.size).toBeLessThan(600 * 1024);
  expect(after.attachments).toEqual([{ sha256: blob!.sha256, name: 'IMG_0001.jpg', type: 'image/jpeg', size: blob!.size, caption: '' }]);
  expect(after.body).toBe(`Intro\n![IMG_0001.jpg](attachment:${blob!.sha256})\n`);
  // The note on screen follows the stored one a moment later (a live read of the talk): wait for it, not race it.
  await expect.poll(() => noteText(page)).toBe(after.body);
  expect(workers.some((u) => /resize-worker/.test(u)), `workers: ${workers.join(', ')}`).toBe(true);

  await page.getByLabel('Caption for photo 1').fill('Merge rules');
  await expect.poll(async () => (await stored(page)).body).toBe(`Intro\n![Merge rules](attachment:${blob!.sha256})\n`);
  expect(await axeViolations(page)).toEqual([]);

  // Full screen, and back.
  await page.getByRole('button', { name: 'View photo 1 full screen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Photo 1: Merge rules' });
  await dialog.getByRole('img', { name: 'Merge rules' }).waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('View photo 1 full screen');

  // The read view shows the stored photo from a blob: URL.
  await page.getByRole('link', { name: 'Read' }).click();
  const inNote = page.locator('.markdown img.photo');
  await inNote.waitFor();
  await expect(inNote.getAttribute('alt')).resolves.toBe('Merge rules');
  await expect(inNote.getAttribute('src')).resolves.toMatch(/^blob:/);
  await expect(inNote.evaluate((img: HTMLImageElement) => img.decode().then(() => [img.naturalWidth, img.naturalHeight]))).resolves.toEqual([1536, 2048]);
  await page.getByRole('link', { name: 'Write' }).click();

  // A text file renamed .jpg: a clear message naming it; nothing stored; the note unchanged.
  const before = await stored(page);
  const [library] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('Choose photos').tap()]);
  expect(library.isMultiple()).toBe(true);
  await library.setFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('These are my notes, not a photo.\n') });
  await expect(page.getByRole('alert').textContent()).resolves.toBe(
    '“notes.jpg” is not an image: Lectern adds photos in JPEG, PNG, WebP, GIF, HEIC or AVIF. Nothing was added.',
  );
  expect(await stored(page)).toEqual(before);
  await expect(noteText(page)).resolves.toBe(before.body);

  // Deleting it takes the photo, its line in the note and the stored image.
  await page.getByRole('button', { name: 'Delete photo 1' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect.poll(async () => (await stored(page)).blobs.length).toBe(0);
  expect((await stored(page)).body).toBe('Intro\n');
  await expect.poll(() => noteText(page)).toBe('Intro\n');

  expect(env.server.pageRequestsSince(seen)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('resizes on the page where workers cannot draw, and names a damaged JPEG', async () => {
  const context = await env.browser.newContext(PHONE);
  // As in browsers without OffscreenCanvas: the page falls back to a <canvas> of its own.
  await context.addInitScript(() => {
    delete (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas;
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(env.server.url);
  await waitForServiceWorker(page);
  await createConference(page, { name: 'Old Phones Conf', startDate: '2026-03-10', endDate: '2026-03-10', timeZone: 'UTC' });
  await addTalk(page, { title: 'Fallbacks' });
  const landscape = await bigJpeg(page, 3000, 2000);
  await context.setOffline(true);

  await pick(page, 'Choose photos', { name: 'wide.jpg', mimeType: 'image/jpeg', buffer: landscape });
  await page.getByRole('status').filter({ hasText: 'Photo added.' }).waitFor();
  const after = await stored(page, 'Fallbacks');
  expect(after.blobs).toEqual([expect.objectContaining({ type: 'image/jpeg', width: 2048, height: 1365 })]);
  expect(after.blobs[0]!.size).toBeLessThan(600 * 1024);
  expect(workers.filter((u) => /resize-worker/.test(u))).toEqual([]);

  // A JPEG cut short after its header: it sniffs as JPEG but cannot be decoded.
  const damaged = Buffer.concat([landscape.subarray(0, 20), Buffer.alloc(2000, 0x5a)]);
  await pick(page, 'Choose photos', { name: 'damaged.jpg', mimeType: 'image/jpeg', buffer: damaged });
  await expect(page.getByRole('alert').textContent()).resolves.toBe(
    '“damaged.jpg” could not be opened: the image is damaged, or this browser cannot read JPEG images. Nothing was added.',
  );
  expect(await stored(page, 'Fallbacks')).toEqual(after);
  expect(errors).toEqual([]);
  await context.close();
});
