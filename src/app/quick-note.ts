/** "New note": a free note for right now, in the conference under way, or in the Inbox. */
import { listConferences } from '../db/conferences';
import { createQuickNote } from '../db/talks';
import { INBOX_ID } from '../model/inbox';
import { currentConference, todayIn } from '../model/now';
import { deviceTimeZone, isoToZoned } from '../model/time';

/** Creates the note and returns its id. */
export async function newQuickNote(now = Date.now()): Promise<string> {
  const conference = currentConference(await listConferences(), now);
  const zone = conference?.timeZone ?? deviceTimeZone();
  const time = isoToZoned(new Date(now).toISOString(), zone).time;
  return conference
    ? createQuickNote(conference.id, todayIn(zone, now), `Note at ${time}`)
    : createQuickNote(INBOX_ID, '', `Note, ${new Date(now).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} ${time}`);
}
