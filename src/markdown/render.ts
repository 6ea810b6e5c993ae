/** Markdown to sanitised HTML for the read view. Loaded lazily: the editor does not need it. */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const purify = DOMPurify();
purify.setConfig({
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'button', 'textarea', 'select'],
  FORBID_ATTR: ['style'],
  // Web, mail and blob: (the note's own photos) schemes, and values with no scheme at all (relative links,
  // and the plain values of attributes such as type="checkbox" or align, which DOMPurify checks with this too).
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|blob):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
});
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  if (node.tagName === 'IMG') {
    // DOMPurify lets data: through on images whatever the URI rule says; notes have no use for them.
    if (/^\s*data:/i.test(node.getAttribute('src') ?? '')) node.removeAttribute('src');
    // An image typed without a description is treated as decorative rather than read out as its file name.
    if (!node.hasAttribute('alt')) node.setAttribute('alt', '');
  }
  // Task lists ("- [x] done") render as checkboxes; any other input, or anything on it but its state, goes.
  if (node.tagName === 'INPUT') {
    if (node.getAttribute('type') !== 'checkbox') {
      node.remove();
      return;
    }
    const checked = node.hasAttribute('checked');
    for (const name of node.getAttributeNames()) node.removeAttribute(name);
    node.setAttribute('type', 'checkbox');
    node.setAttribute('disabled', '');
    if (checked) node.setAttribute('checked', '');
  }
});

/** Renders a note's Markdown as HTML with every script, handler and unsafe URL removed. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string;
  return purify.sanitize(html);
}
