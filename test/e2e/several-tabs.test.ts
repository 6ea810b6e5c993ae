// One note open in two tabs: an idle tab shows the other's typing live; when both typed, neither text is lost
// and both tabs say so.
import { expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { addTalk, createConference, noteText, typeNote } from '../helpers/app';
import { PHONE, waitForServiceWorker } from '../helpers/browser';
import { useBrowserAndServer } from '../helpers/e2e-env';

const env = useBrowserAndServer();

/**
 * A tab that hears of the other tab's changes only when released, as a throttled background tab does: Dexie tells
 * other tabs of a change over a BroadcastChannel, whose messages this holds back while `__holdChanges` is set.
 */
const LATE_NEWS = `(() => {
  const held = [];
  window.__holdChanges = false;
  window.__releaseChanges = () => { window.__holdChanges = false; held.splice(0).forEach((deliver) => deliver()); };
  const d = Object.getOwnPropertyDescriptor(BroadcastChannel.prototype, 'onmessage');
  Object.defineProperty(BroadcastChannel.prototype, 'onmessage', {
    configurable: true,
    get() { return d.get.call(this); },
    set(fn) {
      d.set.call(this, fn && ((ev) => (window.__holdChanges ? held.push(() => fn.call(this, ev)) : fn.call(this, ev))));
    },
  });
})();`;

async function twoTabsOnOneNote(context: BrowserContext, start: string): Promise<[Page, Page]> {
  const a = await context.newPage();
  await a.goto(env.server.url);
  await waitForServiceWorker(a);
  await createConference(a, { name: 'Two Tabs Conf', startDate: '2026-06-01', endDate: '2026-06-01', timeZone: 'UTC' });
  await addTalk(a, { title: 'Shared note' });
  await typeNote(a, start);
  const b = await context.newPage();
  await b.goto(a.url());
  await expect(noteText(b)).resolves.toBe(start);
  return [a, b];
}

const note = (page: Page) => page.getByRole('textbox', { name: /^Note on / });

it('shows what another tab types, live, in a tab that is idle', async () => {
  const context = await env.browser.newContext(PHONE);
  const [a, b] = await twoTabsOnOneNote(context, 'Opening keynote.\n');
  // B has the caret in the note but types nothing.
  await note(b).click();
  await typeNote(a, 'Typed in tab A.\n');
  await b.waitForFunction(() => (document.getElementById('note-body') as HTMLTextAreaElement).value === 'Opening keynote.\nTyped in tab A.\n');
  // B goes on from there; A, idle now, follows.
  await typeNote(b, 'Then in tab B.');
  await a.waitForFunction(() => (document.getElementById('note-body') as HTMLTextAreaElement).value.endsWith('Typed in tab A.\nThen in tab B.'));
  for (const page of [a, b]) expect(await page.getByRole('alert').allTextContents()).toEqual([]);
  await context.close();
});

it('keeps both texts when both tabs typed, and tells each tab where the other text is', async () => {
  const context = await env.browser.newContext(PHONE);
  await context.addInitScript(LATE_NEWS);
  const [a, b] = await twoTabsOnOneNote(context, 'Shared start.\n');

  // B does not hear of A's typing before typing itself.
  await b.evaluate(() => ((window as unknown as { __holdChanges: boolean }).__holdChanges = true));
  await typeNote(a, 'Line from A.');
  await typeNote(b, 'Line from B.');

  // B saved over A's text: it says so, and A's text is in the history.
  const told = b.getByRole('alert').filter({ hasText: 'This note was also changed in another tab while you typed here.' });
  await told.waitFor();
  expect(await told.textContent()).toContain('Your text is saved; the other text is kept in the note’s history.');
  await expect(noteText(b)).resolves.toBe('Shared start.\nLine from B.');

  // A, idle, takes in B's text, and is told its own went to the history.
  await a.waitForFunction(() => (document.getElementById('note-body') as HTMLTextAreaElement).value === 'Shared start.\nLine from B.');
  await a.getByRole('alert').filter({ hasText: 'Another tab saved its text over what you typed here' }).waitFor();
  await b.evaluate(() => (window as unknown as { __releaseChanges: () => void }).__releaseChanges());

  // Following the offer shows A's text, kept whole.
  await b.getByRole('link', { name: 'View the other text' }).click();
  await b.getByRole('heading', { level: 1, name: 'Earlier versions' }).waitFor();
  const kept = b.locator('li', { hasText: 'Written elsewhere, replaced while you typed' });
  await kept.getByText('Show this version').click();
  expect(await kept.locator('pre').textContent()).toBe('Shared start.\nLine from A.');
  await context.close();
});
