/** New records as every path that creates them (forms, quick notes, imports) must build them. */
import type { Conference, ConferenceDraft, RecordMeta, Talk, TalkKind } from './types';
import { newId, nowIso } from './ids';
import { canonicalTimeZone } from './time';

/** Bookkeeping of a record created now: a fresh id, revision 1, not in the Trash. */
export function newMeta(now = nowIso()): RecordMeta {
  return { id: newId(), created: now, updated: now, localRev: 1, deletedAt: null };
}

/** A conference draft as stored: text trimmed, the zone spelled as the zone list spells it. */
export function cleanConferenceDraft(d: ConferenceDraft): ConferenceDraft {
  return {
    name: d.name.trim(),
    place: d.place.trim(),
    timeZone: canonicalTimeZone(d.timeZone),
    startDate: d.startDate,
    endDate: d.endDate,
    url: d.url.trim(),
  };
}

/** A new conference record from a validated draft. */
export function newConference(draft: ConferenceDraft, extra: Partial<Conference> = {}, now = nowIso()): Conference {
  return { ...newMeta(now), body: '', ...cleanConferenceDraft(draft), ...extra };
}

/** The talk fields every new talk starts with, before what its creator knows. */
type TalkStart = Partial<Omit<Talk, keyof RecordMeta | 'conferenceId' | 'kind'>> & Pick<Talk, 'title'>;

/** A new talk or free note: no note, no photos, not starred, unless the given fields say otherwise. */
export function newTalk(conferenceId: string, kind: TalkKind, fields: TalkStart, now = nowIso()): Talk {
  return {
    ...newMeta(now),
    conferenceId,
    kind,
    speakers: [],
    starts: null,
    ends: null,
    day: '',
    room: '',
    track: '',
    links: [],
    abstract: '',
    body: '',
    tags: [],
    starred: false,
    attachments: [],
    ...fields,
  };
}
