/** Opening the database at start, with a reason a person can act on when it cannot be opened. */
import { db } from './database';
import { purgeTrash } from './trash';

export type OpenResult = { ok: true } | { ok: false; reason: string };

/** Opens the database, then purges expired Trash; never throws. */
export async function openDatabase(): Promise<OpenResult> {
  if (typeof indexedDB === 'undefined' || indexedDB === null)
    return { ok: false, reason: 'This browser offers no IndexedDB storage, which Lectern keeps your notes in.' };
  try {
    // An open tab still running an older version can hold up the upgrade indefinitely: say so instead of waiting silently.
    let onBlocked = (): void => undefined;
    const blocked = new Promise<'blocked'>((resolve) => (onBlocked = () => resolve('blocked')));
    db.on('blocked', onBlocked);
    const outcome = await Promise.race([db.open(), blocked]).finally(() => db.on('blocked').unsubscribe(onBlocked));
    if (outcome === 'blocked')
      return { ok: false, reason: 'Lectern is open in another tab with an older version, which keeps this one from upgrading its storage. Close the other Lectern tabs, then reload.' };
  } catch (err) {
    const name = (err as { name?: string }).name ?? '';
    const detail = (err as { message?: string }).message ?? String(err);
    if (name === 'MissingAPIError')
      return { ok: false, reason: 'This browser offers no IndexedDB storage, which Lectern keeps your notes in.' };
    return { ok: false, reason: `The browser refused to open Lectern's storage (${name || 'error'}: ${detail}).` };
  }
  // Purging is housekeeping: a failure here must not keep the notes from opening. It waits until the page is idle,
  // because its write transaction over the talks would hold up every read the first screen makes.
  const purge = (): void => void purgeTrash().catch((err: unknown) => console.warn('Could not purge the Trash', err));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(purge, { timeout: 5_000 });
  else setTimeout(purge, 1_000);
  return { ok: true };
}
