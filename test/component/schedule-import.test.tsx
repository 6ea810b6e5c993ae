// The import screen as a person uses it: pick a file, read the preview, import; then the conference and talk pages.
import { readFileSync } from 'node:fs';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/database';
import { importSchedule } from '../../src/db/schedule-import';
import { saveTalkBody } from '../../src/db/talks';
import { resetDb } from '../helpers/db';
import { conferenceDraft } from '../helpers/factories';
import { renderAppAt } from '../helpers/render-app';

// jsdom's URL is not Node's, so the fixture folder is named by path from the repository root, where Vitest runs.
const DIR = `${process.cwd()}/../shared/fixtures/schedules/`;

async function pick(name: string, content: BlobPart = readFileSync(DIR + name)): Promise<void> {
  const file = new File([content], name);
  fireEvent.change(await screen.findByLabelText('Schedule file'), { target: { files: [file] } });
}

beforeEach(resetDb);

describe('schedule import screen', () => {
  it('previews a Sessionize file, places it in the zone chosen, and imports it as a new conference', async () => {
    renderAppAt('/import');
    await screen.findByRole('heading', { level: 1, name: 'Import schedule' });
    await pick('sessionize-sample-event_all.json');
    await screen.findByRole('heading', { name: 'Preview' });
    expect(screen.getByText('Sessionize JSON')).toBeTruthy();
    expect(screen.getByText('11 talks · 2 days · 3 rooms')).toBeTruthy();
    expect(await db.conferences.count()).toBe(0);

    fireEvent.input(screen.getByLabelText('Conference name'), { target: { value: 'Sample Con' } });
    fireEvent.input(screen.getByLabelText('Time zone'), { target: { value: 'America/New_York' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import 11 talks' }));
    await screen.findByText(/Imported into Sample Con: 11 talks added/);

    const conf = (await db.conferences.toArray())[0]!;
    expect(conf).toMatchObject({ name: 'Sample Con', timeZone: 'America/New_York', startDate: '2017-05-27', endDate: '2017-05-28' });
    expect(conf.schedule).toMatchObject({ format: 'sessionize', fileName: 'sessionize-sample-event_all.json' });
    const aiden = (await db.talks.toArray()).find((t) => t.title === "Aiden's Session")!;
    // 09:00 UTC is 05:00 in New York (EDT, UTC-4) on 27 May 2017.
    expect(aiden.starts).toBe('2017-05-27T05:00:00-04:00');
    expect(screen.getByRole('link', { name: 'Open Sample Con' }).getAttribute('href')).toBe(`/c/${conf.id}`);
  });

  it('says what is wrong with a file that is not a schedule and stores nothing', async () => {
    renderAppAt('/import');
    await screen.findByRole('heading', { level: 1, name: 'Import schedule' });
    await pick('package.json', '{"name":"x","dependencies":{}}');
    expect((await screen.findByRole('alert')).textContent).toMatch(/not a schedule Lectern knows/);
    expect(await db.conferences.count()).toBe(0);
  });

  it('imports into the conference it was opened from, in that conference\'s zone', async () => {
    const { conferenceId } = await importSchedule({
      newConference: conferenceDraft({ name: 'Camp', timeZone: 'Europe/Berlin' }),
      sourceKey: 'other:1',
      source: { format: 'ical', fetched: '2019-08-01T00:00:00Z' },
      talks: [],
    });
    renderAppAt(`/c/${conferenceId}/import`);
    await screen.findByRole('heading', { level: 1, name: 'Import schedule' });
    await pick('camp2019_frab.json');
    await screen.findByRole('heading', { name: 'Preview' });
    expect((screen.getByLabelText('Import into') as HTMLSelectElement).value).toBe(conferenceId);
    expect(screen.queryByLabelText('Time zone')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Import 79 talks' }));
    await screen.findByText(/Imported into Camp: 79 talks added/);
    expect(await db.talks.where('conferenceId').equals(conferenceId).count()).toBe(79);
    expect(await db.conferences.count()).toBe(1);
  });
});

describe('imported talks in the app', () => {
  it('shows the abstract as text, the moved slot, and "My talks only" hides talks without notes', async () => {
    const base = {
      speakers: [{ name: '<img src=x onerror=alert(1)>', affiliation: '' }],
      day: '2026-01-31',
      room: 'K.1.105',
      track: '',
      links: [],
    };
    const first = await importSchedule({
      newConference: conferenceDraft({ timeZone: 'Europe/Brussels' }),
      sourceKey: 'k',
      source: { format: 'frab-xml', fetched: '2026-01-01T00:00:00Z' },
      talks: [
        { ...base, guid: 'a', title: 'Noted talk', starts: '2026-01-31T10:00:00+01:00', ends: '2026-01-31T10:30:00+01:00', abstract: '<script>alert(1)</script> is text here' },
        { ...base, guid: 'b', title: 'Schedule only', starts: '2026-01-31T11:00:00+01:00', ends: null, abstract: '' },
      ],
    });
    const noted = (await db.talks.toArray()).find((t) => t.title === 'Noted talk')!;
    await saveTalkBody(noted.id, 'written');
    await importSchedule({
      conferenceId: first.conferenceId,
      sourceKey: 'k',
      source: { format: 'frab-xml', fetched: '2026-01-02T00:00:00Z' },
      talks: [
        { ...base, guid: 'a', title: 'Noted talk', starts: '2026-01-31T12:00:00+01:00', ends: '2026-01-31T12:30:00+01:00', room: 'H.2215', abstract: '<script>alert(1)</script> is text here' },
      ],
    });

    renderAppAt(`/t/${noted.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Noted talk' });
    expect(screen.getByText('<script>alert(1)</script> is text here')).toBeTruthy();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('script, img[src="x"]')).toBeNull();
    expect(screen.getByRole('note').textContent).toMatch(/^Moved from Day 1 · .*, 10:00–10:30.* · K\.1\.105\.$/);
  });

  it('filters the conference page to my talks and marks cancelled ones', async () => {
    const { conferenceId } = await importSchedule({
      newConference: conferenceDraft({ timeZone: 'Europe/Brussels' }),
      sourceKey: 'k',
      source: { format: 'frab-xml', fetched: '2026-01-01T00:00:00Z' },
      talks: ['Mine', 'Theirs', 'Dropped'].map((title, i) => ({
        guid: title,
        title,
        speakers: [],
        starts: `2026-01-31T1${i}:00:00+01:00`,
        ends: null,
        day: '2026-01-31',
        room: '',
        track: '',
        links: [],
        abstract: '',
      })),
    });
    const mine = (await db.talks.toArray()).find((t) => t.title === 'Mine')!;
    await saveTalkBody(mine.id, 'x');
    const all = await db.talks.toArray();
    await importSchedule({
      conferenceId,
      sourceKey: 'k',
      source: { format: 'frab-xml', fetched: '2026-01-02T00:00:00Z' },
      talks: all.filter((t) => t.title !== 'Dropped').map((t) => ({ guid: t.scheduleRef!.guid, title: t.title, speakers: [], starts: t.starts, ends: null, day: t.day, room: '', track: '', links: [], abstract: '' })),
    });
    renderAppAt(`/c/${conferenceId}`);
    const dropped = await screen.findByRole('link', { name: /Dropped/ });
    expect(within(dropped).getByText('Cancelled')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('My talks only'));
    await waitFor(() => expect(screen.queryByRole('link', { name: /Theirs/ })).toBeNull());
    expect(screen.getByRole('link', { name: /Mine/ })).toBeTruthy();
    expect(window.location.search).toBe('?mine=1');
  });
});
