/**
 * A note refers to its photos as Markdown images with `attachment:<sha256>` sources. These pure functions
 * write, rename and remove those references, and resolve them for the read view.
 */

import type { Attachment } from '../model/types';

const SCHEME = 'attachment:';
const SHA = /^[0-9a-f]{64}$/;

/** The source a note uses for a stored photo. */
export function attachmentHref(sha256: string): string {
  return SCHEME + sha256;
}

/** The sha256 an image source refers to, or null when it is not an attachment reference. */
export function attachmentSha(href: string): string | null {
  const trimmed = href.trim();
  if (trimmed.slice(0, SCHEME.length).toLowerCase() !== SCHEME) return null;
  const sha = trimmed.slice(SCHEME.length).toLowerCase();
  return SHA.test(sha) ? sha : null;
}

/** Image description text safe inside `![…]`: one line, brackets and backslashes escaped. */
export function escapeAlt(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/** The Markdown that shows a photo: `![alt](attachment:<sha256>)`. */
export function referenceMarkdown(alt: string, sha256: string): string {
  return `![${escapeAlt(alt)}](${attachmentHref(sha256)})`;
}

/** The note with a reference added on a line of its own at the end, followed by a newline to type on. */
export function appendReference(body: string, reference: string): string {
  if (body === '') return `${reference}\n`;
  return `${body}${body.endsWith('\n') ? '' : '\n'}${reference}\n`;
}

/** Every image reference to this sha256, whatever its description or title. */
function referencePattern(sha256: string): RegExp {
  return new RegExp(`!\\[(?:\\\\.|[^[\\]\\\\])*\\]\\(\\s*${SCHEME}${sha256}(?:\\s+"[^"\\n]*")?\\s*\\)`, 'gi');
}

/**
 * The note without its references to this photo. A line that held only references (and spaces) goes
 * entirely; a reference inside other text is cut out and the text stays.
 */
export function removeReferences(body: string, sha256: string): string {
  // A space before a reference goes with it, so "see ![x](…) here" becomes "see here".
  const pattern = new RegExp(` ?${referencePattern(sha256).source}`, 'gi');
  const kept: string[] = [];
  for (const line of body.split('\n')) {
    const without = line.replace(pattern, '');
    if (without === line) kept.push(line);
    else if (without.trim() !== '') kept.push(/^\s/.test(line) ? without : without.trimStart());
  }
  // A body that ended with a newline still does; one made only of references becomes empty.
  return kept.length === 1 && kept[0] === '' ? '' : kept.join('\n');
}

/**
 * The note with references that still show the photo's old description given the new one; a reference the
 * person described differently by hand is theirs and stays as it is.
 */
export function renameReferences(body: string, sha256: string, fromAlt: string, toAlt: string): string {
  const from = referenceMarkdown(fromAlt, sha256);
  const to = referenceMarkdown(toAlt, sha256);
  return from === to ? body : body.split(from).join(to);
}

/** What a photo's reference in the note says: its caption, else its file name. */
export function photoAlt(a: Pick<Attachment, 'caption' | 'name'>): string {
  return a.caption.trim() || a.name;
}
