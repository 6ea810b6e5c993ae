import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConference } from '../../src/db/conferences';
import { db } from '../../src/db/database';
import { loadSyncConfig, saveSyncConfig } from '../../src/db/sync-config';
import { createTalk } from '../../src/db/talks';
import type { ConnectionCheck } from '../../src/sync/check-connection';
import type { SyncConfig } from '../../src/sync/config';
import { startSyncController, stopSyncController } from '../../src/sync/sync-controller';
import { SyncStop } from '../../src/sync/sync-stop';
import { resetDb } from '../helpers/db';
import { conferenceDraft, talkFields } from '../helpers/factories';
import { renderAppAt } from '../helpers/render-app';

// The engine's network side is the boundary: what the server answers is set per test; storage is real.
const engine = vi.hoisted(() => ({
  checkConnection: vi.fn<(c: unknown, o?: unknown) => Promise<unknown>>(),
  createRemoteFolder: vi.fn<(c: unknown) => Promise<void>>(),
  runSync: vi.fn<(c: unknown, o?: unknown) => Promise<unknown>>(),
}));
vi.mock('../../src/sync/check-connection', () => ({ checkConnection: engine.checkConnection, createRemoteFolder: engine.createRemoteFolder }));
vi.mock('../../src/sync/run-sync', () => ({ runSync: engine.runSync }));

const CONFIG: SyncConfig = { serverUrl: 'https://dav.example.org/dav/', folder: 'Lectern', username: 'alice', password: 's3cret' };
const RESULT = { uploaded: 0, downloaded: 0, merged: 0, conflicts: 0, requests: 3 };

beforeEach(async () => {
  await resetDb();
  engine.checkConnection.mockReset();
  engine.createRemoteFolder.mockReset().mockResolvedValue(undefined);
  engine.runSync.mockReset().mockResolvedValue(RESULT);
});
afterEach(() => {
  // Background sync lives as long as the page; each test is a fresh page.
  stopSyncController();
  vi.restoreAllMocks();
});

async function openSyncSettings(): Promise<HTMLElement> {
  renderAppAt('/settings');
  const section = await screen.findByRole('region', { name: 'Sync' });
  // The saved connection is read first: the form, or the connected view, follows.
  await waitFor(() => expect(within(section).queryByText('Loading…')).toBeNull());
  return section;
}

function fill(section: HTMLElement, c: Partial<SyncConfig>): void {
  const field = (label: string | RegExp) => within(section).getByLabelText(label) as HTMLInputElement;
  if (c.serverUrl !== undefined) fireEvent.input(field('Server address'), { target: { value: c.serverUrl } });
  if (c.folder !== undefined) fireEvent.input(field('Folder'), { target: { value: c.folder } });
  if (c.username !== undefined) fireEvent.input(field('User name'), { target: { value: c.username } });
  if (c.password !== undefined) fireEvent.input(field('Password or app password'), { target: { value: c.password } });
}

const answer = (check: ConnectionCheck): void => void engine.checkConnection.mockResolvedValue(check);

describe('connecting a WebDAV folder', () => {
  it('names each missing field, asks the server nothing and saves nothing', async () => {
    const section = await openSyncSettings();
    fill(section, { folder: '' });
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }));
    expect(await within(section).findByText('Enter the address of your WebDAV server.')).toBeTruthy();
    expect(within(section).getByText('Name the folder for Lectern, e.g. Lectern.')).toBeTruthy();
    expect(within(section).getByText('Enter your user name on the server.')).toBeTruthy();
    expect(within(section).getByLabelText('Server address').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(within(section).getByLabelText('Server address'));
    expect(engine.checkConnection).not.toHaveBeenCalled();
    expect(await loadSyncConfig()).toBeNull();
  });

  it('refuses a plain http address to another computer', async () => {
    const section = await openSyncSettings();
    fill(section, { ...CONFIG, serverUrl: 'http://dav.example.org/' });
    fireEvent.click(within(section).getByRole('button', { name: 'Test connection' }));
    expect(await within(section).findByText(/Use https:\/\//)).toBeTruthy();
    expect(engine.checkConnection).not.toHaveBeenCalled();
  });

  it.each<[string, ConnectionCheck, string]>([
    ['an unreachable or CORS-blocked server', { ok: false, problem: 'unreachable', message: 'Lectern could not reach the server.' }, 'Cannot reach the server'],
    ['wrong credentials', { ok: false, problem: 'credentials', message: 'The server refused this user name or password.' }, 'The server refused the login'],
    ['a server error', { ok: false, problem: 'server', message: 'The server has no space left in this folder.' }, 'The server answered with an error'],
  ])('Test connection tells %s apart, and Connect saves nothing', async (_name, check, title) => {
    answer(check);
    const section = await openSyncSettings();
    fill(section, CONFIG);
    fireEvent.click(within(section).getByRole('button', { name: 'Test connection' }));
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain(title);
    expect(alert.textContent).toContain(check.ok ? '' : check.message);
    expect(engine.checkConnection).toHaveBeenCalledWith(CONFIG, expect.anything());
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(engine.checkConnection).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 20));
    expect(await loadSyncConfig()).toBeNull();
  });

  it('shows the app’s own address when the server cannot be reached, for the CORS setting', async () => {
    answer({ ok: false, problem: 'unreachable', message: 'Lectern could not reach the server.' });
    const section = await openSyncSettings();
    fill(section, CONFIG);
    fireEvent.click(within(section).getByRole('button', { name: 'Test connection' }));
    expect((await within(section).findByRole('alert')).textContent).toContain(location.origin);
  });

  it('offers to create a missing folder, creates it and tests again', async () => {
    engine.checkConnection
      .mockResolvedValueOnce({ ok: false, problem: 'folder-missing', message: 'There is no folder “Notes/Lectern” on the server yet.' })
      .mockResolvedValueOnce({ ok: true, conditionalWrites: 'enforced' });
    const section = await openSyncSettings();
    fill(section, { ...CONFIG, folder: ' Notes/Lectern ' });
    fireEvent.click(within(section).getByRole('button', { name: 'Test connection' }));
    expect((await within(section).findByRole('alert')).textContent).toContain('The folder does not exist');
    fireEvent.click(within(section).getByRole('button', { name: 'Create the folder “Notes/Lectern”' }));
    expect((await within(section).findByTestId('sync-check')).textContent).toContain('Folder “Notes/Lectern” created.');
    expect(engine.createRemoteFolder).toHaveBeenCalledWith({ ...CONFIG, folder: 'Notes/Lectern' });
    expect(await loadSyncConfig()).toBeNull();
  });

  it('says plainly when creating the folder fails', async () => {
    answer({ ok: false, problem: 'folder-missing', message: 'There is no folder “Lectern” on the server yet.' });
    engine.createRemoteFolder.mockRejectedValue(new Error('The server refused to create the folder (403).'));
    const section = await openSyncSettings();
    fill(section, CONFIG);
    fireEvent.click(within(section).getByRole('button', { name: 'Test connection' }));
    fireEvent.click(await within(section).findByRole('button', { name: 'Create the folder “Lectern”' }));
    expect(await within(section).findByText(/The server refused to create the folder \(403\)/)).toBeTruthy();
  });

  it('warns to sync one device at a time when the server ignores conditional writes', async () => {
    answer({ ok: true, conditionalWrites: 'ignored' });
    const section = await openSyncSettings();
    fill(section, CONFIG);
    fireEvent.click(within(section).getByRole('button', { name: 'Test connection' }));
    const result = await within(section).findByTestId('sync-check');
    expect(result.textContent).toContain('ignores conditional writes');
    expect(result.textContent).toContain('sync one device at a time');
  });

  it('saves a working connection on this device and syncs at once', async () => {
    answer({ ok: true, conditionalWrites: 'enforced' });
    const section = await openSyncSettings();
    fill(section, { ...CONFIG, serverUrl: `  ${CONFIG.serverUrl} `, username: ' alice ' });
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }));
    expect(await within(section).findByText(/Syncing with the folder/)).toBeTruthy();
    expect(await loadSyncConfig()).toEqual(CONFIG);
    await waitFor(() => expect(engine.runSync).toHaveBeenCalledWith(CONFIG, expect.objectContaining({ signal: expect.any(AbortSignal) })));
  });
});

describe('a saved connection', () => {
  beforeEach(async () => {
    await saveSyncConfig(CONFIG);
  });

  it('shows the status line on every screen, and Synced after a run', async () => {
    startSyncController();
    renderAppAt('/');
    const line = await screen.findByTestId('sync-status');
    await waitFor(() => expect(line.textContent).toContain('Synced'));
    expect(within(line).getByRole('status').textContent).toBe('Sync: Synced');
  });

  it('shows progress on a long first sync, and tells a screen reader only that it is syncing', async () => {
    let finish!: () => void;
    engine.runSync.mockImplementation(async (_c, opts) => {
      (opts as { onProgress: (p: { done: number; total: number }) => void }).onProgress({ done: 120, total: 800 });
      await new Promise<void>((ok) => (finish = ok));
      return RESULT;
    });
    startSyncController();
    renderAppAt('/');
    const line = await screen.findByTestId('sync-status');
    await waitFor(() => expect(line.textContent).toContain('Syncing 120 of 800…'));
    expect(within(line).getByRole('status').textContent).toBe('Sync: Syncing');
    finish();
    await waitFor(() => expect(line.textContent).toContain('Synced'));
  });

  it('leaves the note count and conflicts alone while a run brings records, and counts them when it ends', async () => {
    const conf = await createConference(conferenceDraft());
    await createTalk(conf, talkFields({ title: 'Here before' }));
    await saveSyncConfig(CONFIG);
    let reads = 0;
    const each = db.talks.each.bind(db.talks);
    vi.spyOn(db.talks, 'each').mockImplementation((fn) => {
      reads++;
      return each(fn);
    });
    let readsAtStart = -1;
    let shownAtStart = '';
    let finish!: () => void;
    const notes = (): string => screen.getByText('Notes').nextElementSibling?.textContent ?? '';
    engine.runSync.mockImplementation(async () => {
      await screen.findByText('Notes');
      // A real run lists the folder before it writes anything: the screen has taken in that it runs by then.
      await new Promise((r) => setTimeout(r, 50));
      readsAtStart = reads;
      shownAtStart = notes();
      // As a first sync does: one record after another, a conflict copy among them.
      for (let i = 0; i < 20; i++) await createTalk(conf, talkFields({ title: `Brought ${i}` }));
      const copy = await createTalk(conf, talkFields({ title: 'Copy' }));
      await db.talks.update(copy, { conflictOf: 'somewhere' });
      await new Promise<void>((ok) => (finish = ok));
      return RESULT;
    });
    const section = await openSyncSettings();
    await waitFor(() => expect(finish).toBeTypeOf('function'));
    await new Promise((r) => setTimeout(r, 100));
    // Whatever was shown when the run started stays: counted before it, or not yet.
    expect(['0 written, in 1 talk', 'Counted once sync is done']).toContain(shownAtStart);
    expect(notes()).toBe(shownAtStart);
    expect(reads).toBe(readsAtStart);
    expect(within(section).queryByText(/Conflicts:/)).toBeNull();
    finish();
    await waitFor(() => expect(notes()).toBe('0 written, in 22 talks'));
    expect(reads).toBe(readsAtStart + 1);
    await within(section).findByText('Conflicts: 1 copy to look at');
  });

  it('counts changes waiting, and Sync now sends them', async () => {
    const conf = await createConference(conferenceDraft());
    await createTalk(conf, talkFields({ title: 'Keynote' }));
    engine.runSync.mockRejectedValue(new SyncStop('unreachable'));
    const section = await openSyncSettings();
    const summary = await within(section).findByTestId('sync-summary');
    await waitFor(() => expect(summary.textContent).toContain('Sync failed'));
    expect(summary.textContent).toContain('Lectern could not reach the sync server.');
    expect(summary.textContent).toContain('tries again by itself');
    // The conference and its talk: neither has reached the server.
    await waitFor(() => expect(summary.textContent).toContain('2 changes waiting.'));
    expect(screen.getByTestId('sync-status').textContent).toContain('Sync failed');

    // The engine here stores nothing, so the changes stay waiting after a run that went well.
    engine.runSync.mockResolvedValue(RESULT);
    fireEvent.click(within(section).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(engine.runSync).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(within(summary).getByText('2 changes waiting')).toBeTruthy());
    expect(screen.getByTestId('sync-status').textContent).toContain('2 changes waiting');
  });

  it('asks what to do when the server folder was emptied, and passes the answer on', async () => {
    engine.runSync.mockRejectedValueOnce(new SyncStop('remote-lost'));
    const section = await openSyncSettings();
    const question = await within(section).findByRole('group', { name: 'The sync folder on the server is empty' });
    expect(screen.getByTestId('sync-status').textContent).toContain('Sync stopped: needs your answer');
    fireEvent.click(within(question).getByRole('button', { name: 'Upload everything here' }));
    await waitFor(() => expect(engine.runSync).toHaveBeenLastCalledWith(CONFIG, expect.objectContaining({ resolution: 'upload-here' })));
    await waitFor(() => expect(within(section).queryByRole('group', { name: /empty/ })).toBeNull());
  });

  it('offers to merge into a folder holding other notes, or to cancel and stay stopped', async () => {
    engine.runSync.mockRejectedValueOnce(new SyncStop('other-folder'));
    const section = await openSyncSettings();
    const question = await within(section).findByRole('group', { name: 'This folder holds another set of notes' });
    expect(within(question).getByRole('button', { name: 'Merge into this folder' })).toBeTruthy();
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(within(section).getByTestId('sync-summary').textContent).toContain('Sync stays stopped until you choose'));
    expect(engine.runSync).toHaveBeenCalledTimes(1);
  });

  it('changes the connection, keeping the one saved when cancelled', async () => {
    const section = await openSyncSettings();
    fireEvent.click(await within(section).findByRole('button', { name: 'Change connection' }));
    expect((within(section).getByLabelText('User name') as HTMLInputElement).value).toBe('alice');
    fill(section, { username: 'bob' });
    fireEvent.click(within(section).getByRole('button', { name: 'Cancel' }));
    expect(await within(section).findByText(/as/)).toBeTruthy();
    expect((await loadSyncConfig())?.username).toBe('alice');
  });

  it('forgets the connection after confirming, keeping every note', async () => {
    const conf = await createConference(conferenceDraft());
    await createTalk(conf, talkFields({ title: 'Keynote' }));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    const section = await openSyncSettings();
    fireEvent.click(await within(section).findByRole('button', { name: 'Forget this connection' }));
    expect(await within(section).findByRole('button', { name: 'Connect' })).toBeTruthy();
    expect(confirm).toHaveBeenCalledOnce();
    expect(await loadSyncConfig()).toBeNull();
    expect((await db.talks.toArray()).map((t) => t.title)).toEqual(['Keynote']);
    await waitFor(() => expect(screen.queryByTestId('sync-status')).toBeNull());
  });

  it('keeps the connection when forgetting is not confirmed', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    const section = await openSyncSettings();
    fireEvent.click(await within(section).findByRole('button', { name: 'Forget this connection' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(await loadSyncConfig()).toEqual(CONFIG);
  });
});
