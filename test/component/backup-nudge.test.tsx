// What a person sees about the risk of the browser clearing their notes: the backup nudge and Settings' plain answer.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConference } from '../../src/db/conferences';
import { getSettings, setSetting } from '../../src/db/settings';
import { createTalk, saveTalkBody } from '../../src/db/talks';
import { resetDb } from '../helpers/db';
import { conferenceDraft, talkFields } from '../helpers/factories';
import { renderAppAt } from '../helpers/render-app';

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  await resetDb();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Notes written at each of these instants, each in its own talk. */
async function notesAt(...instants: string[]): Promise<void> {
  vi.setSystemTime(new Date('2026-01-30T08:00:00Z'));
  const conf = await createConference(conferenceDraft({ name: 'FOSDEM 2026', startDate: '2026-01-31', endDate: '2026-02-02' }));
  for (const [i, at] of instants.entries()) {
    vi.setSystemTime(new Date(at));
    await saveTalkBody(await createTalk(conf, talkFields({ title: `Talk ${i + 1}` })), `Notes ${i + 1}`);
  }
}

describe('the backup nudge on the home screen', () => {
  it('appears after notes on three days since the last backup, links to the backup, and goes away when dismissed', async () => {
    vi.setSystemTime(new Date('2026-01-30T09:00:00Z'));
    await setSetting('lastBackup', '2026-01-30T09:00:00.000Z');
    await notesAt('2026-01-31T10:00:00Z', '2026-02-01T10:00:00Z', '2026-02-02T10:00:00Z');
    vi.setSystemTime(new Date('2026-02-02T18:00:00Z'));
    renderAppAt('/');
    const text = await screen.findByText(/Notes from 3 days are not in a backup yet/);
    expect(text.textContent).toContain('may clear them without asking');
    expect(screen.getByRole('link', { name: 'Back up now' }).getAttribute('href')).toBe('/settings#backup-heading');
    // Not in the way: the home screen is all there beside it.
    expect(screen.getByRole('heading', { name: 'Conferences' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByText(/not in a backup yet/)).toBeNull());
    expect((await getSettings()).backupNudgeDismissed).toBe('2026-02-02T18:00:00.000Z');
  });

  it('says so when there never was a backup, from the day after the first notes', async () => {
    await notesAt('2026-01-31T10:00:00Z');
    vi.setSystemTime(new Date('2026-01-31T20:00:00Z'));
    const { unmount } = renderAppAt('/');
    await screen.findByRole('heading', { name: 'Conferences' });
    expect(screen.queryByText(/never been backed up/)).toBeNull();
    unmount();

    vi.setSystemTime(new Date('2026-02-01T08:00:00Z'));
    renderAppAt('/');
    expect((await screen.findByText(/Your notes have never been backed up/)).textContent).toContain('only in this browser');
  });

  it('stays away while the last backup covers the notes', async () => {
    await notesAt('2026-01-31T10:00:00Z', '2026-02-01T10:00:00Z', '2026-02-02T10:00:00Z');
    await setSetting('lastBackup', '2026-02-02T12:00:00.000Z');
    vi.setSystemTime(new Date('2026-02-03T08:00:00Z'));
    renderAppAt('/');
    await screen.findByRole('heading', { name: 'Conferences' });
    expect(screen.queryByText(/backed up|not in a backup/)).toBeNull();
  });
});

describe('Settings on storage the browser may clear', () => {
  const storage = (persisted: boolean) => ({
    estimate: () => Promise.resolve({ usage: 2_097_152, quota: 1_073_741_824 }),
    persisted: () => Promise.resolve(persisted),
  });

  it('says plainly when the browser refused to keep the data, and what that means', async () => {
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { storage: storage(false) }));
    renderAppAt('/settings');
    const answer = await screen.findByTestId('storage-persisted');
    expect(answer.textContent).toMatch(/^No: this browser has not agreed to keep Lectern’s data/);
    expect(answer.textContent).toContain('may delete every note stored here, without asking');
    expect(answer.textContent).toContain('Back up regularly');
  });

  it('says so when the data is protected', async () => {
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { storage: storage(true) }));
    renderAppAt('/settings');
    expect((await screen.findByTestId('storage-persisted')).textContent).toMatch(/^Yes: the browser keeps Lectern’s notes/);
  });
});
