// Exporting notes in Chromium, offline: a day's post downloaded and copied, Web Share (stubbed: headless Linux
// Chromium has none) handed the file, a conference zip, and a backup restored into another browser profile.
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { useBrowserAndServer } from '../helpers/e2e-env';
import { addTalk, createConference, typeNote } from '../helpers/app';
import { DESKTOP, waitForServiceWorker } from '../helpers/browser';

const env = useBrowserAndServer();

interface Shared {
  title?: string;
  text?: string;
  files?: Array<{ name: string; type: string; text: string }>;
}

/** A browser context whose page has a recording navigator.share, with files allowed when `files` is true. */
async function contextWithShare(files: boolean): Promise<BrowserContext> {
  const context = await env.browser.newContext(DESKTOP);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await context.addInitScript((allowFiles: boolean) => {
    const calls: unknown[] = [];
    (window as unknown as { __shares: unknown[] }).__shares = calls;
    Object.defineProperty(navigator, 'canShare', { value: (data: { files?: File[] }) => allowFiles || !data.files, configurable: true });
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data: { title?: string; text?: string; files?: File[] }) => {
        calls.push({
          title: data.title,
          text: data.text,
          files: data.files && (await Promise.all(data.files.map(async (f) => ({ name: f.name, type: f.type, text: await f.text() })))),
        });
      },
    });
  }, files);
  return context;
}

/** Makes a conference with one talk and its note; returns the conference's address. */
async function conferenceWithNotes(page: Page): Promise<string> {
  await page.goto(env.server.url);
  await waitForServiceWorker(page);
  await createConference(page, { name: 'FOSDEM 2026', startDate: '2026-01-31', endDate: '2026-02-01', timeZone: 'Europe/Brussels' });
  const conferenceUrl = page.url();
  await addTalk(page, { title: 'CRDTs: "merge" <anything>', speakers: [{ name: 'Ada Lovelace', affiliation: 'Inria' }], day: 'Day 1', starts: '10:00', ends: '10:30', room: 'K.1.105' });
  // Enter continues the list, so the second item is typed without its dash.
  await typeNote(page, '- commutative\nidempotent');
  return conferenceUrl;
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

it('exports a day offline from the read view: download, clipboard and share carry the previewed Markdown', async () => {
  const context = await contextWithShare(true);
  const page = await context.newPage();
  await conferenceWithNotes(page);
  await context.setOffline(true);

  await page.getByRole('link', { name: 'FOSDEM 2026' }).click();
  await page.getByRole('link', { name: 'Read the day' }).click();
  await page.getByRole('link', { name: 'Export' }).click();
  await page.getByRole('heading', { level: 1, name: 'Export FOSDEM 2026 – Day 1' }).waitFor();
  await page.getByRole('radio', { name: /^Hugo/ }).check();
  const preview = await page.getByLabel(/^Preview of /).textContent();
  expect(preview).toMatch(/^---\ntitle: FOSDEM 2026 – Day 1\ndate: 2026-01-31\nconference: FOSDEM 2026\n---\n/);
  expect(preview).toContain('## CRDTs: "merge" \\<anything\\>\n\nAda Lovelace, Inria\n\n10:00–10:30 · K.1.105\n\n- commutative\n- idempotent\n');
  expect(await axeViolations(page)).toEqual([]);

  const file = await download(page, 'Download .md');
  expect(file.name).toBe('fosdem-2026-day-1.md');
  expect(file.bytes.toString('utf8')).toBe(preview);

  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await page.getByText('Copied the Markdown to the clipboard.').waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(preview);

  await page.getByRole('button', { name: 'Share…' }).click();
  await page.getByText('Shared fosdem-2026-day-1.md.').waitFor();
  const shares = await page.evaluate(() => (window as unknown as { __shares: Shared[] }).__shares);
  expect(shares).toEqual([{ title: 'FOSDEM 2026 – Day 1', files: [{ name: 'fosdem-2026-day-1.md', type: 'text/markdown', text: preview }] }]);
  await context.close();
});

it('shares text where the browser cannot share files, and downloads a conference zip', async () => {
  const context = await contextWithShare(false);
  const page = await context.newPage();
  const conferenceUrl = await conferenceWithNotes(page);
  await page.goto(`${page.url()}/export`);
  await page.getByRole('heading', { level: 1, name: /^Export “CRDTs/ }).waitFor();
  const preview = await page.getByLabel(/^Preview of /).textContent();
  await page.getByRole('button', { name: 'Share…' }).click();
  await page.getByText('Shared the Markdown as text.').waitFor();
  expect(await page.evaluate(() => (window as unknown as { __shares: Shared[] }).__shares)).toEqual([{ title: 'CRDTs: "merge" <anything>', text: preview }]);

  await page.goto(conferenceUrl);
  await page.getByRole('link', { name: 'Export' }).click();
  await page.getByRole('heading', { level: 1, name: 'Export FOSDEM 2026' }).waitFor();
  const zip = await download(page, 'Download .zip');
  expect(zip.name).toBe('fosdem-2026.zip');
  const files = unzipSync(new Uint8Array(zip.bytes));
  expect(Object.keys(files).sort()).toEqual(['fosdem-2026-day-1.md', 'index.md']);
  expect(new TextDecoder().decode(files['fosdem-2026-day-1.md'])).toContain('- commutative\n- idempotent');
  await context.close();
});

it('backs up from Settings, shows the date, restores into an empty profile, and refuses a cut-short file', async () => {
  const context = await env.browser.newContext(DESKTOP);
  const page = await context.newPage();
  await conferenceWithNotes(page);
  await page.goto(`${env.server.url}/settings`);
  await page.getByText('No backup made on this device yet.').waitFor();
  const backup = await download(page, 'Back up everything');
  expect(backup.name).toMatch(/^lectern-backup-\d{4}-\d{2}-\d{2}\.zip$/);
  await page.getByText(/^Last backup: /).waitFor();
  const manifest = JSON.parse(new TextDecoder().decode(unzipSync(new Uint8Array(backup.bytes))['backup.json'])) as { talks: Array<{ body: string }> };
  expect(manifest.talks.map((t) => t.body)).toEqual(['- commutative\n- idempotent']);
  await context.close();

  const fresh = await env.browser.newContext(DESKTOP);
  const other = await fresh.newPage();
  await other.goto(`${env.server.url}/settings`);
  await other.getByLabel('Restore a backup…').setInputFiles({ name: backup.name, mimeType: 'application/zip', buffer: backup.bytes });
  await other.getByText(`Restored 1 conference, 1 talk and 0 photos from ${backup.name}.`).waitFor();
  await other.getByLabel('Restore a backup…').setInputFiles({ name: 'cut.zip', mimeType: 'application/zip', buffer: backup.bytes.subarray(0, 100) });
  await other.getByRole('alert').getByText('“cut.zip” is not a complete zip file: it may have been cut short while downloading. Nothing was changed.').waitFor();
  await other.goto(env.server.url);
  await other.getByRole('link', { name: /FOSDEM 2026/ }).first().click();
  await other.getByRole('link', { name: /CRDTs/ }).click();
  await expect(other.getByRole('textbox', { name: /^Note on / }).inputValue()).resolves.toBe('- commutative\n- idempotent');
  await fresh.close();
});
