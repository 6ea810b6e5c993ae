// The stamp sync follows to notice edits: it must change with every save that the live query over it sees.
import { beforeEach, expect, it } from 'vitest';
import { createConference, updateConference } from '../../src/db/conferences';
import { db } from '../../src/db/database';
import { latestEditStamp } from '../../src/db/latest-edit';
import { subscribeLive } from '../../src/db/live';
import { createTalk, saveTalkBody } from '../../src/db/talks';
import { resetDb } from '../helpers/db';
import { conferenceDraft, talkFields } from '../helpers/factories';

beforeEach(resetDb);

/** Follows the stamp as the sync controller does, and waits for each save to show in it. */
async function followStamps(edits: Array<() => Promise<unknown>>): Promise<string[]> {
  const stamps: string[] = [];
  let fail: unknown = null;
  const stop = subscribeLive(latestEditStamp, (s) => stamps.push(s), (err) => (fail = err));
  const next = async (count: number): Promise<void> => {
    const until = Date.now() + 2000;
    while (stamps.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    if (stamps.length < count) throw new Error(`the stamp was read ${stamps.length} times, expected ${count}: ${JSON.stringify(stamps)}`);
  };
  try {
    await next(1);
    for (const [i, edit] of edits.entries()) {
      await new Promise((r) => setTimeout(r, 5));
      await edit();
      await next(i + 2);
    }
  } finally {
    stop();
  }
  if (fail) throw fail;
  return stamps;
}

it('changes with every save of a note or a conference', async () => {
  const conf = await createConference(conferenceDraft({ name: 'Before' }));
  const id = await createTalk(conf, talkFields());
  const stamps = await followStamps([() => saveTalkBody(id, 'one'), () => saveTalkBody(id, 'two'), () => updateConference(conf, conferenceDraft({ name: 'After' }))]);
  expect(new Set(stamps).size).toBe(4);
});

it('changes with every save beside records stamped in the future (a clock that ran ahead)', async () => {
  const ahead = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const conf = await createConference(conferenceDraft());
  const future = await createTalk(conf, talkFields({ title: 'Ahead' }));
  const id = await createTalk(conf, talkFields());
  await db.talks.update(future, { updated: ahead });
  await db.conferences.update(conf, { updated: ahead });
  const stamps = await followStamps([
    () => saveTalkBody(id, 'one'),
    () => saveTalkBody(id, 'two'),
    () => saveTalkBody(future, 'edited here, stamped now'),
    () => updateConference(conf, conferenceDraft({ name: 'Renamed' })),
  ]);
  expect(new Set(stamps).size).toBe(5);
});
