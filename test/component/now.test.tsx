// The home screen at a fixed moment: the conference under way at its venue, and per room what is on now and next.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConference } from '../../src/db/conferences';
import { db } from '../../src/db/database';
import { createTalk, saveTalkBody } from '../../src/db/talks';
import { INBOX_ID } from '../../src/model/inbox';
import { resetDb } from '../helpers/db';
import { conferenceDraft, talkFields } from '../helpers/factories';
import { renderAppAt } from '../helpers/render-app';

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  await resetDb();
});
afterEach(() => vi.useRealTimers());

async function fosdem(): Promise<string> {
  const id = await createConference(conferenceDraft({ name: 'FOSDEM 2026', timeZone: 'Europe/Brussels', startDate: '2026-01-31', endDate: '2026-02-01' }));
  const slot = (title: string, room: string, start: string, end: string) =>
    createTalk(id, talkFields({ title, room, day: '2026-01-31', starts: `2026-01-31T${start}:00+01:00`, ends: `2026-01-31T${end}:00+01:00` }));
  await slot('Keynote', 'Janson', '09:30', '10:30');
  await slot('Rust in the kernel', 'Janson', '10:30', '11:00');
  await slot('Go generics', 'H.1302', '10:45', '11:15');
  return id;
}

describe('home at a fixed clock', () => {
  it('shows the talk on now and the next one per room, and opens the note in one tap', async () => {
    vi.setSystemTime(new Date('2026-01-31T09:15:00Z')); // 10:15 in Brussels
    await fosdem();
    renderAppAt('/');
    const now = await screen.findByRole('list', { name: 'On now and next, by room' });
    expect(screen.getByRole('heading', { name: 'Now at FOSDEM 2026' })).toBeTruthy();
    const rooms = within(now).getAllByRole('listitem');
    expect(rooms.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^Janson.*On now.*Keynote.*Next.*Rust in the kernel/),
      expect.stringMatching(/^H\.1302.*Next.*Go generics/),
    ]);
    expect(within(rooms[0]!).getByRole('link', { name: /Keynote/ }).getAttribute('href')).toMatch(/^\/t\//);
  });

  it('lists the conferences with their live talk counts, which follow a talk moved to the Trash', async () => {
    vi.setSystemTime(new Date('2026-03-01T12:00:00Z'));
    await fosdem();
    const other = await createConference(conferenceDraft({ name: 'RustConf', startDate: '2025-09-02', endDate: '2025-09-04' }));
    const only = await createTalk(other, talkFields({ title: 'Async traits' }));
    renderAppAt('/');
    const list = await screen.findByRole('list', { name: 'Conferences' });
    const card = (name: string): HTMLElement => within(list).getByRole('link', { name: new RegExp(name) });
    await waitFor(() => expect(card('FOSDEM 2026').textContent).toMatch(/3 talks$/));
    expect(card('RustConf').textContent).toMatch(/1 talk$/);
    await db.talks.update(only, { deletedAt: '2026-03-01T12:00:00.000Z' });
    await waitFor(() => expect(card('RustConf').textContent).toMatch(/0 talks$/));
    expect(card('FOSDEM 2026').textContent).toMatch(/3 talks$/);
  });

  it('shows recent notes when no conference is under way', async () => {
    vi.setSystemTime(new Date('2026-03-01T12:00:00Z'));
    const id = await fosdem();
    const keynote = await db.talks.where('conferenceId').equals(id).filter((t) => t.title === 'Keynote').first();
    await saveTalkBody(keynote!.id, 'Opening remarks');
    renderAppAt('/');
    const recent = await screen.findByRole('heading', { name: 'Recent notes' });
    expect(recent).toBeTruthy();
    expect(within(screen.getByRole('heading', { name: 'Recent notes' }).parentElement!).getByRole('link', { name: /Keynote/ })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /Now at/ })).toBeNull();
  });

  it('"New note" files a free note on today\'s day of the conference under way', async () => {
    vi.setSystemTime(new Date('2026-01-31T13:05:00Z')); // 14:05 in Brussels
    const id = await fosdem();
    renderAppAt('/');
    fireEvent.click(await screen.findByRole('button', { name: 'New note' }));
    await waitFor(async () => expect(await db.talks.filter((t) => t.kind === 'note').count()).toBe(1));
    const note = (await db.talks.filter((t) => t.kind === 'note').first())!;
    expect(note).toMatchObject({ conferenceId: id, day: '2026-01-31', title: 'Note at 14:05' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Note at 14:05' })).toBeTruthy();
  });

  it('"New note" goes to the Inbox when no conference is under way', async () => {
    vi.setSystemTime(new Date('2026-03-01T12:00:00Z'));
    renderAppAt('/');
    fireEvent.click(await screen.findByRole('button', { name: 'New note' }));
    await waitFor(async () => expect(await db.talks.count()).toBe(1));
    expect((await db.talks.toCollection().first())?.conferenceId).toBe(INBOX_ID);
    expect(await screen.findByRole('link', { name: 'Inbox' })).toBeTruthy();
  });
});
