import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addPhoto, getPhotoBlob, getPhotoBlobs, removePhoto, setPhotoCaption, type NewPhoto } from '../../src/db/attachments';
import { db } from '../../src/db/database';
import { describeStorageError } from '../../src/db/errors';
import { whenWritesSettled } from '../../src/db/pending';
import { createTalk, getTalk, saveTalkBody, trashTalk } from '../../src/db/talks';
import { addPhotoProblem } from '../../src/photos/messages';
import { sha256Hex } from '../../src/photos/sha256';
import { purgeTrash } from '../../src/db/trash';
import { listVersions } from '../../src/db/versions';
import { resetDb } from '../helpers/db';
import { talkFields } from '../helpers/factories';

const T0 = new Date('2026-02-01T10:00:00.000Z');
const T1 = new Date('2026-02-01T10:05:00.000Z');

async function photo(content: string, name = 'IMG_1.jpg'): Promise<NewPhoto> {
  const blob = new Blob([content], { type: 'image/jpeg' });
  return { blob, sha256: await sha256Hex(blob), type: 'image/jpeg', size: blob.size, name };
}

const ref = (alt: string, sha: string): string => `![${alt}](attachment:${sha})`;

async function talkWith(body = ''): Promise<string> {
  const id = await createTalk('conf', talkFields());
  if (body) await saveTalkBody(id, body);
  return id;
}

async function storedBytes(sha: string): Promise<string | undefined> {
  return (await getPhotoBlob(sha))?.text();
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  await resetDb();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('sha256Hex', () => {
  it('is the SHA-256 of the bytes, in hex', async () => {
    expect(await sha256Hex(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('addPhoto', () => {
  it('stores the image, lists it on the talk and adds its reference on a line of its own, in one save', async () => {
    const id = await talkWith('Intro');
    const p = await photo('slide one');
    vi.setSystemTime(T1);
    expect(await addPhoto(id, p)).toBe('added');

    const talk = await getTalk(id);
    expect(talk?.attachments).toEqual([{ sha256: p.sha256, name: 'IMG_1.jpg', type: 'image/jpeg', size: 9, caption: '' }]);
    expect(talk?.body).toBe(`Intro\n${ref('IMG_1.jpg', p.sha256)}\n`);
    expect(talk?.localRev).toBe(3);
    expect(talk?.updated).toBe(T1.toISOString());
    expect(await db.blobs.get(p.sha256)).toMatchObject({ sha256: p.sha256, type: 'image/jpeg', size: 9 });
    expect(await storedBytes(p.sha256)).toBe('slide one');
  });

  it('describes the reference by the caption when one is given', async () => {
    const id = await talkWith();
    const p = await photo('x');
    await addPhoto(id, p, 'The architecture');
    expect((await getTalk(id))?.body).toBe(`${ref('The architecture', p.sha256)}\n`);
  });

  it('stores the same photo once for two talks, and ignores it the second time on one talk', async () => {
    const first = await talkWith();
    const second = await talkWith();
    const p = await photo('same bytes');
    await addPhoto(first, p);
    await addPhoto(second, { ...(await photo('same bytes')), name: 'copy.jpg' });
    expect(await db.blobs.count()).toBe(1);
    expect((await getTalk(second))?.attachments.map((a) => a.name)).toEqual(['copy.jpg']);

    const before = await getTalk(first);
    expect(await addPhoto(first, p)).toBe('already-attached');
    expect(await getTalk(first)).toEqual(before);
  });

  it('refuses a talk that is gone or in the Trash, storing nothing', async () => {
    const id = await talkWith();
    await trashTalk(id);
    await expect(addPhoto(id, await photo('x'))).rejects.toThrow('This talk no longer exists, so the photo was not added.');
    await expect(addPhoto('nope', await photo('x'))).rejects.toThrow('no longer exists');
    expect(await db.blobs.count()).toBe(0);
  });

  it('leaves the talk, its note and the stored images as they were when storage is full', async () => {
    const id = await talkWith('Before');
    const kept = await photo('kept');
    await addPhoto(id, kept);
    const before = await getTalk(id);
    const put = IDBObjectStore.prototype.put;
    // The talk is written first, so a refusal of the image must roll that write back too.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'blobs') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });

    const err = await addPhoto(id, await photo('too much', 'big.jpg')).catch((e: unknown) => e);
    expect(describeStorageError(err)).toMatch(/^Storage is full/);
    expect(addPhotoProblem('big.jpg', err)).toMatch(/^Storage is full: “big\.jpg” was not added\./);
    await whenWritesSettled();
    expect(await getTalk(id)).toEqual(before);
    expect(await db.blobs.toCollection().primaryKeys()).toEqual([kept.sha256]);
  });
});

describe('setPhotoCaption', () => {
  it('stores the caption, and the note’s reference follows it while it still shows the old text', async () => {
    const id = await talkWith('Notes');
    const p = await photo('x');
    await addPhoto(id, p);
    await setPhotoCaption(id, p.sha256, 'Slide 3 [draft]');
    let talk = await getTalk(id);
    expect(talk?.attachments[0]?.caption).toBe('Slide 3 [draft]');
    expect(talk?.body).toBe(`Notes\n${ref('Slide 3 \\[draft\\]', p.sha256)}\n`);
    expect(talk?.localRev).toBe(4);

    // Cleared: the reference goes back to the file name.
    await setPhotoCaption(id, p.sha256, '');
    talk = await getTalk(id);
    expect(talk?.body).toBe(`Notes\n${ref('IMG_1.jpg', p.sha256)}\n`);
  });

  it('leaves a reference the person rewrote by hand', async () => {
    const id = await talkWith();
    const p = await photo('x');
    await addPhoto(id, p);
    await saveTalkBody(id, `${ref('my words', p.sha256)}\n`);
    await setPhotoCaption(id, p.sha256, 'Caption');
    expect((await getTalk(id))?.body).toBe(`${ref('my words', p.sha256)}\n`);
  });

  it('changes nothing when the caption is the same', async () => {
    const id = await talkWith();
    const p = await photo('x');
    await addPhoto(id, p, 'Same');
    const before = await getTalk(id);
    await setPhotoCaption(id, p.sha256, 'Same');
    expect(await getTalk(id)).toEqual(before);
  });

  it('says so when the photo is no longer on the talk', async () => {
    const id = await talkWith();
    await expect(setPhotoCaption(id, 'f'.repeat(64), 'x')).rejects.toThrow('This photo is no longer on this talk');
  });
});

describe('removePhoto', () => {
  it('takes the photo off the talk, its lines out of the note, and deletes the image nobody else shows', async () => {
    const id = await talkWith();
    const a = await photo('a', 'a.jpg');
    const b = await photo('b', 'b.jpg');
    await addPhoto(id, a);
    await saveTalkBody(id, `${(await getTalk(id))!.body}typed after\n`);
    await addPhoto(id, b);
    vi.setSystemTime(T1);
    await removePhoto(id, a.sha256);

    const talk = await getTalk(id);
    expect(talk?.attachments.map((x) => x.name)).toEqual(['b.jpg']);
    expect(talk?.body).toBe(`typed after\n${ref('b.jpg', b.sha256)}\n`);
    expect(talk?.updated).toBe(T1.toISOString());
    expect(await db.blobs.toCollection().primaryKeys()).toEqual([b.sha256]);
  });

  it('keeps the note as it was in its history before taking the photo out', async () => {
    const id = await talkWith('Slide one:');
    const p = await photo('slide');
    await addPhoto(id, p);
    const withPhoto = (await getTalk(id))!.body;
    await removePhoto(id, p.sha256);
    const versions = await listVersions(id);
    expect(versions.map((v) => (v.record as { body: string }).body)).toContain(withPhoto);
  });

  it('keeps an image another talk still shows, even one in the Trash', async () => {
    const first = await talkWith();
    const second = await talkWith();
    const p = await photo('shared');
    await addPhoto(first, p);
    await addPhoto(second, p);
    await trashTalk(second);
    await removePhoto(first, p.sha256);
    expect((await getTalk(first))?.attachments).toEqual([]);
    expect((await getTalk(first))?.body).toBe('');
    expect(await storedBytes(p.sha256)).toBe('shared');

    await removePhoto(second, p.sha256);
    expect(await db.blobs.count()).toBe(0);
  });
});

describe('purging the Trash', () => {
  it('deletes the photos of purged talks that no other talk shows, and keeps shared ones', async () => {
    const gone = await talkWith();
    const kept = await talkWith();
    const own = await photo('only on the purged talk');
    const shared = await photo('on both');
    await addPhoto(gone, own);
    await addPhoto(gone, shared);
    await addPhoto(kept, shared);
    await trashTalk(gone);
    await purgeTrash(T1);
    expect(await storedBytes(own.sha256)).toBeUndefined();
    expect(await storedBytes(shared.sha256)).toBe('on both');
  });
});

describe('getPhotoBlobs', () => {
  it('returns the stored images by sha256 and leaves out those not stored', async () => {
    const id = await talkWith();
    const p = await photo('x');
    await addPhoto(id, p);
    const found = await getPhotoBlobs([p.sha256, 'f'.repeat(64)]);
    expect([...found.keys()]).toEqual([p.sha256]);
    expect(await found.get(p.sha256)?.text()).toBe('x');
  });
});
