/**
 * Figure 2 (offline cold start to an interactive conference list) and figure 6 (JS heap with the talks stored).
 * Each sample is a fresh tab in an offline context whose service worker is installed, with every service worker
 * stopped first and the given CPU slowdown; it runs from navigation start until the first card of the "Conferences"
 * list is in the document and the next frame has been produced (the element is then painted and the main thread free).
 * App and baseline samples alternate, so both see the same machine state.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { failOnErrors, openPage, sleep, stopServiceWorkers, watchResult, type Painted } from '../session';

export interface ColdSample extends Painted {
  fromServiceWorker: boolean;
  /** JS heap in use (Runtime.getHeapUsage) when the list was painted, and after a full GC. */
  heapBeforeGc: number;
  heapAfterGc: number;
  fcp: number | null;
}

export interface ColdStartOptions {
  rate: number;
  reps: number;
  /** Pause before each sample, so the browser closes the database and settles (Chromium closes an unused IndexedDB after ~2 s). */
  pauseMs: number;
}

async function coldSample(context: BrowserContext, url: string, rate: number, clickCheck?: (page: Page) => Promise<void>): Promise<ColdSample> {
  const p = await openPage(context, 1);
  await stopServiceWorkers(p.cdp);
  await p.cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const response = await p.page.goto(url, { waitUntil: 'commit' });
  const painted = await watchResult(p.page);
  if (!painted.visible) throw new Error(`${url}: the first card was painted but has no size`);
  const fcp = await p.page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  const before = (await p.cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await p.cdp.send('HeapProfiler.collectGarbage');
  const after = (await p.cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  if (clickCheck) await clickCheck(p.page);
  failOnErrors(p, url);
  await p.page.close();
  return { ...painted, fromServiceWorker: response?.fromServiceWorker() ?? false, heapBeforeGc: before.usedSize, heapAfterGc: after.usedSize, fcp };
}

export interface ColdStartResult {
  app: ColdSample[];
  baseline: ColdSample[];
}

/**
 * Runs one warm-up sample per side (not counted; the app's also checks that tapping the first card opens its conference),
 * then `reps` alternating samples.
 */
export async function measureColdStart(
  app: { context: BrowserContext; url: string },
  baseline: { context: BrowserContext; url: string },
  o: ColdStartOptions,
): Promise<ColdStartResult> {
  await app.context.setOffline(true);
  await baseline.context.setOffline(true);
  const out: ColdStartResult = { app: [], baseline: [] };
  await sleep(o.pauseMs);
  await coldSample(app.context, app.url, o.rate, async (page) => {
    const card = page.locator('ul[aria-label="Conferences"] .card').first();
    const name = (await card.locator('.card__title').textContent())?.trim() ?? '';
    await card.tap();
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 30_000 });
  });
  await coldSample(baseline.context, baseline.url, o.rate);
  for (let i = 0; i < o.reps; i++) {
    // Alternate which side goes first, so neither always follows the other.
    const order = i % 2 === 0 ? (['app', 'baseline'] as const) : (['baseline', 'app'] as const);
    for (const side of order) {
      await sleep(o.pauseMs);
      const s = side === 'app' ? await coldSample(app.context, app.url, o.rate) : await coldSample(baseline.context, baseline.url, o.rate);
      if (!s.fromServiceWorker) throw new Error(`${side}: the offline navigation was not answered by the service worker`);
      out[side].push(s);
    }
  }
  return out;
}
