/** A quiet suggestion to back up, once notes from several days live only on this device. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { routes } from '../../app/routes';
import { describeStorageError } from '../../db/errors';
import { useLiveQuery } from '../../db/live';
import { noteWriteTimes } from '../../db/note-activity';
import { getSettings, setSetting } from '../../db/settings';
import { backupNudge } from '../../model/backup-nudge';

const deviceZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function BackupNudge({ now }: { now: number }): JSX.Element | null {
  const [failure, setFailure] = useState('');
  const result = useLiveQuery(async () => {
    const { lastBackup, backupNudgeDismissed } = await getSettings();
    const input = { lastBackup, dismissed: backupNudgeDismissed, now, timeZone: deviceZone() };
    // More notes never take a nudge back, so reading can stop as soon as the nudge is due.
    const noteTimes = await noteWriteTimes(lastBackup, (times) => backupNudge({ ...input, noteTimes: times }).show);
    return backupNudge({ ...input, noteTimes });
  }, [now], { keepWhileRerun: true });
  if (failure)
    return (
      <p role="alert" class="error-box">
        {failure}
      </p>
    );
  if (result.status !== 'ready' || !result.value.show) return null;
  const { days, neverBackedUp } = result.value;
  const dismiss = (): void => {
    setSetting('backupNudgeDismissed', new Date().toISOString()).catch((err: unknown) => setFailure(describeStorageError(err)));
  };
  return (
    <aside class="nudge" aria-labelledby="backup-nudge-text">
      <p id="backup-nudge-text">
        {neverBackedUp ? 'Your notes have never been backed up' : `Notes from ${days} days are not in a backup yet`}: they are only in this
        browser, which may clear them without asking when the device runs low on space.
      </p>
      <p class="actions">
        <a class="button button--primary" href={`${routes.settings}#backup-heading`}>
          Back up now
        </a>
        <button type="button" class="button" onClick={dismiss}>
          Not now
        </button>
      </p>
    </aside>
  );
}
