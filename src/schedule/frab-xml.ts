/** Pentabarf, frab and wafer schedule.xml: <schedule><conference/><day><room><event>. */
import type { Link, Speaker } from '../model/types';
import { quoteForMessage } from '../model/quote';
import { addDays, addMinutes, durationMinutes, instantIso, uniqueGuids, wallTime } from './clock';
import { htmlToText, oneLine, safeUrl } from './text';
import { ScheduleError, type Schedule, type ScheduleTalk, type ScheduleTime } from './types';
import { child, childText, children, parseXml, type XmlElement } from './xml';
import { knownZone } from './zone';

/** Abstract and description as one text; a description that repeats the abstract is left out. */
export function joinAbstract(...parts: string[]): string {
  const out: string[] = [];
  for (const p of parts.map(htmlToText)) if (p && !out.includes(p)) out.push(p);
  return out.join('\n\n');
}

function eventStart(ev: XmlElement, dayDate: string, dayChange: string, zone: string): ScheduleTime | null {
  const iso = instantIso(childText(ev, 'date'));
  if (iso) return { kind: 'instant', iso };
  const time = wallTime(childText(ev, 'start'));
  if (!time || !dayDate) return null;
  // Before the day change (e.g. 02:00 when days change at 04:00) a time belongs to the next calendar date.
  const day = dayChange && time < dayChange ? addDays(dayDate, 1) : dayDate;
  return zone ? { kind: 'local', day, time, zone } : { kind: 'local', day, time };
}

function eventTalk(ev: XmlElement, roomName: string, dayDate: string, dayChange: string, zone: string): ScheduleTalk {
  const start = eventStart(ev, dayDate, dayChange, zone);
  const minutes = durationMinutes(childText(ev, 'duration'));
  const speakers: Speaker[] = children(child(ev, 'persons'), 'person')
    .map((p) => ({ name: oneLine(p.text), affiliation: '' }))
    .filter((p) => p.name);
  const links: Link[] = [];
  const page = safeUrl(childText(ev, 'url'));
  if (page) links.push({ label: 'Talk page', url: page });
  for (const l of children(child(ev, 'links'), 'link')) {
    const url = safeUrl(l.attrs.href ?? '');
    if (url) links.push({ label: oneLine(l.text) || url, url });
  }
  return {
    guid: ev.attrs.guid || ev.attrs.id || '',
    title: oneLine(childText(ev, 'title')),
    speakers,
    start,
    end: start && minutes !== null && minutes > 0 ? addMinutes(start, minutes) : null,
    room: oneLine(childText(ev, 'room') || roomName),
    track: oneLine(childText(ev, 'track')),
    links,
    abstract: joinAbstract(childText(ev, 'subtitle'), childText(ev, 'abstract'), childText(ev, 'description')),
  };
}

/** Reads a schedule.xml text into the normalised Schedule. */
export function parseFrabXml(text: string): Schedule {
  const root = parseXml(text);
  if (root.name !== 'schedule') throw new ScheduleError(`This XML is not a schedule: its root element is <${quoteForMessage(root.name, 40)}>, not <schedule>.`);
  const conf = child(root, 'conference');
  const zone = knownZone(childText(conf, 'time_zone_name'));
  const dayChange = wallTime(childText(conf, 'day_change')) ?? '';
  const talks: ScheduleTalk[] = [];
  for (const day of children(root, 'day')) {
    const date = day.attrs.date ?? '';
    for (const room of children(day, 'room'))
      for (const ev of children(room, 'event')) talks.push(eventTalk(ev, room.attrs.name ?? '', date, dayChange === '00:00' ? '' : dayChange, zone));
  }
  const warnings: string[] = [];
  uniqueGuids(talks, warnings);
  const title = oneLine(childText(conf, 'title'));
  return {
    format: 'frab-xml',
    sourceId: childText(conf, 'acronym') || title,
    title,
    startDate: childText(conf, 'start').slice(0, 10),
    endDate: childText(conf, 'end').slice(0, 10),
    timeZone: zone,
    url: safeUrl(childText(conf, 'base_url')),
    talks,
    warnings,
  };
}
