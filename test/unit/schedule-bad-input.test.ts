// Files that are not schedules, or broken ones, are refused with a message naming what is wrong.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/schedule/parse';
import { htmlToText, safeUrl } from '../../src/schedule/text';
import { ScheduleError } from '../../src/schedule/types';

const DIR = new URL('../../../shared/fixtures/schedules/', import.meta.url);
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const fosdem = readFileSync(new URL('fosdem-2021_pentabarf.xml', DIR), 'utf8');
const camp = readFileSync(new URL('camp2019_frab.json', DIR), 'utf8');

function refusal(input: Uint8Array): string {
  try {
    parseSchedule(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ScheduleError);
    return (e as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('bad input', () => {
  it.each([
    ['an empty file', new Uint8Array(), /empty/],
    ['only whitespace', bytes('  \n\t'), /empty/],
    ['truncated XML', bytes(fosdem.slice(0, 50_000)), /not well-formed at line \d+: <\w+> is never closed/],
    ['XML with mismatched tags', bytes('<schedule>\n<day>\n</room>\n</schedule>'), /line 3: <\/room> closes <day>/],
    ['truncated JSON', bytes(camp.slice(0, 10_000)), /JSON is not valid.*cut off/],
    ['binary garbage', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /not text/],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /not text/],
    ['valid JSON of another kind', bytes('{"name":"lectern","version":"1.0.0","dependencies":{}}'), /not a schedule Lectern knows/],
    ['a JSON array of numbers', bytes('[1,2,3]'), /not a schedule Lectern knows/],
    ['an XML document of another kind', bytes('<?xml version="1.0"?><rss><channel/></rss>'), /not a Pentabarf\/frab schedule/],
    ['a frab JSON without days', bytes('{"schedule":{"conference":{"title":"X"}}}'), /"schedule.conference.days"/],
    ['a frab JSON whose day has no rooms', bytes('{"schedule":{"conference":{"days":[{"date":"2024-01-01"}]}}}'), /"schedule.conference.days\[0\].rooms"/],
    ['plain text', bytes('Meet me at the keynote'), /not a schedule Lectern knows/],
    ['a 5 MB file', bytes(`<schedule>${' '.repeat(5 * 1024 * 1024)}</schedule>`), /5\.0 MB; a schedule is at most 4 MB/],
    [
      'an iCal event without DTSTART',
      bytes('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Keynote\r\nDTSTART:20240101T100000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Lost talk\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'),
      /Event 2 \("Lost talk"\) has no DTSTART/,
    ],
    ['an iCal file with no events', bytes('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'), /no events/],
    ['a broken iCal file', bytes('BEGIN:VCALENDAR\r\nthis is not a property\r\n'), /iCalendar file could not be read/],
  ])('refuses %s', (_, input, message) => {
    expect(refusal(input)).toMatch(message);
  });
});

describe('iCalendar details', () => {
  const cal = (body: string): string => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${body}END:VCALENDAR\r\n`;
  it('reads an all-day event as a day without a time, and escaped commas as commas', () => {
    const s = parseSchedule(bytes(cal('BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Hack day\\, all day\r\nDTSTART;VALUE=DATE:20240310\r\nDTEND;VALUE=DATE:20240311\r\nEND:VEVENT\r\n')));
    expect(s.talks[0]!.title).toBe('Hack day, all day');
    expect(s.talks[0]!.start).toEqual({ kind: 'date', day: '2024-03-10' });
    expect(s.talks[0]!.end).toBeNull();
  });

  it('uses a VTIMEZONE definition for a TZID that is not an IANA name', () => {
    const tz =
      'BEGIN:VTIMEZONE\r\nTZID:Custom Plus Two\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0200\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n';
    const s = parseSchedule(bytes(cal(`${tz}BEGIN:VEVENT\r\nUID:y\r\nSUMMARY:T\r\nDTSTART;TZID=Custom Plus Two:20240310T100000\r\nDURATION:PT45M\r\nEND:VEVENT\r\n`)));
    expect(s.talks[0]!.start).toEqual({ kind: 'instant', iso: '2024-03-10T08:00:00Z' });
    expect(s.talks[0]!.end).toEqual({ kind: 'instant', iso: '2024-03-10T08:45:00Z' });
  });

  it('reads a fold inside a multi-byte character without breaking it', () => {
    // "Groß": ß is C3 9F; the fold falls between its two bytes.
    const head = bytes('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:z\r\nDTSTART:20240101T100000Z\r\nSUMMARY:Gro');
    const tail = bytes('\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    const file = new Uint8Array([...head, 0xc3, 0x0d, 0x0a, 0x20, 0x9f, ...tail]);
    expect(parseSchedule(file).talks[0]!.title).toBe('Groß');
  });

  it('gives repeated UIDs distinct refs and says so', () => {
    const ev = 'BEGIN:VEVENT\r\nUID:same\r\nSUMMARY:A\r\nDTSTART:20240101T100000Z\r\nEND:VEVENT\r\n';
    const s = parseSchedule(bytes(cal(ev + ev)));
    expect(s.talks.map((t) => t.guid)).toEqual(['same', 'same#2']);
    expect(s.warnings.join(' ')).toMatch(/repeats another talk's id/);
  });
});

describe('untrusted text', () => {
  it.each([
    ['<p>Hi <script>alert(1)</script>there</p>', 'Hi there'],
    ['<img src=x onerror="alert(1)">Look', 'Look'],
    ['<a href="javascript:alert(1)">click</a>', 'click'],
    ['<a href="https://example.org/x">the paper</a>', 'the paper (https://example.org/x)'],
    ['&lt;b&gt;escaped&lt;/b&gt; stays literal text', '&lt;b&gt;escaped&lt;/b&gt; stays literal text'],
    ['<ul><li>one</li><li>two</li></ul>', '- one\n\n- two'],
  ])('turns %j into plain text', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('keeps only http and https link targets', () => {
    expect(safeUrl('javascript:alert(1)')).toBe('');
    expect(safeUrl('data:text/html,<b>')).toBe('');
    expect(safeUrl('/programme/x')).toBe('');
    expect(safeUrl(' https://fosdem.org/ ')).toBe('https://fosdem.org/');
  });

  it('drops javascript: links from a schedule and keeps markup in titles as literal text', () => {
    const xml = `<schedule><conference><title>X</title></conference><day date="2024-02-03"><room name="R"><event id="1"><start>10:00</start><duration>00:30</duration><title>&lt;script&gt;alert(1)&lt;/script&gt;</title><persons><person id="1">&lt;img src=x onerror=alert(1)&gt;</person></persons><links><link href="javascript:alert(1)">bad</link><link href="https://ok.example/">good</link></links><abstract>&lt;p onclick="x()"&gt;Hi&lt;/p&gt;</abstract></event></room></day></schedule>`;
    const t = parseSchedule(bytes(xml)).talks[0]!;
    expect(t.title).toBe('<script>alert(1)</script>');
    expect(t.speakers[0]!.name).toBe('<img src=x onerror=alert(1)>');
    expect(t.links).toEqual([{ label: 'good', url: 'https://ok.example/' }]);
    expect(t.abstract).toBe('Hi');
  });
});
