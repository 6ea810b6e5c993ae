/** Times and durations as schedule files write them. */
import type { ScheduleTime } from './types';

/** Minutes in a duration written "00:45", "1:00", "01:30:00" or "45"; null when unreadable. */
export function durationMinutes(text: string): number | null {
  const t = text.trim();
  let m = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return +m[1]! * 60 + +m[2]! + (m[3] ? Math.round(+m[3] / 60) : 0);
  m = /^(\d+)$/.exec(t);
  return m ? +m[1]! : null;
}

/** "HH:MM" from "9:00", "09:00" or "09:00:00"; null when unreadable. */
export function wallTime(text: string): string | null {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text.trim());
  if (!m || +m[1]! > 23 || +m[2]! > 59) return null;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** The date a number of days after a YYYY-MM-DD date. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** An ISO 8601 date-time with an offset or Z, normalised to seconds; null when it has no offset or is unreadable. */
export function instantIso(text: string): string | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(t)) return null;
  return Number.isNaN(Date.parse(t)) ? null : t;
}

/** A wall-clock "YYYY-MM-DDTHH:MM[:SS]" without offset, split; null when it is not one. */
export function floatingDateTime(text: string): { day: string; time: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/.exec(text.trim());
  return m ? { day: m[1]!, time: m[2]! } : null;
}

/** A time so many minutes after another, in the same kind (an instant stays an instant). */
export function addMinutes(t: ScheduleTime, minutes: number): ScheduleTime {
  if (t.kind === 'date') return { kind: 'date', day: addDays(t.day, Math.floor(minutes / 1440)) };
  if (t.kind === 'instant') {
    const offset = /(Z|[+-]\d{2}:?\d{2})$/i.exec(t.iso)?.[1] ?? 'Z';
    const offMin = offset.toUpperCase() === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (+offset.slice(1, 3) * 60 + +offset.slice(-2));
    const local = new Date(Date.parse(t.iso) + (minutes + offMin) * 60000).toISOString().slice(0, 19);
    return { kind: 'instant', iso: `${local}${offset.toUpperCase() === 'Z' ? 'Z' : offset}` };
  }
  const [h, m] = t.time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  const days = Math.floor(total / 1440);
  const rest = total - days * 1440;
  const time = `${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
  return { ...t, day: addDays(t.day, days), time };
}

/** A unique key for each talk: the file's id, or for a repeated or missing id one derived from what does not move. */
export function uniqueGuids<T extends { guid: string; title: string }>(talks: T[], warnings: string[]): T[] {
  const seen = new Map<string, number>();
  let missing = 0;
  let repeated = 0;
  for (const t of talks) {
    if (!t.guid) {
      missing++;
      t.guid = `title:${t.title.toLowerCase()}`;
    }
    const n = seen.get(t.guid) ?? 0;
    seen.set(t.guid, n + 1);
    if (n > 0) {
      repeated++;
      t.guid = `${t.guid}#${n + 1}`;
    }
  }
  if (repeated) warnings.push(`${repeated} ${repeated === 1 ? 'talk repeats' : 'talks repeat'} another talk's id; they are told apart by their order in the file.`);
  if (missing) warnings.push(`${missing} ${missing === 1 ? 'talk has' : 'talks have'} no id; ${missing === 1 ? 'it is' : 'they are'} matched by title on re-import.`);
  return talks;
}
