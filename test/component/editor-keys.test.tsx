// The editor's helpers for phones and keyboards: Enter continues lists, Tab indents, the toolbar formats.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/database';
import { createTalk } from '../../src/db/talks';
import { NoteEditor } from '../../src/editor/note-editor';
import { resetDb } from '../helpers/db';
import { talkFields } from '../helpers/factories';

let talkId: string;

beforeEach(async () => {
  await resetDb();
  talkId = await createTalk('conf', talkFields({ title: 'CRDTs' }));
});

function renderEditor(body: string, caret = body.length, props: { initials?: string; starts?: string | null } = {}): HTMLTextAreaElement {
  render(<NoteEditor talkId={talkId} body={body} rev={1} label="Note on CRDTs" {...props} />);
  const area = screen.getByRole('textbox', { name: 'Note on CRDTs' }) as HTMLTextAreaElement;
  area.focus();
  area.setSelectionRange(caret, caret);
  return area;
}

const stored = async (): Promise<string | undefined> => (await db.talks.get(talkId))?.body;

describe('keys', () => {
  it('Enter in a list item starts the next item, and the text is stored', async () => {
    const area = renderEditor('- first');
    const notCancelled = fireEvent.keyDown(area, { key: 'Enter' });
    expect(notCancelled).toBe(false);
    expect(area.value).toBe('- first\n- ');
    expect(area.selectionStart).toBe(area.value.length);
    await waitFor(async () => expect(await stored()).toBe('- first\n- '));
  });

  it('Enter outside a list is left to the browser', () => {
    const area = renderEditor('plain');
    expect(fireEvent.keyDown(area, { key: 'Enter' })).toBe(true);
    expect(area.value).toBe('plain');
  });

  it('Tab and Shift+Tab indent and outdent a list item', async () => {
    const area = renderEditor('- a\n- b');
    expect(fireEvent.keyDown(area, { key: 'Tab' })).toBe(false);
    expect(area.value).toBe('- a\n  - b');
    expect(fireEvent.keyDown(area, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(area.value).toBe('- a\n- b');
    await waitFor(async () => expect(await stored()).toBe('- a\n- b'));
  });

  it('Tab on a plain line moves focus as usual, so the note is no keyboard trap', () => {
    const area = renderEditor('plain text');
    expect(fireEvent.keyDown(area, { key: 'Tab' })).toBe(true);
    expect(area.value).toBe('plain text');
  });
});

describe('toolbar', () => {
  it.each([
    ['Bullet list', 'point', '- point'],
    ['Heading', 'Intro', '## Intro'],
    ['Quote', 'said', '> said'],
    ['Indent', '- b', '  - b'],
  ])('%s formats the caret line', async (button, before, after) => {
    const area = renderEditor(before);
    fireEvent.click(screen.getByRole('button', { name: button }));
    expect(area.value).toBe(after);
    await waitFor(async () => expect(await stored()).toBe(after));
  });

  it('signs a remark with the initials at the end of the line', () => {
    const area = renderEditor('Nice talk', 4, { initials: 'CSB' });
    fireEvent.click(screen.getByRole('button', { name: '-CSB: sign my remark' }));
    expect(area.value).toBe('Nice -CSB talk');
  });

  it('asks for initials in Settings when none are set', () => {
    renderEditor('x');
    fireEvent.click(screen.getByRole('button', { name: '-Me: sign my remark (set your initials first)' }));
    expect(screen.getByRole('link', { name: 'Set them in Settings' }).getAttribute('href')).toBe('/settings');
  });

  it('stamps the time since the talk began', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-31T13:12:30Z'));
    try {
      const area = renderEditor('', 0, { starts: '2026-01-31T14:00:00+01:00' });
      fireEvent.click(screen.getByRole('button', { name: '+m:ss: time since the talk began' }));
      expect(area.value).toBe('[+12:30] ');
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers no timestamp for a talk without a start time', () => {
    renderEditor('');
    expect((screen.getByRole('button', { name: '+m:ss: time since the talk began (the talk has no start time)' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
