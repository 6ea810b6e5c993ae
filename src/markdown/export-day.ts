/** A day as one Markdown post: the day's free notes first, then its talks in schedule order. */
import { dayReadingOrder } from '../model/order';
import { datesBetween } from '../model/time';
import type { Conference, Talk } from '../model/types';
import { conferenceMarker } from './export-markers';
import { escapeText, formatDayEn } from './export-text';
import { conferenceName, joinBlocks, postFileName, talkSection, type ExportOptions, type ExportedFile } from './export-talk';
import { frontMatter } from './front-matter';

export interface DayOptions extends ExportOptions {
  /** The post's title; "Conference – Day N" when empty. */
  title?: string;
  /** Leave out talks with nothing written. */
  leaveOutEmpty: boolean;
}

/** "FOSDEM 2026 – Day 2"; a day outside the conference's dates by its date; talks without a day are "Other notes". */
export function defaultDayTitle(c: Conference, day: string): string {
  if (!day) return `${c.name} – Other notes`;
  const n = datesBetween(c.startDate, c.endDate).indexOf(day) + 1;
  return `${c.name} – ${n > 0 ? `Day ${n}` : formatDayEn(day)}`;
}

/** The talks a day post shows, in reading order: not those kept private, nor empty ones when asked. */
export function dayTalks(talks: readonly Talk[], day: string, leaveOutEmpty: boolean): Talk[] {
  return dayReadingOrder(
    talks.filter((t) => t.deletedAt === null),
    day,
  ).filter((t) => !t.private && !(leaveOutEmpty && !t.body.trim()));
}

/** Each tag once, in the order the talks first use it. */
function tagsOf(talks: readonly Talk[]): string[] {
  const seen = new Map<string, string>();
  for (const t of talks) for (const tag of t.tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()];
}

/** The day's post. `talks` may be all the conference's talks; only the day's are used. */
export function exportDay(c: Conference, talks: readonly Talk[], day: string, o: DayOptions): ExportedFile & { talks: Talk[] } {
  const shown = dayTalks(talks, day, o.leaveOutEmpty);
  const title = o.title?.trim() || defaultDayTitle(c, day);
  const fm = frontMatter(o.flavour, { title, date: day, tags: tagsOf(shown), conference: conferenceName(c) });
  const blocks = [
    fm,
    o.flavour === 'none' ? `# ${escapeText(title)}\n` : '',
    o.markers ? `${conferenceMarker(c)}\n` : '',
    ...shown.map((t) => talkSection(t, c.timeZone, { level: 2, withDay: false }, o)),
  ];
  return { name: postFileName(o.flavour, day || c.startDate, title), text: joinBlocks(blocks), talks: shown };
}
