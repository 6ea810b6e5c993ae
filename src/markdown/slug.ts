/** File-name slugs for exported Markdown: lower-case ASCII words joined by hyphens. */

/** "Día 1: CRDTs & you" → "dia-1-crdts-you"; "untitled" when nothing is left. Longest 60 characters. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    // Accents split off by NFKD are dropped, so "é" becomes "e" rather than a hyphen.
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'untitled';
}

/** A name not yet in `used` ("a.md", then "a-2.md", "a-3.md"); records the name it returns. */
export function uniqueName(stem: string, ext: string, used: Set<string>): string {
  let name = `${stem}${ext}`;
  for (let n = 2; used.has(name); n++) name = `${stem}-${n}${ext}`;
  used.add(name);
  return name;
}
