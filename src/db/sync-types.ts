/** What sync keeps on the device: per-record bases, the device's identity, and a log of runs. */

export type SyncTableName = 'talks' | 'conferences';
export type Vv = Readonly<Record<string, number>>;

/** The last version this device and the sync folder agreed on, for one record. */
export interface SyncBase {
  /** The record id. */
  id: string;
  /** The sync folder this base belongs to. */
  storeId: string;
  table: SyncTableName;
  /** Agreed deleted: a tombstone is the remote state. */
  deleted: boolean;
  /** ETag of the record's file when agreed; null when deleted. */
  etag: string | null;
  /** The exact file text agreed; the merge ancestor. '' when deleted. */
  text: string;
  /** SHA-256 of the file text without vv and updated (the content). */
  contentHash: string;
  vv: Vv;
  /** The local revision this base matches: a different one means a local edit since. */
  localRev: number;
  /** Photos known to be in the folder's attachments/. */
  attachments: string[];
  /** ETag of the tombstone recorded, when deleted. */
  tombEtag: string | null;
  /** A remote file (by ETag) that could not be read, left alone until it changes. */
  quarantined?: { etag: string | null; reason: string };
  /** Earlier agreed texts, oldest first: ancestors for merging when a server lost a write. */
  history: Array<{ vv: Vv; text: string }>;
}

/** This device's identity in sync folders. */
export interface SyncDevice {
  key: 'device';
  /** Random, made with the database; names this device in version vectors. */
  deviceId: string;
  /** Shown on conflict copies. */
  name: string;
  /** Monotonic: each upload takes the next number, stored before use. */
  counter: number;
  /** The sync folder this device's bases belong to. */
  storeId: string | null;
  /** When devices/<id>.json was last written. */
  noteWritten?: string;
}

/** What a sync run did, as it tells the caller and as the run's record keeps it. */
export interface SyncTally {
  uploaded: number;
  downloaded: number;
  merged: number;
  conflicts: number;
  requests: number;
  /** Remote files that could not be read: left alone, named here with the reason. */
  quarantined: Array<{ path: string; reason: string }>;
}

export interface SyncRun extends SyncTally {
  id?: number;
  started: string;
  finished: string;
  ok: boolean;
  message?: string;
  reason?: string;
}
