/** The small JSON files of a sync folder: its identity (lectern.json), tombstones and device notes. */
import { decodeText, ID_PATTERN, type SyncTable } from './remote-format';
import { isVersionVector, type VersionVector } from './version-vector';

export const STORE_FILE = 'lectern.json';
/** The folder layout this version understands. */
export const STORE_FORMAT = 1;

export interface StoreIdentity {
  format: number;
  /** Readers older than this format must not write here. */
  minReaderFormat: number;
  storeId: string;
  created: string;
}

export type MetaParse<T> = { ok: true; value: T } | { ok: false; reason: string };

function readJson(bytes: Uint8Array): MetaParse<Record<string, unknown>> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  let data: unknown;
  try {
    data = JSON.parse(decoded.text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, reason: 'it is not a JSON object' };
  return { ok: true, value: data as Record<string, unknown> };
}

export function serialiseIdentity(id: StoreIdentity): string {
  return JSON.stringify({ app: 'Lectern', ...id }, null, 2) + '\n';
}

export function parseIdentity(bytes: Uint8Array): MetaParse<StoreIdentity> {
  const j = readJson(bytes);
  if (!j.ok) return j;
  const d = j.value;
  if (typeof d.storeId !== 'string' || !ID_PATTERN.test(d.storeId)) return { ok: false, reason: 'it has no valid storeId' };
  if (!Number.isInteger(d.format)) return { ok: false, reason: 'it has no format number' };
  const minReaderFormat = Number.isInteger(d.minReaderFormat) ? (d.minReaderFormat as number) : (d.format as number);
  return { ok: true, value: { format: d.format as number, minReaderFormat, storeId: d.storeId, created: typeof d.created === 'string' ? d.created : '' } };
}

export interface Tombstone {
  id: string;
  table: SyncTable;
  deletedAt: string;
  /** The device that deleted it. */
  deletedBy: string;
  vv: VersionVector;
  /** contentHash of the version that was deleted: a file still holding it is a delete left half done. */
  lastContentHash: string;
}

export function tombstonePath(id: string): string {
  return `tombstones/${id}.json`;
}

export function serialiseTombstone(t: Tombstone): string {
  return JSON.stringify({ format: 1, type: 'tombstone', ...t }, null, 2) + '\n';
}

export function parseTombstone(expectedId: string, bytes: Uint8Array): MetaParse<Tombstone> {
  const j = readJson(bytes);
  if (!j.ok) return j;
  const d = j.value;
  if (d.type !== 'tombstone') return { ok: false, reason: 'it is not a tombstone' };
  if (typeof d.format === 'number' && d.format > 1) return { ok: false, reason: 'it was written in a newer format; update Lectern' };
  if (d.id !== expectedId) return { ok: false, reason: 'the id inside does not match the file name' };
  if (d.table !== 'talks' && d.table !== 'conferences') return { ok: false, reason: 'it names no table' };
  if (!isVersionVector(d.vv)) return { ok: false, reason: 'its vv is not a version vector' };
  return {
    ok: true,
    value: {
      id: expectedId,
      table: d.table,
      deletedAt: typeof d.deletedAt === 'string' ? d.deletedAt : '',
      deletedBy: typeof d.deletedBy === 'string' ? d.deletedBy : '',
      vv: d.vv,
      lastContentHash: typeof d.lastContentHash === 'string' ? d.lastContentHash : '',
    },
  };
}

export interface DeviceNote {
  deviceId: string;
  name: string;
  lastSync: string;
  app: string;
}

export function devicePath(deviceId: string): string {
  return `devices/${deviceId}.json`;
}

export function serialiseDevice(d: DeviceNote): string {
  return JSON.stringify({ format: 1, ...d }, null, 2) + '\n';
}
