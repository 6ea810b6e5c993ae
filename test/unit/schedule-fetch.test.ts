// Fetching a schedule by URL, the v2-direction fields of c3voc schedule.json, and the abstract's paragraphs and links.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchSchedule } from '../../src/schedule/fetch-schedule';
import { parseSchedule } from '../../src/schedule/parse';
import { placeSchedule } from '../../src/schedule/place';
import { abstractParagraphs } from '../../src/schedule/abstract';
import { ScheduleError } from '../../src/schedule/types';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ScheduleError);
    return (e as Error).message;
  }
  throw new Error('the fetch succeeded');
}

describe('fetchSchedule', () => {
  it('returns the bytes, the final address and the ETag', async () => {
    const fetcher = vi.fn(async () => new Response('BEGIN:VCALENDAR', { headers: { etag: '"v1"' } }));
    const r = await fetchSchedule('https://example.org/s.ics', fetcher as typeof fetch);
    expect(new TextDecoder().decode(r.bytes)).toBe('BEGIN:VCALENDAR');
    expect(r).toMatchObject({ url: 'https://example.org/s.ics', etag: '"v1"' });
    expect(fetcher).toHaveBeenCalledWith('https://example.org/s.ics', { credentials: 'omit', cache: 'no-cache' });
  });

  it('says plainly that the server does not allow it (CORS) when the browser refuses the response', async () => {
    const fetcher = async (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));
    const msg = await refusal(fetchSchedule('https://talks.example.org/schedule.xml', fetcher));
    expect(msg).toBe(
      'The server at talks.example.org does not allow other sites to read its files (CORS), or it cannot be reached. Download the file in your browser and import the file instead.',
    );
    expect(msg).not.toMatch(/TypeError|Failed to fetch/);
  });

  it('says the device is offline, before trying and when the fetch fails after going offline', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const fetcher = vi.fn(async () => new Response('x'));
    expect(await refusal(fetchSchedule('https://example.org/s.xml', fetcher as typeof fetch))).toMatch(/^You are offline, so the schedule cannot be fetched now\. Download the file/);
    expect(fetcher).not.toHaveBeenCalled();

    const state = { onLine: true };
    vi.stubGlobal('navigator', state);
    const dropping = async (): Promise<Response> => {
      state.onLine = false;
      throw new TypeError('Failed to fetch');
    };
    expect(await refusal(fetchSchedule('https://example.org/s.xml', dropping))).toMatch(/^You are offline/);
  });

  it('names the HTTP status, refuses what is not a web address, and a file too large by its length', async () => {
    const notFound = async (): Promise<Response> => new Response('no', { status: 404, statusText: 'Not Found' });
    expect(await refusal(fetchSchedule('https://example.org/x.xml', notFound))).toMatch(/^The server answered 404 Not Found for https:\/\/example\.org\/x\.xml\. Check the address, or download/);
    expect(await refusal(fetchSchedule('example.org/x.xml', notFound))).toMatch(/not a web address/);
    expect(await refusal(fetchSchedule('ftp://example.org/x.xml', notFound))).toMatch(/Only http and https/);
    const huge = async (): Promise<Response> => new Response('x', { headers: { 'content-length': String(6 * 1048576) } });
    expect(await refusal(fetchSchedule('https://example.org/x.xml', huge))).toMatch(/6\.0 MB; a schedule is at most 4 MB/);
  });
});

describe('c3voc schedule.json with the schema\'s newer fields', () => {
  // Shaped after c3voc-schedule.schema.json: event "date" and "end" as date-times, persons by "name" and "guid",
  // a conference "rooms" list; "duration" disagrees with "end" on purpose to show which one wins.
  const doc = {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'test', version: '1' },
    schedule: {
      version: '2.0',
      base_url: 'https://events.example.org/',
      conference: {
        acronym: 'demo-2025',
        title: 'Demo 2025',
        start: '2025-06-01',
        end: '2025-06-01',
        daysCount: 1,
        timeslot_duration: '00:15',
        time_zone_name: 'Europe/Berlin',
        rooms: [{ name: 'Saal 1', guid: '5e1c9c5c-0000-4000-8000-000000000001' }],
        days: [
          {
            index: 1,
            date: '2025-06-01',
            day_start: '2025-06-01T09:00:00+02:00',
            day_end: '2025-06-02T03:00:00+02:00',
            rooms: {
              'Saal 1': [
                {
                  guid: '9d1a2f44-0000-4000-8000-00000000000a',
                  code: 'ABC123',
                  id: 1,
                  date: '2025-06-01T10:00:00+02:00',
                  start: '10:00',
                  end: '2025-06-01T11:15:00+02:00',
                  duration: '00:30',
                  room: 'Saal 1',
                  slug: 'demo-2025-1-opening',
                  url: 'https://events.example.org/talk/ABC123',
                  title: 'Opening',
                  subtitle: null,
                  track: null,
                  type: 'talk',
                  language: 'en',
                  abstract: 'Welcome.\n\nSlides: https://slides.example.org/opening.',
                  description: null,
                  persons: [{ name: 'Ada Example', guid: 'b7e1c0de-0000-4000-8000-000000000002' }],
                  links: [{ type: 'slides', url: 'https://slides.example.org/opening', title: 'Slides' }],
                },
                {
                  guid: '9d1a2f44-0000-4000-8000-00000000000b',
                  id: 2,
                  date: '2025-06-01T12:00:00+02:00',
                  start: '12:00',
                  end: '2025-06-01T11:00:00+02:00',
                  duration: '00:45',
                  room: 'Saal 1',
                  slug: 'demo-2025-2-second',
                  url: '',
                  title: 'End before start',
                  subtitle: null,
                  track: 'Main',
                  type: 'talk',
                  language: 'en',
                  abstract: null,
                  description: null,
                  persons: [],
                  links: [],
                },
              ],
            },
          },
        ],
      },
    },
  };

  it('takes the end from "end", persons from "name", and ignores an end before the start', () => {
    const s = parseSchedule(new TextEncoder().encode(JSON.stringify(doc)));
    expect(s).toMatchObject({ format: 'frab-json', sourceId: 'demo-2025', title: 'Demo 2025', timeZone: 'Europe/Berlin', startDate: '2025-06-01' });
    const placed = placeSchedule(s, 'Europe/Berlin');
    const [opening, second] = placed.talks;
    expect(opening).toMatchObject({
      guid: '9d1a2f44-0000-4000-8000-00000000000a',
      title: 'Opening',
      speakers: [{ name: 'Ada Example', affiliation: '' }],
      room: 'Saal 1',
    });
    expect(Date.parse(opening!.starts!)).toBe(Date.parse('2025-06-01T08:00:00Z'));
    expect(Date.parse(opening!.ends!)).toBe(Date.parse('2025-06-01T09:15:00Z'));
    expect(opening!.links).toContainEqual({ label: 'Slides', url: 'https://slides.example.org/opening' });
    // Its "end" is before its start, so the duration gives the end.
    expect(Date.parse(second!.ends!)).toBe(Date.parse('2025-06-01T10:45:00Z'));
    expect(second!.track).toBe('Main');
  });
});

describe('abstractParagraphs', () => {
  it('splits paragraphs and turns http(s) addresses into link pieces, leaving everything else as text', () => {
    expect(abstractParagraphs('Intro line\nsecond line\n\n\nSee https://example.org/a?b=1, or javascript:alert(1) <b>x</b>.')).toEqual([
      [{ text: 'Intro line\nsecond line' }],
      [{ text: 'See ' }, { url: 'https://example.org/a?b=1' }, { text: ', or javascript:alert(1) <b>x</b>.' }],
    ]);
    expect(abstractParagraphs('http://a.example/x')).toEqual([[{ url: 'http://a.example/x' }]]);
    expect(abstractParagraphs('  \n\n ')).toEqual([]);
  });
});
