import { describe, expect, it } from 'vitest';
import {
  continueList,
  elapsedStamp,
  indent,
  insertLink,
  insertText,
  outdent,
  remarkSignature,
  toggleCode,
  toggleLinePrefix,
  type TextState,
} from '../../src/editor/text-edit';

/** Writes a state as text with the selection marked: "|" for a caret, "[" and "]" around a selection. */
function show(s: TextState | null): string | null {
  if (!s) return null;
  if (s.start === s.end) return s.text.slice(0, s.start) + '|' + s.text.slice(s.start);
  return s.text.slice(0, s.start) + '[' + s.text.slice(s.start, s.end) + ']' + s.text.slice(s.end);
}

/** Reads the notation of show(). */
function state(marked: string): TextState {
  const caret = marked.indexOf('|');
  if (caret >= 0) return { text: marked.replace('|', ''), start: caret, end: caret };
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return { text: marked.replace('[', '').replace(']', ''), start, end };
}

describe('continueList on Enter', () => {
  it.each([
    ['bullet', '- one|', '- one\n- |'],
    ['star bullet', '* one|', '* one\n* |'],
    ['numbered', '1. one|', '1. one\n2. |'],
    ['numbered with paren', '9) nine|', '9) nine\n10) |'],
    ['task, ticked', '- [x] done|', '- [x] done\n- [ ] |'],
    ['nested keeps indent', '- a\n  - b|', '- a\n  - b\n  - |'],
    ['quote', '> said|', '> said\n> |'],
    ['splits the item at the caret', '- ab|cd', '- ab\n- |cd'],
    ['empty item ends the list', '- a\n- |', '- a\n|'],
    ['empty nested item ends it', '- a\n  - |\nnext', '- a\n|\nnext'],
    ['emoji in the item', '- 🎉 party|', '- 🎉 party\n- |'],
    ['plain line: plain Enter', 'hello|', null],
    ['caret inside the marker', '-| a', null],
    ['selection: plain Enter', '- [ab]', null],
    ['not a list: hyphenated word', '-word|', null],
  ])('%s', (_name, input, expected) => {
    expect(show(continueList(state(input)))).toBe(expected);
  });
});

describe('indent and outdent', () => {
  it.each([
    ['caret line', '- a\n- b|', '- a\n  - b|'],
    ['caret at line start', '- a\n|- b', '- a\n  |- b'],
    ['every selected line', '[- a\n- b]', '  [- a\n  - b]'],
    ['CRLF text keeps its CR', '- a\r\n- b|', '- a\r\n  - b|'],
  ])('indent: %s', (_name, input, expected) => {
    expect(show(indent(state(input)))).toBe(expected);
  });
  it.each([
    ['caret line', '- a\n  - b|', '- a\n- b|'],
    ['one space only', ' - b|', '- b|'],
    ['tab', '\t- b|', '- b|'],
    ['nothing to remove', '- b|', '- b|'],
    ['caret within the removed indent', ' | - b', '|- b'],
    ['every selected line', '  [- a\n  - b]', '[- a\n- b]'],
  ])('outdent: %s', (_name, input, expected) => {
    expect(show(outdent(state(input)))).toBe(expected);
  });
});

describe('toolbar actions', () => {
  it.each([
    ['heading', '## ', 'Intro|', '## Intro|'],
    ['heading replaces another level', '## ', '# Intro|', '## Intro|'],
    ['heading toggles off', '## ', '## Intro|', 'Intro|'],
    ['quote on several lines', '> ', '[a\nb]', '> [a\n> b]'],
    ['bullet replaces a number', '- ', '1. item|', '- item|'],
    ['bullet keeps indentation', '- ', '  item|', '  - item|'],
  ] as const)('%s', (_name, prefix, input, expected) => {
    expect(show(toggleLinePrefix(state(input), prefix))).toBe(expected);
  });

  it.each([
    ['inline', 'run [ls -la] now', 'run `[ls -la]` now'],
    ['toggles off', 'run `[ls]` now', 'run [ls] now'],
    ['empty selection', 'a |b', 'a `|`b'],
    ['block across lines', 'x\n[ls\ncd]', 'x\n```\n[ls\ncd]\n```'],
  ])('code: %s', (_name, input, expected) => {
    expect(show(toggleCode(state(input)))).toBe(expected);
  });

  it.each([
    ['selection becomes the label', 'see [docs]', 'see [docs]([https://])'],
    ['caret: empty label', 'see |', 'see []([https://])'],
    ['a selected address becomes the target', 'see [https://x.org/a]', 'see [|](https://x.org/a)'],
  ])('link: %s', (_name, input, expected) => {
    // The selection notation clashes with Markdown brackets, so compare text and selection separately.
    const out = insertLink(state(input));
    const want = expected.replace(/\[\[/g, '[').replace(/\]\(\[/g, '](').replace(/\]\)$/, ')');
    expect(out.text).toBe(want.replace('|', ''));
    expect(out.text.slice(out.start, out.end)).toBe(input.includes('https://x.org') ? '' : 'https://');
  });

  it('inserts a remark signature and replaces a selection with text', () => {
    expect(remarkSignature(' CSB ')).toBe(' -CSB');
    expect(show(insertText(state('good [bad] talk'), 'fine'))).toBe('good fine| talk');
  });
});

describe('elapsedStamp', () => {
  const start = '2026-01-31T14:00:00+01:00';
  const at = (iso: string): number => Date.parse(iso);
  it.each([
    ['12 min 30 s in', '2026-01-31T14:12:30+01:00', '[+12:30]'],
    ['at the start', '2026-01-31T14:00:00+01:00', '[+0:00]'],
    ['over an hour', '2026-01-31T15:05:09+01:00', '[+1:05:09]'],
    ['before it starts', '2026-01-31T13:58:00+01:00', '[-2:00]'],
  ])('%s', (_name, now, expected) => {
    expect(elapsedStamp(start, at(now))).toBe(expected);
  });
  it('has no stamp for a talk without a start time', () => {
    expect(elapsedStamp(null, Date.now())).toBeNull();
  });
});
