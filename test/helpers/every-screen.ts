/**
 * Every screen and action of the app but sync and import by URL, as a person goes through them: used to check
 * that none of them sends anything anywhere (online) and that all of them work with no network (offline).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { addTalk, createConference, noteText, typeNote } from './app';

const FIXTURES = new URL('../../../shared/fixtures/', import.meta.url);

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/** One step: its name (for the failure message and the report) and what it does and checks. */
export type Step = [string, () => Promise<void>];

/**
 * The steps, to run in order on one page. `origin` is the app's address; `suffix` keeps names apart when the same
 * profile runs them twice. Each step ends on what a person would see when it worked.
 */
export function everyScreen(page: Page, origin: string, suffix: string): Step[] {
  const conf = `Field Day ${suffix}`;
  const title = `Mesh networking ${suffix}`;
  let talkUrl = '';
  let backup: { name: string; bytes: Buffer } | null = null;
  const nav = (): ReturnType<Page['getByRole']> => page.getByRole('navigation', { name: 'Main' });
  return [
    ['home (now and conferences)', async () => {
      await page.goto(origin);
      await page.getByRole('link', { name: 'New conference' }).waitFor();
    }],
    ['new conference', () => createConference(page, { name: conf, startDate: '2026-06-01', endDate: '2026-06-02', timeZone: 'UTC' })],
    ['new talk', () => addTalk(page, { title, day: 'Day 1', starts: '10:00', ends: '10:45', room: 'Hall B' })],
    ['editor: typing is saved', async () => {
      talkUrl = page.url();
      await typeNote(page, `first thoughts on ${suffix}mesh\n`);
      await page.reload();
      await expect(noteText(page)).resolves.toBe(`first thoughts on ${suffix}mesh\n`);
      // A second edit a moment later, so the history has an earlier version to show.
      await typeNote(page, '- routing tables\n');
    }],
    ['talk read view', async () => {
      await page.getByRole('link', { name: 'Read' }).click();
      await page.locator('.markdown li', { hasText: 'routing tables' }).waitFor();
    }],
    ['conference list', async () => {
      await nav().getByRole('link', { name: 'Conferences' }).click();
      await page.getByRole('list', { name: 'Conferences' }).getByRole('link', { name: new RegExp(conf) }).click();
      await page.getByRole('heading', { level: 1, name: conf }).waitFor();
    }],
    ['day reading view', async () => {
      await page.getByRole('link', { name: 'Read the day' }).click();
      await page.getByRole('heading', { level: 1, name: `${conf} – Day 1` }).waitFor();
      await page.getByText('routing tables').waitFor();
    }],
    ['new note (quick note)', async () => {
      await page.getByRole('button', { name: 'New note' }).click();
      await page.getByRole('textbox', { name: /^Note on / }).waitFor();
      await typeNote(page, `quick ${suffix}idea`);
    }],
    ['search', async () => {
      await page.goto(origin);
      await nav().getByRole('link', { name: 'Search' }).click();
      await page.getByRole('searchbox', { name: 'Search talks and notes' }).fill(`${suffix}mesh`);
      await page.getByRole('list', { name: 'Results' }).getByRole('link', { name: new RegExp(title) }).waitFor();
    }],
    ['import a schedule from a file', async () => {
      await page.goto(`${origin}/import`);
      await page.getByLabel('Schedule file').setInputFiles(new URL('schedules/sessionize-sample-event_all.json', FIXTURES).pathname);
      await page.getByLabel('Conference name').fill(`Imported ${suffix}`);
      await page.getByLabel('Time zone').fill('UTC');
      await page.getByRole('button', { name: /^Import \d+ talks$/ }).click();
      await page.getByRole('link', { name: new RegExp(`^Open Imported ${suffix}`) }).click();
      await page.getByRole('heading', { level: 1, name: `Imported ${suffix}` }).waitFor();
    }],
    ['export a note (download)', async () => {
      await page.goto(`${talkUrl}/export`);
      await page.getByLabel(/^Preview of /).waitFor();
      const file = await download(page, 'Download .md');
      expect(file.bytes.toString('utf8')).toContain('routing tables');
    }],
    ['settings', async () => {
      await page.goto(`${origin}/settings`);
      await page.getByRole('radio', { name: 'Dark' }).check();
      await page.reload();
      await expect(page.getByRole('radio', { name: 'Dark' }).isChecked()).resolves.toBe(true);
    }],
    ['backup', async () => {
      backup = await download(page, 'Back up everything');
      expect(backup.name).toMatch(/^lectern-backup-.*\.zip$/);
      await page.getByText(/^Last backup: /).waitFor();
    }],
    ['restore a backup', async () => {
      page.once('dialog', (d) => void d.accept());
      await page.getByLabel('Restore a backup…').setInputFiles({ name: backup!.name, mimeType: 'application/zip', buffer: backup!.bytes });
      await page.getByText(new RegExp(`^Merged ${backup!.name.replace(/\./g, '\\.')}: `)).waitFor();
    }],
    ['import Markdown from a file', async () => {
      await page.getByLabel('Import Markdown…').setInputFiles(new URL('notes/2016-06-01-post-pycon_jekyll.md', FIXTURES).pathname);
      await page.getByText(/^Imported 2016-06-01-post-pycon_jekyll\.md: /).waitFor();
    }],
    ['history', async () => {
      await page.goto(talkUrl);
      await page.getByRole('link', { name: 'History' }).click();
      await page.getByRole('heading', { name: 'Earlier versions' }).waitFor();
    }],
    ['trash: delete and restore a talk', async () => {
      await page.goto(`${talkUrl}/edit`);
      await page.getByRole('button', { name: 'Move to Trash' }).click();
      await page.getByRole('heading', { level: 1, name: conf }).waitFor();
      await page.goto(`${origin}/trash`);
      await page.getByRole('button', { name: `Restore ${title}` }).click();
      await page.getByText('The Trash is empty.').waitFor();
      await page.goto(talkUrl);
      // Enter continues the list, so the note ends with the next item's dash.
      await expect(noteText(page)).resolves.toMatch(new RegExp(`^first thoughts on ${suffix}mesh\\n- routing tables\\n`));
    }],
  ];
}
