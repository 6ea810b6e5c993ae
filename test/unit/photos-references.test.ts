import { describe, expect, it } from 'vitest';
import {
  appendReference,
  attachmentHref,
  attachmentSha,
  escapeAlt,
  photoAlt,
  referenceMarkdown,
  removeReferences,
  renameReferences,
} from '../../src/photos/references';

const A = 'a'.repeat(64);
const B = '0123456789abcdef'.repeat(4);

describe('attachment references', () => {
  it('round-trips a sha256 through its href', () => {
    expect(attachmentHref(A)).toBe(`attachment:${A}`);
    expect(attachmentSha(attachmentHref(B))).toBe(B);
  });

  it.each([
    [`ATTACHMENT:${A.toUpperCase()}`, A],
    [` attachment:${A} `, A],
    [`attachment:${A.slice(1)}`, null],
    [`attachment:${A}x`, null],
    ['attachment:', null],
    [`https://example.org/${A}`, null],
    ['slide.jpg', null],
  ])('reads %j as %s', (href, sha) => {
    expect(attachmentSha(href)).toBe(sha);
  });

  it('keeps descriptions on one line and escapes brackets and backslashes', () => {
    expect(escapeAlt('  Slide 3:\n the [draft] \\ plan  ')).toBe('Slide 3: the \\[draft\\] \\\\ plan');
    expect(referenceMarkdown('Slide [3]', A)).toBe(`![Slide \\[3\\]](attachment:${A})`);
  });

  it('describes a photo by its caption, else its file name', () => {
    expect(photoAlt({ caption: ' Architecture ', name: 'IMG_1.jpg' })).toBe('Architecture');
    expect(photoAlt({ caption: '  ', name: 'IMG_1.jpg' })).toBe('IMG_1.jpg');
  });
});

describe('appendReference: a line of its own at the end of the note', () => {
  const ref = `![s](attachment:${A})`;
  it.each([
    ['', `${ref}\n`],
    ['notes\n', `notes\n${ref}\n`],
    ['notes', `notes\n${ref}\n`],
    ['- point\n\n', `- point\n\n${ref}\n`],
  ])('%j → %j', (body, after) => {
    expect(appendReference(body, ref)).toBe(after);
  });
});

describe('removeReferences', () => {
  const refA = (alt = 'Slide') => `![${alt}](attachment:${A})`;
  const refB = `![Other](attachment:${B})`;
  it.each([
    ['a line holding only the reference', `intro\n${refA()}\nafter\n`, 'intro\nafter\n'],
    ['the last line, keeping the final newline', `intro\n${refA()}\n`, 'intro\n'],
    ['every reference to it, whatever the description', `${refA('one')}\nmid\n  ${refA('two \\] esc')}  \n`, 'mid\n'],
    ['a reference inside a sentence, keeping the words', `see ${refA()} here\n`, 'see here\n'],
    ['a reference with a title', `![t](attachment:${A} "Title")\nx`, 'x'],
    ['nothing but the reference', `${refA()}\n`, ''],
    ['nothing but the reference, no newline', refA(), ''],
    ['a reference at the start of a sentence', `${refA()} then words`, 'then words'],
  ])('removes %s', (_what, body, after) => {
    expect(removeReferences(body, A)).toBe(after);
  });

  it('leaves other photos, other images and other text alone', () => {
    const body = `# Notes\n\n${refB}\n![web](https://example.org/a.png)\n  indented\n\n`;
    expect(removeReferences(body, A)).toBe(body);
    expect(removeReferences(`${refB}\n${refA()}\n`, A)).toBe(`${refB}\n`);
  });
});

describe('renameReferences', () => {
  it('follows a new caption where the note still shows the old one', () => {
    const body = `x\n![IMG_1.jpg](attachment:${A})\n![IMG_1.jpg](attachment:${B})\n`;
    expect(renameReferences(body, A, 'IMG_1.jpg', 'The [plan]')).toBe(`x\n![The \\[plan\\]](attachment:${A})\n![IMG_1.jpg](attachment:${B})\n`);
  });

  it('leaves a reference the person described by hand', () => {
    const body = `![my own words](attachment:${A})\n`;
    expect(renameReferences(body, A, 'IMG_1.jpg', 'Caption')).toBe(body);
  });
});
