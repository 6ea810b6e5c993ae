/** Small pieces of exported Markdown: escaped text, links, dates, and photo links made relative. */
import { formatTalkTime } from '../model/time';
import type { Link, Speaker } from '../model/types';

/**
 * Text that reads as itself in CommonMark: characters that would start emphasis, links, HTML, entities or code
 * are backslash-escaped, and so is a start that would make a list, a heading, a quote or a thematic break.
 */
export function escapeText(text: string): string {
  const inline = text.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>#!&|~]/g, (c) => `\\${c}`);
  return inline.replace(/^([-+=>])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** A link destination that survives spaces, parentheses and angle brackets. */
function destination(url: string): string {
  const safe = url.trim().replace(/[<>\s]/g, (c) => encodeURIComponent(c));
  return /[()]/.test(safe) ? `<${safe}>` : safe;
}

/** "[Slides](https://…) · [Video](https://…)". */
export function linksLine(links: readonly Link[]): string {
  return links.map((l) => `[${escapeText(l.label) || escapeText(l.url)}](${destination(l.url)})`).join(' · ');
}

/** "Ada Lovelace, Analytical Engines; Charles Babbage". */
export function speakersLine(speakers: readonly Speaker[]): string {
  return speakers.map((s) => escapeText(s.affiliation ? `${s.name}, ${s.affiliation}` : s.name)).join('; ');
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Sat 31 Jan 2026": the same on every device, so an export does not depend on the phone's language. */
export function formatDayEn(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "10:00–10:30 · K.1.105 · Databases" at the venue; with the date first when `withDay`. */
export function whenWhereLine(
  t: { day: string; starts: string | null; ends: string | null; room: string; track: string },
  zone: string,
  withDay: boolean,
): string {
  // The venue's zone as the "device" zone: an exported post never says "your time".
  const time = formatTalkTime(t.starts, t.ends, zone, zone);
  const when = [withDay && t.day ? formatDayEn(t.day) : '', time].filter(Boolean).join(', ');
  return [when, escapeText(t.room), escapeText(t.track)].filter(Boolean).join(' · ');
}

// The alt text excludes an unescaped "[" (Lectern escapes brackets in captions): otherwise a long run of "![" is
// scanned to its end from every one of them, in time growing with the square of its length.
const ATTACHMENT_IMAGE = /(!\[(?:\\.|[^[\]\\])*\]\(\s*)attachment:([0-9a-fA-F]{64})(?=(?:\s+"[^"\n]*")?\s*\))/g;
const RELATIVE_IMAGE = /(!\[(?:\\.|[^[\]\\])*\]\(\s*)attachments\/([0-9a-f]{64})\.[a-z0-9]+(?=(?:\s+"[^"\n]*")?\s*\))/g;

/** The file extension of a photo's type; "bin" for a type Lectern does not know. */
export function photoExtension(type: string): string {
  return { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'image/avif': 'avif' }[type] ?? 'bin';
}

/** The path of a photo in an export: attachments/<sha256>.<ext>. */
export function photoPath(sha256: string, type: string): string {
  return `attachments/${sha256.toLowerCase()}.${photoExtension(type)}`;
}

/** The note with `![…](attachment:<sha>)` made relative (`attachments/<sha>.jpg`), so exported folders preview anywhere. */
export function relativePhotoLinks(body: string, typeOf: (sha256: string) => string): string {
  return body.replace(ATTACHMENT_IMAGE, (_, start: string, sha: string) => start + photoPath(sha, typeOf(sha.toLowerCase())));
}

/** The reverse of relativePhotoLinks, for import. */
export function attachmentPhotoLinks(body: string): string {
  return body.replace(RELATIVE_IMAGE, (_, start: string, sha: string) => `${start}attachment:${sha}`);
}

/** The sha256 of every photo the note shows, in order, each once. */
export function referencedPhotos(body: string): string[] {
  const found = new Set<string>();
  for (const m of body.matchAll(ATTACHMENT_IMAGE)) found.add(m[2]!.toLowerCase());
  return [...found];
}

/** Relative photo paths (attachments/<sha>.<ext>) the text links to, each once. */
export function relativePhotoPaths(body: string): string[] {
  const found = new Set<string>();
  for (const m of body.matchAll(/!\[(?:\\.|[^[\]\\])*\]\(\s*(attachments\/[0-9a-f]{64}\.[a-z0-9]+)/g)) found.add(m[1]!);
  return [...found];
}
