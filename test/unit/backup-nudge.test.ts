// When the app suggests a backup, at fixed clocks: days are calendar days where the person is.
import { describe, expect, it } from 'vitest';
import { backupNudge, type BackupNudgeInput } from '../../src/model/backup-nudge';

const NOW = Date.parse('2026-02-03T10:00:00Z');
const input = (over: Partial<BackupNudgeInput>): BackupNudgeInput => ({ lastBackup: '', dismissed: '', noteTimes: [], now: NOW, timeZone: 'UTC', ...over });

describe('the backup nudge', () => {
  it.each<[string, Partial<BackupNudgeInput>, boolean]>([
    ['no notes at all', {}, false],
    ['never backed up, notes only from today', { noteTimes: ['2026-02-03T08:00:00Z', '2026-02-03T09:00:00Z'] }, false],
    ['never backed up, a note from yesterday', { noteTimes: ['2026-02-02T18:00:00Z'] }, true],
    ['backed up, notes on two days since', { lastBackup: '2026-02-01T20:00:00Z', noteTimes: ['2026-02-02T09:00:00Z', '2026-02-03T09:00:00Z'] }, false],
    ['backed up, notes on three days since', { lastBackup: '2026-01-31T20:00:00Z', noteTimes: ['2026-02-01T09:00:00Z', '2026-02-02T09:00:00Z', '2026-02-03T09:00:00Z'] }, true],
    ['notes before the backup do not count', { lastBackup: '2026-02-02T12:00:00Z', noteTimes: ['2026-01-30T09:00:00Z', '2026-02-01T09:00:00Z', '2026-02-02T09:00:00Z', '2026-02-03T09:00:00Z'] }, false],
    ['many notes on one day are one day', { lastBackup: '2026-02-01T00:00:00Z', noteTimes: Array.from({ length: 40 }, (_, i) => `2026-02-02T${String(i % 24).padStart(2, '0')}:00:00Z`) }, false],
    ['a time in the future (a wrong clock) does not count', { lastBackup: '2026-02-01T00:00:00Z', noteTimes: ['2026-02-02T09:00:00Z', '2026-02-03T09:00:00Z', '2026-02-09T09:00:00Z'] }, false],
  ])('%s → %s', (_, over, show) => {
    expect(backupNudge(input(over)).show).toBe(show);
  });

  it('counts calendar days in the person’s time zone, not in UTC', () => {
    // 23:30 and 00:30 UTC are one evening in New York and two days in UTC.
    const times = ['2026-02-01T12:00:00Z', '2026-02-02T23:30:00Z', '2026-02-03T00:30:00Z'];
    const since = { lastBackup: '2026-01-31T00:00:00Z', noteTimes: times };
    expect(backupNudge(input({ ...since, timeZone: 'UTC' })).days).toBe(3);
    expect(backupNudge(input({ ...since, timeZone: 'America/New_York' })).days).toBe(2);
  });

  it('once dismissed, stays away until notes are written on a later day', () => {
    const threeDays = { lastBackup: '2026-01-30T20:00:00Z', noteTimes: ['2026-01-31T09:00:00Z', '2026-02-01T09:00:00Z', '2026-02-02T09:00:00Z'] };
    expect(backupNudge(input(threeDays)).show).toBe(true);
    const dismissed = { ...threeDays, dismissed: '2026-02-02T19:00:00Z' };
    expect(backupNudge(input(dismissed)).show).toBe(false);
    // More notes the same day as the dismissal: still away.
    expect(backupNudge(input({ ...dismissed, noteTimes: [...threeDays.noteTimes, '2026-02-02T21:00:00Z'] })).show).toBe(false);
    // Notes the next day: back.
    expect(backupNudge(input({ ...dismissed, noteTimes: [...threeDays.noteTimes, '2026-02-03T09:00:00Z'] })).show).toBe(true);
  });

  it('a backup made after the dismissal starts the count again', () => {
    const r = backupNudge(input({ lastBackup: '2026-02-03T09:30:00Z', dismissed: '2026-02-01T10:00:00Z', noteTimes: ['2026-02-01T09:00:00Z', '2026-02-02T09:00:00Z', '2026-02-03T09:00:00Z'] }));
    expect(r).toEqual({ show: false, days: 0, neverBackedUp: false });
  });

  it('says whether there never was a backup', () => {
    expect(backupNudge(input({ noteTimes: ['2026-02-01T09:00:00Z'] }))).toEqual({ show: true, days: 1, neverBackedUp: true });
  });
});
