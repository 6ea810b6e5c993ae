// The import screen as a person uses it: pick a file, read the preview, import; then the conference and talk pages.
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
afterEach(() => {
  vi.unstubAllGlobals();
});

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

describe('dropping a file and fetching by address', () => {
  it('reads a file dropped on the drop zone into the preview, showing the zone while a file is over it', async () => {
    renderAppAt('/import');
    const hint = await screen.findByText('or drop the file here');
    const zone = hint.closest('.drop-zone')!;
    fireEvent.dragOver(zone, { dataTransfer: { files: [], types: ['Files'] } });
    expect(zone.classList.contains('drop-zone--over')).toBe(true);
    fireEvent.dragLeave(zone);
    expect(zone.classList.contains('drop-zone--over')).toBe(false);
    const file = new File([readFileSync(DIR + 'democon_pretalx.json')], 'democon_pretalx.json', { type: 'application/json' });
    fireEvent.drop(zone, { dataTransfer: { files: [file], types: ['Files'] } });
    await screen.findByRole('heading', { name: 'Preview' });
    expect(screen.getByText('frab/pretalx JSON')).toBeTruthy();
    expect(screen.getByText('36 talks · 3 days · 2 rooms')).toBeTruthy();
    expect(await db.conferences.count()).toBe(0);
  });

  it('ignores a drop that carries no file', async () => {
    renderAppAt('/import');
    const zone = (await screen.findByText('or drop the file here')).closest('.drop-zone')!;
    fireEvent.drop(zone, { dataTransfer: { files: [], types: ['text/plain'] } });
    expect(screen.queryByRole('heading', { name: 'Preview' })).toBeNull();
    expect(screen.getByLabelText('Schedule file')).toBeTruthy();
  });

  it('fetches by address, remembers it on the conference, and "Fetch again" re-imports from it', async () => {
    const camp = readFileSync(DIR + 'camp2019_frab.json');
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(camp, { headers: { etag: '"camp-1"' } });
    });
    renderAppAt('/import');
    fireEvent.input(await screen.findByLabelText("Or the schedule's address"), { target: { value: 'https://camp.example.org/schedule.json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Fetch' }));
    await screen.findByRole('heading', { name: 'Preview' });
    fireEvent.click(screen.getByRole('button', { name: 'Import 79 talks' }));
    await screen.findByText(/79 talks added/);
    const conf = (await db.conferences.toArray())[0]!;
    expect(conf.schedule).toMatchObject({ format: 'frab-json', url: 'https://camp.example.org/schedule.json', etag: '"camp-1"' });
    cleanup();

    renderAppAt(`/c/${conf.id}/import`);
    fireEvent.click(await screen.findByRole('button', { name: 'Fetch again from camp.example.org/schedule.json' }));
    await screen.findByRole('heading', { name: 'Preview' });
    fireEvent.click(screen.getByRole('button', { name: 'Import 79 talks' }));
    await screen.findByText(/Imported into .*: 79 unchanged\./);
    expect(fetched).toEqual(['https://camp.example.org/schedule.json', 'https://camp.example.org/schedule.json']);
    expect(await db.talks.count()).toBe(79);
  });

  it('shows the plain CORS message when the browser refuses the response, and stores nothing', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    renderAppAt('/import');
    fireEvent.input(await screen.findByLabelText("Or the schedule's address"), { target: { value: 'https://other.example.org/s.xml' } });
    fireEvent.click(screen.getByRole('button', { name: 'Fetch' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The server at other.example.org does not allow other sites to read its files (CORS), or it cannot be reached. Download the file in your browser and import the file instead.',
    );
    expect(await db.conferences.count()).toBe(0);
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

  it('shows the abstract under an "Abstract" heading in the Read view, as text with http(s) links', async () => {
    await importSchedule({
      newConference: conferenceDraft({ timeZone: 'Europe/Brussels' }),
      sourceKey: 'k',
      source: { format: 'frab-xml', fetched: '2026-01-01T00:00:00Z' },
      talks: [
        {
          guid: 'a',
          title: 'With abstract',
          speakers: [],
          starts: '2026-01-31T10:00:00+01:00',
          ends: null,
          day: '2026-01-31',
          room: '',
          track: '',
          links: [],
          abstract: 'First <img src=x onerror=alert(1)> paragraph.\n\nSlides at https://slides.example.org/deck, not javascript:alert(2).',
        },
      ],
    });
    const talk = (await db.talks.toArray())[0]!;
    await saveTalkBody(talk.id, 'My own words');
    renderAppAt(`/t/${talk.id}?view=read`);
    const heading = await screen.findByRole('heading', { level: 2, name: 'Abstract' });
    const section = heading.closest('section')!;
    const paras = section.querySelectorAll('p');
    expect([...paras].map((p) => p.textContent)).toEqual(['First <img src=x onerror=alert(1)> paragraph.', 'Slides at https://slides.example.org/deck, not javascript:alert(2).']);
    const link = within(section).getByRole('link', { name: 'https://slides.example.org/deck' });
    expect(link.getAttribute('href')).toBe('https://slides.example.org/deck');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(section.querySelectorAll('a')).toHaveLength(1);
    expect(document.querySelector('img[src="x"], a[href^="javascript:"]')).toBeNull();
    expect(await screen.findByText('My own words')).toBeTruthy();
    // The Read view shows it in full, so the collapsed copy is left to the Write view.
    expect(screen.queryByText('Abstract (from the schedule)')).toBeNull();
  });

  it('keeps the Read view without an "Abstract" heading when the talk has none, and the Write view collapsed', async () => {
    await importSchedule({
      newConference: conferenceDraft({ timeZone: 'Europe/Brussels' }),
      sourceKey: 'k',
      source: { format: 'frab-xml', fetched: '2026-01-01T00:00:00Z' },
      talks: ['a', 'b'].map((guid) => ({
        guid,
        title: `Talk ${guid}`,
        speakers: [],
        starts: null,
        ends: null,
        day: '2026-01-31',
        room: '',
        track: '',
        links: [],
        abstract: guid === 'a' ? '' : 'Has one.',
      })),
    });
    const [a, b] = (await db.talks.toArray()).sort((x, y) => x.title.localeCompare(y.title));
    renderAppAt(`/t/${a!.id}?view=read`);
    await screen.findByRole('heading', { level: 1, name: 'Talk a' });
    expect(screen.queryByRole('heading', { name: 'Abstract' })).toBeNull();
    cleanup();
    renderAppAt(`/t/${b!.id}`);
    await screen.findByRole('heading', { level: 1, name: 'Talk b' });
    expect(screen.getByText('Abstract (from the schedule)')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Abstract' })).toBeNull();
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
