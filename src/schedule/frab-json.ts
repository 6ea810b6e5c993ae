/**
 * frab, pretalx and c3voc schedule.json: {schedule: {conference: {days: [{rooms: {name: [event]}}]}}}. The newer
 * fields of the c3voc schema are read too: event "date" and "end" as date-times, persons by "name".
 */
import type { Link, Speaker } from '../model/types';
import { quoteForMessage } from '../model/quote';
import { addMinutes, durationMinutes, floatingDateTime, instantIso, uniqueGuids, wallTime } from './clock';
import { joinAbstract } from './frab-xml';
import { oneLine, safeUrl } from './text';
import { ScheduleError, type Schedule, type ScheduleTalk, type ScheduleTime } from './types';
import { knownZone } from './zone';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function eventStart(ev: Obj, dayDate: string, zone: string): ScheduleTime | null {
  const iso = instantIso(str(ev.date));
  if (iso) return { kind: 'instant', iso };
  const floating = floatingDateTime(str(ev.date));
  if (floating) return zone ? { kind: 'local', ...floating, zone } : { kind: 'local', ...floating };
  const time = wallTime(str(ev.start));
  if (!time || !dayDate) return null;
  return zone ? { kind: 'local', day: dayDate, time, zone } : { kind: 'local', day: dayDate, time };
}

function person(p: unknown): Speaker | null {
  if (typeof p === 'string') return p.trim() ? { name: oneLine(p), affiliation: '' } : null;
  if (!isObj(p)) return null;
  // frab writes public_name, c3voc's second version name, older exports full_public_name.
  const name = oneLine(str(p.public_name) || str(p.name) || str(p.full_public_name));
  return name ? { name, affiliation: oneLine(str(p.affiliation) || str(p.organization)) } : null;
}

function links(ev: Obj): Link[] {
  const out: Link[] = [];
  const page = safeUrl(str(ev.url));
  if (page) out.push({ label: 'Talk page', url: page });
  for (const l of Array.isArray(ev.links) ? ev.links : []) {
    const url = safeUrl(typeof l === 'string' ? l : isObj(l) ? str(l.url) : '');
    if (url) out.push({ label: (isObj(l) && oneLine(str(l.title))) || url, url });
  }
  return out;
}

function eventTalk(ev: Obj, roomName: string, dayDate: string, zone: string): ScheduleTalk {
  const start = eventStart(ev, dayDate, zone);
  const minutes = durationMinutes(str(ev.duration));
  // Newer c3voc exports give "end" as a date-time and deprecate "duration"; an end before the start is ignored.
  const endIso = instantIso(str(ev.end));
  const end: ScheduleTime | null =
    endIso && start?.kind === 'instant' && Date.parse(endIso) >= Date.parse(start.iso)
      ? { kind: 'instant', iso: endIso }
      : start && minutes !== null && minutes > 0
        ? addMinutes(start, minutes)
        : null;
  return {
    guid: str(ev.guid) || str(ev.id),
    title: oneLine(str(ev.title)),
    speakers: (Array.isArray(ev.persons) ? ev.persons : []).map(person).filter((p): p is Speaker => p !== null),
    start,
    end,
    room: oneLine(str(ev.room) || roomName),
    track: oneLine(str(ev.track)),
    links: links(ev),
    abstract: joinAbstract(str(ev.subtitle), str(ev.abstract), str(ev.description)),
  };
}

/** Reads parsed schedule.json data into the normalised Schedule; throws naming the first field that is wrong. */
export function parseFrabJson(data: unknown): Schedule {
  const sched = isObj(data) ? data.schedule : undefined;
  const conf = isObj(sched) ? sched.conference : undefined;
  if (!isObj(sched) || !isObj(conf)) throw new ScheduleError('This JSON has no "schedule.conference" object, so it is not a frab/pretalx schedule.');
  if (!Array.isArray(conf.days)) throw new ScheduleError('The field "schedule.conference.days" is missing or not a list.');
  const zone = knownZone(str(conf.time_zone_name));
  const talks: ScheduleTalk[] = [];
  conf.days.forEach((day, i) => {
    if (!isObj(day) || !isObj(day.rooms)) throw new ScheduleError(`The field "schedule.conference.days[${i}].rooms" is missing or not an object.`);
    for (const [roomName, events] of Object.entries(day.rooms)) {
      if (!Array.isArray(events)) throw new ScheduleError(`The field "schedule.conference.days[${i}].rooms["${quoteForMessage(roomName, 40)}"]" is not a list of events.`);
      for (const ev of events) if (isObj(ev)) talks.push(eventTalk(ev, roomName, str(day.date).slice(0, 10), zone));
    }
  });
  const warnings: string[] = [];
  uniqueGuids(talks, warnings);
  const title = oneLine(str(conf.title));
  return {
    format: 'frab-json',
    sourceId: str(conf.acronym) || title,
    title,
    startDate: str(conf.start).slice(0, 10),
    endDate: str(conf.end).slice(0, 10),
    timeZone: zone,
    url: safeUrl(str(sched.base_url)),
    talks,
    warnings,
  };
}
