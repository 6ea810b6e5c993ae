/** YAML front matter for Hugo and Jekyll posts: written for export, split off for import. */
import { parse, stringify } from 'yaml';

export type Flavour = 'none' | 'hugo' | 'jekyll';

export const FLAVOURS: readonly Flavour[] = ['none', 'hugo', 'jekyll'];

/** What an exported document says about itself; empty fields are left out of the front matter. */
export interface FrontMatterFields {
  title: string;
  /** YYYY-MM-DD, or an ISO 8601 instant with the venue's offset. */
  date: string;
  tags: readonly string[];
  conference: string;
  speakers?: readonly string[];
}

/** Jekyll reads "2026-01-31 10:00:00 +01:00" as a time at the venue; Hugo reads ISO 8601 as is. */
function jekyllDate(date: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(date);
  if (!m) return date;
  return `${m[1]} ${m[2]} ${m[3] === 'Z' ? '+00:00' : m[3]}`;
}

/** The front matter block ("---\n…---\n") of a flavour; '' for none. Values are quoted by the YAML library wherever YAML needs it. */
export function frontMatter(flavour: Flavour, f: FrontMatterFields): string {
  if (flavour === 'none') return '';
  const data: Record<string, unknown> = {};
  if (flavour === 'jekyll') data.layout = 'post';
  data.title = f.title;
  if (f.date) data.date = flavour === 'jekyll' ? jekyllDate(f.date) : f.date;
  if (f.tags.length) data.tags = [...f.tags];
  if (f.conference) data.conference = f.conference;
  if (f.speakers?.length) data.speakers = [...f.speakers];
  // lineWidth 0: a long title stays on one line instead of being folded.
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}

export interface SplitDocument {
  /** The parsed front matter; {} when there is none or it is not a YAML map. */
  data: Record<string, unknown>;
  /** The text after the front matter. */
  body: string;
}

/** Splits "---\n<yaml>\n---\n" off the start of a document. Throws when the YAML there cannot be read. */
export function splitFrontMatter(text: string): SplitDocument {
  const m = /^---\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { data: {}, body: text };
  const parsed: unknown = m[1] ? parse(m[1]) : null;
  const data = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  return { data, body: text.slice(m[0].length) };
}
