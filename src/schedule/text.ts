/** Turning the HTML, escaped HTML and stray whitespace of schedule files into plain text that is safe to show. */
import { safeUrl } from './safe-url';
import { decodeEntities } from './xml';

export { safeUrl };

const BLOCK_END = /<\/(p|div|h[1-6]|li|ul|ol|blockquote|pre|tr|table)\s*>/gi;
const TAG = /<\/?[a-z][^>]*>/gi;

/**
 * Plain text from a schedule's abstract or description: tags dropped, block ends and <br> kept as line breaks,
 * list items as "- ", absolute links as "text (url)". The result is shown as text, never parsed as HTML again.
 */
export function htmlToText(input: string): string {
  let s = input.replace(/\r\n?/g, '\n');
  if (/<\/?[a-z][^>]*>/i.test(s)) {
    s = s
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
      // Source newlines are layout only where the HTML marks its own breaks; with inline tags alone (<i>) they are real.
      .replace(/\n/g, /<(br|p|div|li|h[1-6])\b/i.test(s) ? ' ' : '\n')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '\n- ')
      .replace(BLOCK_END, '\n\n')
      .replace(/<a\b[^>]*?href\s*=\s*("([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a\s*>/gi, (_m, _q, dq?: string, sq?: string, label = '') => {
        const url = safeUrl(decodeEntities(dq ?? sq ?? ''));
        const text = label.replace(TAG, '').trim();
        return url && url !== decodeEntities(text) ? `${text} (${url})` : text;
      })
      .replace(TAG, '');
    s = decodeEntities(s);
  }
  return s
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * One line of text (a title, a name, a room) with whitespace collapsed. Markup is kept as literal text
 * ("Why <div> soup is bad" is a real title): the app only ever shows these as text.
 */
export function oneLine(input: string): string {
  return input.replace(/\s+/g, ' ').trim();
}

