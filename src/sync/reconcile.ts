/**
 * What to do with one record, from three facts: how the local copy stands against the last agreed version (the
 * base), whether the remote file changed, and whether a tombstone appeared. Pure; the table in
 * docs/SYNC-PROTOCOL.md names each case A–J.
 */

/**
 * none: nothing live here and nothing to push (never had it, or its deletion is agreed, or it was only ever local
 * and went to the Trash). unchanged / changed: against the base. deleted: deleted here, not yet pushed.
 */
export type LocalState = 'none' | 'unchanged' | 'changed' | 'deleted';
/** The remote file against the base's ETag. */
export type FileState = 'absent' | 'unchanged' | 'changed';
/** known: the tombstone the base already recorded. */
export type TombState = 'absent' | 'known' | 'new';

export interface ReconcileInput {
  /** A live base: the record was agreed to exist with a known file. */
  liveBase: boolean;
  local: LocalState;
  file: FileState;
  tomb: TombState;
}

export type Action =
  /** A: nothing to do. */
  | { kind: 'nothing'; case: 'A' }
  /** B: upload over the base's file (If-Match); H: the file vanished without a tombstone, upload anew (If-None-Match). */
  | { kind: 'upload'; case: 'B' | 'H' | 'new'; create: boolean }
  /** C, I, F: take the remote version (F: edit beats a local delete). */
  | { kind: 'pull'; case: 'C' | 'I' | 'F' }
  /** D: both changed: merge, or a conflict copy. */
  | { kind: 'merge'; case: 'D' }
  /** E: push a tombstone, then delete the file; H with a local delete: the tombstone alone. */
  | { kind: 'push-delete'; case: 'E' | 'H'; fileExists: boolean }
  /** G / G': a new tombstone: delete here, unless this device holds an edit the deleter never saw. */
  | { kind: 'tombstone'; case: 'G' }
  /** J: a tombstone and a file at once: a delete left half done, or a record brought back. */
  | { kind: 'both'; case: 'J' }
  /** A local edit of a record whose deletion was agreed: edit wins, upload it and remove the tombstone. */
  | { kind: 'resurrect'; case: "G'" };

/** The reconcile table. */
export function decide(input: ReconcileInput): Action {
  const { local, file, tomb, liveBase } = input;
  if (tomb !== 'absent' && file !== 'absent') return { kind: 'both', case: 'J' };
  if (tomb === 'new') return { kind: 'tombstone', case: 'G' };
  if (tomb === 'known') {
    return local === 'changed' ? { kind: 'resurrect', case: "G'" } : { kind: 'nothing', case: 'A' };
  }
  // No tombstone.
  if (file === 'absent') {
    if (local === 'changed') return { kind: 'upload', case: liveBase ? 'H' : 'new', create: true };
    if (local === 'unchanged') return { kind: 'upload', case: 'H', create: true };
    if (local === 'deleted') return { kind: 'push-delete', case: 'H', fileExists: false };
    return { kind: 'nothing', case: 'A' };
  }
  if (file === 'unchanged') {
    if (local === 'changed') return { kind: 'upload', case: 'B', create: false };
    if (local === 'deleted') return { kind: 'push-delete', case: 'E', fileExists: true };
    return { kind: 'nothing', case: 'A' };
  }
  // The file changed (or is new to this device).
  if (local === 'changed') return { kind: 'merge', case: 'D' };
  if (local === 'deleted') return { kind: 'pull', case: 'F' };
  return { kind: 'pull', case: local === 'none' && !liveBase ? 'I' : 'C' };
}
