/** Markdown to sanitised HTML for the read view. Loaded lazily: the editor does not need it. */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { attachmentSha } from '../photos/references';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** The note's photos (sha256 → blob: URL) during one synchronous renderMarkdown call. */
let photoUrls: ReadonlyMap<string, string> = new Map();

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

marked.use({
  renderer: {
    // `![caption](attachment:<sha256>)` shows the stored photo; one not stored here is said to be missing,
    // in words, so the page never requests a URL that cannot load.
    image(token) {
      const sha = attachmentSha(token.href);
      const alt = token.tokens ? this.parser.parseInline(token.tokens, this.parser.textRenderer) : token.text;
      // An image from another site would be a request the person never chose (a tracking pixel in an imported post,
      // say), and the CSP refuses it anyway: it becomes a link to the image instead.
      if (sha === null && /^\s*(?:https?:)?\/\//i.test(token.href))
        return `<a class="remote-image" href="${escapeHtml(token.href.trim())}">${escapeHtml(alt ? `Image: ${alt}` : 'Image')}</a>`;
      if (sha === null) return false;
      const url = photoUrls.get(sha);
      if (url) return `<img class="photo" src="${escapeHtml(url)}" alt="${escapeHtml(alt)}">`;
      return `<span class="missing-photo">${escapeHtml(alt ? `Missing photo: ${alt}` : 'Missing photo')}</span>`;
    },
  },
});

const purify = DOMPurify();
purify.setConfig({
  USE_PROFILES: { html: true },
  // <template> holds markup the page could bring to life later; srcset would let an image skip the data: rule below.
  FORBID_TAGS: ['style', 'form', 'button', 'textarea', 'select', 'template'],
  FORBID_ATTR: ['style', 'srcset'],
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
    // DOMPurify lets data: through on images whatever the URI rule says; notes have no use for them. An <img> typed
    // as HTML with a source on another site is not loaded either (see the image renderer above).
    if (/^\s*(?:data:|(?:https?:)?\/\/)/i.test(node.getAttribute('src') ?? '')) node.removeAttribute('src');
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

/**
 * Renders a note's Markdown as HTML with every script, handler and unsafe URL removed. `photos` maps the sha256
 * of each stored photo to a blob: URL for its `attachment:` references.
 */
export function renderMarkdown(source: string, photos?: ReadonlyMap<string, string>): string {
  photoUrls = photos ?? new Map();
  try {
    const html = marked.parse(source) as string;
    return purify.sanitize(html);
  } finally {
    photoUrls = new Map();
  }
}
