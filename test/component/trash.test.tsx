import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConference, trashConference } from '../../src/db/conferences';
import { db } from '../../src/db/database';
import { createTalk, trashTalk } from '../../src/db/talks';
import { resetDb } from '../helpers/db';
import { conferenceDraft, talkFields } from '../helpers/factories';
import { renderAppAt } from '../helpers/render-app';

let confId: string;
let talkId: string;

beforeEach(async () => {
  await resetDb();
  confId = await createConference(conferenceDraft({ name: 'FOSDEM 2026' }));
  talkId = await createTalk(confId, talkFields({ title: 'CRDTs in practice' }));
  await createTalk(confId, talkFields({ title: 'Still here' }));
});

afterEach(() => vi.restoreAllMocks());

async function openTrash(): Promise<HTMLElement> {
  renderAppAt('/trash');
  await screen.findByRole('heading', { level: 1, name: 'Trash' });
  return screen.findByRole('list', { name: 'Deleted items' });
}

describe('Trash screen', () => {
  it('says so when the Trash is empty', async () => {
    renderAppAt('/trash');
    expect(await screen.findByText('The Trash is empty.')).toBeTruthy();
  });

  it('lists a trashed talk with its conference and restores it', async () => {
    await trashTalk(talkId);
    const list = await openTrash();
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('CRDTs in practice');
    expect(items[0]!.textContent).toContain('Talk at FOSDEM 2026 · 30 days left');

    fireEvent.click(within(items[0]!).getByRole('button', { name: 'Restore CRDTs in practice' }));
    await screen.findByText('The Trash is empty.');
    expect((await db.talks.get(talkId))?.deletedAt).toBeNull();
  });

  it('lists a trashed conference once, without the talks that went with it, and restores them together', async () => {
    await trashConference(confId);
    const list = await openTrash();
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.card__title')?.textContent)).toEqual(['FOSDEM 2026']);

    fireEvent.click(screen.getByRole('button', { name: 'Restore FOSDEM 2026' }));
    await screen.findByText('The Trash is empty.');
    expect((await db.talks.toArray()).every((t) => t.deletedAt === null)).toBe(true);
  });

  it('empties the Trash after confirmation, keeping what is live', async () => {
    await trashTalk(talkId);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    await openTrash();
    fireEvent.click(screen.getByRole('button', { name: 'Empty Trash' }));
    await screen.findByText('The Trash is empty.');
    expect(confirm).toHaveBeenCalledOnce();
    expect((await db.talks.toArray()).map((t) => t.title)).toEqual(['Still here']);
  });

  it('keeps everything when emptying is not confirmed', async () => {
    await trashTalk(talkId);
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    await openTrash();
    fireEvent.click(screen.getByRole('button', { name: 'Empty Trash' }));
    await waitFor(() => expect(window.confirm).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(await db.talks.count()).toBe(2);
    expect(screen.getByRole('button', { name: 'Restore CRDTs in practice' })).toBeTruthy();
  });
});
