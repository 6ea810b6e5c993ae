/** Small builders for drafts and records, so each test states only the fields it is about. */
import { emptyTalkDraft, type TalkFields } from '../../src/model/talk-draft';
import type { Conference, ConferenceDraft, Talk, TalkDraft } from '../../src/model/types';

const META = { created: '2025-01-01T00:00:00.000Z', updated: '2025-01-01T00:00:00.000Z', localRev: 1, deletedAt: null };

export function conferenceDraft(over: Partial<ConferenceDraft> = {}): ConferenceDraft {
  return {
    name: 'FOSDEM 2026',
    place: 'Brussels',
    timeZone: 'Europe/Brussels',
    startDate: '2026-01-31',
    endDate: '2026-02-01',
    url: '',
    ...over,
  };
}

export function talkDraft(over: Partial<TalkDraft> = {}): TalkDraft {
  return { ...emptyTalkDraft(), title: 'CRDTs in practice', ...over };
}

export function talkFields(over: Partial<TalkFields> = {}): TalkFields {
  return { title: 'CRDTs in practice', speakers: [], day: '', starts: null, ends: null, room: '', track: '', links: [], tags: [], ...over };
}

let seq = 0;

/** A stored conference record, for code that takes records rather than drafts. */
export function conference(over: Partial<Conference> = {}): Conference {
  return { id: `conf-${++seq}`, ...META, body: '', ...conferenceDraft(), ...over };
}

/** A stored talk record. */
export function talk(over: Partial<Talk> = {}): Talk {
  return {
    id: `talk-${++seq}`,
    ...META,
    conferenceId: 'conf-0',
    kind: 'talk',
    abstract: '',
    body: '',
    starred: false,
    attachments: [],
    ...talkFields(),
    ...over,
  };
}
