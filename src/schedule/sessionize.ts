/** Sessionize "All" JSON (/api/v2/{id}/view/All): sessions refer to speakers, rooms and categories by id. */
import type { Speaker } from '../model/types';
import { floatingDateTime, instantIso, uniqueGuids } from './clock';
import { htmlToText, oneLine } from './text';
import { ScheduleError, type Schedule, type ScheduleTalk, type ScheduleTime } from './types';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Sessionize writes UTC with Z, or the venue's wall time without an offset; the latter is placed in the chosen zone. */
function time(v: unknown): ScheduleTime | null {
  const iso = instantIso(str(v));
  if (iso) return { kind: 'instant', iso };
  const floating = floatingDateTime(str(v));
  return floating ? { kind: 'local', ...floating } : null;
}

/** Reads parsed Sessionize "All" data into the normalised Schedule. */
export function parseSessionize(data: unknown): Schedule {
  if (!isObj(data) || !Array.isArray(data.sessions)) throw new ScheduleError('This JSON has no "sessions" list, so it is not a Sessionize "All" export.');
  const speakers = new Map<string, Speaker>();
  for (const s of list(data.speakers)) {
    if (!isObj(s)) continue;
    const name = oneLine(str(s.fullName) || `${str(s.firstName)} ${str(s.lastName)}`);
    if (name) speakers.set(str(s.id), { name, affiliation: oneLine(str(s.tagLine)) });
  }
  const rooms = new Map(list(data.rooms).filter(isObj).map((r) => [str(r.id), oneLine(str(r.name))]));
  // Tracks are category items under the category titled "Track"; other categories (format, level) are not tracks.
  const trackItems = new Map<string, string>();
  for (const c of list(data.categories).filter(isObj))
    if (/track/i.test(str(c.title))) for (const it of list(c.items).filter(isObj)) trackItems.set(str(it.id), oneLine(str(it.name)));
  const talks = data.sessions.map((raw, i): ScheduleTalk => {
    if (!isObj(raw)) throw new ScheduleError(`The field "sessions[${i}]" is not an object.`);
    return {
      guid: str(raw.id),
      title: oneLine(str(raw.title)),
      speakers: list(raw.speakers)
        .map((id) => speakers.get(isObj(id) ? str(id.id) : str(id)))
        .filter((s): s is Speaker => s !== undefined),
      start: time(raw.startsAt),
      end: time(raw.endsAt),
      room: rooms.get(str(raw.roomId)) ?? oneLine(str(raw.room)),
      track: list(raw.categoryItems).map((id) => trackItems.get(str(id))).filter(Boolean).join(', '),
      links: [],
      abstract: htmlToText(str(raw.description)),
    };
  });
  const warnings: string[] = [];
  uniqueGuids(talks, warnings);
  return { format: 'sessionize', sourceId: 'sessionize', title: '', startDate: '', endDate: '', timeZone: '', url: '', talks, warnings };
}
