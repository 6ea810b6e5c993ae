/** iCalendar (RFC 5545) schedules, read with ical.js: one VEVENT per talk. */
import ICAL from 'ical.js';
import type { Link, Speaker } from '../model/types';
import { addMinutes, uniqueGuids } from './clock';
import { htmlToText, oneLine, safeUrl } from './text';
import { ScheduleError, type Schedule, type ScheduleTalk, type ScheduleTime } from './types';
import { knownZone } from './zone';
import { quoteForMessage } from '../model/quote';

const FOLD = [0x20, 0x09];

/**
 * Removes line folds from the raw bytes. Some writers fold at 75 octets in the middle of a multi-byte character,
 * so unfolding after decoding would leave broken characters behind.
 */
export function unfoldBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0d && bytes[i + 1] === 0x0a && FOLD.includes(bytes[i + 2]!)) {
      i += 2;
      continue;
    }
    if (b === 0x0a && FOLD.includes(bytes[i + 1]!)) {
      i += 1;
      continue;
    }
    out[n++] = b;
  }
  return out.subarray(0, n);
}

/** Whether bytes begin like an iCalendar file (after a BOM or blank lines). */
export function looksLikeIcal(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return /^BEGIN:VCALENDAR/i.test(head);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function eventTime(prop: ICAL.Property | null, calendarZone: string): ScheduleTime | null {
  if (!prop) return null;
  const v = prop.getFirstValue() as ICAL.Time | null;
  if (!v || typeof v !== 'object' || !('year' in v)) return null;
  const day = `${v.year}-${pad(v.month)}-${pad(v.day)}`;
  if (v.isDate) return { kind: 'date', day };
  const time = `${pad(v.hour)}:${pad(v.minute)}`;
  if (v.zone === ICAL.Timezone.utcTimezone) return { kind: 'instant', iso: `${day}T${time}:${pad(v.second)}Z` };
  const tzid = prop.getParameter('tzid');
  const tzidStr = typeof tzid === 'string' ? tzid : '';
  const iana = knownZone(tzidStr);
  if (iana) return { kind: 'local', day, time, zone: iana };
  // A TZID that is not an IANA name is usable only through the file's own VTIMEZONE definition.
  if (tzidStr && v.zone && v.zone.tzid === tzidStr) return { kind: 'instant', iso: new Date(v.toUnixTime() * 1000).toISOString().replace('.000', '') };
  // A floating time (no zone): the venue's wall time; the calendar's X-WR-TIMEZONE says which venue when present.
  return calendarZone ? { kind: 'local', day, time, zone: calendarZone } : { kind: 'local', day, time };
}

/** Speakers from ATTENDEE;CN=, else from "Speaker: …" or "von: …" lines in the description. */
function speakersOf(ev: ICAL.Component, description: string): Speaker[] {
  const names = ev
    .getAllProperties('attendee')
    .map((a) => a.getParameter('cn'))
    .map((cn) => oneLine(typeof cn === 'string' ? cn : ''))
    .filter(Boolean);
  if (!names.length) {
    const m = /^(?:speakers?|presenters?|von|referent(?:in|en)?)\s*:\s*(.+)$/im.exec(description);
    if (m) names.push(...m[1]!.split(/\s*(?:,|&|\band\b|\bund\b)\s*/).map(oneLine).filter(Boolean));
  }
  return [...new Set(names)].map((name) => ({ name, affiliation: '' }));
}

function text(ev: ICAL.Component, name: string): string {
  const v = ev.getFirstPropertyValue(name);
  return typeof v === 'string' ? v : v == null ? '' : String(v);
}

/**
 * Reads a typed value (a date, a time, a duration): ical.js parses these when first asked and fails with a plain
 * Error ("Could not extract integer…") on a malformed one, which becomes a message naming the event and the value.
 */
function readValue<T>(prop: ICAL.Property | null, where: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ScheduleError || !prop) throw e;
    const raw = String((prop.jCal as unknown[])[3] ?? '');
    throw new ScheduleError(`${where} has a ${prop.name.toUpperCase()} that is not a valid date, time or duration (“${quoteForMessage(raw, 40)}”). The file was not imported.`);
  }
}

/** Real calendars nest three levels (VCALENDAR, VEVENT, VALARM); far deeper is a broken or hostile file. */
const MAX_DEPTH = 32;

/**
 * Checks that BEGIN and END lines pair up before ical.js reads them: it meets an END with nothing open by failing
 * inside itself (a TypeError), and walks any depth of nesting.
 */
function checkComponents(source: string): void {
  let depth = 0;
  let line = 0;
  for (const m of source.matchAll(/^(BEGIN|END):([^\r\n]*)|\n/gim)) {
    if (!m[1]) {
      line++;
      continue;
    }
    if (m[1].toUpperCase() === 'BEGIN') {
      if (++depth > MAX_DEPTH) throw new ScheduleError(`The iCalendar file nests BEGIN blocks more than ${MAX_DEPTH} deep (line ${line + 1}), which no calendar does.`);
    } else if (--depth < 0)
      throw new ScheduleError(`The iCalendar file is damaged: line ${line + 1} ends a block (END:${quoteForMessage(m[2]!, 30)}) that was never begun.`);
  }
}

/** Reads an unfolded iCalendar text into the normalised Schedule. */
export function parseIcal(source: string): Schedule {
  checkComponents(source);
  let cal: ICAL.Component;
  try {
    cal = new ICAL.Component(ICAL.parse(source) as unknown[]);
  } catch (e) {
    const why = quoteForMessage(e instanceof Error ? e.message : String(e), 120).replace(/[.…]$/, '');
    throw new ScheduleError(`The iCalendar file could not be read: ${why}.`);
  }
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const calendarZone = knownZone(text(cal, 'x-wr-timezone'));
  let firstTzid = '';
  const talks = cal.getAllSubcomponents('vevent').map((ev, i): ScheduleTalk => {
    const summary = oneLine(text(ev, 'summary'));
    const where = `Event ${i + 1} ("${quoteForMessage(summary || text(ev, 'uid')) || 'untitled'}")`;
    const startProp = ev.getFirstProperty('dtstart');
    const start = readValue(startProp, where, () => eventTime(startProp, calendarZone));
    if (!start) throw new ScheduleError(`${where} has no DTSTART, so it has no time. The file was not imported.`);
    if (!firstTzid && start.kind === 'local' && start.zone) firstTzid = start.zone;
    const endProp = ev.getFirstProperty('dtend');
    let end = readValue(endProp, where, () => eventTime(endProp, calendarZone));
    const durationProp = ev.getFirstProperty('duration');
    const duration = readValue(durationProp, where, () => durationProp?.getFirstValue() as ICAL.Duration | null);
    if (!end && duration && typeof duration === 'object' && 'toSeconds' in duration) end = addMinutes(start, Math.round(duration.toSeconds() / 60));
    if (start.kind === 'date' && end?.kind === 'date') end = null;
    const description = htmlToText(text(ev, 'description'));
    const links: Link[] = [];
    const url = safeUrl(text(ev, 'url'));
    if (url) links.push({ label: 'Talk page', url });
    const categories = ev.getAllProperties('categories').flatMap((p) => p.getValues().map((v) => oneLine(String(v))));
    return {
      guid: text(ev, 'uid').trim(),
      title: summary,
      speakers: speakersOf(ev, description),
      start,
      end,
      room: oneLine(text(ev, 'location')),
      track: categories.filter(Boolean).join(', '),
      links,
      abstract: description,
    };
  });
  if (!talks.length) throw new ScheduleError('The iCalendar file holds no events (VEVENT), so there is nothing to import.');
  const warnings: string[] = [];
  uniqueGuids(talks, warnings);
  const title = oneLine(text(cal, 'x-wr-calname') || text(cal, 'x-wr-caldesc'));
  return {
    format: 'ical',
    sourceId: title || text(cal, 'prodid'),
    title,
    startDate: '',
    endDate: '',
    timeZone: calendarZone || firstTzid,
    url: '',
    talks,
    warnings,
  };
}
