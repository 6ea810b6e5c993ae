// Every shared schedule fixture, read as a person importing it would: counts, and named talks checked by hand against the file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/schedule/parse';
import { placeSchedule, type PlacedTalk } from '../../src/schedule/place';
import type { ScheduleFormat } from '../../src/schedule/types';

const DIR = new URL('../../../shared/fixtures/schedules/', import.meta.url);
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, DIR)));
const utc = (iso: string | null): string | null => (iso === null ? null : new Date(iso).toISOString().replace('.000', ''));

interface Expected {
  file: string;
  format: ScheduleFormat;
  /** The zone the talks are placed in: the file's own when it names one. */
  zone: string;
  fileZone: string;
  talks: number;
  days: number;
  rooms: number;
  named: Array<{ guid: string; title: string; speakers: string[]; room: string; start: string; end: string | null }>;
}

const FIXTURES: Expected[] = [
  {
    file: 'fosdem-2021_pentabarf.xml',
    format: 'frab-xml',
    zone: 'Europe/Brussels',
    fileZone: '',
    talks: 773,
    days: 2,
    rooms: 106,
    named: [
      { guid: '11795', title: 'Welcome to FOSDEM 2021', speakers: [], room: 'K.fosdem', start: '2021-02-06T08:00:00Z', end: '2021-02-06T08:25:00Z' },
      { guid: '11164', title: 'Empowering the school of the future', speakers: ['Marco Marinello', 'Paolo Dongilli'], room: 'M.community', start: '2021-02-06T09:00:00Z', end: '2021-02-06T09:30:00Z' },
      { guid: '11626', title: 'Pitch your project', speakers: ['Bernard Tyers'], room: 'D.design', start: '2021-02-07T16:00:00Z', end: '2021-02-07T16:20:00Z' },
    ],
  },
  {
    file: '31c3_frab.xml',
    format: 'frab-xml',
    zone: 'Europe/Berlin',
    fileZone: '',
    talks: 138,
    days: 4,
    rooms: 4,
    named: [
      { guid: '8c4e647f-813e-41ef-b05b-65469dd841c3', title: '31C3 Keynote', speakers: ['alecempire'], room: 'Saal 1', start: '2014-12-27T10:30:00Z', end: '2014-12-27T11:30:00Z' },
      { guid: 'HOqeNIb6G7M4hYFKFRkCmQ', title: '„Wir beteiligen uns aktiv an den Diskussionen“', speakers: ['Martin Haase/maha'], room: 'Saal 1', start: '2014-12-27T11:45:00Z', end: '2014-12-27T12:45:00Z' },
      { guid: '2f68e356-6c3f-4034-9640-c06d717ed96b', title: 'Traue keinem Scan, den du nicht selbst gefälscht hast', speakers: ['David Kriesel'], room: 'Saal G', start: '2014-12-28T22:00:00Z', end: '2014-12-28T23:00:00Z' },
    ],
  },
  {
    file: 'debconf23_wafer.xml',
    format: 'frab-xml',
    zone: 'Asia/Kolkata',
    fileZone: 'Asia/Kolkata',
    talks: 117,
    days: 8,
    rooms: 5,
    named: [
      { guid: '455d075f-48c0-2ec2-24b3-f5add30c383a', title: 'Opening Ceremony', speakers: ['Sruthi Chandran'], room: 'Anamudi', start: '2023-09-10T05:00:00Z', end: '2023-09-10T05:20:00Z' },
      { guid: '794a4f27-5ac4-6129-3c2c-459fdeed5ad7', title: 'Continuous Key-Signing Party introduction', speakers: ['Jonathan McDowell'], room: 'Anamudi', start: '2023-09-10T05:30:00Z', end: '2023-09-10T05:50:00Z' },
      { guid: '83224ca3-5aab-fdc8-b115-831ff571e42f', title: '/usr-merge BoF', speakers: ['Helmut Grohne', 'Stefano Rivera'], room: 'Ponmudi', start: '2023-09-12T12:30:00Z', end: '2023-09-12T13:10:00Z' },
    ],
  },
  {
    file: 'camp2019_frab.json',
    format: 'frab-json',
    zone: 'Europe/Berlin',
    fileZone: 'Europe/Berlin',
    talks: 79,
    days: 5,
    rooms: 2,
    named: [
      { guid: 'a0a0fcfe-b7fb-46e3-84b6-97a5406016b4', title: 'Opening Ceremony', speakers: ['jinxx', 'smtw'], room: 'Curie', start: '2019-08-21T09:00:00Z', end: '2019-08-21T09:30:00Z' },
      { guid: '0c8f7472-290c-4bdf-bff0-4a7ce16c4f84', title: 'Automated security testing for Software Developers who dont know security!', speakers: ['cy'], room: 'Curie', start: '2019-08-22T12:00:00Z', end: '2019-08-22T12:45:00Z' },
      { guid: '508fe23f-bc69-4521-abc3-59b649598eb5', title: 'Deaths per TWh', speakers: ['Julia Riede'], room: 'Curie', start: '2019-08-24T18:00:00Z', end: '2019-08-24T18:45:00Z' },
    ],
  },
  {
    file: 'democon_pretalx.json',
    format: 'frab-json',
    zone: 'UTC',
    fileZone: 'UTC',
    talks: 36,
    days: 3,
    rooms: 2,
    named: [
      { guid: '8079583e-8321-506c-95af-fd2903a5f075', title: 'Focused 5thgeneration hardware', speakers: ['Brian Robinson'], room: 'Gray Room', start: '2020-12-14T08:00:00Z', end: '2020-12-14T08:30:00Z' },
      { guid: '617d2964-7130-51b3-9627-4b4ab4a71108', title: 'Ameliorated asymmetric function', speakers: ['Lisa Floyd'], room: 'Gray Room', start: '2020-12-15T13:30:00Z', end: '2020-12-15T14:00:00Z' },
      { guid: '2d64f8e2-26ee-529f-b5ab-3b3f326e31b9', title: 'Quality-focused 6thgeneration website', speakers: ['Jordan Parks'], room: 'Gray Room', start: '2020-12-14T08:30:00Z', end: '2020-12-14T09:00:00Z' },
    ],
  },
  {
    file: 'sessionize-sample-event_all.json',
    format: 'sessionize',
    zone: 'UTC',
    fileZone: '',
    talks: 11,
    days: 2,
    rooms: 3,
    named: [
      { guid: '14022', title: "Aiden's Session", speakers: ['Aiden Test'], room: 'Green Room', start: '2017-05-27T09:00:00Z', end: '2017-05-27T10:00:00Z' },
      { guid: 'f91513e5-6e73-4910-9ee5-070a6ab04035', title: 'Lunch', speakers: [], room: 'Restaurant', start: '2017-05-27T12:30:00Z', end: '2017-05-27T13:30:00Z' },
      { guid: '14025', title: "Noah's Session", speakers: ['Noah Test'], room: 'Yellow Room', start: '2017-05-28T09:00:00Z', end: '2017-05-28T11:15:00Z' },
    ],
  },
  {
    file: 'linux-conf-au-2020_symposion.ics',
    format: 'ical',
    zone: 'Australia/Brisbane',
    fileZone: 'Australia/Brisbane',
    talks: 262,
    days: 6,
    rooms: 7,
    named: [
      { guid: '94@lca2020.linux.org.au', title: 'Wednesday Welcome', speakers: ['Joel Addison'], room: 'Arena', start: '2020-01-14T23:00:00Z', end: '2020-01-14T23:10:00Z' },
      { guid: '101@lca2020.linux.org.au', title: 'The magical fantasy land of Linux kernel testing', speakers: ['Russell Currey'], room: 'Room 8', start: '2020-01-17T00:45:00Z', end: '2020-01-17T01:30:00Z' },
      { guid: '12@lca2020.linux.org.au', title: 'The Linux network stack extension for DDoS mitigation and web security', speakers: ['Alexander Krizhanovsky'], room: 'Arena', start: '2020-01-15T03:30:00Z', end: '2020-01-15T04:15:00Z' },
    ],
  },
  {
    file: 'kielux-2020_kolt.ics',
    format: 'ical',
    zone: 'Europe/Berlin',
    fileZone: '',
    talks: 24,
    days: 2,
    rooms: 4,
    named: [
      { guid: '460@KOLT20', title: 'OpenCelium - Der generische OpenSoure API-Hub', speakers: ['Jakob Semere'], room: 'Ravensberg', start: '2020-09-18T11:00:00Z', end: '2020-09-18T12:00:00Z' },
      { guid: '467@KOLT20', title: 'Xen - ist das nicht tot?', speakers: ['Jürgen Groß'], room: 'Ravensberg', start: '2020-09-18T12:00:00Z', end: '2020-09-18T13:00:00Z' },
      { guid: '479@KOLT20', title: 'Jitsi und Apache Guacamole in EGroupware', speakers: ['Stefan Unverricht'], room: 'Ravensberg', start: '2020-09-19T11:00:00Z', end: '2020-09-19T12:00:00Z' },
    ],
  },
  {
    file: 'jococruise-2024_sched.ics',
    format: 'ical',
    zone: 'UTC',
    fileZone: 'UTC',
    talks: 439,
    days: 8,
    rooms: 32,
    named: [
      { guid: '5dc283150b19e9f2126aa157590d31d1', title: 'Info Desk Hours', speakers: [], room: 'Lido Pool Area, Deck 9, Midship', start: '2024-03-09T16:30:00Z', end: '2024-03-09T21:00:00Z' },
      { guid: '1cb065558fd14f9f58ce2048d360f6ea', title: 'Pinnacle Grill Dinner (reservations only/upcharge)', speakers: [], room: 'Pinnacle Grill, Deck 2, Midship', start: '2024-03-11T21:30:00Z', end: '2024-03-12T01:00:00Z' },
      { guid: 'c3b3d0a348dc72b734ca869665cd46f7', title: 'Lido Market Late Night Food', speakers: [], room: 'Lido Market, Deck 9, Aft', start: '2024-03-16T03:30:00Z', end: '2024-03-16T03:55:00Z' },
    ],
  },
  {
    file: 'pycon-india-2021_ics-py.ics',
    format: 'ical',
    zone: 'Asia/Kolkata',
    fileZone: '',
    talks: 60,
    days: 3,
    rooms: 0,
    named: [
      { guid: 'd610ded0-954a-40ae-b507-c96cc097a9c0@d610.org', title: 'No Code Platform powered by Python & Django - Bhagvan Kommadi', speakers: ['Bhagvan Kommadi'], room: '', start: '2021-09-19T10:30:00Z', end: '2021-09-19T11:00:00Z' },
      { guid: '0dfcaf85-1c03-45b9-bc3b-2a3a23e713c0@0dfc.org', title: 'Idiomatic Pandas: 5 Tips for Better Pandas Code - Matt Harrison', speakers: ['Matt Harrison'], room: '', start: '2021-09-18T13:00:00Z', end: '2021-09-18T13:30:00Z' },
      { guid: '94220f69-239b-4b28-933f-be1af8771fb7@9422.org', title: 'Lightning Talk', speakers: [], room: '', start: '2021-09-19T12:30:00Z', end: '2021-09-19T13:00:00Z' },
    ],
  },
];

describe.each(FIXTURES)('$file', (fx) => {
  const schedule = parseSchedule(read(fx.file));
  const placed = placeSchedule(schedule, fx.zone);
  const byGuid = new Map<string, PlacedTalk>(placed.talks.map((t) => [t.guid, t]));

  it(`is detected as ${fx.format} and names the zone it names`, () => {
    expect(schedule.format).toBe(fx.format);
    expect(schedule.timeZone).toBe(fx.fileZone);
  });

  it(`holds ${fx.talks} talks over ${fx.days} days in ${fx.rooms} rooms, each with a unique ref`, () => {
    expect(placed.talks).toHaveLength(fx.talks);
    expect(placed.days).toBe(fx.days);
    expect(placed.rooms).toBe(fx.rooms);
    expect(new Set(placed.talks.map((t) => t.guid)).size).toBe(fx.talks);
  });

  it.each(fx.named)('reads "$title" exactly', (want) => {
    const t = byGuid.get(want.guid);
    expect(t).toBeDefined();
    expect(t!.title).toBe(want.title);
    expect(t!.speakers.map((s) => s.name)).toEqual(want.speakers);
    expect(t!.room).toBe(want.room);
    expect(utc(t!.starts)).toBe(want.start);
    expect(utc(t!.ends)).toBe(want.end);
  });

  it('stores times with the venue offset and the day at the venue', () => {
    for (const t of placed.talks.filter((x) => x.starts)) {
      expect(t.starts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(t.starts!.slice(0, 10)).toBe(t.day);
    }
  });

  it('keeps no HTML tags in abstracts and only http(s) links', () => {
    for (const t of placed.talks) {
      expect(t.abstract).not.toMatch(/<\/?(p|a|em|i|br|div)\b[^>]*>/i);
      for (const l of t.links) expect(l.url).toMatch(/^https?:\/\//);
    }
  });
});

describe('quirks', () => {
  it('places zone-less Pentabarf times in the zone chosen, so changing the zone re-reads them', () => {
    const s = parseSchedule(read('fosdem-2021_pentabarf.xml'));
    const brussels = placeSchedule(s, 'Europe/Brussels');
    const london = placeSchedule(s, 'Europe/London');
    expect(brussels.zoneMatters).toBe(true);
    expect(brussels.talks.find((t) => t.guid === '11795')!.starts).toBe('2021-02-06T09:00:00+01:00');
    expect(london.talks.find((t) => t.guid === '11795')!.starts).toBe('2021-02-06T09:00:00+00:00');
  });

  it('keeps UTC iCal times as the same instants whatever zone is chosen, shown in that zone', () => {
    const s = parseSchedule(read('kielux-2020_kolt.ics'));
    const t = placeSchedule(s, 'Europe/Berlin').talks.find((x) => x.guid === '460@KOLT20')!;
    expect(t.starts).toBe('2020-09-18T13:00:00+02:00');
    expect(placeSchedule(s, 'Europe/Berlin').zoneMatters).toBe(false);
  });

  it('unfolds lines folded inside umlauts and keeps the text whole', () => {
    const s = parseSchedule(read('kielux-2020_kolt.ics'));
    expect(s.talks.map((t) => t.abstract).join('\n')).not.toContain('\uFFFD');
    expect(s.talks.find((t) => t.guid === '467@KOLT20')!.abstract).toContain('Xen war lange Zeit die Plattform zur Virtualisierung');
  });

  it('reads DURATION when there is no DTEND (PyCon India: PT2H30M)', () => {
    const s = placeSchedule(parseSchedule(read('pycon-india-2021_ics-py.ics')), 'Asia/Kolkata');
    const long = s.talks.filter((t) => t.starts && t.ends && Date.parse(t.ends) - Date.parse(t.starts) === 150 * 60000);
    expect(long.length).toBeGreaterThan(0);
    expect(s.warnings.join(' ')).not.toMatch(/no end time/);
  });

  it('turns FOSDEM escaped HTML abstracts into text', () => {
    const t = parseSchedule(read('fosdem-2021_pentabarf.xml')).talks.find((x) => x.guid === '11795')!;
    expect(t.abstract).toBe('FOSDEM welcome and opening talk.\n\nWelcome to FOSDEM 2021!');
  });

  it('joins Sessionize tracks from category ids and speakers by id', () => {
    const t = parseSchedule(read('sessionize-sample-event_all.json')).talks.find((x) => x.guid === '14022')!;
    expect(t.track).toBe('Technical');
    expect(t.speakers).toEqual([{ name: 'Aiden Test', affiliation: 'Professional public speaker' }]);
  });

  it('names the conference and its dates from the file', () => {
    const s = parseSchedule(read('31c3_frab.xml'));
    expect(s.title).toBe('31. Chaos Communication Congress');
    expect(s.sourceId).toBe('31c3');
    expect([s.startDate, s.endDate]).toEqual(['2014-12-27', '2014-12-31']);
  });
});
