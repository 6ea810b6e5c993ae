import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/database';
import { createTalk, getTalk, saveTalkBody, trashTalk } from '../../src/db/talks';
import { purgeTrash } from '../../src/db/trash';
import { KEEP_VERSIONS, listVersions, restoreVersion, SNAPSHOT_EVERY_MS } from '../../src/db/versions';
import { resetDb } from '../helpers/db';
import { talkFields } from '../helpers/factories';

const T0 = Date.parse('2026-02-01T10:00:00.000Z');
const MIN = 60_000;
let id: string;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  await resetDb();
  id = await createTalk('conf', talkFields());
});
afterEach(() => vi.useRealTimers());

const bodies = async (): Promise<string[]> => (await listVersions(id)).map((v) => (v.record as { body: string }).body);

describe('note history', () => {
  it('keeps the earlier text at most every five minutes of editing, newest first', async () => {
    await saveTalkBody(id, 'a'); // the empty note before it is not worth keeping
    await saveTalkBody(id, 'ab'); // keeps "a"
    await saveTalkBody(id, 'abc'); // within five minutes: nothing new
    vi.setSystemTime(T0 + SNAPSHOT_EVERY_MS + MIN);
    await saveTalkBody(id, 'abcd'); // keeps "abc"
    expect(await bodies()).toEqual(['abc', 'a']);
    expect((await getTalk(id))?.body).toBe('abcd');
  });

  it('restores a version, keeping the text it replaces, so a restore can be undone', async () => {
    await saveTalkBody(id, 'first draft');
    await saveTalkBody(id, 'first draft, more');
    const [kept] = await listVersions(id);
    vi.setSystemTime(T0 + MIN);
    await saveTalkBody(id, 'overwritten by mistake');
    await restoreVersion(kept!.id);
    const talk = await getTalk(id);
    expect(talk?.body).toBe('first draft');
    expect(await bodies()).toEqual(['overwritten by mistake', 'first draft']);
    expect((await listVersions(id))[0]?.reason).toBe('restore');
  });

  it(`keeps at most ${KEEP_VERSIONS} versions of a note, dropping the oldest`, async () => {
    for (let i = 0; i <= KEEP_VERSIONS + 5; i++) {
      vi.setSystemTime(T0 + i * (SNAPSHOT_EVERY_MS + 1));
      await saveTalkBody(id, `text ${i}`);
    }
    const kept = await bodies();
    expect(kept).toHaveLength(KEEP_VERSIONS);
    expect(kept[0]).toBe(`text ${KEEP_VERSIONS + 4}`);
    expect(kept).not.toContain('text 0');
  });

  it('goes when its note is purged from the Trash', async () => {
    await saveTalkBody(id, 'one');
    await saveTalkBody(id, 'two');
    expect(await db.versions.count()).toBe(1);
    await trashTalk(id);
    await purgeTrash(new Date(T0 + MIN));
    expect(await db.versions.count()).toBe(0);
  });

  it('refuses to restore a version that no longer exists', async () => {
    await expect(restoreVersion('missing')).rejects.toThrow('That version no longer exists.');
  });
});
