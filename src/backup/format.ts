/**
 * The backup file: a zip holding backup.json (every record, sorted, so equal data makes equal bytes) and
 * blobs/<sha256>.<ext> (the photos as stored). Pure: records in, zip entries out, and back with checks.
 */
import type { Conference, Setting, Talk, Version } from '../model/types';
import { photoExtension } from '../markdown/export-text';
import { quoteForMessage } from '../model/quote';
import type { ZipEntry } from './zip';

export const BACKUP_FORMAT = 'lectern-backup';
/** Raise on any change to what backup.json holds; older versions must stay readable. */
export const BACKUP_VERSION = 1;
export const MANIFEST = 'backup.json';

/** Settings that describe this device rather than the person, or hold secrets: never in a backup. */
const DEVICE_SETTINGS = new Set(['persistAsked', 'lastBackup', 'backupNudgeDismissed', 'searchIndex', 'syncConfig']);
const SECRET = /password|secret|token|credential/i;

/** Whether a setting travels in a backup. */
export function isBackedUpSetting(key: string): boolean {
  return !DEVICE_SETTINGS.has(key) && !SECRET.test(key);
}

export interface BackupPhoto {
  sha256: string;
  type: string;
  bytes: Uint8Array;
}

/** Everything a backup holds. */
export interface BackupData {
  created: string;
  appVersion: string;
  conferences: Conference[];
  talks: Talk[];
  versions: Version[];
  settings: Setting[];
  photos: BackupPhoto[];
}

interface Manifest {
  format: string;
  version: number;
  created: string;
  appVersion: string;
  conferences: Conference[];
  talks: Talk[];
  versions: Version[];
  settings: Setting[];
  photos: Array<{ sha256: string; type: string; size: number; path: string }>;
}

/** A backup that cannot be restored, in words for the person who chose it. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const blobPath = (sha256: string, type: string): string => `blobs/${sha256}.${photoExtension(type)}`;

/** The zip entries of a backup: records sorted by id, photos stored as they are. */
export function backupEntries(data: BackupData): ZipEntry[] {
  const photos = [...data.photos].sort((a, b) => cmp(a.sha256, b.sha256));
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    created: data.created,
    appVersion: data.appVersion,
    conferences: [...data.conferences].sort(byId),
    talks: [...data.talks].sort(byId),
    versions: [...data.versions].sort(byId),
    settings: data.settings.filter((s) => isBackedUpSetting(s.key)).sort((a, b) => cmp(a.key, b.key)),
    photos: photos.map((p) => ({ sha256: p.sha256, type: p.type, size: p.bytes.length, path: blobPath(p.sha256, p.type) })),
  };
  return [
    { name: MANIFEST, data: new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`) },
    ...photos.map((p) => ({ name: blobPath(p.sha256, p.type), data: p.bytes, store: true })),
  ];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const metaOk = (r: Record<string, unknown>): boolean =>
  isString(r.id) && r.id !== '' && isString(r.created) && isString(r.updated) && typeof r.localRev === 'number' && (r.deletedAt === null || isString(r.deletedAt));

const CHECKS: Record<'conferences' | 'talks' | 'versions' | 'settings', (r: Record<string, unknown>) => boolean> = {
  conferences: (r) => metaOk(r) && ['name', 'place', 'timeZone', 'startDate', 'endDate', 'url', 'body'].every((k) => isString(r[k])),
  talks: (r) =>
    metaOk(r) &&
    ['conferenceId', 'title', 'day', 'room', 'track', 'abstract', 'body'].every((k) => isString(r[k])) &&
    (r.kind === 'talk' || r.kind === 'note') &&
    ['speakers', 'links', 'tags', 'attachments'].every((k) => Array.isArray(r[k])),
  versions: (r) => isString(r.id) && isString(r.recordId) && (r.table === 'talks' || r.table === 'conferences') && isString(r.created) && isObject(r.record),
  settings: (r) => isString(r.key),
};

async function sha256Of(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads and checks a backup's files. Throws BackupError naming the first problem found. */
export async function parseBackup(files: ReadonlyMap<string, Uint8Array>, fileName: string): Promise<BackupData> {
  const raw = files.get(MANIFEST);
  if (!raw) throw new BackupError(`“${fileName}” is not a Lectern backup: it has no ${MANIFEST}. Nothing was changed.`);
  let m: unknown;
  try {
    m = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw new BackupError(`“${fileName}” is damaged: its ${MANIFEST} cannot be read. Nothing was changed.`);
  }
  if (!isObject(m) || m.format !== BACKUP_FORMAT) throw new BackupError(`“${fileName}” is not a Lectern backup. Nothing was changed.`);
  if (typeof m.version !== 'number' || !Number.isInteger(m.version) || m.version < 1)
    throw new BackupError(`“${fileName}” has an unknown backup format version (${JSON.stringify(m.version)}). Nothing was changed.`);
  if (m.version > BACKUP_VERSION)
    throw new BackupError(
      `“${fileName}” was made by a newer version of Lectern (backup format ${m.version}; this app reads up to ${BACKUP_VERSION}). Update the app, then restore it. Nothing was changed.`,
    );
  for (const table of ['conferences', 'talks', 'versions', 'settings'] as const) {
    const rows = m[table];
    if (!Array.isArray(rows)) throw new BackupError(`“${fileName}” is damaged: it has no list of ${table}. Nothing was changed.`);
    const bad = rows.findIndex((r) => !isObject(r) || !CHECKS[table](r));
    if (bad >= 0) throw new BackupError(`“${fileName}” is damaged: entry ${bad + 1} of its ${table} is incomplete. Nothing was changed.`);
  }
  if (!Array.isArray(m.photos)) throw new BackupError(`“${fileName}” is damaged: it has no list of photos. Nothing was changed.`);
  const photos: BackupPhoto[] = [];
  for (const p of m.photos as unknown[]) {
    if (!isObject(p) || !isString(p.sha256) || !isString(p.type) || !isString(p.path))
      throw new BackupError(`“${fileName}” is damaged: its list of photos is incomplete. Nothing was changed.`);
    const bytes = files.get(p.path);
    if (!bytes) throw new BackupError(`“${fileName}” is missing the photo ${quoteForMessage(p.path, 120)}. Nothing was changed.`);
    // The name is the content's hash: a photo whose bytes changed would be shown in place of another.
    if ((await sha256Of(bytes)) !== p.sha256) throw new BackupError(`“${fileName}” is damaged: the photo ${quoteForMessage(p.path, 120)} does not match its fingerprint. Nothing was changed.`);
    photos.push({ sha256: p.sha256, type: p.type, bytes });
  }
  return {
    created: isString(m.created) ? m.created : '',
    appVersion: isString(m.appVersion) ? m.appVersion : '',
    conferences: m.conferences as Conference[],
    talks: m.talks as Talk[],
    versions: m.versions as Version[],
    settings: (m.settings as Setting[]).filter((s) => isBackedUpSetting(s.key)),
    photos,
  };
}
