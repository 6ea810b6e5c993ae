/** One talk as Markdown: a section of a day post, or a document of its own. */
import { INBOX_ID } from '../model/inbox';
import type { Conference, Talk } from '../model/types';
import { conferenceMarker, talkMarker } from './export-markers';
import { escapeText, linksLine, relativePhotoLinks, speakersLine, whenWhereLine } from './export-text';
import { frontMatter, type Flavour } from './front-matter';
import { slugify } from './slug';

/** Choices every export shares. */
export interface ExportOptions {
  flavour: Flavour;
  /** Write Lectern markers (invisible comments) so the file can be imported back with every field. */
  markers: boolean;
  /** A photo's stored type by sha256, for its file extension; photos not in it are taken as JPEG. */
  photoTypes: ReadonlyMap<string, string>;
}

export interface ExportedFile {
  name: string;
  text: string;
}

/** How a section shows a talk: heading level (0: none, the title is in the front matter) and whether the date is on its time line. */
export interface SectionStyle {
  level: 0 | 1 | 2;
  withDay: boolean;
}

/** The lines Lectern writes above a note: heading, speakers, time and room, links; '' or text ending in a newline. */
export function talkHeader(t: Talk, zone: string, style: SectionStyle): string {
  const lines = [
    style.level ? `${'#'.repeat(style.level)} ${escapeText(t.title)}` : '',
    speakersLine(t.speakers),
    whenWhereLine(t, zone, style.withDay),
    linksLine(t.links),
  ].filter(Boolean);
  return lines.length ? `${lines.join('\n\n')}\n` : '';
}

/** The note as exported: LF line ends, photos linked relatively, trailing blank lines dropped. */
export function exportedBody(body: string, photoTypes: ReadonlyMap<string, string>): string {
  const lf = body.replace(/\r\n?/g, '\n');
  return relativePhotoLinks(lf, (sha) => photoTypes.get(sha) ?? 'image/jpeg').replace(/\s+$/, '');
}

/** A talk's section: its marker, header and note; ends with one newline ('' for nothing at all). */
export function talkSection(t: Talk, zone: string, style: SectionStyle, o: Pick<ExportOptions, 'markers' | 'photoTypes'>): string {
  const header = talkHeader(t, zone, style);
  const body = exportedBody(t.body, o.photoTypes);
  const content = body ? `${header}${header ? '\n' : ''}${body}\n` : header;
  if (!o.markers) return content;
  return `${talkMarker(t)}\n${content ? `\n${content}` : ''}`;
}

/** Blocks that each end in a newline, with one blank line between them and one newline at the end. */
export function joinBlocks(blocks: readonly string[]): string {
  const text = blocks.filter(Boolean).join('\n');
  return text ? `${text.replace(/\n+$/, '')}\n` : '\n';
}

/** The date a talk is filed under: its start, else its day, else the conference's first day, else when it was made. */
export function talkDate(t: Talk, c: Conference): string {
  return t.starts ?? (t.day || c.startDate || t.created.slice(0, 10));
}

/** The conference's name for front matter; the Inbox is no conference. */
export function conferenceName(c: Conference): string {
  return c.id === INBOX_ID ? '' : c.name;
}

/** A file name for a post: Jekyll wants YYYY-MM-DD-slug.md, the others slug.md. */
export function postFileName(flavour: Flavour, date: string, title: string): string {
  const slug = slugify(title);
  return flavour === 'jekyll' && /^\d{4}-\d{2}-\d{2}/.test(date) ? `${date.slice(0, 10)}-${slug}.md` : `${slug}.md`;
}

/** A talk as a document of its own: front matter, a title when there is no front matter, then its section. */
export function exportTalk(t: Talk, c: Conference, o: ExportOptions): ExportedFile {
  const date = talkDate(t, c);
  const fm = frontMatter(o.flavour, {
    title: t.title,
    date,
    tags: t.tags,
    conference: conferenceName(c),
    speakers: t.speakers.map((s) => s.name),
  });
  const section = talkSection(t, c.timeZone, { level: o.flavour === 'none' ? 1 : 0, withDay: true }, o);
  return { name: postFileName(o.flavour, date, t.title), text: joinBlocks([fm, o.markers ? `${conferenceMarker(c)}\n` : '', section]) };
}
