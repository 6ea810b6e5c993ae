/** The one shape every schedule parser produces, whatever the file format. */
import type { Link, Speaker } from '../model/types';

export type ScheduleFormat = 'ical' | 'frab-xml' | 'frab-json' | 'sessionize';

/** Human names of the formats, for the preview and the conference's source record. */
export const FORMAT_NAMES: Record<ScheduleFormat, string> = {
  ical: 'iCalendar',
  'frab-xml': 'Pentabarf/frab XML',
  'frab-json': 'frab/pretalx JSON',
  sessionize: 'Sessionize JSON',
};

/**
 * A time as the file gives it: an instant (the file named its offset or UTC), or a wall-clock time at the venue
 * that only becomes an instant once a zone is chosen. `zone` is set when the file named an IANA zone for it.
 */
export type ScheduleTime =
  | { kind: 'instant'; iso: string }
  | { kind: 'local'; day: string; time: string; zone?: string }
  /** An all-day event: a date at the venue and no time. */
  | { kind: 'date'; day: string };

export interface ScheduleTalk {
  /** The file's id for the talk (frab guid, Sessionize id, iCal UID), made unique within the file. */
  guid: string;
  title: string;
  speakers: Speaker[];
  start: ScheduleTime | null;
  end: ScheduleTime | null;
  room: string;
  track: string;
  links: Link[];
  /** Plain text, already stripped of any HTML. */
  abstract: string;
}

export interface Schedule {
  format: ScheduleFormat;
  /** Names this schedule across versions (acronym or title), so a re-import finds its talks. */
  sourceId: string;
  title: string;
  /** Calendar dates the file states, YYYY-MM-DD, or '' when it states none. */
  startDate: string;
  endDate: string;
  /** The IANA zone the file names (and the runtime knows), or '' when it names none. */
  timeZone: string;
  url: string;
  talks: ScheduleTalk[];
  /** Things the parser noticed, in plain words: duplicate ids, missing end times. */
  warnings: string[];
}

/** A file the importer refuses, with a message that names what is wrong. */
export class ScheduleError extends Error {
  override name = 'ScheduleError';
}
