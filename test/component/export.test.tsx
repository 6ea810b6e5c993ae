// The export screen, the talk page's "Keep private", and the Backup and import section of Settings.
import { unzipSync } from 'fflate';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConference } from '../../src/db/conferences';
import { db } from '../../src/db/database';
import { getSettings } from '../../src/db/settings';
import { createQuickNote, createTalk, getTalk, saveTalkBody } from '../../src/db/talks';
import { INBOX_ID } from '../../src/model/inbox';
import { resetDb } from '../helpers/db';
import { conferenceDraft, talkFields } from '../helpers/factories';
import { renderAppAt } from '../helpers/render-app';

let confId: string;
let talkId: string;
let downloads: Array<{ name: string; blob: Blob }>;

beforeEach(async () => {
  await resetDb();
  confId = await createConference(conferenceDraft({ name: 'FOSDEM 2026', startDate: '2026-01-31', endDate: '2026-02-01', timeZone: 'Europe/Brussels' }));
  talkId = await createTalk(confId, talkFields({ title: 'CRDTs in practice', day: '2026-01-31', starts: '2026-01-31T10:00:00+01:00', speakers: [{ name: 'Ada', affiliation: 'Inria' }] }));
  await saveTalkBody(talkId, '- merge is commutative\n');
  const secret = await createTalk(confId, talkFields({ title: 'Hallway gossip', day: '2026-01-31', starts: '2026-01-31T11:00:00+01:00' }));
  await saveTalkBody(secret, 'not for the blog\n');
  await db.talks.update(secret, { private: true });
  // jsdom has no object URLs or downloads: record what the app hands to the download link.
  downloads = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});

afterEach(() => vi.restoreAllMocks());

/** The first visit loads the lazy screen and the export code: slower than the testing library's default second. */
const firstLoad = { timeout: 10_000 };

function preview(): string {
  return screen.getByLabelText(/^Preview of /).textContent ?? '';
}

describe('export screen for a day', () => {
  it('previews the day post, follows the chosen front matter and title, and leaves out private talks', async () => {
    renderAppAt(`/c/${confId}/day/2026-01-31/export`);
    await screen.findByRole('heading', { level: 1, name: 'Export FOSDEM 2026 – Day 1' }, firstLoad);
    expect(preview()).toMatch(/^# FOSDEM 2026 – Day 1\n/);
    expect(preview()).toContain('## CRDTs in practice\n\nAda, Inria\n\n10:00\n\n- merge is commutative\n');
    expect(preview()).toContain('- merge is commutative\n');
    expect(preview()).not.toContain('Hallway gossip');
    expect(screen.getByText('Talks you keep private are left out.')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: /^Jekyll/ }));
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'FOSDEM: day one' } });
    await waitFor(() => expect(preview()).toMatch(/^---\nlayout: post\ntitle: "FOSDEM: day one"\ndate: 2026-01-31\n/));
    expect(screen.getByText('2026-01-31-fosdem-day-one.md')).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: /Lectern markers/ }));
    await waitFor(() => expect(preview()).not.toContain('<!-- lectern:'));
  });

  it('downloads exactly the previewed Markdown', async () => {
    renderAppAt(`/c/${confId}/day/2026-01-31/export`);
    await screen.findByRole('heading', { level: 1, name: 'Export FOSDEM 2026 – Day 1' }, firstLoad);
    fireEvent.click(screen.getByRole('button', { name: 'Download .md' }));
    await screen.findByText('Downloaded fosdem-2026-day-1.md.');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toBe('fosdem-2026-day-1.md');
    expect(await downloads[0]!.blob.text()).toBe(preview());
  });

  it('copies the Markdown, and says so plainly when the browser refuses', async () => {
    const writeText = vi.fn().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new DOMException('no', 'NotAllowedError'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderAppAt(`/t/${talkId}/export`);
    await screen.findByRole('heading', { level: 1, name: 'Export “CRDTs in practice”' }, firstLoad);
    fireEvent.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    await screen.findByText('Copied the Markdown to the clipboard.');
    expect(writeText).toHaveBeenCalledWith(preview());
    fireEvent.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The browser did not allow copying to the clipboard. Download the file instead.');
  });

  it('shares the file where the browser can share files, and the text where it cannot', async () => {
    const share = vi.fn().mockResolvedValue(undefined);
    let files = true;
    Object.assign(navigator, { share, canShare: vi.fn(() => files) });
    try {
      renderAppAt(`/t/${talkId}/export`);
      await screen.findByRole('heading', { level: 1, name: 'Export “CRDTs in practice”' }, firstLoad);
      fireEvent.click(screen.getByRole('button', { name: 'Share…' }));
      await screen.findByText('Shared crdts-in-practice.md.');
      const shared = share.mock.calls[0]![0] as ShareData;
      expect(shared.files?.[0]?.name).toBe('crdts-in-practice.md');
      files = false;
      fireEvent.click(screen.getByRole('button', { name: 'Share…' }));
      await screen.findByText('Shared the Markdown as text.');
      expect(share.mock.calls[1]![0]).toEqual({ title: 'CRDTs in practice', text: preview() });
    } finally {
      delete (navigator as { share?: unknown }).share;
      delete (navigator as { canShare?: unknown }).canShare;
    }
  });
});

describe('export screen for a conference', () => {
  it('lists the zip files and previews each', async () => {
    renderAppAt(`/c/${confId}/export`);
    await screen.findByRole('heading', { level: 1, name: 'Export FOSDEM 2026' }, firstLoad);
    expect(screen.getByText('2 Markdown files and 0 photos in fosdem-2026.zip')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('File'), { target: { value: '1' } });
    await waitFor(() => expect(preview()).toContain('## CRDTs in practice'));
    fireEvent.click(screen.getByRole('radio', { name: 'One file per talk' }));
    await waitFor(() => expect(screen.getByText('2 Markdown files and 0 photos in fosdem-2026.zip')).toBeTruthy());
  });
});

describe('progress', () => {
  it('appears only once building the zip has taken over 200 ms, and goes when it is done', async () => {
    renderAppAt(`/c/${confId}/export`);
    await screen.findByRole('heading', { level: 1, name: 'Export FOSDEM 2026' }, firstLoad);
    // Reading the photos is held until released: the zip takes as long as the test wants.
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    const bulkGet = db.blobs.bulkGet.bind(db.blobs);
    vi.spyOn(db.blobs, 'bulkGet').mockImplementation(((keys: string[]) => held.then(() => bulkGet(keys))) as unknown as typeof db.blobs.bulkGet);
    const clicked = performance.now();
    fireEvent.click(screen.getByRole('button', { name: 'Download .zip' }));
    await new Promise((r) => setTimeout(r, 120));
    expect(screen.queryByRole('progressbar')).toBeNull();
    const bar = await screen.findByRole('progressbar', {}, { timeout: 1_000 });
    expect(performance.now() - clicked).toBeGreaterThanOrEqual(190);
    expect(bar.closest('[role="status"]')?.textContent).toContain('Building the zip…');
    release();
    await screen.findByText('Downloaded fosdem-2026.zip.');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});

describe('export from the Inbox', () => {
  it('has an Export link that makes a zip of the free notes', async () => {
    const noteId = await createQuickNote(INBOX_ID, '', 'Hallway track');
    await saveTalkBody(noteId, 'Met Ada about CRDTs.\n');
    renderAppAt(`/c/${INBOX_ID}`);
    await screen.findByRole('heading', { level: 1, name: 'Inbox' }, firstLoad);
    const link = screen.getByRole('link', { name: 'Export' });
    expect(link.getAttribute('href')).toBe(`/c/${INBOX_ID}/export`);
    fireEvent.click(link);
    await screen.findByRole('heading', { level: 1, name: 'Export Inbox' }, firstLoad);
    fireEvent.click(screen.getByRole('button', { name: 'Download .zip' }));
    await screen.findByText('Downloaded inbox.zip.');
    const files = unzipSync(new Uint8Array(await downloads[0]!.blob.arrayBuffer()));
    const texts = Object.entries(files).map(([name, data]) => [name, new TextDecoder().decode(data)] as const);
    expect(texts.map(([n]) => n)).toContain('index.md');
    const notes = texts.filter(([n]) => n !== 'index.md');
    expect(notes).toHaveLength(1);
    expect(notes[0]![1]).toContain('Met Ada about CRDTs.\n');
    expect(notes[0]![1]).not.toContain('FOSDEM');
  });
});

describe('keep private', () => {
  it('is a toggle on the talk page, beside the Export link', async () => {
    renderAppAt(`/t/${talkId}`);
    const toggle = await screen.findByRole('checkbox', { name: 'Keep private' }, firstLoad);
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(async () => expect((await getTalk(talkId))?.private).toBe(true));
    expect(screen.getByRole('link', { name: 'Export' }).getAttribute('href')).toBe(`/t/${talkId}/export`);
  });
});

describe('Settings: backup and import', () => {
  it('says when no backup was made, makes one, and shows its date', async () => {
    renderAppAt('/settings');
    expect((await screen.findByTestId('last-backup', {}, firstLoad)).textContent).toMatch(/^No backup made on this device yet\./);
    fireEvent.click(screen.getByRole('button', { name: 'Back up everything' }));
    await screen.findByText(/^Downloaded lectern-backup-\d{4}-\d{2}-\d{2}\.zip: 1 conference, 2 talks, 0 photos\.$/);
    expect(downloads[0]!.name).toMatch(/^lectern-backup-/);
    expect((await getSettings()).lastBackup).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await waitFor(() => expect(screen.getByTestId('last-backup').textContent).toMatch(/^Last backup: /));
  });

  it('asks before merging a backup into the notes on this device, and changes nothing when told no', async () => {
    renderAppAt('/settings');
    fireEvent.click(await screen.findByRole('button', { name: 'Back up everything' }, firstLoad));
    await screen.findByText(/^Downloaded lectern-backup-/);
    const backup = new File([downloads[0]!.blob], downloads[0]!.name, { type: 'application/zip' });
    const [talk] = await db.talks.toArray();
    await saveTalkBody(talk!.id, 'written after the backup');
    const before = await db.talks.toArray();

    const ask = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.change(screen.getByLabelText('Restore a backup…'), { target: { files: [backup] } });
    await screen.findByText('Restore cancelled: nothing changed.');
    expect(ask.mock.calls[0]![0]).toMatch(/^Merge lectern-backup-.*\.zip into the 2 talks on this device\? For each note the newer edit wins/);
    expect(await db.talks.toArray()).toEqual(before);

    ask.mockReturnValue(true);
    fireEvent.change(screen.getByLabelText('Restore a backup…'), { target: { files: [backup] } });
    await screen.findByText(/^Merged lectern-backup-.*\.zip: /);
    expect((await getTalk(talk!.id))?.body).toBe('written after the backup');
  });

  it('refuses a file that is not a backup with a clear message', async () => {
    renderAppAt('/settings');
    const input = await screen.findByLabelText('Restore a backup…', {}, firstLoad);
    fireEvent.change(input, { target: { files: [new File(['just text'], 'notes.zip', { type: 'application/zip' })] } });
    expect((await screen.findByRole('alert')).textContent).toBe('“notes.zip” is not a complete zip file: it may have been cut short while downloading. Nothing was changed.');
  });

  it('imports a plain Markdown file as a free note in the Inbox', async () => {
    renderAppAt('/settings');
    const input = await screen.findByLabelText('Import Markdown…', {}, firstLoad);
    const file = new File(['---\ntitle: Hallway track\ntags: [people]\n---\n\nMet Ada.\n'], 'hallway.md', { type: 'text/markdown' });
    fireEvent.change(input, { target: { files: [file] } });
    await screen.findByText('Imported hallway.md: 1 free note in the Inbox.');
    const note = (await db.talks.where('conferenceId').equals(INBOX_ID).toArray())[0];
    expect(note).toMatchObject({ title: 'Hallway track', body: 'Met Ada.\n', tags: ['people'], kind: 'note' });
  });

  it('refuses a file that is not Markdown', async () => {
    renderAppAt('/settings');
    const input = await screen.findByLabelText('Import Markdown…', {}, firstLoad);
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([0xff, 0xd8, 0xff])], 'slide.jpg')] } });
    expect((await screen.findByRole('alert')).textContent).toBe('“slide.jpg” is not a Markdown file. Choose a .md file or a .zip exported by Lectern.');
  });
});
