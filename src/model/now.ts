/** What is on now: the conference under way today and, per room, the talk running and the one after it. */
import type { Conference, Talk } from './types';
import { isoToZoned } from './time';

/** A talk with no end time is taken to run this long. */
const DEFAULT_LENGTH_MS = 45 * 60_000;

/** Today's date at the venue, YYYY-MM-DD. */
export function todayIn(zone: string, now: number): string {
  return isoToZoned(new Date(now).toISOString(), zone).day;
}

/** The conference whose dates include today at its venue; of several, the one that started last. */
export function currentConference(conferences: readonly Conference[], now: number): Conference | undefined {
  // Every venue's date is within a day of the UTC date: only conferences near it need their zone's clock, which
  // costs a formatter per zone (hundreds of past conferences made that a visible part of the start).
  const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const earliest = utcDay(now - 86_400_000);
  const latest = utcDay(now + 86_400_000);
  return conferences
    .filter((c) => c.deletedAt === null && c.startDate <= latest && c.endDate >= earliest)
    .filter((c) => {
      const today = todayIn(c.timeZone, now);
      return c.startDate <= today && today <= c.endDate;
    })
    .sort((a, b) => (a.startDate === b.startDate ? b.created.localeCompare(a.created) : a.startDate < b.startDate ? 1 : -1))[0];
}

export interface RoomNow {
  room: string;
  current?: Talk;
  next?: Talk;
}

function endOf(t: Talk): number {
  return t.ends ? Date.parse(t.ends) : Date.parse(t.starts!) + DEFAULT_LENGTH_MS;
}

/** Per room, the talk running now and the next one to start today; rooms with neither are left out. */
export function nowAndNext(talks: readonly Talk[], now: number, today: string): RoomNow[] {
  const rooms = new Map<string, RoomNow>();
  const timed = talks
    .filter((t) => t.deletedAt === null && t.kind === 'talk' && t.starts && t.day === today && t.scheduleStatus !== 'cancelled')
    .sort((a, b) => Date.parse(a.starts!) - Date.parse(b.starts!));
  for (const t of timed) {
    const slot = rooms.get(t.room) ?? { room: t.room };
    const start = Date.parse(t.starts!);
    if (start <= now && now < endOf(t)) slot.current ??= t;
    else if (start > now) slot.next ??= t;
    else continue;
    rooms.set(t.room, slot);
  }
  // Rooms with a talk on now first, then by when their next talk starts, then by name.
  const key = (r: RoomNow): number => (r.current ? 0 : Date.parse(r.next!.starts!));
  return [...rooms.values()].sort((a, b) => key(a) - key(b) || a.room.localeCompare(b.room));
}
