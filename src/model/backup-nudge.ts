/**
 * When to suggest a backup. Browsers may clear a site's storage without asking when it is not persistent
 * (space running low; Safari after weeks without a visit), so a backup is the last line of defence. The nudge
 * comes once notes have piled up on several days, not on every edit, so it is not noise.
 */

/** Notes written on at least this many different days since the last backup bring the nudge. */
export const NUDGE_AFTER_DAYS = 3;

export interface BackupNudgeInput {
  /** When the last full backup was made (ISO 8601), '' for never. */
  lastBackup: string;
  /** When the nudge was last dismissed (ISO 8601), '' for never. */
  dismissed: string;
  /** Instants (ISO 8601) at which notes were written: talk updates and history snapshots. */
  noteTimes: readonly string[];
  now: number;
  /** The device's time zone: a "day" is a calendar day where the person is. */
  timeZone: string;
}

export interface BackupNudge {
  show: boolean;
  /** Days with notes written since the last backup (or ever, when there was none). */
  days: number;
  neverBackedUp: boolean;
}

function dayIn(timeZone: string): (instant: number) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (instant) => format.format(instant);
}

/**
 * Whether to suggest a backup: notes written on NUDGE_AFTER_DAYS different days since the last backup, or, with
 * no backup ever, notes from before today. Dismissed, it stays away until notes are written on a later day.
 */
export function backupNudge(input: BackupNudgeInput): BackupNudge {
  const day = dayIn(input.timeZone);
  const since = input.lastBackup ? Date.parse(input.lastBackup) : -Infinity;
  const times = input.noteTimes.map((t) => Date.parse(t)).filter((t) => Number.isFinite(t) && t > since && t <= input.now);
  const days = new Set(times.map(day));
  const neverBackedUp = !input.lastBackup;
  const today = day(input.now);
  const due = days.size >= NUDGE_AFTER_DAYS || (neverBackedUp && [...days].some((d) => d < today));
  const dismissedAt = input.dismissed ? Date.parse(input.dismissed) : NaN;
  const dismissedDay = Number.isFinite(dismissedAt) && dismissedAt > since ? day(dismissedAt) : '';
  const writtenSinceDismissal = !dismissedDay || [...days].some((d) => d > dismissedDay);
  return { show: due && writtenSinceDismissal, days: days.size, neverBackedUp };
}
