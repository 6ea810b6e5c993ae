/** Conversions between a stored talk and the wall-clock fields its form edits. */
import type { Talk, TalkDraft } from './types';
import { isoToZoned, zonedToIso } from './time';

export const emptyTalkDraft = (day = ''): TalkDraft => ({
  title: '',
  speakers: [],
  day,
  startTime: '',
  endTime: '',
  room: '',
  track: '',
  links: [],
  tags: '',
});

/** Tags from what the user typed: comma-separated, without a leading #, each once whatever its case. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/^#+/, '').trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** The form's view of a talk, with times shown in the venue's zone. */
export function talkToDraft(t: Talk, zone: string): TalkDraft {
  return {
    title: t.title,
    speakers: t.speakers.map((s) => ({ ...s })),
    day: t.day,
    startTime: t.starts ? isoToZoned(t.starts, zone).time : '',
    endTime: t.ends ? isoToZoned(t.ends, zone).time : '',
    room: t.room,
    track: t.track,
    links: t.links.map((l) => ({ ...l })),
    tags: t.tags.join(', '),
  };
}

export type TalkFields = Pick<Talk, 'title' | 'speakers' | 'day' | 'starts' | 'ends' | 'room' | 'track' | 'links' | 'tags'>;

/** The stored fields of a validated draft: trimmed, empty rows dropped, times as instants. */
export function draftToTalkFields(d: TalkDraft, zone: string): TalkFields {
  const starts = d.day && d.startTime ? zonedToIso(d.day, d.startTime, zone) : null;
  const ends = starts && d.endTime ? zonedToIso(d.day, d.endTime, zone) : null;
  return {
    title: d.title.trim(),
    speakers: d.speakers
      .map((s) => ({ name: s.name.trim(), affiliation: s.affiliation.trim() }))
      .filter((s) => s.name !== ''),
    day: d.day,
    starts,
    ends,
    room: d.room.trim(),
    track: d.track.trim(),
    links: d.links
      .map((l) => ({ label: l.label.trim(), url: l.url.trim() }))
      .filter((l) => l.url !== '')
      .map((l) => ({ label: l.label || new URL(l.url).hostname, url: l.url })),
    tags: parseTags(d.tags),
  };
}
