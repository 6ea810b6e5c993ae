/**
 * What is fuzzed: each importer with the real files it is meant to read, and how a result is judged. Runs in a
 * fuzz worker (see pool.ts) over fake-indexeddb, through the same functions the app calls.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { backupEntries, parseBackup } from '../../../src/backup/format';
import { buildExportZip } from '../../../src/backup/export-zip';
import { makeZip, readZip } from '../../../src/backup/zip';
import { collectBackup, restoreBackup } from '../../../src/db/backup';
import { db } from '../../../src/db/database';
import { loadConferenceExport, loadPhotoBytes } from '../../../src/db/export-data';
import { importMarkdownFile } from '../../../src/db/import-markdown';
import { importSchedule } from '../../../src/db/schedule-import';
import { setSetting } from '../../../src/db/settings';
import { exportConference } from '../../../src/markdown/export-conference';
import { exportDay } from '../../../src/markdown/export-day';
import { exportTalk } from '../../../src/markdown/export-talk';
import { parseSchedule } from '../../../src/schedule/parse';
import { placeSchedule } from '../../../src/schedule/place';
import type { Schedule } from '../../../src/schedule/types';
import { LCA, PHOTO_BYTES, realisticConference } from '../../fixtures/export/realistic-day';
import type { Syntax } from './mutate';

export interface SeedFile {
  name: string;
  bytes: Uint8Array;
  syntax: Syntax;
}

export type Outcome =
  | { kind: 'accepted' }
  | { kind: 'refused'; error: string; message: string }
  | { kind: 'broken'; problem: string };

export interface Target {
  /** Error classes a refused file may raise: anything else escaping is a crash. */
  expected: readonly string[];
  /** Largest field a mutation inserts, and the sizes to choose from. */
  hugeMax: number;
  hugeSizes: readonly number[];
  seeds(): Promise<SeedFile[]>;
  /** Runs one file through the importer; `index` lets DB targets vary the starting state. */
  run(name: string, bytes: Uint8Array, index: number): Promise<Outcome>;
}

const SCHEDULES = new URL('../../../../shared/fixtures/schedules/', import.meta.url);
const NOTES = new URL('../../../../shared/fixtures/notes/', import.meta.url);
const MTIME = new Date('2026-02-01T12:00:00');
const enc = new TextEncoder();
const dec = new TextDecoder();

const file = (dir: URL, name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, dir)));
const schedule = (name: string): string => dec.decode(file(SCHEDULES, name));

/** The start of a large frab XML schedule: its conference and its first rooms, closed again. Keeps cases fast. */
function xmlExcerpt(name: string, rooms: number): Uint8Array {
  const text = schedule(name);
  // A room that holds events ends right after its last event (a bare <room> inside an event names it).
  const ends = [...text.matchAll(/<\/event>\s*<\/room>/g)].slice(0, rooms);
  const last = ends[ends.length - 1]!;
  return enc.encode(`${text.slice(0, last.index + last[0].length)}\n  </day>\n</schedule>\n`);
}

/** The calendar's header and time zones with its first `events` events. */
function icalExcerpt(name: string, events: number): Uint8Array {
  const text = schedule(name);
  const first = text.indexOf('BEGIN:VEVENT');
  let at = first;
  for (let i = 0; i < events; i++) at = text.indexOf('END:VEVENT', at) + 'END:VEVENT'.length;
  return enc.encode(`${text.slice(0, at)}\r\nEND:VCALENDAR\r\n`);
}

/** camp2019's frab JSON with only its first day and first two rooms. */
function frabJsonExcerpt(): Uint8Array {
  const data = JSON.parse(schedule('camp2019_frab.json')) as { schedule: { conference: { days: Array<{ rooms: Record<string, unknown> }> } } };
  const days = data.schedule.conference.days.slice(0, 1);
  for (const d of days) d.rooms = Object.fromEntries(Object.entries(d.rooms).slice(0, 2));
  data.schedule.conference.days = days;
  return enc.encode(JSON.stringify(data, null, 2));
}

function checkSchedule(s: Schedule): string {
  if (!Array.isArray(s.talks) || !Array.isArray(s.warnings)) return 'parsed schedule has no talk or warning list';
  for (const t of s.talks) {
    if (typeof t.guid !== 'string' || typeof t.title !== 'string' || !Array.isArray(t.speakers) || !Array.isArray(t.links))
      return `talk ${JSON.stringify(t.guid)} has fields of the wrong type`;
    if (t.links.some((l) => !/^https?:\/\//i.test(l.url))) return `talk ${JSON.stringify(t.title)} keeps a link that is not http(s)`;
  }
  const guids = new Set(s.talks.map((t) => t.guid));
  if (guids.size !== s.talks.length) return 'two talks share one id';
  return '';
}

/** A schedule file: parsed as the import screen does, placed in its zone, then stored as a new conference. */
function scheduleTarget(seeds: () => SeedFile[]): Target {
  return {
    expected: ['ScheduleError'],
    // The largest is past the 4 MB a schedule may be, so the size check is reached too.
    hugeMax: 4 * 1024 * 1024 + 999,
    hugeSizes: [64 * 1024, 256 * 1024, 1024 * 1024, 4 * 1024 * 1024 + 999],
    async seeds() {
      return seeds();
    },
    async run(_name, bytes, index) {
      let s: Schedule;
      try {
        s = parseSchedule(bytes);
      } catch (e) {
        return refused(e);
      }
      const bad = checkSchedule(s);
      if (bad) return { kind: 'broken', problem: bad };
      const placed = placeSchedule(s, s.timeZone || 'Europe/Brussels');
      // Every eighth accepted file is also stored as the preview would send it (a failure there would be a crash
      // after the preview); storing each one would make the run several times longer for the same code path.
      if (index % 8 !== 0) return { kind: 'accepted' };
      await importSchedule({
        newConference: { name: s.title || 'Imported', place: '', timeZone: s.timeZone || 'Europe/Brussels', startDate: placed.startDate, endDate: placed.endDate, url: s.url },
        sourceKey: s.sourceId,
        source: { fileName: 'schedule', format: s.format, fetched: '2026-02-01T00:00:00.000Z' },
        talks: placed.talks,
      });
      await clearDb();
      return { kind: 'accepted' };
    },
  };
}

function refused(e: unknown): Outcome {
  if (e instanceof Error) return { kind: 'refused', error: e.name, message: e.message };
  return { kind: 'refused', error: typeof e, message: String(e) };
}

async function clearDb(): Promise<void> {
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
}

/** Every table (whatever the schema holds), blobs as base64, in a form that compares equal exactly when the stored data is the same. */
export async function dump(): Promise<string> {
  const rows = await db.transaction('r', db.tables, () => Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
  const asText = async (row: unknown): Promise<unknown> => {
    if (!row || typeof row !== 'object') return row;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) out[k] = v instanceof Blob ? Buffer.from(await v.arrayBuffer()).toString('base64') : v;
    return out;
  };
  return JSON.stringify(await Promise.all(rows.map(async ([name, list]) => [name, await Promise.all(list.map(asText))])));
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A database as a person's looks: the realistic conference, a photo under its real fingerprint, history, settings. */
async function seedRealistic(): Promise<void> {
  await clearDb();
  const sha = sha256(PHOTO_BYTES);
  const { conference, talks } = realisticConference();
  const withPhoto = talks.map((t) => ({ ...t, body: t.body.replaceAll('a'.repeat(64), sha), attachments: t.attachments.map((a) => ({ ...a, sha256: sha })) }));
  await db.conferences.add(conference);
  await db.talks.bulkAdd(withPhoto);
  await db.blobs.add({ sha256: sha, type: 'image/jpeg', size: PHOTO_BYTES.length, blob: new Blob([PHOTO_BYTES], { type: 'image/jpeg' }) });
  await db.versions.add({ id: 'v1', recordId: withPhoto[0]!.id, table: 'talks', created: '2015-01-12T00:05:00.000Z', reason: 'edit', record: { ...withPhoto[0]!, body: 'earlier' } });
  await setSetting('initials', 'CSB');
  await setSetting('theme', 'dark');
}

/**
 * Whether case `index` starts from the realistic database (else an empty one): alternating in runs of 32 cases, so
 * a worker seldom has to store the realistic data again, and each run covers every seed file.
 */
export function startsFull(index: number): boolean {
  return ((index >> 5) & 1) === 0;
}

/**
 * Runs an import into a database that is either the realistic one or empty (by case number), and judges it:
 * refused with an expected error and the stored data byte-for-byte as before, or accepted.
 */
function databaseTarget(expected: readonly string[], seeds: () => Promise<SeedFile[]>, importFile: (name: string, bytes: Uint8Array) => Promise<unknown>): Target {
  let base: 'realistic' | 'empty' | null = null;
  return {
    expected,
    // A note of 1 MB is already far past any real one; bigger ones only slow the run.
    hugeMax: 1024 * 1024,
    hugeSizes: [64 * 1024, 256 * 1024, 1024 * 1024],
    seeds,
    async run(name, bytes, index) {
      const want = startsFull(index) ? 'realistic' : 'empty';
      if (base !== want) {
        if (want === 'realistic') await seedRealistic();
        else await clearDb();
        base = want;
      }
      const before = await dump();
      try {
        await importFile(name, bytes);
      } catch (e) {
        const after = await dump();
        if (after !== before) {
          base = null;
          return { kind: 'broken', problem: `refused (${e instanceof Error ? e.name : String(e)}) but the stored data changed` };
        }
        return refused(e);
      }
      // An accepted file changed the database on purpose: start the next case from a fresh copy.
      base = null;
      return { kind: 'accepted' };
    },
  };
}

/** A backup zip made from realistic data with the app's own backup code. */
async function backupSeeds(): Promise<SeedFile[]> {
  await seedRealistic();
  await db.talks.update(realisticConference().talks[1]!.id, { deletedAt: '2026-01-30T00:00:00.000Z' });
  const bytes = await makeZip(backupEntries(await collectBackup('0.1.0', '2026-02-01T12:00:00.000Z')), MTIME);
  await clearDb();
  return [{ name: 'lectern-backup-2026-02-01.zip', bytes, syntax: 'binary' }];
}

/** Lectern's Markdown exports of the realistic conference (zips and single files) and blog posts from elsewhere. */
async function markdownSeeds(): Promise<SeedFile[]> {
  await seedRealistic();
  const src = (await loadConferenceExport(LCA.id))!;
  const out: SeedFile[] = [];
  for (const perTalk of [false, true]) {
    const exp = exportConference(src.conference, src.talks, { flavour: 'hugo', markers: true, leaveOutEmpty: false, perTalk, photoTypes: src.photoTypes });
    const zip = await buildExportZip(exp.files, exp.photos, loadPhotoBytes, MTIME);
    out.push({ name: perTalk ? 'lca-talks.zip' : 'lca.zip', bytes: new Uint8Array(await zip.blob.arrayBuffer()), syntax: 'binary' });
  }
  const talk = exportTalk(src.talks[2]!, src.conference, { flavour: 'jekyll', markers: true, photoTypes: src.photoTypes });
  out.push({ name: talk.name, bytes: enc.encode(talk.text), syntax: 'markdown' });
  const day = exportDay(src.conference, src.talks, '2015-01-12', { flavour: 'none', markers: true, leaveOutEmpty: false, photoTypes: src.photoTypes });
  out.push({ name: day.name, bytes: enc.encode(day.text), syntax: 'markdown' });
  for (const name of ['2016-06-01-post-pycon_jekyll.md', '2024-02-05-surviving-fosdem-24_hugo-bundle.md', '2014-10-02-nordicjs-2014_swedish.md', 'linuxfest-northwest-2016_plaintext.txt'])
    out.push({ name, bytes: file(NOTES, name), syntax: 'markdown' });
  await clearDb();
  return out;
}

export const TARGETS: Record<string, Target> = {
  ical: scheduleTarget(() => [
    { name: 'pycon-india-2021_ics-py.ics', bytes: file(SCHEDULES, 'pycon-india-2021_ics-py.ics'), syntax: 'ical' },
    { name: 'kielux-2020_kolt.ics', bytes: file(SCHEDULES, 'kielux-2020_kolt.ics'), syntax: 'ical' },
    { name: 'jococruise-2024_sched.ics (first 40 events)', bytes: icalExcerpt('jococruise-2024_sched.ics', 40), syntax: 'ical' },
    { name: 'linux-conf-au-2020_symposion.ics (first 30 events)', bytes: icalExcerpt('linux-conf-au-2020_symposion.ics', 30), syntax: 'ical' },
  ]),
  'frab-xml': scheduleTarget(() => [
    { name: '31c3_frab.xml (first 4 rooms)', bytes: xmlExcerpt('31c3_frab.xml', 4), syntax: 'xml' },
    { name: 'debconf23_wafer.xml (first 4 rooms)', bytes: xmlExcerpt('debconf23_wafer.xml', 4), syntax: 'xml' },
    { name: 'fosdem-2021_pentabarf.xml (first 6 rooms)', bytes: xmlExcerpt('fosdem-2021_pentabarf.xml', 6), syntax: 'xml' },
  ]),
  'frab-json': scheduleTarget(() => [
    { name: 'democon_pretalx.json', bytes: file(SCHEDULES, 'democon_pretalx.json'), syntax: 'json' },
    { name: 'camp2019_frab.json (first day, two rooms)', bytes: frabJsonExcerpt(), syntax: 'json' },
  ]),
  sessionize: scheduleTarget(() => [{ name: 'sessionize-sample-event_all.json', bytes: file(SCHEDULES, 'sessionize-sample-event_all.json'), syntax: 'json' }]),
  backup: databaseTarget(['BackupError', 'ZipError'], backupSeeds, async (name, bytes) => restoreBackup(await parseBackup(await readZip(bytes, name), name))),
  markdown: databaseTarget(['ImportError', 'ZipError'], markdownSeeds, importMarkdownFile),
};

/** Whether a message reads as a sentence for a person naming the problem, or '' when it does. */
export function messageProblem(message: string): string {
  if (!message.trim()) return 'empty message';
  if (message.length > 600) return `message is ${message.length} characters long`;
  if (/[\u0000-\u0008\u000b-\u001f\ufffd]/.test(message)) return 'message holds unreadable characters';
  if (!/^[A-Z“"0-9]/.test(message)) return 'message does not start like a sentence';
  if (!/[.?!)]$/.test(message)) return 'message does not end like a sentence';
  if (/\bundefined\b|\[object |\bNaN\b|TypeError|ReferenceError|RangeError|\n\s+at /.test(message)) return 'message shows program internals';
  if (!/\b(not|no|damaged|missing|cut|empty|unknown|newer|nothing|incomplete|invalid|at most|cannot|expected)\b/i.test(message)) return 'message does not name a problem';
  return '';
}

/** For zip seeds, the files inside that may be mutated (text ones) and how to put the zip back together. */
export async function mutateInsideZip(bytes: Uint8Array, pickEntry: (names: string[]) => string, change: (data: Uint8Array, syntax: Syntax) => Uint8Array): Promise<{ bytes: Uint8Array; entry: string }> {
  const files = await readZip(bytes, 'seed.zip');
  const names = [...files.keys()].filter((n) => /\.(json|md)$/.test(n));
  const entry = pickEntry(names);
  files.set(entry, change(files.get(entry)!, entry.endsWith('.json') ? 'json' : 'markdown'));
  const zipped = await makeZip([...files].map(([name, data]) => ({ name, data, store: name.startsWith('attachments/') || name.startsWith('blobs/') })), MTIME);
  return { bytes: zipped, entry };
}
