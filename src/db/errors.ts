/** Plain-language messages for storage failures, shown where the failed save was made. */

/** A user-facing sentence for an error thrown by IndexedDB or Dexie. */
export function describeStorageError(err: unknown): string {
  const name = storageErrorName(err);
  if (name === 'QuotaExceededError')
    return 'Storage is full: this text is not saved yet. Copy it somewhere safe, or free space (delete photos or old conferences, then empty the Trash); saving resumes by itself.';
  if (name === 'MissingAPIError' || name === 'InvalidStateError')
    return 'This browser does not let Lectern store data here (private browsing may block it).';
  if (name === 'DatabaseClosedError' || name === 'VersionError')
    return 'Lectern was updated in another tab. Reload this tab to keep saving.';
  // A plain Error is one the app threw itself (e.g. "This talk no longer exists."): its message is already meant for people.
  if (err instanceof Error && err.name === 'Error' && err.message) return err.message;
  return `Not saved: the browser refused to store it (${name || 'unknown error'}).`;
}

/** The DOMException or Dexie error name, looking through Dexie's wrapping. */
export function storageErrorName(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const { name, inner } = e as { name?: string; inner?: unknown };
    if (name === 'QuotaExceededError' || (name && !inner)) return name;
    if (name === 'AbortError' && inner) {
      e = inner;
      continue;
    }
    if (inner) e = inner;
    else return name ?? '';
  }
  return '';
}
