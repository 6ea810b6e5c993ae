/**
 * The bench's data set: conferences and talks of the shapes in src/model/types.ts, built from the FOSDEM 2021
 * schedule and real notes posts in ../shared/fixtures, with a seeded PRNG so every run stores the same records.
 */
import type { Conference, Talk } from '../src/model/types';
import { zonedToIso } from '../src/model/time';
import { fosdemEvents, notesCorpus, type FixtureEvent } from './fixtures';
import { rng, type Rng } from './random';

export interface DataSet {
  conferences: Conference[];
  talks: Talk[];
  /** The talk whose note is typed into: in the largest conference, with a note of exactly `noteChars` characters. */
  typingTalkId: string;
  /** The conference whose talk list the "open a talk" figure taps in (the largest). */
  tapConferenceId: string;
  /** Characters of text stored (titles, abstracts, notes), to compare with the 5 MB of the design's search budget. */
  textChars: number;
  /** Plain ASCII text (with newlines) to type, cut from the notes. */
  typingText: string;
}

// Conference series named in the fixtures (schedules and notes), and places they were held.
const SERIES = [
  'FOSDEM', 'Chaos Communication Congress', 'DebConf', 'Chaos Communication Camp', 'linux.conf.au', 'PyCon India',
  'Kieler Open Source und Linux Tage', 'JoCo Cruise', 'Nordic.js', 'LinuxFest Northwest', 'Research Software Engineering Day',
  'PyCon US', 'DemoCon', 'SeaGL', 'All Things Open', 'Open Source Summit',
];
const PLACES = ['Brussels', 'Hamburg', 'Leipzig', 'Kochi', 'Kiel', 'Stockholm', 'Bellingham', 'Gold Coast', 'Melbourne', 'Haifa', 'Online', 'Berlin', 'Seattle', 'Raleigh', ''];
const ZONES = ['Europe/Brussels', 'Europe/Berlin', 'Asia/Kolkata', 'Europe/Stockholm', 'America/Los_Angeles', 'Australia/Melbourne', 'Asia/Jerusalem', 'America/New_York', 'UTC'];
const AFFILIATIONS = ['', '', '', 'Red Hat', 'Debian', 'Mozilla', 'University of Kiel', 'The Document Foundation', 'Independent', 'SUSE', 'Collabora'];
const FREE_NOTES = ['Hallway track', 'Day intro', 'Lightning talks', 'Birds of a feather', 'Sponsor booths', 'Dinner conversations'];

const pad = (n: number): string => String(n).padStart(2, '0');
const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A piece of the notes corpus of about `length` characters, starting at a line. */
function cut(r: Rng, corpus: string, length: number): string {
  let start = r.int(0, Math.max(0, corpus.length - length - 1));
  const nl = corpus.indexOf('\n', start);
  if (nl >= 0 && nl < start + 200) start = nl + 1;
  let text = corpus.slice(start, start + length);
  while (text.length < length) text += '\n\n' + corpus.slice(0, length - text.length);
  return text;
}

/** Splits `total` into `parts` positive counts with realistic spread (small workshops to big multi-track events). */
function spread(r: Rng, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.2 + r.next() * r.next() * 4);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left !== 0; i = (i + 1) % parts) {
    if (left > 0) {
      counts[i]!++;
      left--;
    } else if (counts[i]! > 1) {
      counts[i]!--;
      left++;
    }
  }
  return counts;
}

function conferenceRecord(r: Rng, index: number): Conference {
  const series = SERIES[index % SERIES.length]!;
  const year = 2026 - Math.floor(index / SERIES.length);
  // Up to October: every conference (and so every stamp) lies in the past of the runs, as a person's notes do.
  const startDate = `${year}-${pad(r.int(1, 10))}-${pad(r.int(1, 24))}`;
  const created = `${startDate}T08:${pad(r.int(0, 59))}:00.000Z`;
  return {
    id: r.uuid(),
    created,
    updated: created,
    localRev: r.int(1, 5),
    deletedAt: null,
    name: `${series} ${year}`,
    place: r.pick(PLACES),
    timeZone: r.pick(ZONES),
    startDate,
    endDate: addDays(startDate, r.int(0, 3)),
    url: r.chance(0.7) ? `https://${series.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.org/${year}/` : '',
    body: '',
  };
}

function talkRecord(r: Rng, conf: Conference, event: FixtureEvent, corpus: string): Talk {
  const days = Math.round((Date.parse(conf.endDate) - Date.parse(conf.startDate)) / 86_400_000) + 1;
  const day = addDays(conf.startDate, r.int(0, days - 1));
  const free = r.chance(0.03);
  const minute = r.int(9 * 12, 18 * 12) * 5;
  const start = `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
  const endMinute = Math.min(minute + event.duration, 23 * 60 + 55);
  const end = `${pad(Math.floor(endMinute / 60))}:${pad(endMinute % 60)}`;
  const created = `${conf.startDate}T09:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}.000Z`;
  // Talks from an imported schedule carry its abstract; talks typed in by hand have none. About a third have a note.
  const imported = r.chance(0.6);
  const body = r.chance(0.33) ? cut(r, corpus, Math.floor(50 + r.next() * r.next() * 1800)) : '';
  return {
    id: r.uuid(),
    created,
    updated: body ? `${day}T${start}:30.000Z` : created,
    localRev: body ? r.int(2, 400) : 1,
    deletedAt: null,
    conferenceId: conf.id,
    kind: free ? 'note' : 'talk',
    title: free ? r.pick(FREE_NOTES) : event.title,
    speakers: free ? [] : event.persons.slice(0, 3).map((name) => ({ name, affiliation: r.pick(AFFILIATIONS) })),
    starts: free ? null : zonedToIso(day, start, conf.timeZone),
    ends: free ? null : zonedToIso(day, end, conf.timeZone),
    day,
    room: free ? '' : event.room,
    track: free ? '' : event.track,
    links: imported ? event.links.slice(0, 2) : [],
    abstract: imported && !free ? event.abstract : '',
    body,
    tags: r.chance(0.1) ? [r.pick(['rust', 'sync', 'crdt', 'security', 'community', 'docs'])] : [],
    starred: r.chance(0.08),
    attachments: [],
    ...(imported && !free ? { scheduleRef: { source: 'fosdem-2021_pentabarf.xml', guid: r.uuid() } } : {}),
  };
}

/** ASCII text to type, cut from the notes: what a thumb types, with line breaks. */
function typingText(r: Rng, corpus: string, keys: number): string {
  const ascii = corpus
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—•]/g, '-')
    .replace(/[^\x20-\x7e\n]/g, '')
    .replace(/\n{2,}/g, '\n')
    .replace(/ {2,}/g, ' ');
  return cut(r, ascii, keys).replace(/\n{2,}/g, '\n').padEnd(keys, 'x').slice(0, keys);
}

export interface DataSetOptions {
  conferences: number;
  talks: number;
  /** Characters in the note that is typed into. */
  noteChars: number;
  /** Keystrokes to type. */
  keys: number;
  seed?: number;
}

export function makeDataSet(o: DataSetOptions): DataSet {
  const r = rng(o.seed ?? 20260131);
  const events = fosdemEvents();
  const corpus = notesCorpus();
  const conferences = Array.from({ length: o.conferences }, (_, i) => conferenceRecord(r, i));
  const counts = spread(r, o.talks, o.conferences);
  const talks: Talk[] = [];
  conferences.forEach((c, i) => {
    for (let k = 0; k < counts[i]!; k++) talks.push(talkRecord(r, c, r.pick(events), corpus));
  });
  const biggest = counts.indexOf(Math.max(...counts));
  const tapConference = conferences[biggest]!;
  const typing = talks.find((t) => t.conferenceId === tapConference.id && t.kind === 'talk')!;
  typing.body = cut(r, corpus, o.noteChars);
  typing.localRev = 1000;
  const textChars = talks.reduce((n, t) => n + t.title.length + t.abstract.length + t.body.length, 0);
  return { conferences, talks, typingTalkId: typing.id, tapConferenceId: tapConference.id, textChars, typingText: typingText(r, corpus, o.keys) };
}
