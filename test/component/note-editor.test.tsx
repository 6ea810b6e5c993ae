import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

afterEach(() => vi.restoreAllMocks());

function renderEditor(body = ''): HTMLTextAreaElement {
  render(<NoteEditor talkId={talkId} body={body} rev={1} label="Note on CRDTs" />);
  return screen.getByRole('textbox', { name: 'Note on CRDTs' }) as HTMLTextAreaElement;
}

const type = (area: HTMLTextAreaElement, value: string): void => {
  fireEvent.input(area, { target: { value } });
};

const storedBody = async (): Promise<string | undefined> => (await db.talks.get(talkId))?.body;

describe('NoteEditor', () => {
  it('shows the stored text', () => {
    expect(renderEditor('# Earlier').value).toBe('# Earlier');
  });

  it('stores the whole text on each input and says it is saved', async () => {
    const area = renderEditor();
    for (const text of ['F', 'Fi', 'First point\n- ']) {
      type(area, text);
      await waitFor(async () => expect(await storedBody()).toBe(text));
    }
    expect(await screen.findByText('Saved on this device')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await db.talks.get(talkId))?.localRev).toBe(4);
  });

  it('shows "Saving…" while a save is in flight', async () => {
    const area = renderEditor();
    type(area, 'x');
    expect(await screen.findByText('Saving…')).toBeTruthy();
    await screen.findByText('Saved on this device');
  });

  it('keeps the last of many quick inputs', async () => {
    const area = renderEditor();
    const text = 'Typed quickly, one key at a time.';
    for (let n = 1; n <= text.length; n++) type(area, text.slice(0, n));
    await screen.findByText('Saved on this device');
    expect(await storedBody()).toBe(text);
  });

  it('says storage is full in an alert when the browser refuses for lack of space, and keeps the text', async () => {
    const area = renderEditor();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    type(area, 'Words that do not fit');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Storage is full: this text is not saved yet\./);
    expect(area.value).toBe('Words that do not fit');
    expect(area.getAttribute('aria-describedby')).toBe(alert.id);
    expect(await storedBody()).toBe('');
  });

  it('recovers once a later save succeeds, storing the whole text', async () => {
    const area = renderEditor();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    type(area, 'First');
    await screen.findByRole('alert');
    put.mockRestore();
    type(area, 'First and more');
    await screen.findByText('Saved on this device');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await storedBody()).toBe('First and more');
  });

  it('says the talk is gone when it was deleted meanwhile, and keeps the text', async () => {
    const area = renderEditor();
    await db.talks.delete(talkId);
    type(area, 'Notes on a talk that is gone');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('This talk no longer exists, so the note cannot be saved.');
    expect(area.value).toBe('Notes on a talk that is gone');
  });

  it('shows text stored elsewhere while idle, but never over text being typed', async () => {
    const { rerender } = render(<NoteEditor talkId={talkId} body="one" rev={1} label="Note on CRDTs" />);
    const area = screen.getByRole('textbox', { name: 'Note on CRDTs' }) as HTMLTextAreaElement;
    rerender(<NoteEditor talkId={talkId} body="from another tab" rev={5} label="Note on CRDTs" />);
    expect(area.value).toBe('from another tab');

    area.focus();
    type(area, 'typing here');
    rerender(<NoteEditor talkId={talkId} body="changed elsewhere meanwhile" rev={9} label="Note on CRDTs" />);
    expect(area.value).toBe('typing here');
  });

  // A late echo of an earlier save must never replace newer text, even once every save has landed.
  it('ignores stored text no newer than its own last save', async () => {
    const { rerender } = render(<NoteEditor talkId={talkId} body="" rev={1} label="Note on CRDTs" />);
    const area = screen.getByRole('textbox', { name: 'Note on CRDTs' }) as HTMLTextAreaElement;
    area.focus();
    type(area, 'a');
    type(area, 'ab');
    await waitFor(async () => expect((await db.talks.get(talkId))?.body).toBe('ab'));
    await screen.findByText('Saved on this device');
    rerender(<NoteEditor talkId={talkId} body="a" rev={2} label="Note on CRDTs" />);
    expect(area.value).toBe('ab');
  });

  it('takes in a change made elsewhere while focused when everything typed is saved (a photo added)', async () => {
    const { rerender } = render(<NoteEditor talkId={talkId} body="" rev={1} label="Note on CRDTs" />);
    const area = screen.getByRole('textbox', { name: 'Note on CRDTs' }) as HTMLTextAreaElement;
    area.focus();
    type(area, 'slide:');
    await waitFor(async () => expect((await db.talks.get(talkId))?.body).toBe('slide:'));
    await screen.findByText('Saved on this device');
    rerender(<NoteEditor talkId={talkId} body={'slide:\n![](attachment:abc)\n'} rev={3} label="Note on CRDTs" />);
    expect(area.value).toBe('slide:\n![](attachment:abc)\n');
  });
});
