/**
 * Search figures, on the bench's stored data (the app context seeded by bench/seed.ts):
 * - Index build: the saved index is removed from settings, the app opened in a fresh tab on its home screen and
 *   left to settle, then Search tapped; the figure is the service's own `lectern-search-build` measure (from when
 *   the search module starts reading the database until the index answers for every talk), with a
 *   PerformanceObserver for 'longtask' on the page: the tasks that overlap the build are its figure; those of the
 *   app's own start before it (the cold start's concern) are noted beside it. Then, once the new index has been
 *   saved (`lectern-search-save`), a fresh tab opened on the Search screen starts from the saved index. Last, first
 *   builds again in fresh tabs opened on the Search screen itself, where the app's own start runs beside the build
 *   (recorded beside the target's figure).
 * - Queries: every prefix (from two letters) of a fixed list of searches is typed into the search box, one at a time,
 *   each after the previous answer was shown; the figure is the index's own time per query (`lectern-search-query`,
 *   measured in the worker), with the round trip to the page (`lectern-search-reply`) beside it.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { timeFigure, type Figure } from '../figures';
import { failOnErrors, openPage, sleep } from '../session';

/** Searches a person might type: title words, names with and without their accents, a typo, two-word searches. */
export const SEARCHES = [
  'kubernetes',
  'rust',
  'postgres replication',
  'webassembly',
  'security',
  'open source hardware',
  'cordoba',
  'rosenkränzer',
  'łęcki',
  'databse',
  'linux kernel',
  'python',
  'governance',
  'quantum computing',
  'javascript',
  'embedded',
  'community',
  'mozilla',
  'terraform',
  'sync crdt',
];

/** Every prefix of each search from two letters on, as typed. */
export function typedQueries(searches: readonly string[] = SEARCHES): string[] {
  return searches.flatMap((s) => Array.from({ length: s.length - 1 }, (_, i) => s.slice(0, i + 2)));
}

export interface SearchBenchOptions {
  rate: number;
  /** First-ever builds (each after removing the saved index), each followed by a start from the saved index. */
  builds: number;
  /** How many of the typed queries to run (all of them when larger). */
  queries: number;
}

export const SEARCH_FULL: SearchBenchOptions = { rate: 1, builds: 5, queries: 1_000 };
export const SEARCH_QUICK: SearchBenchOptions = { rate: 1, builds: 1, queries: 60 };

interface BuildSample {
  /** `lectern-search-build`: reading the talks (or loading the saved index) until the index holds them all, ms. */
  build: number;
  /** The index's own busy time within it (`lectern-search-index`), ms. */
  busy: number;
  /** Longest main-thread task while the search module built or loaded the index (0 when none reached 50 ms), ms. */
  longest: number;
  longTasks: number;
  /** Longest task of the app's own start, before the search module began (the cold start's figure, not search's). */
  longestBefore: number;
  from: 'built' | 'saved';
}

type Entry = { name: string; start: number; duration: number };

/** Records long tasks and the app's search measures in every document of the page, from its first script on. */
async function observe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __perf: Entry[]; __longtasks: Entry[] };
    w.__perf = [];
    w.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longtasks.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name.startsWith('lectern-search')) w.__perf.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: 'measure', buffered: true });
  });
}

const entries = (page: Page): Promise<{ perf: Entry[]; longtasks: Entry[] }> =>
  page.evaluate(() => {
    const w = window as unknown as { __perf: Entry[]; __longtasks: Entry[] };
    return { perf: w.__perf, longtasks: w.__longtasks };
  });

async function waitForMeasure(page: Page, name: string, timeoutMs = 120_000): Promise<Entry> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = (await entries(page)).perf.find((e) => e.name === name);
    if (found) return found;
    if (Date.now() > end) throw new Error(`No '${name}' measure within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

/** Removes the saved index, as on a device that never opened search. */
async function forgetSavedIndex(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((ok, ko) => {
        const req = indexedDB.open('lectern');
        req.onerror = () => ko(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('settings', 'readwrite');
          tx.objectStore('settings').delete('searchIndex');
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onabort = () => ko(tx.error);
        };
      }),
  );
}

/**
 * One build or load of the index, timed by the service's own measures. `tap`: the app opened on its home screen and
 * left to settle, then Search tapped in the bottom bar, as a person does; `open`: a fresh tab opened on the Search
 * screen itself, so the app's own start runs beside the build.
 */
async function buildOnce(
  context: BrowserContext,
  url: string,
  rate: number,
  from: 'built' | 'saved',
  how: 'tap' | 'open',
): Promise<{ sample: BuildSample; page: Page; errors: () => void }> {
  const p = await openPage(context, rate);
  await observe(p.page);
  if (how === 'tap') {
    await p.page.goto(`${url}/`);
    await p.page.locator('.card').first().waitFor();
    await sleep(1_000);
    await p.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  } else await p.page.goto(`${url}/search`);
  const build = await waitForMeasure(p.page, 'lectern-search-build');
  const index = await waitForMeasure(p.page, 'lectern-search-index');
  await p.page.getByRole('searchbox').waitFor();
  const { longtasks } = await entries(p.page);
  const end = build.start + build.duration;
  const during = longtasks.filter((t) => t.start < end && t.start + t.duration > build.start);
  const before = longtasks.filter((t) => t.start + t.duration <= build.start);
  return {
    sample: { build: build.duration, busy: index.duration, longest: Math.max(0, ...during.map((t) => t.duration)), longTasks: during.length, longestBefore: Math.max(0, ...before.map((t) => t.duration)), from },
    page: p.page,
    errors: () => failOnErrors(p, `search (${from})`),
  };
}

export interface SearchResult {
  /** First builds with Search tapped in the running app, and with the app opened on the Search screen. */
  builds: BuildSample[];
  opened: BuildSample[];
  loads: BuildSample[];
  /** Per query: the index's time, and the round trip to the page. */
  query: number[];
  reply: number[];
  queries: number;
  /** The most results any query had, and how many queries found nothing. */
  maxTotal: number;
  empty: number;
}

/** Types the queries into the open Search screen, each after the previous answer; returns the measures per query. */
async function typeQueries(page: Page, queries: readonly string[]): Promise<{ query: number[]; reply: number[]; maxTotal: number; empty: number }> {
  return page.evaluate(async (qs) => {
    const w = window as unknown as { __perf: Entry[] };
    const input = document.querySelector<HTMLInputElement>('#search-query');
    if (!input) throw new Error('The Search screen has no search box');
    const out = { query: [] as number[], reply: [] as number[], maxTotal: 0, empty: 0 };
    const status = document.querySelector('.search__status');
    for (const q of qs) {
      const seen = w.__perf.length;
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const t0 = performance.now();
      // The answer to this query: its two measures, then the status line naming the outcome.
      for (;;) {
        const mine = w.__perf.slice(seen);
        const qm = mine.find((e) => e.name === 'lectern-search-query');
        const rm = mine.find((e) => e.name === 'lectern-search-reply');
        if (qm && rm) {
          out.query.push(qm.duration);
          out.reply.push(rm.duration);
          break;
        }
        if (performance.now() - t0 > 30_000) throw new Error(`No answer to “${q}” within 30 s`);
        await new Promise((r) => setTimeout(r, 1));
      }
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const text = status?.textContent ?? '';
      if (text.startsWith('Nothing found')) out.empty++;
      const total = /^([\d,]+) results?/.exec(text)?.[1];
      if (total) out.maxTotal = Math.max(out.maxTotal, Number(total.replace(/,/g, '')));
    }
    return out;
  }, queries as string[]);
}

/** A first build: the saved index removed (from a page of its own, then closed), then a build as `how` says. */
async function firstBuild(context: BrowserContext, url: string, rate: number, how: 'tap' | 'open'): ReturnType<typeof buildOnce> {
  const cleaner = await openPage(context, 1);
  await cleaner.page.goto(`${url}/settings`);
  await forgetSavedIndex(cleaner.page);
  await cleaner.page.close();
  await sleep(1_000);
  return buildOnce(context, url, rate, 'built', how);
}

/** Index build (first ever, then from the saved index) and query times, in the given context's database. */
export async function measureSearch(context: BrowserContext, url: string, o: SearchBenchOptions): Promise<SearchResult> {
  await context.setOffline(true);
  const builds: BuildSample[] = [];
  const opened: BuildSample[] = [];
  const loads: BuildSample[] = [];
  let last: { page: Page; errors: () => void } | undefined;
  for (let i = 0; i < o.builds; i++) {
    const built = await firstBuild(context, url, o.rate, 'tap');
    builds.push(built.sample);
    // The service saves a new index a moment after it is ready; the next start loads that copy.
    await waitForMeasure(built.page, 'lectern-search-save', 60_000);
    built.errors();
    await built.page.close();
    await sleep(1_000);
    const loaded = await buildOnce(context, url, o.rate, 'saved', 'open');
    loads.push(loaded.sample);
    // Each build has no other page of the app beside it (an idle one's workers still collect their garbage), and
    // the last page loaded answers the queries.
    if (i < o.builds - 1) {
      loaded.errors();
      await loaded.page.close();
    } else last = loaded;
  }
  // First builds again, each in a fresh tab opened on the Search screen.
  for (let i = 0; i < o.builds; i++) {
    const built = await firstBuild(context, url, o.rate, 'open');
    opened.push(built.sample);
    built.errors();
    await built.page.close();
    await sleep(1_000);
  }
  const page = last!.page;
  // Two warm-up queries, so the first measured one does not pay for compiling the search code.
  await typeQueries(page, ['wa', 'warm']);
  const queries = typedQueries().slice(0, o.queries);
  const typed = await typeQueries(page, queries);
  last!.errors();
  await page.close();
  await context.setOffline(false);
  return { builds, opened, loads, ...typed, queries: queries.length };
}

export function searchFigures(r: SearchResult, o: SearchBenchOptions, stored: string): Figure[] {
  const tasks = (xs: BuildSample[]): string =>
    xs.map((b) => `${b.longest.toFixed(0)} ms (${b.longTasks} over 50 ms; the app's start before it: ${b.longestBefore.toFixed(0)} ms)`).join(', ');
  return [
    timeFigure({
      id: `search-query-${o.rate}x`,
      label: `Search over the stored talks, per query, in the index (${o.rate}× CPU)`,
      samples: r.query,
      target: { text: '≤ 16 ms (p95)', stat: 'p95', limit: 16 },
      notes: [
        `${stored}; ${r.queries} queries: every prefix from two letters of ${SEARCHES.length} searches (title words, names with and without accents, a typo, two-word searches), typed one after another into the Search screen; the worker's time per query (User Timing 'lectern-search-query'); most results for one query ${r.maxTotal.toLocaleString('en')}, ${r.empty} queries found nothing`,
      ],
      extra: { replyMs: r.reply },
    }),
    timeFigure({
      id: `search-reply-${o.rate}x`,
      label: `  the same, asked → answer on the page (${o.rate}× CPU)`,
      samples: r.reply,
      notes: ["round trip from the page to the search worker and back ('lectern-search-reply'), before rendering"],
    }),
    timeFigure({
      id: `search-build-${o.rate}x`,
      label: `Search index, first build (${o.rate}× CPU)`,
      samples: r.builds.map((b) => b.build),
      // A build happens once per device: the target is the time it takes, the median of several, beside which the
      // table shows the slowest (with five samples the p95 is the maximum, one busy moment of a shared machine).
      target: { text: '≤ 1.5 s (median)', stat: 'median', limit: 1_500 },
      notes: [
        `${stored}; the saved index removed, the app opened offline on its home screen, then Search tapped; 'lectern-search-build' (reading every talk into the index until it holds them all), ${r.builds.length} builds; the index's own busy time ${r.builds.map((b) => `${b.busy.toFixed(0)} ms`).join(', ')}`,
      ],
      extra: { busyMs: r.builds.map((b) => b.busy) },
    }),
    timeFigure({
      id: `search-build-open-${o.rate}x`,
      label: `  the same, the app opened on the Search screen in a fresh tab (${o.rate}× CPU)`,
      samples: r.opened.map((b) => b.build),
      notes: [
        `the app's own start (loading and running its code, the first screen, the service worker) runs beside the build; ${r.opened.length} builds; the index's own busy time ${r.opened.map((b) => `${b.busy.toFixed(0)} ms`).join(', ')}; longest main-thread task during it ${tasks(r.opened)}`,
      ],
      extra: { busyMs: r.opened.map((b) => b.busy), longestTaskMs: r.opened.map((b) => b.longest) },
    }),
    timeFigure({
      id: `search-build-longest-task-${o.rate}x`,
      label: `  the same, longest main-thread task (${o.rate}× CPU)`,
      samples: [...r.builds, ...r.opened].map((b) => b.longest),
      target: { text: '≤ 50 ms (max)', stat: 'p95', limit: 50 },
      notes: [`'longtask' entries (reported from 50 ms up; 0 means none) overlapping the build, Search tapped: ${tasks(r.builds)}; opened in a fresh tab: ${tasks(r.opened)}`],
    }),
    timeFigure({
      id: `search-load-${o.rate}x`,
      label: `Search index, start from the saved index (${o.rate}× CPU)`,
      samples: r.loads.map((b) => b.build),
      target: { text: '≤ 1.5 s (median)', stat: 'median', limit: 1_500 },
      notes: [
        `the index saved after the build, loaded in a fresh tab and checked against the database; longest main-thread task ${tasks(r.loads)}; the index's own busy time ${r.loads.map((b) => `${b.busy.toFixed(0)} ms`).join(', ')}`,
      ],
      extra: { longestTaskMs: r.loads.map((b) => b.longest), busyMs: r.loads.map((b) => b.busy) },
    }),
  ];
}
