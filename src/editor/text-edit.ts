/** Pure text transforms for the note editor: each takes the text and selection and returns the new ones. */

/** The textarea's text and selection, as offsets into the text. */
export interface TextState {
  text: string;
  start: number;
  end: number;
}

const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)(\[[ xX]\][ \t]+)?/;
const QUOTE = /^([ \t]*>[ \t]?)+/;

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function lineEnd(text: string, at: number): number {
  const i = text.indexOf('\n', at);
  return i === -1 ? text.length : i;
}

/**
 * Enter inside a list item or quote: start the next item with the same marker (numbers count up,
 * task boxes come back unticked). Enter on an item with nothing after its marker ends the list.
 * Returns null where a plain newline is right.
 */
export function continueList(s: TextState): TextState | null {
  if (s.start !== s.end) return null;
  const from = lineStart(s.text, s.start);
  const before = s.text.slice(from, s.start);
  const to = lineEnd(s.text, s.start);
  const item = LIST_ITEM.exec(before);
  const quote = item ? null : QUOTE.exec(before);
  const prefix = item?.[0] ?? quote?.[0];
  if (!prefix) return null;
  // A caret inside the marker itself is not "in the item".
  if (before.length < prefix.length) return null;
  const rest = s.text.slice(s.start, to);
  if (before.length === prefix.length && rest.trim() === '') {
    // An empty item: Enter ends the list, leaving an empty line where the marker was.
    const text = s.text.slice(0, from) + s.text.slice(to);
    return { text, start: from, end: from };
  }
  let next = prefix;
  if (item) {
    const [, indent, marker, gap, task] = item as unknown as [string, string, string, string, string | undefined];
    const n = /^(\d+)([.)])$/.exec(marker);
    const nextMarker = n ? `${Number(n[1]) + 1}${n[2]}` : marker;
    next = `${indent}${nextMarker}${gap}${task ? '[ ] ' : ''}`;
  }
  const insert = `\n${next}`;
  const text = s.text.slice(0, s.start) + insert + s.text.slice(s.end);
  const caret = s.start + insert.length;
  return { text, start: caret, end: caret };
}

/** The indices of the first character of every line the selection touches. */
function selectedLineStarts(s: TextState): number[] {
  const starts: number[] = [];
  const last = s.end > s.start && s.text[s.end - 1] === '\n' ? s.end - 1 : s.end;
  let at = lineStart(s.text, s.start);
  for (;;) {
    starts.push(at);
    const nl = s.text.indexOf('\n', at);
    if (nl === -1 || nl >= last) break;
    at = nl + 1;
  }
  return starts;
}

/** Applies an edit to each selected line (last first, so earlier offsets stay valid) and moves the selection with it. */
function editLines(s: TextState, edit: (line: string) => string): TextState {
  let { text, start, end } = s;
  const starts = selectedLineStarts(s);
  for (let i = starts.length - 1; i >= 0; i--) {
    const from = starts[i]!;
    const to = lineEnd(text, from);
    const line = text.slice(from, to);
    const next = edit(line);
    const delta = next.length - line.length;
    text = text.slice(0, from) + next + text.slice(to);
    // Offsets before the line stay; within it they move with its text (never before its start); after it they shift.
    const shift = (at: number): number => (at < from ? at : at >= to && at > from ? at + delta : Math.max(from, at + delta));
    start = shift(start);
    end = shift(end);
  }
  return { text, start, end };
}

const INDENT = '  ';

/** Indents every selected line by two spaces, nesting a list item under the one above. */
export function indent(s: TextState): TextState {
  return editLines(s, (line) => INDENT + line);
}

/** Removes up to two leading spaces (or one tab) from every selected line. */
export function outdent(s: TextState): TextState {
  return editLines(s, (line) => line.replace(/^(\t| {1,2})/, ''));
}

/**
 * Adds a line prefix (heading, quote, bullet) to every selected line, or removes it when every
 * line has it already; a heading replaces another heading level.
 */
export function toggleLinePrefix(s: TextState, prefix: '## ' | '> ' | '- '): TextState {
  const lines = selectedLineStarts(s).map((from) => s.text.slice(from, lineEnd(s.text, from)));
  const has = (l: string): boolean => l.replace(/^[ \t]*/, '').startsWith(prefix);
  const remove = lines.every(has);
  return editLines(s, (line) => {
    const indentation = /^[ \t]*/.exec(line)![0];
    let body = line.slice(indentation.length);
    if (remove) return indentation + body.slice(prefix.length);
    if (prefix === '## ') body = body.replace(/^#{1,6}[ \t]+/, '');
    if (prefix === '- ') body = body.replace(/^([*+]|\d{1,9}[.)])[ \t]+/, '');
    return indentation + prefix + body;
  });
}

/** Inserts text at the caret (replacing any selection) and puts the caret after it. */
export function insertText(s: TextState, insert: string): TextState {
  const text = s.text.slice(0, s.start) + insert + s.text.slice(s.end);
  const caret = s.start + insert.length;
  return { text, start: caret, end: caret };
}

/** Marks the selection as code: backticks within a line, a fenced block across lines. */
export function toggleCode(s: TextState): TextState {
  const selected = s.text.slice(s.start, s.end);
  if (selected.includes('\n')) {
    const from = lineStart(s.text, s.start);
    const to = lineEnd(s.text, s.end > s.start && s.text[s.end - 1] === '\n' ? s.end - 1 : s.end);
    const block = s.text.slice(from, to);
    const fenced = '```\n' + block + '\n```';
    return { text: s.text.slice(0, from) + fenced + s.text.slice(to), start: from + 4, end: from + 4 + block.length };
  }
  if (s.start > 0 && s.text[s.start - 1] === '`' && s.text[s.end] === '`')
    return { text: s.text.slice(0, s.start - 1) + selected + s.text.slice(s.end + 1), start: s.start - 1, end: s.end - 1 };
  return { text: s.text.slice(0, s.start) + '`' + selected + '`' + s.text.slice(s.end), start: s.start + 1, end: s.end + 1 };
}

/** Wraps the selection as a link's text and selects the address placeholder, ready to paste over. */
export function insertLink(s: TextState): TextState {
  const label = s.text.slice(s.start, s.end);
  const isUrl = /^https?:\/\/\S+$/.test(label);
  const insert = isUrl ? `[](${label})` : `[${label}](https://)`;
  const text = s.text.slice(0, s.start) + insert + s.text.slice(s.end);
  if (isUrl) return { text, start: s.start + 1, end: s.start + 1 };
  const urlStart = s.start + label.length + 3;
  return { text, start: urlStart, end: urlStart + 'https://'.length };
}

/** The user's own remark, signed as conference bloggers do: " -CSB" after the text on the caret's line. */
export function remarkSignature(initials: string): string {
  return ` -${initials.trim()}`;
}

/** "[+12:30]": minutes and seconds since the talk began, for a timestamp in the note. */
export function elapsedStamp(startsIso: string | null, now: number): string | null {
  if (!startsIso) return null;
  const seconds = Math.floor((now - Date.parse(startsIso)) / 1000);
  if (!Number.isFinite(seconds)) return null;
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const sec = String(abs % 60).padStart(2, '0');
  return h > 0 ? `[${sign}${h}:${String(m).padStart(2, '0')}:${sec}]` : `[${sign}${m}:${sec}]`;
}
