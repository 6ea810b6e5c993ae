/**
 * Reading Markdown back: Lectern's own exports (found by their markers) become conferences and talks with
 * every field; any other Markdown file becomes one free note. Pure: bytes in, a plan for the database out.
 */
import type { Attachment, Link, Speaker } from '../model/types';
import { readMarkerLine, type ConferenceMarker, type TalkMarker } from './export-markers';
import { attachmentPhotoLinks, referencedPhotos } from './export-text';
import { talkHeader, type SectionStyle } from './export-talk';
import { splitFrontMatter } from './front-matter';
import { quoteForMessage } from '../model/quote';
import { isValidTimeZone } from '../model/time';

/** A problem with a file, in words for the person who chose it. */
export class ImportError extends Error {
  override name = 'ImportError';
}

export interface ImportedTalk {
  file: string;
  fields: TalkMarker;
  /** The note, with photos as attachment: references again. */
  body: string;
}

export interface PlainNote {
  file: string;
  title: string;
  body: string;
  tags: string[];
}

export interface ParsedFile {
  file: string;
  conference: ConferenceMarker | null;
  /** The conference's own notes, from an index.md. */
  conferenceBody: string | null;
  talks: ImportedTalk[];
  /** Set when the file has no Lectern markers: it comes in as one free note. */
  plain: PlainNote | null;
}

const MARKDOWN_NAME = /\.(md|markdown|mdown|mkd|txt|text)$/i;

/** Whether a file name is one Lectern reads as Markdown. */
export function isMarkdownName(name: string): boolean {
  return MARKDOWN_NAME.test(name);
}

/** The text of a Markdown file; throws ImportError for anything that is not UTF-8 text. */
export function decodeMarkdown(name: string, bytes: Uint8Array): string {
  const notText = new ImportError(`“${quoteForMessage(name, 120)}” is not a Markdown file. Choose a .md file or a .zip exported by Lectern.`);
  if (!isMarkdownName(name) || bytes.includes(0)) throw notText;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw notText;
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
/** A stored time: null, or an instant the date functions can read (a damaged one would make them throw). */
const isTimeOrNull = (v: unknown): boolean => v === null || (typeof v === 'string' && Number.isFinite(Date.parse(v)));
const isDayOrEmpty = (v: unknown): boolean => v === '' || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && Number.isFinite(Date.parse(v)));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const arrayOf = <T>(v: unknown, each: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(each);
const isSpeaker = (v: unknown): v is Speaker => isObject(v) && isString(v.name) && isString(v.affiliation);
const isLink = (v: unknown): v is Link => isObject(v) && isString(v.label) && isString(v.url);
const isAttachment = (v: unknown): v is Attachment =>
  isObject(v) && isString(v.sha256) && /^[0-9a-f]{64}$/.test(v.sha256) && isString(v.name) && isString(v.type) && typeof v.size === 'number' && isString(v.caption);

function readJson(json: string, where: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = null;
  }
  if (!isObject(value)) throw new ImportError(`${where}: the Lectern marker is damaged, so this file cannot be imported. Nothing was changed.`);
  return value;
}

function checkConference(v: Record<string, unknown>, where: string): ConferenceMarker {
  const ok =
    ['id', 'name', 'place', 'timeZone', 'startDate', 'endDate', 'url'].every((k) => isString(v[k])) && v.id !== '' && (v.timeZone === '' || isValidTimeZone(v.timeZone as string));
  if (!ok) throw new ImportError(`${where}: the conference's Lectern marker is missing fields. Nothing was changed.`);
  return v as unknown as ConferenceMarker;
}

function checkTalk(v: Record<string, unknown>, where: string): TalkMarker {
  const problems = [
    isString(v.id) && v.id !== '' ? '' : 'id',
    v.kind === 'talk' || v.kind === 'note' ? '' : 'kind',
    isString(v.title) ? '' : 'title',
    arrayOf(v.speakers, isSpeaker) ? '' : 'speakers',
    isTimeOrNull(v.starts) && isTimeOrNull(v.ends) ? '' : 'times',
    isDayOrEmpty(v.day) && isString(v.room) && isString(v.track) ? '' : 'day, room or track',
    arrayOf(v.links, isLink) ? '' : 'links',
    arrayOf(v.tags, isString) ? '' : 'tags',
    typeof v.starred === 'boolean' ? '' : 'starred',
    isString(v.abstract) ? '' : 'abstract',
    arrayOf(v.photos, isAttachment) ? '' : 'photos',
  ].filter(Boolean);
  if (problems.length) throw new ImportError(`${where}: the talk's Lectern marker has bad ${problems.join(', ')}. Nothing was changed.`);
  return v as unknown as TalkMarker;
}

/** Section styles an export may have used; the one whose header the text starts with tells where the note begins. */
const STYLES: readonly SectionStyle[] = [
  { level: 2, withDay: false },
  { level: 1, withDay: true },
  { level: 0, withDay: true },
];

function trimEndAll(text: string): string {
  return text.replace(/\s+$/, '');
}

/** The note of a talk section: the text after the header Lectern wrote; when the header was edited by hand, after its heading. */
function sectionBody(raw: string, t: TalkMarker, zone: string): string {
  const talk = { ...t, attachments: t.photos, body: '', created: '', updated: '', localRev: 0, deletedAt: null, conferenceId: '' };
  for (const style of STYLES) {
    const header = talkHeader(talk, zone, style);
    if (!header) return raw;
    if (raw === trimEndAll(header)) return '';
    if (raw.startsWith(`${header}\n`)) return raw.slice(header.length + 1);
  }
  return raw.replace(/^#{1,6} .*\n+/, '');
}

function plainNote(file: string, text: string): PlainNote {
  let data: Record<string, unknown> = {};
  let body = text;
  try {
    ({ data, body } = splitFrontMatter(text));
  } catch {
    // Front matter that is not valid YAML is kept as part of the note rather than refused.
  }
  const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body)?.[1];
  const stem = file.replace(/^.*\//, '').replace(MARKDOWN_NAME, '');
  const title = (isString(data.title) && data.title.trim()) || heading?.trim() || stem || 'Imported note';
  const tags = arrayOf(data.tags, isString) ? data.tags : isString(data.tags) ? data.tags.split(/[,\s]+/).filter(Boolean) : [];
  return { file, title, body: body.replace(/^\n+/, ''), tags };
}

/** Reads one Markdown file. Throws ImportError when a Lectern marker in it is damaged. */
export function parseMarkdownFile(file: string, source: string): ParsedFile {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const marks = lines.flatMap((line, i) => {
    const m = readMarkerLine(line);
    return m ? [{ ...m, line: i }] : [];
  });
  if (marks.length === 0) return { file, conference: null, conferenceBody: null, talks: [], plain: plainNote(file, text) };
  let conference: ConferenceMarker | null = null;
  let conferenceBody: string | null = null;
  const talks: ImportedTalk[] = [];
  const sections = marks.map((m, i) => ({ ...m, raw: lines.slice(m.line + 1, marks[i + 1]?.line ?? lines.length).join('\n') }));
  for (const s of sections) {
    if (s.kind === 'conference') conference = checkConference(readJson(s.json, `“${quoteForMessage(file, 120)}”, line ${s.line + 1}`), `“${quoteForMessage(file, 120)}”, line ${s.line + 1}`);
  }
  for (const s of sections) {
    const where = `“${quoteForMessage(file, 120)}”, line ${s.line + 1}`;
    // The blank line after a marker is Lectern's; what follows is the section.
    const raw = trimEndAll(s.raw.replace(/^\n/, ''));
    if (s.kind === 'notes') conferenceBody = raw;
    if (s.kind !== 'talk') continue;
    const fields = checkTalk(readJson(s.json, where), where);
    talks.push({ file, fields, body: attachmentPhotoLinks(sectionBody(raw, fields, conference?.timeZone ?? 'UTC')) });
  }
  return { file, conference, conferenceBody: conferenceBody === null ? null : attachmentPhotoLinks(conferenceBody), talks, plain: null };
}

/** The photos a parsed talk needs: those it lists and those its note shows. */
export function photosNeeded(t: ImportedTalk): string[] {
  return [...new Set([...t.fields.photos.map((p) => p.sha256), ...referencedPhotos(t.body)])];
}

/** Everything an import will write, read from one .md file or a zip of them. */
export interface ImportPlan {
  /** Conferences by id, with their notes when an index.md carried them. */
  conferences: Map<string, { fields: ConferenceMarker; body: string | null }>;
  /** Talks with the id of the conference whose file they came in ('' for none). */
  talks: Array<ImportedTalk & { conferenceId: string }>;
  notes: PlainNote[];
  /** Photo bytes in the zip, by sha256. */
  photos: Map<string, { bytes: Uint8Array; type: string }>;
  /** Photos the talks show or list, by sha256, with where they were expected: the database may already have them. */
  needed: Map<string, { talk: string; path: string }>;
}

const PHOTO_FILE = /^(?:.*\/)?attachments\/([0-9a-f]{64})\.([a-z0-9]+)$/;
const TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif', avif: 'image/avif' };

async function sha256Of(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Reads the files of an import (one .md, or a zip's entries) into a plan. Markdown files are read; photos
 * under attachments/ are checked against the fingerprint in their name; anything else in a zip is ignored.
 * Throws ImportError for a file that is not Markdown, a damaged marker, a damaged photo, or nothing to import.
 */
export async function planImport(files: ReadonlyMap<string, Uint8Array>, fromZip: string | null): Promise<ImportPlan> {
  const plan: ImportPlan = { conferences: new Map(), talks: [], notes: [], photos: new Map(), needed: new Map() };
  const types = new Map<string, string>();
  for (const [name, bytes] of files) {
    if (fromZip && (name.startsWith('__MACOSX/') || /(^|\/)\./.test(name))) continue;
    const photo = PHOTO_FILE.exec(name);
    if (photo) {
      if ((await sha256Of(bytes)) !== photo[1]) throw new ImportError(`The photo ${quoteForMessage(name, 120)} in “${fromZip}” is damaged. Nothing was changed.`);
      plan.photos.set(photo[1]!, { bytes, type: TYPES[photo[2]!] ?? 'application/octet-stream' });
      continue;
    }
    if (fromZip && !isMarkdownName(name)) continue;
    const parsed = parseMarkdownFile(name, decodeMarkdown(name, bytes));
    if (parsed.plain) {
      plan.notes.push(parsed.plain);
      continue;
    }
    const c = parsed.conference;
    if (c) {
      const known = plan.conferences.get(c.id);
      plan.conferences.set(c.id, { fields: c, body: parsed.conferenceBody ?? known?.body ?? null });
    }
    for (const t of parsed.talks) {
      plan.talks.push({ ...t, conferenceId: c?.id ?? '' });
      for (const p of t.fields.photos) types.set(p.sha256, p.type);
      for (const sha of photosNeeded(t)) if (!plan.needed.has(sha)) plan.needed.set(sha, { talk: t.fields.title, path: `attachments/${sha}` });
    }
  }
  if (!plan.talks.length && !plan.notes.length && !plan.conferences.size)
    throw new ImportError(`“${quoteForMessage(fromZip ?? [...files.keys()][0] ?? 'The file', 80)}” holds nothing to import. Nothing was changed.`);
  // The type a talk lists is the one the photo was stored with; the file extension is only a hint.
  for (const [sha, p] of plan.photos) p.type = types.get(sha) ?? p.type;
  return plan;
}
