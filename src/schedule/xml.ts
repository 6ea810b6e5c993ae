/**
 * A small XML reader for schedule files. It runs in Node, in a worker and in the page alike (DOMParser exists in
 * none of the first two), keeps only elements, attributes and text, and reports malformed input by line.
 */
import { quoteForMessage } from '../model/quote';
import { ScheduleError } from './types';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's), entities decoded. */
  text: string;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Replaces XML character and entity references. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

function lineAt(src: string, index: number): number {
  let n = 1;
  for (let i = src.indexOf('\n'); i !== -1 && i < index; i = src.indexOf('\n', i + 1)) n++;
  return n;
}

/** Real schedules nest a handful of levels (schedule, day, room, event, persons); far deeper is a broken or hostile file. */
const MAX_DEPTH = 256;

// Each attribute starts after whitespace: without that anchor a long run of text in a tag is retried from every
// position, which takes time growing with the square of its length.
const ATTR_RE = /\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses a whole document and returns its root element; throws ScheduleError naming the line of the first fault. */
export function parseXml(src: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let i = 0;
  const fail = (msg: string, at: number): never => {
    throw new ScheduleError(`The XML is not well-formed at line ${lineAt(src, at)}: ${msg}.`);
  };
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const textEnd = lt === -1 ? src.length : lt;
    if (textEnd > i && stack.length) stack[stack.length - 1]!.text += decodeEntities(src.slice(i, textEnd));
    if (lt === -1) break;
    if (src.startsWith('<!--', lt)) {
      const end = src.indexOf('-->', lt + 4);
      if (end === -1) fail('a comment is never closed', lt);
      i = end + 3;
    } else if (src.startsWith('<![CDATA[', lt)) {
      const end = src.indexOf(']]>', lt + 9);
      if (end === -1) fail('a CDATA section is never closed', lt);
      if (stack.length) stack[stack.length - 1]!.text += src.slice(lt + 9, end);
      i = end + 3;
    } else if (src.startsWith('<?', lt)) {
      const end = src.indexOf('?>', lt + 2);
      if (end === -1) fail('a declaration is never closed', lt);
      i = end + 2;
    } else if (src.startsWith('<!', lt)) {
      const end = src.indexOf('>', lt + 2);
      if (end === -1) fail('a declaration is never closed', lt);
      i = end + 1;
    } else if (src[lt + 1] === '/') {
      const end = src.indexOf('>', lt);
      if (end === -1) fail('a closing tag is cut off', lt);
      const name = src.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open) fail(`</${quoteForMessage(name, 40)}> closes nothing`, lt);
      if (open!.name !== name) fail(`</${quoteForMessage(name, 40)}> closes <${quoteForMessage(open!.name, 40)}>`, lt);
      i = end + 1;
    } else {
      // A '>' inside a quoted attribute value would end the tag early; quotes are skipped over.
      let j = lt + 1;
      let quote = '';
      for (; j < src.length; j++) {
        const ch = src[j]!;
        if (quote) {
          if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '>') break;
      }
      if (j >= src.length) fail('a tag is cut off', lt);
      const selfClosing = src[j - 1] === '/';
      const inner = src.slice(lt + 1, selfClosing ? j - 1 : j);
      const nameMatch = /^[^\s/>]+/.exec(inner);
      if (!nameMatch) fail('a tag has no name', lt);
      const el: XmlElement = { name: nameMatch![0], attrs: {}, children: [], text: '' };
      ATTR_RE.lastIndex = nameMatch![0].length;
      for (let m = ATTR_RE.exec(inner); m; m = ATTR_RE.exec(inner)) el.attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
      if (stack.length) stack[stack.length - 1]!.children.push(el);
      else if (root) fail('there is more than one root element', lt);
      else root = el;
      if (!selfClosing) {
        if (stack.length >= MAX_DEPTH) fail(`elements are nested more than ${MAX_DEPTH} deep, which no schedule does`, lt);
        stack.push(el);
      }
      i = j + 1;
    }
  }
  if (stack.length) fail(`<${quoteForMessage(stack[stack.length - 1]!.name, 40)}> is never closed (the file may be cut off)`, src.length);
  if (!root) throw new ScheduleError('The file holds no XML element.');
  return root;
}

/** The first child element with this name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** The trimmed text of the first child with this name, or ''. */
export function childText(el: XmlElement | undefined, name: string): string {
  return child(el, name)?.text.trim() ?? '';
}

/** Every child element with this name. */
export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}
