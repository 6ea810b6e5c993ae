/** The provider-neutral view of a sync folder: list, read, conditional write and delete, make folders. */

export interface RemoteEntry {
  /** File name within the listed folder. */
  name: string;
  /** The server's ETag as sent (quotes and W/ kept), or null when it gives none. */
  etag: string | null;
  size?: number;
}

export interface RemoteFile {
  body: Uint8Array;
  etag: string | null;
}

export interface WriteCondition {
  /** Write only over this version. */
  ifMatch?: string;
  /** Write only when no file is there. */
  ifNoneMatch?: '*';
}

export interface RemoteStore {
  /** Files (not folders) of a folder, paths relative to the sync folder; null when the folder does not exist. */
  list(dir: string): Promise<RemoteEntry[] | null>;
  /** One file's ETag without its body; null when absent. */
  stat(path: string): Promise<RemoteEntry | null>;
  get(path: string): Promise<RemoteFile | null>;
  put(path: string, body: Uint8Array, cond: WriteCondition): Promise<void>;
  /** Resolves also when the file was already gone. */
  delete(path: string, cond: WriteCondition): Promise<void>;
  /** Makes the folder (and the sync folder itself when path is ''); an existing folder is fine. */
  ensureDir(path: string): Promise<void>;
  /** HTTP requests sent so far. */
  readonly requests: number;
  /** The server's clock minus this device's, from the last Date header seen, in ms. */
  readonly clockOffsetMs: number | null;
}

export type RemoteErrorKind =
  | 'auth'
  | 'forbidden'
  | 'precondition'
  | 'parent-missing'
  | 'too-large'
  | 'full'
  | 'network'
  | 'server'
  | 'aborted';

/** A request that failed in a way sync must act on. */
export class RemoteError extends Error {
  constructor(
    readonly kind: RemoteErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

export function isRemoteError(e: unknown, kind?: RemoteErrorKind): e is RemoteError {
  return e instanceof RemoteError && (kind === undefined || e.kind === kind);
}
