/** What the index holds for each talk or free note: its searchable text and the fields filters need. */
import type { Talk } from '../model/types';

/** The searchable fields, in the order a result's snippet prefers them. */
export const TEXT_FIELDS = ['title', 'speakers', 'body', 'abstract', 'tags', 'room', 'conference'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export interface SearchDoc extends Record<TextField, string> {
  id: string;
  conferenceId: string;
  /** Venue-local YYYY-MM-DD, or '' when the talk has no day. */
  day: string;
  starred: boolean;
  hasPhotos: boolean;
  /** The talk's `updated` when this document was made, to tell a stale document from a fresh one. */
  updated: string;
}

/** The document for a live talk; its conference's name is searched too ("the FOSDEM talk about…"). */
export function toSearchDoc(talk: Talk, conferenceName: string): SearchDoc {
  return {
    id: talk.id,
    title: talk.title,
    // One speaker per line, so a snippet shows "Name, Affiliation" as the talk page does.
    speakers: talk.speakers.map((s) => (s.affiliation ? `${s.name}, ${s.affiliation}` : s.name)).join('\n'),
    body: talk.body,
    abstract: talk.abstract,
    tags: talk.tags.join(' '),
    room: [talk.room, talk.track].filter(Boolean).join(' · '),
    conference: conferenceName,
    conferenceId: talk.conferenceId,
    day: talk.day,
    starred: talk.starred,
    hasPhotos: talk.attachments.length > 0,
    updated: talk.updated,
  };
}
