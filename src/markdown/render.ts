/** Markdown to sanitised HTML for the read view. Loaded lazily: the editor does not need it. */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const purify = DOMPurify();
purify.setConfig({
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
  FORBID_ATTR: ['style'],
  // Only web and mail links, and images from the note's own attachments (blob:) or the web.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|blob:|#)/i,
});
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  // An image typed without a description is treated as decorative rather than read out as its file name.
  if (node.tagName === 'IMG' && !node.hasAttribute('alt')) node.setAttribute('alt', '');
});

/** Renders a note's Markdown as HTML with every script, handler and unsafe URL removed. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string;
  return purify.sanitize(html);
}
