/** A whole conference as files for a zip: an index, one post per day (or per talk), and the photos they show. */
import { groupTalksByDay } from '../model/order';
import type { Conference, Talk } from '../model/types';
import { conferenceMarker, NOTES_MARKER } from './export-markers';
import { escapeText, formatDayEn, photoPath, referencedPhotos } from './export-text';
import { defaultDayTitle, exportDay, type DayOptions } from './export-day';
import { conferenceName, exportTalk, exportedBody, joinBlocks, type ExportedFile } from './export-talk';
import { frontMatter } from './front-matter';
import { uniqueName } from './slug';

export interface ConferenceOptions extends Omit<DayOptions, 'title'> {
  /** One file per talk instead of one per day. */
  perTalk: boolean;
}

/** A photo to put in the zip: which stored image, and where. */
export interface PhotoFile {
  sha256: string;
  path: string;
}

export interface ConferenceExport {
  /** index.md first, then the posts in schedule order. */
  files: ExportedFile[];
  photos: PhotoFile[];
}

function indexFile(c: Conference, posts: ReadonlyArray<{ name: string; title: string }>, o: ConferenceOptions): ExportedFile {
  const dates = c.startDate === c.endDate ? formatDayEn(c.startDate) : `${formatDayEn(c.startDate)} – ${formatDayEn(c.endDate)}`;
  const facts = [dates, escapeText(c.place)].filter(Boolean).join(' · ');
  const body = exportedBody(c.body, o.photoTypes);
  const blocks = [
    frontMatter(o.flavour, { title: c.name, date: c.startDate, tags: [], conference: conferenceName(c) }),
    o.flavour === 'none' ? `# ${escapeText(c.name)}\n` : '',
    o.markers ? `${conferenceMarker(c)}\n` : '',
    facts ? `${facts}\n` : '',
    c.url ? `<${c.url.replace(/[<>\s]/g, encodeURIComponent)}>\n` : '',
    posts.length ? `${posts.map((p) => `- [${escapeText(p.title)}](${encodeURI(p.name)})`).join('\n')}\n` : '',
    // The conference's own notes follow the marker to the end of the file, so an import finds exactly them.
    o.markers && body ? `${NOTES_MARKER}\n` : '',
    body ? `${body}\n` : '',
  ];
  return { name: 'index.md', text: joinBlocks(blocks) };
}

/** The files of a conference export. Private talks are left out, as are empty ones when asked. */
export function exportConference(c: Conference, talks: readonly Talk[], o: ConferenceOptions): ConferenceExport {
  const used = new Set<string>(['index.md']);
  const posts: Array<ExportedFile & { title: string }> = [];
  const shown: Talk[] = [];
  for (const group of groupTalksByDay(talks.filter((t) => t.deletedAt === null))) {
    const day = exportDay(c, talks, group.day, o);
    if (day.talks.length === 0) continue;
    shown.push(...day.talks);
    if (o.perTalk) {
      for (const t of day.talks) {
        const file = exportTalk(t, c, o);
        posts.push({ ...file, name: uniqueName(file.name.replace(/\.md$/, ''), '.md', used), title: t.title });
      }
    } else {
      posts.push({ ...day, name: uniqueName(day.name.replace(/\.md$/, ''), '.md', used), title: defaultDayTitle(c, group.day) });
    }
  }
  const photos = new Map(photosOf(shown, o.photoTypes).map((p) => [p.sha256, p]));
  for (const sha of referencedPhotos(c.body))
    if (!photos.has(sha)) photos.set(sha, { sha256: sha, path: photoPath(sha, o.photoTypes.get(sha) ?? 'image/jpeg') });
  return {
    files: [indexFile(c, posts, o), ...posts.map(({ name, text }) => ({ name, text }))],
    photos: [...photos.values()],
  };
}

/** The photo map of talks' attachments (sha256 → type), for ExportOptions.photoTypes. */
export function photoTypesOf(talks: readonly Talk[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const t of talks) for (const a of t.attachments) types.set(a.sha256, a.type);
  return types;
}

/** The photos a single talk or day file shows, for a zip of it. */
export function photosOf(talks: readonly Talk[], photoTypes: ReadonlyMap<string, string>): PhotoFile[] {
  const out = new Map<string, PhotoFile>();
  for (const t of talks)
    for (const sha of [...t.attachments.map((a) => a.sha256), ...referencedPhotos(t.body)])
      if (!out.has(sha)) out.set(sha, { sha256: sha, path: photoPath(sha, photoTypes.get(sha) ?? 'image/jpeg') });
  return [...out.values()];
}
