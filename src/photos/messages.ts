/** What to tell the person when a photo could not be added. */
import { describeStorageError, storageErrorName } from '../db/errors';
import { PhotoError } from './prepare-photo';

/** One sentence or two naming the file and what went wrong; the note and the photos are unchanged in every case. */
export function addPhotoProblem(fileName: string, err: unknown): string {
  if (err instanceof PhotoError) return err.message;
  const called = fileName ? `“${fileName}”` : 'The photo';
  // describeStorageError's quota sentence speaks of typed text; a photo needs its own.
  if (storageErrorName(err) === 'QuotaExceededError')
    return `Storage is full: ${called} was not added. Free space (delete photos or old conferences, then empty the Trash) and add it again.`;
  return `${called} was not added. ${describeStorageError(err)}`;
}

/** The status line after adding photos, e.g. "2 photos added." */
export function addedSummary(added: number, already: number): string {
  const parts: string[] = [];
  if (added > 0) parts.push(added === 1 ? 'Photo added.' : `${added} photos added.`);
  if (already > 0) parts.push(already === 1 ? 'That photo is already on this talk.' : `${already} of those photos are already on this talk.`);
  return parts.join(' ');
}
