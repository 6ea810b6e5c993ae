import { Blob as NodeBlob } from 'node:buffer';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { JSX } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addPhoto, type NewPhoto } from '../../src/db/attachments';
import { db } from '../../src/db/database';
import { useLiveQuery } from '../../src/db/live';
import { createTalk, getTalk } from '../../src/db/talks';
import * as prepare from '../../src/photos/prepare-photo';
import { sha256Hex } from '../../src/photos/sha256';
import { PhotoStrip } from '../../src/ui/components/photo-strip';
import { resetDb } from '../helpers/db';
import { talkFields } from '../helpers/factories';

vi.mock('../../src/photos/prepare-photo', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/photos/prepare-photo')>();
  return { ...actual, preparePhoto: vi.fn(actual.preparePhoto) };
});

let talkId: string;
let urls = 0;

beforeEach(async () => {
  await resetDb();
  talkId = await createTalk('conf', talkFields({ title: 'CRDTs' }));
  // jsdom has no object URLs; count them so the test can see each one revoked.
  urls = 0;
  URL.createObjectURL = vi.fn(() => `blob:test/${++urls}`);
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => vi.restoreAllMocks());

/** A photo as preparePhoto makes it. Node's Blob, because the in-memory IndexedDB cannot clone jsdom's. */
async function photo(content: string, name: string): Promise<NewPhoto> {
  const blob = new NodeBlob([content], { type: 'image/jpeg' }) as unknown as Blob;
  return { blob, sha256: await sha256Hex(blob), type: 'image/jpeg', size: blob.size, name };
}

/** The strip as the talk page shows it: on the live talk. */
function LiveStrip({ id }: { id: string }): JSX.Element | null {
  const talk = useLiveQuery(() => getTalk(id), [id]);
  return talk.status === 'ready' && talk.value ? <PhotoStrip talk={talk.value} /> : null;
}

async function renderStrip(): Promise<void> {
  render(<LiveStrip id={talkId} />);
  await screen.findByRole('heading', { name: 'Photos' });
}

function pick(label: string, ...files: File[]): void {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

const stored = async () => (await getTalk(talkId))!;

describe('PhotoStrip', () => {
  it('offers the camera and the library, each a labelled file input for images', async () => {
    await renderStrip();
    const camera = screen.getByLabelText('Take photo') as HTMLInputElement;
    const library = screen.getByLabelText('Choose photos') as HTMLInputElement;
    expect([camera.type, camera.accept, camera.getAttribute('capture')]).toEqual(['file', 'image/*', 'environment']);
    expect([library.type, library.accept, library.hasAttribute('capture'), library.multiple]).toEqual(['file', 'image/*', false, true]);
  });

  it('shows each photo as a thumbnail with its caption, and revokes the object URLs when it goes', async () => {
    await addPhoto(talkId, await photo('one', 'IMG_1.jpg'), 'Architecture');
    await addPhoto(talkId, await photo('two', 'IMG_2.jpg'));
    const { unmount } = render(<LiveStrip id={talkId} />);
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    await waitFor(() => expect(document.querySelectorAll('img.photo-item__image')).toHaveLength(2));
    expect((screen.getByLabelText('Caption for photo 1') as HTMLInputElement).value).toBe('Architecture');
    expect((screen.getByLabelText('Caption for photo 2') as HTMLInputElement).placeholder).toBe('IMG_2.jpg');
    const made = vi.mocked(URL.createObjectURL).mock.results.map((r) => r.value as string);
    expect(made).toHaveLength(2);
    unmount();
    await waitFor(() => expect(vi.mocked(URL.revokeObjectURL).mock.calls.map((c) => c[0]).sort()).toEqual(made.sort()));
  });

  it('stores a caption as it is typed, and the note’s reference follows', async () => {
    const p = await photo('one', 'IMG_1.jpg');
    await addPhoto(talkId, p);
    await renderStrip();
    fireEvent.input(await screen.findByLabelText('Caption for photo 1'), { target: { value: 'Slide 3' } });
    await waitFor(async () => expect((await stored()).attachments[0]?.caption).toBe('Slide 3'));
    expect((await stored()).body).toBe(`![Slide 3](attachment:${p.sha256})\n`);
  });

  it('deletes a photo after a confirmation, with its line in the note and its image', async () => {
    const keep = await photo('keep', 'keep.jpg');
    const gone = await photo('gone', 'gone.jpg');
    await addPhoto(talkId, gone);
    await addPhoto(talkId, keep);
    await renderStrip();

    fireEvent.click(await screen.findByRole('button', { name: 'Delete photo 1' }));
    const question = screen.getByRole('group', { name: 'Delete photo 1?' });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Keep' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Yes, delete' }));

    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect((await stored()).attachments.map((a) => a.name)).toEqual(['keep.jpg']);
    expect((await stored()).body).toBe(`![keep.jpg](attachment:${keep.sha256})\n`);
    expect(await db.blobs.toCollection().primaryKeys()).toEqual([keep.sha256]);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Photos' }));
  });

  it('keeps the photo when the person says Keep', async () => {
    await addPhoto(talkId, await photo('one', 'IMG_1.jpg'));
    await renderStrip();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete photo 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(screen.queryByRole('group', { name: 'Delete photo 1?' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete photo 1' })));
    expect((await stored()).attachments).toHaveLength(1);
  });

  it('says a file that is not an image is not one, naming it, and stores nothing', async () => {
    await renderStrip();
    const before = await stored();
    pick('Choose photos', new File(['These are my notes, not a photo.'], 'notes.jpg', { type: 'image/jpeg' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('“notes.jpg” is not an image: Lectern adds photos in JPEG, PNG, WebP, GIF, HEIC or AVIF. Nothing was added.');
    expect(await stored()).toEqual(before);
    expect(await db.blobs.count()).toBe(0);
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('adds a picked photo and says so; a second, broken file gets its own message', async () => {
    const p = await photo('good', 'slide.jpg');
    vi.mocked(prepare.preparePhoto)
      .mockResolvedValueOnce({ ...p, width: 2048, height: 1536 })
      .mockRejectedValueOnce(new prepare.PhotoError('“broken.jpg” could not be opened: the image is damaged.'));
    await renderStrip();
    pick('Choose photos', new File(['a'], 'slide.jpg'), new File(['b'], 'broken.jpg'));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '“broken.jpg” could not be opened: the image is damaged.');
    expect(screen.getByRole('status').textContent).toBe('Photo added.');
    expect(await screen.findAllByRole('listitem')).toHaveLength(1);
    expect((await stored()).body).toBe(`![slide.jpg](attachment:${p.sha256})\n`);
  });

  it('says storage is full, naming the photo, and leaves the note and the images as they were', async () => {
    const p = await photo('big', 'big.jpg');
    vi.mocked(prepare.preparePhoto).mockResolvedValueOnce({ ...p, width: 2048, height: 1536 });
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'blobs') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await renderStrip();
    const before = await stored();
    pick('Take photo', new File(['x'], 'big.jpg'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Storage is full: “big\.jpg” was not added\./);
    expect(await stored()).toEqual(before);
    expect(await db.blobs.count()).toBe(0);
  });

  it('shows a photo full screen, closes on Escape and puts focus back on its thumbnail', async () => {
    await addPhoto(talkId, await photo('one', 'IMG_1.jpg'), 'Architecture');
    await renderStrip();
    const thumb = await screen.findByRole('button', { name: 'View photo 1 full screen' });
    thumb.focus();
    fireEvent.click(thumb);
    const dialog = await screen.findByRole('dialog', { name: 'Photo 1: Architecture' });
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    await waitFor(() => expect(within(dialog).getByRole('img', { name: 'Architecture' })).toBeTruthy());

    fireEvent.keyDown(close, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(thumb);

    // The Close button does the same, and the viewer's own object URL is revoked when it closes.
    fireEvent.click(thumb);
    const made = urls;
    await act(async () => {
      fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Close' }));
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(vi.mocked(URL.revokeObjectURL)).toHaveBeenCalledWith(`blob:test/${made}`));
  });
});
