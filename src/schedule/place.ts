/** Places a parsed schedule in a venue zone: stored talk times, days, and what the preview shows. */
import { datesBetween, isoToZoned, zoneOffsetMinutes, zonedToIso } from '../model/time';
import type { Link, Speaker } from '../model/types';
import type { Schedule, ScheduleTime } from './types';

/** A talk's schedule fields as they will be stored. */
export interface PlacedTalk {
  guid: string;
  title: string;
  speakers: Speaker[];
  starts: string | null;
  ends: string | null;
  day: string;
  room: string;
  track: string;
  links: Link[];
  abstract: string;
}

export interface PlacedSchedule {
  talks: PlacedTalk[];
  startDate: string;
  endDate: string;
  days: number;
  rooms: number;
  /** Whether any time in the file had no zone and so depends on the zone chosen. */
  zoneMatters: boolean;
  warnings: string[];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An instant written with the venue's offset, as every stored time is ("2021-02-06T09:00:00+01:00"). */
export function instantInZone(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  const off = zoneOffsetMinutes(zone, ms);
  const { day, time } = isoToZoned(iso, zone);
  const abs = Math.abs(off);
  return `${day}T${time}:${pad(new Date(ms).getUTCSeconds())}${off < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function toIso(t: ScheduleTime | null, zone: string): string | null {
  if (!t || t.kind === 'date') return null;
  if (t.kind === 'instant') return instantInZone(t.iso, zone);
  // A wall time the file tied to a zone is that instant whatever venue zone is chosen.
  const wall = zonedToIso(t.day, t.time, t.zone ?? zone);
  return t.zone && t.zone !== zone ? instantInZone(wall, zone) : wall;
}

/** Stored talk fields for every talk of a schedule read in a venue zone, and the preview's counts and warnings. */
export function placeSchedule(s: Schedule, zone: string): PlacedSchedule {
  const warnings = [...s.warnings];
  let zoneMatters = false;
  let noEnd = 0;
  let noStart = 0;
  const talks = s.talks.map((t): PlacedTalk => {
    if ((t.start?.kind === 'local' && !t.start.zone) || (t.end?.kind === 'local' && !t.end.zone)) zoneMatters = true;
    const starts = toIso(t.start, zone);
    let ends = toIso(t.end, zone);
    if (!starts && t.start?.kind !== 'date') noStart++;
    else if (starts && !ends) noEnd++;
    if (starts && ends && Date.parse(ends) < Date.parse(starts)) ends = null;
    const { start: _s, end: _e, ...rest } = t;
    const day = starts ? isoToZoned(starts, zone).day : t.start?.kind === 'date' ? t.start.day : '';
    return { ...rest, starts, ends, day };
  });
  const days = [...new Set(talks.map((t) => t.day).filter(Boolean))].sort();
  const startDate = s.startDate && s.endDate && s.startDate <= s.endDate ? s.startDate : (days[0] ?? '');
  const endDate = s.startDate && s.endDate && s.startDate <= s.endDate ? s.endDate : (days[days.length - 1] ?? '');
  const inside = new Set(datesBetween(startDate, endDate));
  const outside = talks.filter((t) => t.day && !inside.has(t.day)).length;
  if (noEnd) warnings.push(`${noEnd} ${noEnd === 1 ? 'talk has' : 'talks have'} no end time.`);
  if (noStart) warnings.push(`${noStart} ${noStart === 1 ? 'talk has' : 'talks have'} no start time; ${noStart === 1 ? 'it goes' : 'they go'} under "No day set".`);
  if (outside) warnings.push(`${outside} ${outside === 1 ? 'talk falls' : 'talks fall'} outside the conference dates (${startDate} to ${endDate}) in this time zone.`);
  return {
    talks,
    startDate,
    endDate,
    days: days.length,
    rooms: new Set(talks.map((t) => t.room).filter(Boolean)).size,
    zoneMatters,
    warnings,
  };
}
