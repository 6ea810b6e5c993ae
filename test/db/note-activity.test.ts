import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConference } from '../../src/db/conferences';
import { noteWriteTimes } from '../../src/db/note-activity';
import { createTalk, saveTalkBody, trashTalk } from '../../src/db/talks';
import { resetDb } from '../helpers/db';
import { conferenceDraft, talkFields } from '../helpers/factories';

const T0 = Date.parse('2026-02-01T10:00:00.000Z');
const HOUR = 3_600_000;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  await resetDb();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Ten talks, the note of talk i written at T0 + i hours; talk 9 then trashed, talk 8's note left empty. */
async function tenNotes(): Promise<void> {
  const conf = await createConference(conferenceDraft());
  for (let i = 0; i < 10; i++) {
    const id = await createTalk(conf, talkFields({ title: `Talk ${i}` }));
    vi.setSystemTime(T0 + i * HOUR);
    await saveTalkBody(id, i === 8 ? '   ' : `note ${i}`);
    if (i === 9) await trashTalk(id);
  }
}

const at = (i: number): string => new Date(T0 + i * HOUR).toISOString();

describe('noteWriteTimes', () => {
  it('lists when live notes were written after a point, newest first', async () => {
    await tenNotes();
    expect(await noteWriteTimes('')).toEqual([7, 6, 5, 4, 3, 2, 1, 0].map(at));
    expect(await noteWriteTimes(at(4))).toEqual([7, 6, 5].map(at));
  });

  it('stops reading once the times found are enough', async () => {
    await tenNotes();
    const asked: number[] = [];
    const times = await noteWriteTimes('', (found) => {
      asked.push(found.length);
      return found.length >= 3;
    });
    // Asked at 1, 2 and 4 times found: the fourth newest is the last one read.
    expect(asked).toEqual([1, 2, 4]);
    expect(times).toEqual([7, 6, 5, 4].map(at));
  });
});
