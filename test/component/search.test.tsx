// Searching from the app: `/` opens search, results appear as you type, filters narrow them, a result opens the note at the match.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createConference } from '../../src/db/conferences';
import { createTalk, saveTalkBody, setStarred } from '../../src/db/talks';
import { closeSearch } from '../../src/search/search-service';
import { resetDb } from '../helpers/db';
import { conferenceDraft, talkFields } from '../helpers/factories';
import { renderAppAt } from '../helpers/render-app';

let talkId = '';

beforeEach(async () => {
  await resetDb();
  const fosdem = await createConference(conferenceDraft({ name: 'FOSDEM 2026', startDate: '2026-01-31', endDate: '2026-02-01' }));
  talkId = await createTalk(fosdem, talkFields({ title: 'Local-first sync', day: '2026-02-01', speakers: [{ name: 'Jana Müller', affiliation: 'Ink & Switch' }] }));
  await saveTalkBody(talkId, `${'Setup line.\n'.repeat(40)}Automerge <script>alert(1)</script> merges concurrent edits.\n`);
  const other = await createTalk(fosdem, talkFields({ title: 'Kernel news', day: '2026-01-31' }));
  await saveTalkBody(other, 'Nothing about merging.');
  await setStarred(other, true);
});
afterEach(closeSearch);

const search = (): HTMLInputElement => screen.getByRole('searchbox', { name: 'Search talks and notes' }) as HTMLInputElement;
const results = (): HTMLElement => screen.getByRole('list', { name: 'Results' });

it('opens with / from another screen, and shows results with conference, day and a highlighted snippet', async () => {
  renderAppAt('/');
  await screen.findByRole('heading', { level: 1 });
  fireEvent.keyDown(document.body, { key: '/' });
  fireEvent.input(await screen.findByRole('searchbox', { name: 'Search talks and notes' }), { target: { value: 'automerg' } });
  const item = await within(await screen.findByRole('list', { name: 'Results' })).findByRole('link', { name: /Local-first sync/ });
  expect(item.textContent).toContain('FOSDEM 2026 · Day 2');
  expect([...item.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Automerge']);
  // The note's markup is shown as text, never run or parsed.
  expect(item.textContent).toContain('<script>alert(1)</script>');
  expect(item.querySelector('script')).toBeNull();
  expect(item.getAttribute('href')).toBe(`/t/${talkId}?q=automerge`);
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1 result.'));
});

it('finds speakers without their accents; filters narrow the results', async () => {
  renderAppAt('/search');
  fireEvent.input(search(), { target: { value: 'muller' } });
  await within(await screen.findByRole('list', { name: 'Results' })).findByRole('link', { name: /Local-first sync/ });
  fireEvent.input(search(), { target: { value: 'merg' } });
  await waitFor(() => expect(within(results()).getAllByRole('link')).toHaveLength(2));
  fireEvent.click(screen.getByRole('checkbox', { name: 'Starred' }));
  await waitFor(() => expect(within(results()).getAllByRole('link').map((a) => a.textContent)).toEqual([expect.stringContaining('Kernel news')]));
  fireEvent.click(screen.getByRole('checkbox', { name: 'Starred' }));
  fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-02-01' } });
  await waitFor(() => expect(within(results()).getAllByRole('link')).toHaveLength(1));
  fireEvent.input(search(), { target: { value: 'nosuchword' } });
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Nothing found for “nosuchword”.'));
});

it('opens a result with the first match selected in the note', async () => {
  renderAppAt(`/t/${talkId}?q=automerge`);
  const note = (await screen.findByRole('textbox', { name: /^Note on / })) as HTMLTextAreaElement;
  await waitFor(() => expect(note.value.slice(note.selectionStart, note.selectionEnd)).toBe('Automerge'));
  expect(document.activeElement).toBe(note);
});
