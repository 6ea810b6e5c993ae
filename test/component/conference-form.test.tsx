import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { createConference } from '../../src/db/conferences';
import { db } from '../../src/db/database';
import { resetDb } from '../helpers/db';
import { descriptionOf, fill } from '../helpers/dom';
import { conferenceDraft } from '../helpers/factories';
import { renderAppAt } from '../helpers/render-app';

beforeEach(resetDb);

async function openNewConferenceForm(): Promise<void> {
  renderAppAt('/conferences/new');
  await screen.findByRole('heading', { level: 1, name: 'New conference' });
}

const submit = (): void => {
  fireEvent.click(screen.getByRole('button', { name: 'Add conference' }));
};

describe('conference form', () => {
  it('on an empty submit, shows the name error beside the Name field, focuses it, and stores nothing', async () => {
    await openNewConferenceForm();
    submit();
    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(name)).toBe('Give the conference a name.');
    expect(screen.getByText('Give the conference a name.')).toBeTruthy();
    expect(document.activeElement).toBe(name);
    expect(screen.getByLabelText('First day').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Place').getAttribute('aria-invalid')).toBe('false');
    expect(await db.conferences.count()).toBe(0);
  });

  it('clears a field’s error once it is edited', async () => {
    await openNewConferenceForm();
    submit();
    await screen.findByText('Give the conference a name.');
    fill('Name', 'FOSDEM');
    await waitFor(() => expect(screen.queryByText('Give the conference a name.')).toBeNull());
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('false');
  });

  it.each([
    [
      'the last day before the first',
      { 'First day': '2026-02-01', 'Last day': '2026-01-31' },
      'Last day',
      'The last day cannot be before the first day.',
    ],
    ['an unknown time zone', { 'Time zone': 'Europe/Atlantis' }, 'Time zone', '“Europe/Atlantis” is not a known time zone. Pick one from the list, e.g. Europe/Brussels.'],
    ['a javascript: website', { Website: 'javascript:alert(1)' }, 'Website', 'Enter a web address starting with https://, or leave it empty.'],
  ])('rejects %s with a message on that field', async (_, values, field, message) => {
    await openNewConferenceForm();
    fill('Name', 'FOSDEM 2026');
    fill('First day', '2026-01-31');
    for (const [label, value] of Object.entries(values)) fill(label, value);
    submit();
    const input = screen.getByLabelText(field);
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(input)).toContain(message);
    expect(document.activeElement).toBe(input);
    expect(await db.conferences.count()).toBe(0);
  });

  it('fills the last day from the first day', async () => {
    await openNewConferenceForm();
    fill('First day', '2026-01-31');
    await waitFor(() => expect((screen.getByLabelText('Last day') as HTMLInputElement).value).toBe('2026-01-31'));
  });

  it('stores a valid conference and opens its page', async () => {
    await openNewConferenceForm();
    fill('Name', '  FOSDEM 2026 ');
    fill('Place', 'Brussels');
    fill('First day', '2026-01-31');
    fill('Last day', '2026-02-01');
    fill('Time zone', 'Europe/Brussels');
    fill('Website', 'https://fosdem.org/2026/');
    submit();
    await screen.findByRole('heading', { level: 1, name: 'FOSDEM 2026' });
    const stored = await db.conferences.toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      name: 'FOSDEM 2026',
      place: 'Brussels',
      startDate: '2026-01-31',
      endDate: '2026-02-01',
      timeZone: 'Europe/Brussels',
      url: 'https://fosdem.org/2026/',
      deletedAt: null,
    });
    expect(window.location.pathname).toBe(`/c/${stored[0]!.id}`);
  });

  it('edits an existing conference', async () => {
    const id = await createConference(conferenceDraft({ name: 'FOSDEM 2026' }));
    renderAppAt(`/c/${id}/edit`);
    const name = (await screen.findByLabelText('Name')) as HTMLInputElement;
    expect(name.value).toBe('FOSDEM 2026');
    fill('Name', 'FOSDEM 2027');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('heading', { level: 1, name: 'FOSDEM 2027' });
    expect(await db.conferences.get(id)).toMatchObject({ name: 'FOSDEM 2027', localRev: 2 });
  });
});
