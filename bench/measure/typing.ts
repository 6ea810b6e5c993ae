/**
 * Figures 3 and 4, from one typing session in the note of a talk (20 KB note, all talks stored):
 * - keystroke → stored: from the keydown's timeStamp to the 'complete' event of the first readwrite transaction on
 *   'talks' created after that keydown (the probe wraps IDBDatabase.prototype.transaction).
 *   Baseline, in the same page and in blocks alternating with the typing: a raw IndexedDB put of the same talk record
 *   (same database, same 'talks' store, durability 'strict', one more character each time), timed from the call to 'complete'.
 * - input latency: from the keydown's timeStamp to just after the next frame (rAF, then a posted message).
 *   Reference: the same keystrokes into a bare textarea holding the same text (the baseline's editor.html), which also
 *   stores the record with one raw put on every input: the minimal editor, a second reference for keystroke → stored.
 * Keys are pressed at a fixed pace, like a fast typist, not as fast as the bench can send them.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { readTalk } from '../seed';
import { failOnErrors, openPage, sleep } from '../session';

interface KeyRec {
  t: number;
  key: string;
  paint: number | null;
}
interface TxRec {
  created: number;
  complete: number | null;
  aborted: boolean;
  durability?: string;
  tag: string;
}
interface SlowEvent {
  name: string;
  start: number;
  duration: number;
  processing: number;
}
interface Probe {
  tx: TxRec[];
  keys: KeyRec[];
  typing: boolean;
  slowEvents: SlowEvent[];
  txTag?: string;
}

export interface TypingOptions {
  rate: number;
  /** The text to type, one key per character ('\n' is Enter). */
  text: string;
  /** Keystrokes per block; app and baseline blocks alternate. */
  block: number;
  intervalMs: number;
}

export interface TypingResult {
  stored: number[];
  /** Of `stored`: keydown → the save's transaction created, and created → complete. */
  toCreate: number[];
  txOpen: number[];
  rawPut: number[];
  paint: number[];
  barePaint: number[];
  /** Keystroke → stored in the minimal editor (bare textarea, one raw put of the record on each input). */
  bareStored: number[];
  /** Keystrokes that started no save (none expected). */
  unmatched: number;
  durabilities: string[];
  slowEvents: SlowEvent[];
  bareSlowEvents: SlowEvent[];
  /** Per keystroke, the Event Timing duration of its keydown (to the next presented frame, 8 ms steps), null when under 16 ms. */
  eventTiming: Array<number | null>;
  bareEventTiming: Array<number | null>;
  /** The stored note equals the textarea after the session. */
  storedMatches: boolean;
  noteChars: { before: number; after: number };
}

async function resetProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const b = (window as unknown as { __bench: Probe }).__bench;
    b.tx = [];
    b.keys = [];
    b.slowEvents = [];
    b.typing = true;
  });
}

async function typeKeys(page: Page, text: string, intervalMs: number): Promise<void> {
  for (const ch of text) {
    const t0 = Date.now();
    await page.keyboard.press(ch === '\n' ? 'Enter' : ch);
    await sleep(intervalMs - (Date.now() - t0));
  }
}

/** Waits until every recorded transaction has completed, then returns and clears what the probe saw. */
async function harvest(page: Page): Promise<{ keys: KeyRec[]; tx: TxRec[]; slow: SlowEvent[] }> {
  await page.waitForFunction(
    () => {
      const b = (window as unknown as { __bench: Probe }).__bench;
      return b.tx.every((t) => t.complete !== null || t.aborted) && b.keys.every((k) => k.paint !== null);
    },
    undefined,
    { timeout: 30_000, polling: 50 },
  );
  return page.evaluate(() => {
    const b = (window as unknown as { __bench: Probe }).__bench;
    b.typing = false;
    return { keys: b.keys, tx: b.tx, slow: b.slowEvents };
  });
}

/**
 * Each keydown's latency to the completion of the first app transaction on 'talks' created after it. The app has one
 * save of a note under way at a time and stores the newest text when it is done, so that transaction may be created
 * after later keydowns too; it holds this keystroke's text either way, as it reads the note when it starts.
 */
export function matchKeysToSaves(keys: KeyRec[], tx: TxRec[]): { latencies: number[]; toCreate: number[]; txOpen: number[]; unmatched: number } {
  const saves = tx.filter((t) => t.tag === 'app' && !t.aborted).sort((a, b) => a.created - b.created);
  const out = { latencies: [] as number[], toCreate: [] as number[], txOpen: [] as number[], unmatched: 0 };
  keys.forEach((k) => {
    const save = saves.find((s) => s.created >= k.t);
    if (save && save.complete !== null) {
      out.latencies.push(save.complete - k.t);
      out.toCreate.push(save.created - k.t);
      out.txOpen.push(save.complete - save.created);
    } else out.unmatched++;
  });
  return out;
}

/** Each keystroke's keydown entry in Event Timing (entries exist only from 16 ms up), matched by its start time. */
export function keydownEventTiming(keys: KeyRec[], slow: SlowEvent[]): Array<number | null> {
  const downs = slow.filter((e) => e.name === 'keydown');
  return keys.map((k) => downs.find((e) => Math.abs(e.start - k.t) < 1)?.duration ?? null);
}

/** Raw puts of the talk record, paced like the keystrokes, timed in the page from put() to 'complete'. */
function rawPuts(page: Page, talkId: string, n: number, intervalMs: number): Promise<number[]> {
  return page.evaluate(
    async ({ talkId, n, intervalMs }) => {
      const b = (window as unknown as { __bench: Probe }).__bench;
      b.txTag = 'baseline';
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const req = indexedDB.open('lectern');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => ko(req.error);
      });
      try {
        const record = await new Promise<Record<string, unknown>>((ok, ko) => {
          const r = db.transaction('talks', 'readonly').objectStore('talks').get(talkId);
          r.onsuccess = () => ok(r.result as Record<string, unknown>);
          r.onerror = () => ko(r.error);
        });
        const times: number[] = [];
        for (let i = 0; i < n; i++) {
          record.body = `${String(record.body)}x`;
          record.updated = new Date().toISOString();
          record.localRev = Number(record.localRev) + 1;
          const start = performance.now();
          await new Promise<void>((ok, ko) => {
            const tx = db.transaction('talks', 'readwrite', { durability: 'strict' });
            tx.objectStore('talks').put(record);
            tx.oncomplete = () => ok();
            tx.onabort = () => ko(tx.error ?? new Error('put aborted'));
          });
          const took = performance.now() - start;
          times.push(took);
          await new Promise((r) => setTimeout(r, Math.max(0, intervalMs - took)));
        }
        return times;
      } finally {
        db.close();
        b.txTag = undefined;
      }
    },
    { talkId, n, intervalMs },
  );
}

/** The note as stored and as shown, read once typing and its saves are over. */
async function noteState(page: Page, talkId: string): Promise<{ stored: string; shown: string }> {
  const talk = await readTalk(page, talkId);
  if (!talk) throw new Error('The talk typed into is not stored');
  return { stored: String(talk.body), shown: await page.locator('textarea#note-body').inputValue() };
}

/**
 * Taps the note, puts the caret at the end, and scrolls the page to its end, so the line being typed is in view
 * (at 390×844 it can otherwise sit under the fixed bottom bar, where no frame shows the change).
 */
async function focusEnd(page: Page): Promise<void> {
  await page.locator('textarea#note-body').tap();
  await page.keyboard.press('Control+End');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await sleep(200);
}

export async function measureTyping(
  app: { context: BrowserContext; url: string; talkId: string },
  bare: { context: BrowserContext; url: string },
  o: TypingOptions,
): Promise<TypingResult> {
  const p = await openPage(app.context, o.rate);
  await p.page.goto(`${app.url}/t/${app.talkId}`);
  await p.page.locator('textarea#note-body').waitFor();
  await sleep(500);
  const before = await noteState(p.page, app.talkId);
  if (before.stored !== before.shown) throw new Error('The editor does not show the stored note');
  const record = await readTalk(p.page, app.talkId);
  if (!record) throw new Error('The talk typed into is not stored');
  await focusEnd(p.page);

  // The minimal editor: a bare textarea with the same text, storing the same record on every input.
  const q = await openPage(bare.context, o.rate);
  await q.page.goto(bare.url);
  await q.page.evaluate((r) => (window as unknown as { __benchStore(r: unknown): Promise<boolean> }).__benchStore(r), record);
  await q.page.locator('textarea#note-body').fill(before.stored);
  await focusEnd(q.page);

  const out: TypingResult = {
    stored: [],
    toCreate: [],
    txOpen: [],
    rawPut: [],
    paint: [],
    barePaint: [],
    bareStored: [],
    unmatched: 0,
    durabilities: [],
    slowEvents: [],
    bareSlowEvents: [],
    eventTiming: [],
    bareEventTiming: [],
    storedMatches: false,
    noteChars: { before: before.stored.length, after: 0 },
  };
  const durabilities = new Set<string>();
  // Blocks alternate: the app, raw puts in the app's page, the minimal editor; so all three see the same machine state.
  for (let i = 0; i < o.text.length; i += o.block) {
    const chunk = o.text.slice(i, i + o.block);
    await resetProbe(p.page);
    await typeKeys(p.page, chunk, o.intervalMs);
    const seen = await harvest(p.page);
    const m = matchKeysToSaves(seen.keys, seen.tx);
    out.stored.push(...m.latencies);
    out.toCreate.push(...m.toCreate);
    out.txOpen.push(...m.txOpen);
    out.unmatched += m.unmatched;
    out.paint.push(...seen.keys.map((k) => k.paint! - k.t));
    out.slowEvents.push(...seen.slow);
    out.eventTiming.push(...keydownEventTiming(seen.keys, seen.slow));
    for (const t of seen.tx) durabilities.add(String(t.durability));
    // Let the app's own follow-up work (live queries re-reading the talk) finish before the baseline block.
    await sleep(300);
    out.rawPut.push(...(await rawPuts(p.page, app.talkId, chunk.length, o.intervalMs)));

    await resetProbe(q.page);
    await typeKeys(q.page, chunk, o.intervalMs);
    const bareSeen = await harvest(q.page);
    out.barePaint.push(...bareSeen.keys.map((k) => k.paint! - k.t));
    out.bareSlowEvents.push(...bareSeen.slow);
    out.bareEventTiming.push(...keydownEventTiming(bareSeen.keys, bareSeen.slow));
    const mb = matchKeysToSaves(bareSeen.keys, bareSeen.tx);
    if (mb.unmatched > 0) throw new Error(`The minimal editor stored nothing for ${mb.unmatched} keystrokes`);
    out.bareStored.push(...mb.latencies);
    await sleep(300);
  }
  // One last keystroke, so the app stores the textarea's text over the baseline's puts; then the two must agree.
  await resetProbe(p.page);
  await typeKeys(p.page, ' ', o.intervalMs);
  await harvest(p.page);
  const after = await noteState(p.page, app.talkId);
  out.storedMatches = after.stored === after.shown;
  out.noteChars.after = after.stored.length;
  out.durabilities = [...durabilities];
  failOnErrors(p, 'typing');
  failOnErrors(q, 'minimal editor');
  await p.page.close();
  await q.page.close();
  return out;
}
