// Node has no DOMParser; the WebDAV client parses PROPFIND replies with one, as it does in the browser.
import { DOMParser } from '@xmldom/xmldom';

if (typeof globalThis.DOMParser === 'undefined') {
  (globalThis as { DOMParser?: unknown }).DOMParser = DOMParser;
}
