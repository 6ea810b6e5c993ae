/** Record shapes stored in IndexedDB; see docs/ARCHITECTURE.md for the schema. */

/** Fields every stored record carries, for ordering, sync and the Trash. */
export interface RecordMeta {
  id: string;
  /** ISO 8601 instant of creation. */
  created: string;
  /** ISO 8601 instant of the last local change. */
  updated: string;
  /** Incremented on every local save; sync compares it with what it last sent. */
  localRev: number;
  /** Set when moved to the Trash; null while live. */
  deletedAt: string | null;
  /** On a conflict copy made by sync: the id of the record it conflicts with. */
  conflictOf?: string;
  /** On a conflict copy: the device whose text it holds, for display. */
  conflictFrom?: string;
}

/** Where a conference's schedule came from, for re-import. */
export interface ScheduleSource {
  url?: string;
  fileName?: string;
  format: string;
  fetched: string;
  etag?: string;
}

export interface Conference extends RecordMeta {
  name: string;
  place: string;
  /** IANA zone of the venue; every time of the conference is shown in it. */
  timeZone: string;
  /** Calendar dates at the venue, YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  url: string;
  /** The user's own Markdown notes on the conference. */
  body: string;
  schedule?: ScheduleSource;
}

export interface Speaker {
  name: string;
  affiliation: string;
}

export interface Link {
  label: string;
  url: string;
}

export interface Attachment {
  sha256: string;
  name: string;
  type: string;
  size: number;
  caption: string;
}

export type TalkKind = 'talk' | 'note';

export interface Talk extends RecordMeta {
  conferenceId: string;
  kind: TalkKind;
  title: string;
  speakers: Speaker[];
  /** ISO 8601 with the venue's offset, or null when the time is unknown. */
  starts: string | null;
  ends: string | null;
  /** Venue-local date, YYYY-MM-DD, or '' when the talk has no day yet. */
  day: string;
  room: string;
  track: string;
  links: Link[];
  /** From an imported schedule; read-only in the app. */
  abstract: string;
  /** The user's Markdown note. */
  body: string;
  tags: string[];
  starred: boolean;
  attachments: Attachment[];
  scheduleRef?: { source: string; guid: string };
  scheduleStatus?: 'moved' | 'cancelled';
  /** Where and when a talk the schedule moved was before, for "moved from". */
  previousSlot?: { starts: string | null; ends: string | null; room: string };
  /** "Keep private": left out of day and conference exports. Absent means included. */
  private?: boolean;
}

export interface StoredBlob {
  sha256: string;
  blob: Blob;
  type: string;
  size: number;
}

/** An earlier text of a record, kept for "restore an earlier version" and as a sync merge ancestor. */
export interface Version {
  id: string;
  recordId: string;
  table: 'conferences' | 'talks';
  created: string;
  /** 'sync': the text as it was before sync replaced it with another device's. */
  /** 'conflict': a text changed elsewhere (another tab) while this one was being typed, kept before being replaced. */
  reason: 'restore' | 'edit' | 'sync' | 'conflict';
  record: Conference | Talk;
}

export interface Setting {
  key: string;
  value: unknown;
}

/** What a form edits: a record without its bookkeeping fields. */
export type ConferenceDraft = Omit<Conference, keyof RecordMeta | 'body' | 'schedule'>;

/** The fields of a talk the talk form edits; times are venue-local wall-clock strings. */
export interface TalkDraft {
  title: string;
  speakers: Speaker[];
  day: string;
  startTime: string;
  endTime: string;
  room: string;
  track: string;
  links: Link[];
  /** As typed: comma-separated. */
  tags: string;
}
