/**
 * The crash soak: type into a note in Chromium with a profile on disk, SIGKILL the whole browser at a random
 * moment, relaunch on the same profile and compare. Each round checks that the database opens, that every text
 * IndexedDB had committed (and every text the editor showed as saved) is there, that only keystrokes whose save
 * had not completed are missing, and that the editor shows exactly the stored record.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { addTalk, createConference, noteText } from '../helpers/app';
import { browserPid, killBrowser, launchPersistent, waitForServiceWorker } from '../helpers/browser';

const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');
// Letters, spaces and a few characters outside ASCII: no Enter, so list continuation never rewrites the text.
const KEYS = 'abcdefghijklmnopqrstuvwxyz     éßø';

export interface RoundResult {
  round: number;
  /** 'mid-save': killed 0–3 ms after a keystroke reached the page; 'anywhere': 0–150 ms after, while typing. */
  mode: 'mid-save' | 'anywhere';
  keysTyped: number;
  /** Milliseconds from the last keystroke reaching the page to the kill. */
  killAfterKeyMs: number;
  /** Milliseconds from the first keystroke of the round to the kill. */
  killAfterStartMs: number;
  /** Keystrokes the page had received whose commit the soak had not heard of when it killed. */
  inFlight: number;
  /** Keystrokes sent to the page and not in the note after relaunch. */
  missing: number;
  relaunchMs: number;
  failures: string[];
}

export interface SoakOptions {
  url: string;
  profile: string;
  rounds: number;
  random: () => number;
  log: (msg: string) => void;
}

interface Heard {
  stored: string | null;
  shown: string | null;
  durabilities: Set<string>;
}

async function launch(profile: string, heard: Heard): Promise<BrowserContext> {
  const context = await launchPersistent(profile);
  await context.exposeFunction('__soakReport', (r: { kind: 'stored' | 'shown'; body: string; durability: string }) => {
    if (r.kind === 'stored') {
      heard.stored = r.body;
      heard.durabilities.add(r.durability);
    } else heard.shown = r.body;
  });
  await context.addInitScript(PROBE);
  return context;
}

function pageOf(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ? Promise.resolve(context.pages()[0]!) : context.newPage();
}

/** The talk's stored note, read straight from IndexedDB, not through the app. */
function storedBody(page: Page, talkId: string): Promise<string | null> {
  return page.evaluate(
    (id) =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('talks').objectStore('talks').get(id);
          get.onsuccess = () => {
            resolve((get.result as { body?: string } | undefined)?.body ?? null);
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
    talkId,
  );
}

const current = (h: Heard): Heard => h;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function crashSoak(opts: SoakOptions): Promise<RoundResult[]> {
  const { random, log } = opts;
  const heard: Heard = { stored: null, shown: null, durabilities: new Set() };
  let context = await launch(opts.profile, heard);
  let page = await pageOf(context);
  await page.goto(opts.url);
  await waitForServiceWorker(page);
  await createConference(page, { name: 'Soak Conf', startDate: '2026-06-01', endDate: '2026-06-01', timeZone: 'UTC' });
  await addTalk(page, { title: 'Typed through crashes' });
  const talkUrl = page.url();
  const talkId = new URL(talkUrl).pathname.split('/').pop()!;
  let text = '';
  const results: RoundResult[] = [];

  for (let round = 1; round <= opts.rounds; round++) {
    const failures: string[] = [];
    const mode: RoundResult['mode'] = random() < 0.5 ? 'mid-save' : 'anywhere';
    const keys = 3 + Math.floor(random() * 40);
    const killOffset = mode === 'mid-save' ? random() * 3 : random() * 150;
    heard.stored = null;
    heard.shown = null;
    // Read before typing, so the kill follows the keystroke by the chosen offset and not by a DevTools round trip.
    const pid = await browserPid(context).catch(() => 0);

    const note = page.getByRole('textbox', { name: /^Note on / });
    await note.click();
    await page.keyboard.press('Control+End');
    let typed = text;
    const started = performance.now();
    let lastKey = started;
    for (let k = 0; k < keys; k++) {
      const ch = KEYS[Math.floor(random() * KEYS.length)]!;
      await page.keyboard.type(ch);
      typed += ch;
      lastKey = performance.now();
      // A person's pace between keys, 40–160 ms; the last key is followed by the kill instead.
      if (k < keys - 1) await sleep(40 + random() * 120);
    }
    await sleep(killOffset);
    const killedAt = performance.now();
    // Read through a function: TypeScript would keep the null assigned above, but the exposed callback changes them.
    const { stored: confirmedAtKill, shown: shownAtKill } = current(heard);
    if (pid) await killBrowser(pid);
    else failures.push('could not read the browser pid');

    const relaunchStart = performance.now();
    let recovered = '';
    try {
      context = await launch(opts.profile, heard);
      page = await pageOf(context);
      await page.goto(talkUrl);
      recovered = await noteText(page);
      const stored = await storedBody(page, talkId);
      if (stored !== recovered) failures.push(`the editor shows ${JSON.stringify(recovered.slice(-40))} but the stored record is ${JSON.stringify(stored?.slice(-40))}`);
    } catch (err) {
      failures.push(`the database or the note did not open after the kill: ${(err as Error).message.split('\n')[0]}`);
    }
    const relaunchMs = performance.now() - relaunchStart;

    if (!typed.startsWith(recovered)) failures.push(`the note after relaunch is not what was typed: …${JSON.stringify(recovered.slice(-40))}`);
    if (recovered.length < text.length) failures.push('text from earlier rounds is gone');
    for (const [what, body] of [['committed', confirmedAtKill], ['shown as saved', shownAtKill]] as const)
      if (body !== null && !recovered.startsWith(body))
        failures.push(`a text ${what} before the kill is not all there (${body.length} characters, ${recovered.length} recovered)`);
    const confirmedLength = Math.max(confirmedAtKill?.length ?? 0, shownAtKill?.length ?? 0, text.length);
    const result: RoundResult = {
      round,
      mode,
      keysTyped: keys,
      killAfterKeyMs: killedAt - lastKey,
      killAfterStartMs: killedAt - started,
      inFlight: typed.length - confirmedLength,
      missing: typed.length - recovered.length,
      relaunchMs,
      failures,
    };
    results.push(result);
    log(
      `round ${round}/${opts.rounds} ${mode}: ${keys} keys, killed ${result.killAfterKeyMs.toFixed(1)} ms after the last, ` +
        `${result.inFlight} unconfirmed, ${result.missing} missing${failures.length ? ` — FAILED: ${failures.join('; ')}` : ''}`,
    );
    if (failures.some((f) => f.startsWith('the database'))) {
      // Without an open page the next round cannot type: start it from a fresh launch.
      await context.close().catch(() => undefined);
      context = await launch(opts.profile, heard);
      page = await pageOf(context);
      await page.goto(talkUrl);
      recovered = await noteText(page);
    }
    text = recovered;
  }
  if (heard.durabilities.size > 0 && [...heard.durabilities].some((d) => d !== 'strict'))
    results.at(-1)!.failures.push(`note saves used durability ${[...heard.durabilities].join(', ')}, not only 'strict'`);
  await context.close();
  return results;
}
