/**
 * Lectern markers: one-line HTML comments that carry a record's fields in an exported file, so Lectern can read
 * its own exports back. Markdown renderers (Hugo, Jekyll, GitHub) show nothing for a comment.
 */
import type { Attachment, Conference, Talk } from '../model/types';

/** The fields of a conference an export carries (its notes travel as text in index.md). */
export type ConferenceMarker = Pick<Conference, 'id' | 'name' | 'place' | 'timeZone' | 'startDate' | 'endDate' | 'url'>;

/** The fields of a talk an export carries besides its note; `photos` are its attachments. */
export type TalkMarker = Pick<
  Talk,
  'id' | 'kind' | 'title' | 'speakers' | 'starts' | 'ends' | 'day' | 'room' | 'track' | 'links' | 'tags' | 'starred' | 'abstract'
> &
  Pick<Talk, 'private' | 'scheduleRef' | 'scheduleStatus'> & { photos: Attachment[] };

export type MarkerKind = 'conference' | 'talk' | 'notes';

const LINE = /^<!-- lectern:(conference|talk|notes)(?: (\{.*\}))? -->$/;

/** JSON with < and > escaped, so nothing in a value can end the comment ("-->") or open a tag. */
function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>]/g, (c) => (c === '<' ? '\\u003c' : '\\u003e'));
}

export function conferenceMarker(c: Conference): string {
  const data: ConferenceMarker = { id: c.id, name: c.name, place: c.place, timeZone: c.timeZone, startDate: c.startDate, endDate: c.endDate, url: c.url };
  return `<!-- lectern:conference ${safeJson(data)} -->`;
}

export function talkMarker(t: Talk): string {
  const data: TalkMarker = {
    id: t.id,
    kind: t.kind,
    title: t.title,
    speakers: t.speakers,
    starts: t.starts,
    ends: t.ends,
    day: t.day,
    room: t.room,
    track: t.track,
    links: t.links,
    tags: t.tags,
    starred: t.starred,
    abstract: t.abstract,
    photos: t.attachments,
  };
  if (t.private) data.private = true;
  if (t.scheduleRef) data.scheduleRef = t.scheduleRef;
  if (t.scheduleStatus) data.scheduleStatus = t.scheduleStatus;
  return `<!-- lectern:talk ${safeJson(data)} -->`;
}

/** Marks where a conference's own notes begin in index.md. */
export const NOTES_MARKER = '<!-- lectern:notes -->';

/** A marker line read back: its kind and its JSON text (not yet checked); null for any other line. */
export function readMarkerLine(line: string): { kind: MarkerKind; json: string } | null {
  const m = LINE.exec(line);
  return m ? { kind: m[1] as MarkerKind, json: m[2] ?? '' } : null;
}
