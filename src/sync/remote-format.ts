/**
 * The files Lectern keeps in a sync folder: talks and conferences as Markdown with YAML front matter (fixed key
 * order, so equal records make equal bytes), and the strict parser that reads them back. A file that does not
 * read cleanly is refused with a reason naming the problem; nothing half-read is ever returned.
 */
import { parse, stringify } from 'yaml';
import type { Conference, Talk } from '../model/types';
import { isVersionVector, type VersionVector } from './version-vector';

/** The file format this version writes and reads. */
export const FILE_FORMAT = 1;
/** Larger files are refused unread: no note is that long, and parsing must stay bounded. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
const MAX_FRONT_MATTER_CHARS = 512 * 1024;
const MAX_NESTING = 16;

export type SyncTable = 'talks' | 'conferences';
/** A record as it travels: without the device's own bookkeeping (revision, Trash). */
export type SyncedTalk = Omit<Talk, 'localRev' | 'deletedAt'>;
export type SyncedConference = Omit<Conference, 'localRev' | 'deletedAt'>;
export type SyncedRecord = SyncedTalk | SyncedConference;

type FieldKind =
  | 'string'
  | 'nullable-string'
  | 'optional-string'
  | 'boolean'
  | 'optional-boolean'
  | 'speakers'
  | 'links'
  | 'tags'
  | 'attachments'
  | 'optional-object';

interface FieldSpec {
  /** Key in the record. */
  key: string;
  /** Key in the file, when it differs. */
  file?: string;
  kind: FieldKind;
  /** For optional objects: their string (or nullable string) fields. */
  shape?: Record<string, 'string' | 'nullable-string' | 'optional-string'>;
  /** For strings restricted to a few values. */
  oneOf?: readonly string[];
}

const COMMON_TAIL: FieldSpec[] = [
  { key: 'conflictOf', kind: 'optional-string' },
  { key: 'conflictFrom', kind: 'optional-string' },
  { key: 'created', kind: 'string' },
  { key: 'updated', kind: 'string' },
];

const TALK_FIELDS: FieldSpec[] = [
  { key: 'conferenceId', file: 'conference', kind: 'string' },
  { key: 'kind', kind: 'string', oneOf: ['talk', 'note'] },
  { key: 'title', kind: 'string' },
  { key: 'speakers', kind: 'speakers' },
  { key: 'starts', kind: 'nullable-string' },
  { key: 'ends', kind: 'nullable-string' },
  { key: 'day', kind: 'string' },
  { key: 'room', kind: 'string' },
  { key: 'track', kind: 'string' },
  { key: 'links', kind: 'links' },
  { key: 'tags', kind: 'tags' },
  { key: 'starred', kind: 'boolean' },
  { key: 'private', kind: 'optional-boolean' },
  { key: 'attachments', kind: 'attachments' },
  { key: 'scheduleRef', kind: 'optional-object', shape: { source: 'string', guid: 'string' } },
  { key: 'scheduleStatus', kind: 'optional-string', oneOf: ['moved', 'cancelled'] },
  { key: 'previousSlot', kind: 'optional-object', shape: { starts: 'nullable-string', ends: 'nullable-string', room: 'string' } },
  { key: 'abstract', kind: 'string' },
  ...COMMON_TAIL,
];

const CONFERENCE_FIELDS: FieldSpec[] = [
  { key: 'name', kind: 'string' },
  { key: 'place', kind: 'string' },
  { key: 'timeZone', kind: 'string' },
  { key: 'startDate', kind: 'string' },
  { key: 'endDate', kind: 'string' },
  { key: 'url', kind: 'string' },
  {
    key: 'schedule',
    kind: 'optional-object',
    shape: { url: 'optional-string', fileName: 'optional-string', format: 'string', fetched: 'string', etag: 'optional-string' },
  },
  ...COMMON_TAIL,
];

const TYPE_OF: Record<SyncTable, string> = { talks: 'talk', conferences: 'conference' };
const FIELDS_OF: Record<SyncTable, FieldSpec[]> = { talks: TALK_FIELDS, conferences: CONFERENCE_FIELDS };

/** The path of a record's file inside the sync folder. */
export function recordPath(table: SyncTable, id: string): string {
  return `${table}/${id}.md`;
}

/** Ids Lectern makes (UUIDs) and anything similar a person could name a file: no dots, slashes or spaces. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

export interface SerialiseOptions {
  /** Leave out vv and updated: the text whose hash says whether two records hold the same content. */
  forHash?: boolean;
}

/** The file text of a record: front matter in fixed order, then the body exactly as stored. */
export function serialiseRecord(table: SyncTable, record: SyncedRecord, vv: VersionVector, opts: SerialiseOptions = {}): string {
  const data: Record<string, unknown> = { format: FILE_FORMAT, type: TYPE_OF[table], id: record.id };
  const rec = record as unknown as Record<string, unknown>;
  for (const f of FIELDS_OF[table]) {
    if (opts.forHash && f.key === 'updated') continue;
    const value = rec[f.key];
    if (value === undefined) continue;
    data[f.file ?? f.key] = canonicalValue(f, value);
  }
  if (!opts.forHash) data.vv = sortedVv(vv);
  // lineWidth 0: long values stay on one line, so a title edit changes one line of the file.
  return `---\n${stringify(data, { lineWidth: 0 })}---\n${record.body}`;
}

const LIST_SHAPES: Partial<Record<FieldKind, readonly string[]>> = {
  speakers: ['name', 'affiliation'],
  links: ['label', 'url'],
  attachments: ['sha256', 'name', 'type', 'size', 'caption'],
};

/** Objects written with their keys in one order, so the same record always makes the same bytes. */
function canonicalValue(f: FieldSpec, value: unknown): unknown {
  const pick = (o: unknown, keys: readonly string[]): Record<string, unknown> => {
    const src = (o ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
    return out;
  };
  const listKeys = LIST_SHAPES[f.kind];
  if (listKeys && Array.isArray(value)) return value.map((x) => pick(x, listKeys));
  if (f.kind === 'optional-object' && f.shape) return pick(value, Object.keys(f.shape));
  return value;
}

function sortedVv(vv: VersionVector): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(vv).sort()) out[k] = vv[k]!;
  return out;
}

export type ParseResult =
  | { ok: true; table: SyncTable; record: SyncedRecord; vv: VersionVector }
  | { ok: false; reason: string; newerFormat?: boolean };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Bytes to text, refusing what is not UTF-8 text. */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: `the file is ${bytes.length} bytes, more than Lectern reads (${MAX_FILE_BYTES})` };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: 'the file is not UTF-8 text' };
  }
  if (text.includes('\u0000')) return { ok: false, reason: 'the file holds binary data (NUL bytes)' };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

function nestingTooDeep(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > MAX_NESTING) return true;
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  // Block-style nesting: indentation deeper than any file Lectern writes.
  return /\n {40,}\S/.test(text);
}

/** Reads a record file for `table` named `<expectedId>.md`. */
export function parseRecordFile(table: SyncTable, expectedId: string, bytes: Uint8Array): ParseResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/\r\n/g, '\n');
  if (!text.startsWith('---\n')) return { ok: false, reason: 'the file does not start with a front matter block (---)' };
  const end = text.indexOf('\n---\n', 3);
  const endAtEof = end < 0 && text.endsWith('\n---') ? text.length - 4 : -1;
  const close = end >= 0 ? end : endAtEof;
  if (close < 0) return { ok: false, reason: 'the front matter is not closed with a --- line' };
  const yamlText = text.slice(4, close + 1);
  const body = end >= 0 ? text.slice(end + 5) : '';
  if (yamlText.length > MAX_FRONT_MATTER_CHARS) return { ok: false, reason: 'the front matter is too large' };
  if (nestingTooDeep(yamlText)) return { ok: false, reason: 'the front matter is nested too deeply' };
  let data: unknown;
  try {
    data = parse(yamlText, { maxAliasCount: 0, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    return { ok: false, reason: `the front matter is not valid YAML: ${msg.slice(0, 200)}` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, reason: 'the front matter is not a list of fields' };
  const d = data as Record<string, unknown>;
  if (typeof d.format !== 'number' || !Number.isInteger(d.format) || d.format < 1)
    return { ok: false, reason: 'the front matter has no valid format number' };
  if (d.format > FILE_FORMAT) return { ok: false, reason: `the file was written in a newer format (${d.format}); update Lectern`, newerFormat: true };
  if (d.type !== TYPE_OF[table]) return { ok: false, reason: `the file is not a ${TYPE_OF[table]} (type: ${String(d.type).slice(0, 40)})` };
  if (typeof d.id !== 'string' || d.id !== expectedId) return { ok: false, reason: `the id inside (${String(d.id).slice(0, 60)}) does not match the file name` };
  const vv = d.vv === undefined ? {} : d.vv;
  if (!isVersionVector(vv)) return { ok: false, reason: 'the vv field is not a version vector' };
  const record: Record<string, unknown> = { id: d.id, body };
  for (const f of FIELDS_OF[table]) {
    const name = f.file ?? f.key;
    const checked = readField(f, d[name]);
    if (!checked.ok) return { ok: false, reason: `the field "${name}" ${checked.reason}` };
    if (checked.value !== undefined) record[f.key] = checked.value;
  }
  return { ok: true, table, record: record as unknown as SyncedRecord, vv };
}

type Checked = { ok: true; value: unknown } | { ok: false; reason: string };

function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  // A person editing the file may write `room: 101`; YAML reads that as a number.
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function readObjectShape(v: unknown, shape: NonNullable<FieldSpec['shape']>): Checked {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, reason: 'is not a map' };
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, kind] of Object.entries(shape)) {
    const x = src[k];
    if (kind === 'optional-string' && x === undefined) continue;
    if (kind === 'nullable-string' && (x === null || x === undefined)) {
      out[k] = null;
      continue;
    }
    const s = x === undefined && kind === 'string' ? '' : str(x);
    if (s === null) return { ok: false, reason: `has a ${k} that is not text` };
    out[k] = s;
  }
  return { ok: true, value: out };
}

/** An object of the shape, or null: what readList takes as an item reader. */
function shaped(x: unknown, shape: NonNullable<FieldSpec['shape']>): unknown | null {
  const r = readObjectShape(x, shape);
  return r.ok ? r.value : null;
}

function readList(v: unknown, item: (x: unknown) => unknown | null, what: string): Checked {
  if (v === undefined || v === null) return { ok: true, value: [] };
  if (!Array.isArray(v)) return { ok: false, reason: 'is not a list' };
  const out: unknown[] = [];
  for (const x of v) {
    const r = item(x);
    if (r === null) return { ok: false, reason: `holds an entry that is not a ${what}` };
    out.push(r);
  }
  return { ok: true, value: out };
}

function readField(f: FieldSpec, v: unknown): Checked {
  switch (f.kind) {
    case 'string':
    case 'optional-string': {
      if (v === undefined || v === null) return { ok: true, value: f.kind === 'string' ? (f.oneOf?.[0] ?? '') : undefined };
      const s = str(v);
      if (s === null) return { ok: false, reason: 'is not text' };
      if (f.oneOf && !f.oneOf.includes(s)) return { ok: false, reason: `must be one of ${f.oneOf.join(', ')}` };
      return { ok: true, value: s };
    }
    case 'nullable-string': {
      if (v === undefined || v === null) return { ok: true, value: null };
      const s = str(v);
      return s === null ? { ok: false, reason: 'is not text' } : { ok: true, value: s };
    }
    case 'boolean':
    case 'optional-boolean':
      if (v === undefined) return { ok: true, value: f.kind === 'boolean' ? false : undefined };
      return typeof v === 'boolean' ? { ok: true, value: v } : { ok: false, reason: 'is not true or false' };
    case 'tags':
      return readList(v, (x) => str(x), 'tag');
    case 'speakers':
      return readList(v, (x) => shaped(x, { name: 'string', affiliation: 'string' }), 'speaker');
    case 'links':
      return readList(v, (x) => shaped(x, { label: 'string', url: 'string' }), 'link');
    case 'attachments':
      return readList(
        v,
        (x) => {
          const r = readObjectShape(x, { sha256: 'string', name: 'string', type: 'string', caption: 'string' });
          if (!r.ok) return null;
          const a = r.value as Record<string, unknown>;
          if (!/^[0-9a-f]{64}$/.test(a.sha256 as string)) return null;
          const size = (x as Record<string, unknown>).size;
          if (!Number.isSafeInteger(size) || (size as number) < 0) return null;
          return { sha256: a.sha256, name: a.name, type: a.type, size, caption: a.caption };
        },
        'photo (sha256, name, type, size, caption)',
      );
    case 'optional-object':
      if (v === undefined || v === null) return { ok: true, value: undefined };
      return readObjectShape(v, f.shape!);
  }
}

/** The record's synced fields only, in a fixed order: what a device stores locally is this plus its bookkeeping. */
export function syncedPart(table: SyncTable, record: Talk | Conference): SyncedRecord {
  const rec = record as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { id: record.id };
  for (const f of FIELDS_OF[table]) if (rec[f.key] !== undefined) out[f.key] = rec[f.key];
  out.body = record.body;
  return out as unknown as SyncedRecord;
}

/** The keys a record file carries (for the field-by-field merge). */
export function syncedKeys(table: SyncTable): string[] {
  return [...FIELDS_OF[table].map((f) => f.key), 'body'];
}
