import { fireEvent, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/database';
import { saveSyncConfig } from '../../src/db/sync-config';
import { startSyncController, stopSyncController } from '../../src/sync/sync-controller';
import { listVersions } from '../../src/db/versions';
import { resetDb } from '../helpers/db';
import { conference, talk } from '../helpers/factories';
import { renderAppAt } from '../helpers/render-app';

// The engine's network side is the boundary: runs end at once, with nothing from the server.
vi.mock('../../src/sync/run-sync', () => ({ runSync: vi.fn(async () => ({ uploaded: 0, downloaded: 0, merged: 0, conflicts: 0, requests: 1 })) }));

const NOTE = '- intro\n- the CAP theorem, briefly\n- demo';
const OTHER = '- intro\n- CAP: pick two of three\n- demo';

beforeEach(async () => {
  await resetDb();
  await db.conferences.put(conference({ id: 'conf-1', name: 'FOSDEM 2026' }));
  await db.talks.put(talk({ id: 'note-1', conferenceId: 'conf-1', title: 'CRDTs in practice', body: NOTE }));
  await db.talks.put(talk({ id: 'copy-1', conferenceId: 'conf-1', title: 'CRDTs in practice', body: OTHER, conflictOf: 'note-1', conflictFrom: 'Laptop' }));
});

async function openCopy(): Promise<void> {
  renderAppAt('/conflicts');
  const list = await screen.findByRole('list', { name: 'Conflict copies' });
  fireEvent.click(within(list).getByRole('link', { name: /CRDTs in practice/ }));
  await screen.findByRole('heading', { level: 1, name: 'Conflict: CRDTs in practice' });
}

describe('Conflicts', () => {
  it('says so when there are none', async () => {
    await db.talks.delete('copy-1');
    renderAppAt('/conflicts');
    expect(await screen.findByText(/No conflicts/)).toBeTruthy();
  });

  it('lists each conflict copy with the device it came from', async () => {
    renderAppAt('/conflicts');
    const list = await screen.findByRole('list', { name: 'Conflict copies' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['CRDTs in practiceCopy from Laptop']);
  });

  it('shows the note and the copy side by side, and keeps the merged text', async () => {
    await openCopy();
    const note = screen.getByRole('region', { name: 'The note' });
    const copy = screen.getByRole('region', { name: 'The copy from Laptop' });
    expect(note.textContent).toContain('the CAP theorem, briefly');
    expect(copy.textContent).toContain('CAP: pick two of three');
    const merged = screen.getByLabelText('Merged text') as HTMLTextAreaElement;
    expect(merged.value).toBe(NOTE);

    fireEvent.click(within(copy).getByRole('button', { name: 'Start from the copy' }));
    expect(merged.value).toBe(OTHER);
    merged.value = '- intro\n- the CAP theorem: pick two of three\n- demo';
    fireEvent.click(screen.getByRole('button', { name: 'Keep merged' }));

    await screen.findByRole('heading', { level: 1, name: 'Conflicts' });
    expect(await screen.findByText(/No conflicts/)).toBeTruthy();
    expect((await db.talks.get('note-1'))?.body).toBe('- intro\n- the CAP theorem: pick two of three\n- demo');
    expect((await db.talks.get('copy-1'))?.deletedAt).not.toBeNull();
    // The text it replaced stays in the note's history.
    expect((await listVersions('note-1')).map((v) => (v.record as { body: string }).body)).toContain(NOTE);
  });

  it('discards the copy to the Trash, leaving the note as it was', async () => {
    await openCopy();
    fireEvent.click(screen.getByRole('button', { name: 'Discard the copy' }));
    expect(await screen.findByText(/No conflicts/)).toBeTruthy();
    expect((await db.talks.get('note-1'))?.body).toBe(NOTE);
    expect((await db.talks.get('copy-1'))?.deletedAt).not.toBeNull();
  });

  it('says the conflict is resolved when the copy went meanwhile', async () => {
    await openCopy();
    await db.talks.update('copy-1', { deletedAt: new Date().toISOString() });
    expect(await screen.findByRole('heading', { level: 1, name: 'Conflict resolved' })).toBeTruthy();
  });

  it('leads from Settings to the conflicts, with or without a connection', async () => {
    renderAppAt('/settings');
    const section = await screen.findByRole('region', { name: 'Sync' });
    const link = await within(section).findByRole('link', { name: 'Conflicts: 1 copy to look at' });
    expect(link.getAttribute('href')).toBe('/conflicts');
  });

  it('leads from the status line to the conflicts when there are any', async () => {
    await saveSyncConfig({ serverUrl: 'https://dav.example.org/', folder: 'Lectern', username: 'alice', password: 's3cret' });
    startSyncController();
    try {
      renderAppAt('/');
      const link = await screen.findByRole('link', { name: '1 conflict to look at' });
      expect(link.getAttribute('href')).toBe('/conflicts');
      fireEvent.click(link);
      expect(await screen.findByRole('heading', { level: 1, name: 'Conflicts' })).toBeTruthy();
    } finally {
      stopSyncController();
    }
  });
  it('marks a copy in its conference list and on its page, and leads from there to the comparison', async () => {
    renderAppAt('/c/conf-1');
    const cards = await screen.findAllByRole('link', { name: /CRDTs in practice/ });
    expect(cards.map((a) => a.textContent?.includes('Conflict copy'))).toEqual(expect.arrayContaining([true, false]));

    fireEvent.click(cards.find((a) => a.textContent?.includes('Conflict copy'))!);
    const notice = await screen.findByRole('note');
    expect(notice.textContent).toMatch(/^Conflict copy: this is your text that could not be merged/);
    fireEvent.click(within(notice).getByRole('link', { name: 'Compare and merge' }));
    await screen.findByRole('heading', { level: 1, name: 'Conflict: CRDTs in practice' });
  });
});
