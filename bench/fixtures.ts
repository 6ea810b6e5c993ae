/** Real conference material from ../shared/fixtures: FOSDEM 2021 events and real notes posts. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../test/helpers/build';

export const FIXTURES = join(ROOT, '..', 'shared', 'fixtures');
export const FOSDEM_XML = join(FIXTURES, 'schedules', 'fosdem-2021_pentabarf.xml');

export interface FixtureEvent {
  title: string;
  room: string;
  track: string;
  persons: string[];
  /** Plain text, tags stripped. */
  abstract: string;
  links: Array<{ label: string; url: string }>;
  /** Minutes. */
  duration: number;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

function plain(htmlEscaped: string): string {
  return decode(decode(htmlEscaped).replace(/<[^>]+>/g, ' '))
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

const tag = (block: string, name: string): string => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(block)?.[1] ?? '';

/** The events of the FOSDEM 2021 Pentabarf schedule, parsed with regular expressions (enough for this one file). */
export function fosdemEvents(): FixtureEvent[] {
  const xml = readFileSync(FOSDEM_XML, 'utf8');
  const events: FixtureEvent[] = [];
  for (const m of xml.matchAll(/<event id="\d+">([\s\S]*?)<\/event>/g)) {
    const block = m[1]!;
    const [h, min] = tag(block, 'duration').split(':').map(Number);
    events.push({
      title: decode(tag(block, 'title')).trim(),
      room: decode(tag(block, 'room')).trim(),
      track: decode(tag(block, 'track')).trim(),
      persons: [...block.matchAll(/<person id="\d+">([^<]*)<\/person>/g)].map((p) => decode(p[1]!).trim()).filter(Boolean),
      abstract: plain(tag(block, 'abstract')),
      links: [...block.matchAll(/<link href="([^"]*)">([^<]*)<\/link>/g)].map((l) => ({ url: decode(l[1]!), label: decode(l[2]!) })),
      duration: (h ?? 0) * 60 + (min ?? 0) || 30,
    });
  }
  if (events.length < 100) throw new Error(`Expected hundreds of events in ${FOSDEM_XML}, found ${events.length}`);
  return events;
}

/** Every notes post in the fixtures, front matter dropped, as one text to cut note bodies from. */
export function notesCorpus(): string {
  const dir = join(FIXTURES, 'notes');
  const files = readdirSync(dir)
    .filter((f) => /\.(md|txt)$/.test(f) && f !== 'SOURCES.md')
    .sort();
  const text = files
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '').replace(/\r\n?/g, '\n'))
    .join('\n\n');
  if (text.length < 20_000) throw new Error(`Expected at least 20 KB of notes in ${dir}, found ${text.length} characters`);
  return text;
}

export function fixturesPresent(): boolean {
  return existsSync(FOSDEM_XML) && existsSync(join(FIXTURES, 'notes'));
}
