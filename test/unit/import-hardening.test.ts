// Faults the importers' fuzzing found (test/unit/fuzz-schedules.test.ts, test/db/fuzz-imports.test.ts), one test each.
import { describe, expect, it } from 'vitest';
import { backupEntries, parseBackup, MANIFEST, type BackupData } from '../../src/backup/format';
import { makeZip, readZip } from '../../src/backup/zip';
import { quoteForMessage } from '../../src/model/quote';
import { referencedPhotos } from '../../src/markdown/export-text';
import { planImport } from '../../src/markdown/parse-export';
import { parseSchedule } from '../../src/schedule/parse';
import { ScheduleError } from '../../src/schedule/types';

const enc = new TextEncoder();
const MTIME = new Date('2026-02-01T12:00:00');

function refusal(text: string): string {
  try {
    parseSchedule(enc.encode(text));
  } catch (e) {
    expect(e).toBeInstanceOf(ScheduleError);
    return (e as Error).message;
  }
  throw new Error('the file was accepted');
}

const event = (uid: string): string => `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTART:20260301T100000Z\r\nSUMMARY:Talk ${uid}\r\nEND:VEVENT\r\n`;
const calendar = (body: string): string => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${body}END:VCALENDAR\r\n`;

describe('quoteForMessage', () => {
  it('keeps a short name as it is', () => {
    expect(quoteForMessage('notes/day-1.md')).toBe('notes/day-1.md');
  });

  it('cuts a long piece, drops control characters and half characters, and never walks the whole string', () => {
    const q = quoteForMessage(`PK\u0003\u0004${'𝄞'.repeat(2_000_000)}`, 10);
    expect(q).toBe(`PK ${'𝄞'.repeat(7)}…`);
    expect(quoteForMessage('\ud834abc')).toBe('abc');
  });
});

describe('iCalendar', () => {
  it('refuses an END with no BEGIN in words (ical.js failed with a TypeError)', () => {
    const text = calendar(`${event('a')}END:VEVENT\r\nEND:VEVENT\r\n`);
    expect(refusal(text)).toBe('The iCalendar file is damaged: line 9 ends a block (END:VEVENT) that was never begun.');
  });

  it('refuses BEGIN blocks nested far deeper than any calendar', () => {
    expect(refusal(calendar('BEGIN:VEVENT\r\n'.repeat(10_000)))).toMatch(/^The iCalendar file nests BEGIN blocks more than 32 deep \(line \d+\), which no calendar does\.$/);
  });

  it('quotes at most a short piece of a bad line from ical.js', () => {
    const message = refusal(calendar(`${event('a')}${'x'.repeat(5000)}\r\n`));
    expect(message).toMatch(/^The iCalendar file could not be read: .*\.$/);
    expect(message.length).toBeLessThan(200);
  });
});

describe('frab XML', () => {
  const schedule = (day: string): string =>
    `<?xml version="1.0"?><schedule><conference><title>C</title></conference>${day}<room name="R"><event guid="g1"><date>2026-03-01T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><room>R</room><title>T</title></event></room></day></schedule>`;

  it('reads a tag holding a long run of text in linear time (an attribute pattern retried it from every position)', () => {
    // Quadratic reading took minutes for this; linear takes milliseconds, well inside the test's time limit.
    const s = parseSchedule(enc.encode(schedule(`<day date="2026-03-01" ${'%20'.repeat(300_000)} index="1">`)));
    expect(s.talks.map((t) => t.title)).toEqual(['T']);
  });

  it('refuses elements nested far deeper than any schedule, naming the line', () => {
    expect(refusal(`<schedule>\n${'<a>'.repeat(100_000)}`)).toBe('The XML is not well-formed at line 2: elements are nested more than 256 deep, which no schedule does.');
  });

  it('quotes a huge tag name only in part', () => {
    const message = refusal(`<schedule>\n<day>\n</${'𝄞'.repeat(500_000)}>\n</schedule>`);
    expect(message).toMatch(/^The XML is not well-formed at line 3: <\/𝄞+…> closes <day>\.$/u);
    expect(message.length).toBeLessThan(200);
  });
});

describe('zip and backup messages', () => {
  it('names a damaged entry with a readable piece of its name', async () => {
    const name = `notes-${'x'.repeat(3000)}\u0001.md`;
    const zip = await makeZip([{ name, data: enc.encode('# A note\n'.repeat(200)), store: true }], MTIME);
    // The table of contents claims one byte more than the entry holds: it is listed but cannot be read whole.
    const view = new DataView(zip.buffer);
    let cd = zip.length - 22;
    while (view.getUint32(cd, true) !== 0x02014b50) cd--;
    view.setUint32(cd + 24, view.getUint32(cd + 24, true) + 1, true);
    const error = await readZip(zip, 'notes.zip').then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe('ZipError');
    expect(error?.message).toMatch(/^“notes\.zip” is damaged: “notes-x+…” inside it cannot be read\. Nothing was changed\.$/);
    expect(error!.message.length).toBeLessThan(200);
  });

  it('names a missing photo with a readable piece of its path', async () => {
    const data: BackupData = { created: '', appVersion: '', conferences: [], talks: [], versions: [], settings: [], photos: [] };
    const manifest = JSON.parse(new TextDecoder().decode(backupEntries(data)[0]!.data)) as Record<string, unknown>;
    manifest.photos = [{ sha256: 'a'.repeat(64), type: 'image/jpeg', size: 1, path: `blobs/${'A'.repeat(2_000_000)}.jpg` }];
    const error = await parseBackup(new Map([[MANIFEST, enc.encode(JSON.stringify(manifest))]]), 'b.zip').then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^“b\.zip” is missing the photo blobs\/A+…\. Nothing was changed\.$/);
    expect(error!.message.length).toBeLessThan(200);
  });
});

describe('iCalendar values', () => {
  it.each([
    ['DTSTART', 'DTSTART:2026ab a0T100000Z', /^Event 1 \("Talk"\) has a DTSTART that is not a valid date, time or duration \(“[^”]+”\)\. The file was not imported\.$/],
    ['DTEND', 'DTSTART:20260301T100000Z\r\nDTEND:----', /^Event 1 \("Talk"\) has a DTEND that is not a valid date, time or duration \(“[^”]+”\)\./],
    ['DURATION', 'DTSTART:20260301T100000Z\r\nDURATION:PTxyzM', /^Event 1 \("Talk"\) has a DURATION that is not/],
  ])('refuses a malformed %s in words (ical.js failed with a bare Error)', (_, lines, message) => {
    expect(refusal(calendar(`BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Talk\r\n${lines}\r\nEND:VEVENT\r\n`))).toMatch(message);
  });
});

describe('Markdown import', () => {
  const marker = (fields: Record<string, unknown>): string =>
    `<!-- lectern:talk ${JSON.stringify({ id: 't1', kind: 'talk', title: 'T', speakers: [], starts: null, ends: null, day: '2026-03-01', room: '', track: '', links: [], tags: [], starred: false, abstract: '', photos: [], ...fields })} -->\n\n## T\n\nnote\n`;
  const refusalOf = async (text: string): Promise<string> =>
    planImport(new Map([['day.md', enc.encode(text)]]), null).then(
      () => 'accepted',
      (e: unknown) => `${(e as Error).name}: ${(e as Error).message}`,
    );

  it.each([
    ['a start time that is not a time', { starts: '2026-03-01T1<div>0:00Z' }, 'times'],
    ['a day that is not a date', { day: '2026-0<div>3-01' }, 'day, room or track'],
  ])('refuses a marker with %s in words (it failed with RangeError: Invalid time value)', async (_, fields, what) => {
    expect(await refusalOf(marker(fields))).toBe(`ImportError: “day.md”, line 1: the talk's Lectern marker has bad ${what}. Nothing was changed.`);
  });

  it('refuses a conference marker with a time zone that does not exist', async () => {
    const conference = `<!-- lectern:conference ${JSON.stringify({ id: 'c1', name: 'C', place: '', timeZone: 'Mars/Olympus', startDate: '2026-03-01', endDate: '2026-03-01', url: '' })} -->\n\n`;
    expect(await refusalOf(conference + marker({}))).toBe("ImportError: “day.md”, line 1: the conference's Lectern marker is missing fields. Nothing was changed.");
  });

  it('finds photo references in linear time in a long run of "![" (the pattern rescanned the run from each one)', async () => {
    expect(await refusalOf(marker({}).replace('note', '![x](attachment:' + 'a'.repeat(64) + ') ' + '!['.repeat(200_000)))).toMatch(/shows a photo|accepted/);
    expect(referencedPhotos('![['.repeat(200_000) + `![x](attachment:${'b'.repeat(64)})`)).toEqual(['b'.repeat(64)]);
  });
});
