import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createConference } from '../../src/db/conferences';
import { db } from '../../src/db/database';
import { createTalk } from '../../src/db/talks';
import { resetDb } from '../helpers/db';
import { descriptionOf, fill } from '../helpers/dom';
import { conferenceDraft, talkFields } from '../helpers/factories';
import { renderAppAt } from '../helpers/render-app';

let confId: string;

beforeEach(async () => {
  await resetDb();
  confId = await createConference(conferenceDraft({ name: 'FOSDEM 2026', timeZone: 'Europe/Brussels', startDate: '2026-01-31', endDate: '2026-02-01' }));
});

async function openNewTalkForm(): Promise<void> {
  renderAppAt(`/c/${confId}/talks/new`);
  await screen.findByRole('heading', { level: 1, name: 'New talk' });
}

const submit = (): void => {
  fireEvent.click(screen.getByRole('button', { name: 'Add talk' }));
};

const speakers = (): HTMLElement => screen.getByRole('group', { name: 'Speakers' });

describe('talk form', () => {
  it('requires a title and stores nothing without one', async () => {
    await openNewTalkForm();
    submit();
    const title = screen.getByLabelText('Title');
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(title)).toBe('Give the talk a title.');
    expect(document.activeElement).toBe(title);
    expect(await db.talks.count()).toBe(0);
  });

  it.each([
    ['an end before the start', '10:00', '09:15', 'Ends', 'The end must be after the start.'],
    ['an end equal to the start', '10:00', '10:00', 'Ends', 'The end must be after the start.'],
  ])('rejects %s with a message beside Ends', async (_, start, end, field, message) => {
    await openNewTalkForm();
    fill('Title', 'CRDTs in practice');
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2026-01-31' } });
    fill('Starts', start);
    fill('Ends', end);
    submit();
    const input = screen.getByLabelText(field);
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(input)).toBe(message);
    expect(await db.talks.count()).toBe(0);
  });

  it('asks for a day when a time is given without one', async () => {
    await openNewTalkForm();
    fill('Title', 'CRDTs in practice');
    fill('Starts', '10:00');
    submit();
    const day = screen.getByLabelText('Day');
    await waitFor(() => expect(day.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(day)).toBe('A talk with a time needs a day.');
  });

  it('offers each day of the conference', async () => {
    await openNewTalkForm();
    const options = within(screen.getByLabelText('Day')).getAllByRole('option');
    expect(options.map((o) => (o as HTMLOptionElement).value)).toEqual(['', '2026-01-31', '2026-02-01']);
    expect(options[1]!.textContent).toMatch(/^Day 1 · /);
  });

  it('adds and removes speakers, storing only those left', async () => {
    await openNewTalkForm();
    expect(within(speakers()).queryAllByRole('textbox')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Add speaker' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add another speaker' }));
    await waitFor(() => expect(within(speakers()).getAllByLabelText('Name')).toHaveLength(2));

    const [first, second] = within(speakers()).getAllByLabelText('Name');
    fireEvent.input(first!, { target: { value: 'Ada Lovelace' } });
    fireEvent.input(second!, { target: { value: 'Grace Hopper' } });
    fireEvent.input(within(speakers()).getAllByLabelText('Affiliation')[1]!, { target: { value: 'Navy' } });

    fireEvent.click(await screen.findByRole('button', { name: 'Remove speaker Ada Lovelace' }));
    await waitFor(() => expect(within(speakers()).getAllByLabelText('Name')).toHaveLength(1));
    expect((within(speakers()).getByLabelText('Name') as HTMLInputElement).value).toBe('Grace Hopper');
    expect((within(speakers()).getByLabelText('Affiliation') as HTMLInputElement).value).toBe('Navy');
    expect(screen.queryByRole('button', { name: 'Remove speaker Ada Lovelace' })).toBeNull();

    fill('Title', 'COBOL forever');
    submit();
    await screen.findByRole('heading', { level: 1, name: 'COBOL forever' });
    const [stored] = await db.talks.toArray();
    expect(stored?.speakers).toEqual([{ name: 'Grace Hopper', affiliation: 'Navy' }]);
  });

  it('marks a link with a label but no address on its row', async () => {
    await openNewTalkForm();
    fill('Title', 'CRDTs in practice');
    fireEvent.click(screen.getByRole('button', { name: 'Add link' }));
    fill('Label (e.g. Slides)', 'Slides');
    submit();
    const address = screen.getByLabelText('Address');
    await waitFor(() => expect(address.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(address)).toBe('Add the address for this link, or remove it.');
    expect(await db.talks.count()).toBe(0);
  });

  it('stores a valid talk with its times at the venue and opens its page', async () => {
    await openNewTalkForm();
    fill('Title', ' CRDTs in practice ');
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '2026-02-01' } });
    fill('Starts', '09:30');
    fill('Ends', '10:15');
    fill('Room', 'K.1.105');
    submit();
    await screen.findByRole('heading', { level: 1, name: 'CRDTs in practice' });
    const [stored] = await db.talks.toArray();
    expect(stored).toMatchObject({
      conferenceId: confId,
      title: 'CRDTs in practice',
      day: '2026-02-01',
      starts: '2026-02-01T09:30:00+01:00',
      ends: '2026-02-01T10:15:00+01:00',
      room: 'K.1.105',
    });
    expect(window.location.pathname).toBe(`/t/${stored!.id}`);
  });

  it('edits a talk, showing its stored times in the venue zone', async () => {
    const id = await createTalk(confId, talkFields({ title: 'Old', day: '2026-01-31', starts: '2026-01-31T08:30:00.000Z', ends: '2026-01-31T09:00:00.000Z' }));
    renderAppAt(`/t/${id}/edit`);
    await screen.findByRole('heading', { level: 1, name: 'Edit talk' });
    expect((screen.getByLabelText('Starts') as HTMLInputElement).value).toBe('09:30');
    expect((screen.getByLabelText('Ends') as HTMLInputElement).value).toBe('10:00');
    fill('Title', 'New');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('heading', { level: 1, name: 'New' });
    expect(await db.talks.get(id)).toMatchObject({ title: 'New', starts: '2026-01-31T09:30:00+01:00', localRev: 2 });
  });
});
