/** Ordering and grouping of talks and conferences for lists. */
import type { Conference, Talk } from './types';

/** Schedule order: by day, then start time; talks without a day or time come after timed ones. */
export function compareTalks(a: Talk, b: Talk): number {
  if (a.day !== b.day) {
    if (!a.day) return 1;
    if (!b.day) return -1;
    return a.day < b.day ? -1 : 1;
  }
  if (a.starts !== b.starts) {
    if (!a.starts) return 1;
    if (!b.starts) return -1;
    const d = Date.parse(a.starts) - Date.parse(b.starts);
    if (d !== 0) return d;
  }
  return a.title.localeCompare(b.title) || a.created.localeCompare(b.created);
}

export interface DayGroup {
  /** YYYY-MM-DD, or '' for talks without a day. */
  day: string;
  talks: Talk[];
}

/** Talks grouped by day in schedule order; the group without a day comes last. */
export function groupTalksByDay(talks: readonly Talk[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const t of [...talks].sort(compareTalks)) {
    const last = groups[groups.length - 1];
    if (last && last.day === t.day) last.talks.push(t);
    else groups.push({ day: t.day, talks: [t] });
  }
  return groups;
}

/** Newest first: by start date, then by when they were added. */
export function compareConferences(a: Conference, b: Conference): number {
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? 1 : -1;
  // ISO timestamps sort as plain text; localeCompare costs far more for the same answer.
  return a.created === b.created ? 0 : a.created < b.created ? 1 : -1;
}

/** The day's notes in reading order: free notes (the day's intro, the hallway track) before the talks. */
export function dayReadingOrder(talks: readonly Talk[], day: string): Talk[] {
  const ofDay = talks.filter((t) => t.day === day).sort(compareTalks);
  return [...ofDay.filter((t) => t.kind === 'note'), ...ofDay.filter((t) => t.kind !== 'note')];
}
