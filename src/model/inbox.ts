/** The Inbox: where a quick note goes when no conference is under way, until it is moved to one. */
import type { Conference } from './types';

/** The conferenceId of notes in the Inbox. Not a UUID, so it can never clash with a real conference. */
export const INBOX_ID = 'inbox';

/** The Inbox shown as a conference with no dates, so talk screens treat both alike. */
export function inboxConference(timeZone: string): Conference {
  return {
    id: INBOX_ID,
    created: '',
    updated: '',
    localRev: 0,
    deletedAt: null,
    name: 'Inbox',
    place: '',
    timeZone,
    startDate: '',
    endDate: '',
    url: '',
    body: '',
  };
}
