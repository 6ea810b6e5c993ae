// A saved keystroke survives the browser being killed outright, as when a phone kills the app.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTalk, createConference, noteText, typeNote } from '../helpers/app';
import { browserPid, killBrowser, launchPersistent, tempProfile, waitForServiceWorker } from '../helpers/browser';
import { DIST } from '../helpers/build';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

const ROUNDS = 5;
let server: StaticServer;
const profile = tempProfile();

beforeAll(async () => {
  server = await startStaticServer(DIST);
});
afterAll(async () => {
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

it(`keeps every saved character through ${ROUNDS} SIGKILLs of the whole browser`, async () => {
  let context = await launchPersistent(profile);
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await waitForServiceWorker(page);
  await createConference(page, { name: 'Crash Conf', startDate: '2026-06-01', endDate: '2026-06-01', timeZone: 'UTC' });
  await addTalk(page, { title: 'Killed mid-talk' });
  const talkUrl = page.url();
  let expected = '';

  for (let round = 1; round <= ROUNDS; round++) {
    const line = `round ${round}: the quick brown fox ${'·'.repeat(round)}\n`;
    await typeNote(page, line);
    expected += line;
    // Killed right after the app said "Saved", with no chance to flush or close anything.
    await killBrowser(await browserPid(context));

    context = await launchPersistent(profile);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(talkUrl);
    await expect(noteText(page), `after kill ${round}`).resolves.toBe(expected);
  }
  await context.close();
});
