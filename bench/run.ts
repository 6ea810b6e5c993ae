/**
 * npm run bench [-- --quick] [-- --only <section>]: Lectern's performance figures, measured in headless Chromium against the production
 * build served as a static host would, each time figure over repeated runs and beside a baseline from the same run.
 * Exits 0 whether targets are met or not (it is a benchmark); non-zero only when the bench itself fails.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser';
import { ROOT, buildApp } from '../test/helpers/build';
import { startStaticServer, type StaticServer } from '../test/helpers/static-server';
import { BASELINE_PATH, writeBaseline } from './baseline';
import { configFromArgs, type Section } from './config';
import { makeDataSet } from './data';
import { timeFigure, type Figure } from './figures';
import { fixturesPresent, FIXTURES } from './fixtures';
import { measureColdStart } from './measure/cold-start';
import { EXPORT_FULL, EXPORT_QUICK, measureExport } from './measure/export';
import { IMPORT_FULL, IMPORT_QUICK, measureImport } from './measure/import';
import { measureOpenTalk } from './measure/open-talk';
import { SEARCH_FULL, SEARCH_QUICK, measureSearch, searchFigures } from './measure/search';
import { measureSizes } from './measure/size';
import { measureSync, SYNC_FULL, SYNC_QUICK } from './measure/sync';
import { measureTyping } from './measure/typing';
import { notesText, table, writeResults } from './report';
import { seed } from './seed';
import { summarize } from './stats';
import { install, phoneContext } from './session';

const OUT_DIR = 'dist-bench';

/** The commit measured, and the files under src/ that differed from it (the build takes the working tree). */
function gitState(): { commit: string; uncommitted: string[] } {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git('rev-parse', 'HEAD'), uncommitted: git('status', '--porcelain', '--', 'src', 'index.html', 'vite.config.ts', 'public').split('\n').filter(Boolean) };
  } catch {
    return { commit: 'unknown', uncommitted: [] };
  }
}

/** Event Timing per keystroke, where only durations from 16 ms up are reported: how many, and the p95 when it is one of them. */
function eventTimingText(durations: Array<number | null>): string {
  const slow = durations.filter((d): d is number => d !== null);
  const ranked = durations.map((d) => d ?? 0).sort((a, b) => a - b);
  const p95 = ranked[Math.ceil(0.95 * ranked.length) - 1] ?? 0;
  return `${slow.length} of ${durations.length} keystrokes ≥ 16 ms, p95 ${p95 ? `${p95} ms` : '< 16 ms'}`;
}

function log(msg: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

async function main(): Promise<void> {
  const started = new Date();
  const loadAtStart = loadavg();
  const cfg = configFromArgs(process.argv.slice(2));
  const measures = (section: Section): boolean => cfg.only === null || cfg.only === section;
  if (!fixturesPresent()) throw new Error(`The fixtures are missing: expected ${FIXTURES} (shared/ beside the repository)`);
  log(`${cfg.mode} run${cfg.only ? ` of ${cfg.only} only` : ''}: ${cfg.conferences} conferences, ${cfg.talks} talks`);
  const data = makeDataSet({ conferences: cfg.conferences, talks: cfg.talks, noteChars: cfg.noteChars, keys: cfg.keys });

  log(`building into ${OUT_DIR}/`);
  const dist = buildApp(OUT_DIR);
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    const figures: Figure[] = measureSizes(dist);
    writeBaseline(dist, data);
    server = await startStaticServer(dist);
    browser = await launchBrowser();
    const version = browser.version();
    const url = server.url;

    log('installing the app and the baseline, seeding the database');
    const appCtx = await phoneContext(browser);
    const installed = await install(appCtx, `${url}/`);
    const seedStart = Date.now();
    await seed(installed.page, data);
    log(`seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s (${(data.textChars / 1e6).toFixed(1)} M characters of text)`);
    await installed.page.close();
    const baseCtx = await phoneContext(browser);
    const baseInstalled = await install(baseCtx, `${url}${BASELINE_PATH}index.html`);
    await baseInstalled.page.close();

    const stored = `${cfg.conferences} conferences / ${cfg.talks.toLocaleString('en')} talks stored`;
    if (measures('cold-start')) {
      log(`cold start: ${cfg.coldReps} × (app, baseline) at ${cfg.coldRate}× CPU, offline`);
      const cold = await measureColdStart({ context: appCtx, url: `${url}/` }, { context: baseCtx, url: `${url}${BASELINE_PATH}index.html` }, {
        rate: cfg.coldRate,
        reps: cfg.coldReps,
        pauseMs: cfg.coldPauseMs,
      });
      figures.push(
        timeFigure({
          id: 'cold-start',
          label: `Offline cold start → conference list interactive (${cfg.coldRate}× CPU)`,
          samples: cold.app.map((s) => s.paint),
          baseline: { label: 'bare static page with its own service worker', samples: cold.baseline.map((s) => s.paint) },
          target: { text: '≤ 2× baseline (median)', stat: 'median', limit: 2, ratio: true },
          notes: [
            `phone 390×844, offline, service workers stopped before each sample, ${stored}; navigation start → first card painted; ${cfg.coldReps} samples per side after one warm-up each`,
          ],
          extra: {
            appDomReadyMs: cold.app.map((s) => s.dom),
            baselineDomReadyMs: cold.baseline.map((s) => s.dom),
            appFcpMs: cold.app.map((s) => s.fcp),
            baselineFcpMs: cold.baseline.map((s) => s.fcp),
          },
        }),
        timeFigure({
          id: 'heap-after-gc',
          label: `JS heap, conference list shown, after GC`,
          unit: 'bytes',
          samples: cold.app.map((s) => s.heapAfterGc),
          baseline: { label: 'bare static page', samples: cold.baseline.map((s) => s.heapAfterGc) },
          notes: [`Runtime.getHeapUsage after HeapProfiler.collectGarbage, once per cold start; ${stored} (the list counts every talk)`],
        }),
        timeFigure({
          id: 'heap-before-gc',
          label: `JS heap, conference list shown, before GC`,
          unit: 'bytes',
          samples: cold.app.map((s) => s.heapBeforeGc),
          baseline: { label: 'bare static page', samples: cold.baseline.map((s) => s.heapBeforeGc) },
          notes: ['Runtime.getHeapUsage at the moment the list was painted: includes garbage left by reading the talks'],
        }),
      );
    }

    if (measures('typing')) {
      for (const rate of cfg.uiRates) {
        log(`open a talk: ${cfg.openReps} taps at ${rate}× CPU`);
        const open = await measureOpenTalk({ context: appCtx, url, conferenceId: data.tapConferenceId }, { rate, reps: cfg.openReps });
        figures.push(
          timeFigure({
            id: `open-talk-${rate}x`,
            label: `Open a talk from the list, tap → note painted (${rate}× CPU)`,
            samples: open.samples,
            notes: [`offline, a conference of ${open.talks} talks, ${stored}; the first tap also loads the talk screen's chunk; ${open.samples.length} taps`],
          }),
        );

        log(`typing: ${cfg.keys} keystrokes at ${rate}× CPU, one every ${cfg.keyIntervalMs} ms, blocks of ${cfg.keyBlock} alternating with raw puts`);
        const typing = await measureTyping(
          { context: appCtx, url, talkId: data.typingTalkId },
          { context: baseCtx, url: `${url}${BASELINE_PATH}editor.html` },
          { rate, text: data.typingText, block: cfg.keyBlock, intervalMs: cfg.keyIntervalMs },
        );
        if (typing.stored.length < cfg.keys * 0.9) throw new Error(`Only ${typing.stored.length} of ${cfg.keys} keystrokes started a save`);
        if (!typing.storedMatches) throw new Error('After typing, the stored note differs from the text on screen');
        const part = (xs: number[]): string => `median ${summarize(xs).median.toFixed(1)} ms, p95 ${summarize(xs).p95.toFixed(1)} ms`;
        const checks = `keydown → transaction created: ${part(typing.toCreate)}; created → complete: ${part(typing.txOpen)}; ${typing.unmatched} keystrokes without a save; app save durability: ${typing.durabilities.join(', ')}; stored note equals the screen after the session`;
        figures.push(
          timeFigure({
            id: `keystroke-stored-${rate}x`,
            label: `Keystroke → note stored (${rate}× CPU)`,
            samples: typing.stored,
            baseline: { label: "raw IndexedDB put of the same record, 'talks' store, durability strict", samples: typing.rawPut },
            target: { text: '≤ 2× raw put (p95)', stat: 'p95', limit: 2, ratio: true },
            extra: { keydownToCreatedMs: typing.toCreate, createdToCompleteMs: typing.txOpen },
            notes: [
              `${typing.noteChars.before.toLocaleString('en')}-character note, ${stored}; keydown → 'complete' of the next readwrite transaction on 'talks'; ${typing.stored.length} keystrokes and ${typing.rawPut.length} puts; ${checks}`,
            ],
          }),
          timeFigure({
            id: `keystroke-stored-minimal-${rate}x`,
            label: `Reference: minimal editor, keystroke → stored (${rate}× CPU)`,
            samples: typing.bareStored,
            notes: ['a bare textarea with the same note that, on every input, puts the whole record (raw IndexedDB, durability strict); typed the same way'],
          }),
          timeFigure({
            id: `input-latency-${rate}x`,
            label: `Input latency, keydown → next frame (${rate}× CPU)`,
            samples: typing.paint,
            baseline: { label: 'bare textarea, typed the same way', samples: typing.barePaint },
            target: { text: '≤ 16 ms (p95)', stat: 'p95', limit: 16 },
            notes: [`same keystrokes; rAF, then a posted message; Event Timing, keydown to the next presented frame: ${eventTimingText(typing.eventTiming)} (bare textarea: ${eventTimingText(typing.bareEventTiming)})`],
            extra: { eventTimingKeydownMs: typing.eventTiming, bareEventTimingKeydownMs: typing.bareEventTiming, slowEvents: typing.slowEvents, bareSlowEvents: typing.bareSlowEvents },
          }),
        );
      }
    }

    if (measures('export')) {
      log('export: a day as Markdown, a conference as a zip');
      figures.push(...(await measureExport(browser, url, cfg.mode === 'quick' ? EXPORT_QUICK : EXPORT_FULL)));
    }

    if (measures('search')) {
      const searchOptions = cfg.mode === 'quick' ? SEARCH_QUICK : SEARCH_FULL;
      log(`search: ${searchOptions.builds} first builds and starts from the saved index, then up to ${searchOptions.queries} queries`);
      figures.push(...searchFigures(await measureSearch(appCtx, url, searchOptions), searchOptions, stored));
    }

    if (measures('import')) {
      const importOptions = cfg.mode === 'quick' ? IMPORT_QUICK : IMPORT_FULL;
      log(`schedule import: FOSDEM 2021 XML, ${importOptions.reps} times`);
      figures.push(...(await measureImport(browser, url, importOptions)));
    }

    if (measures('sync')) {
      log('sync: the app in Chromium against Apache + mod_dav on loopback');
      figures.push(...(await measureSync(browser, url, cfg.mode === 'quick' ? SYNC_QUICK : SYNC_FULL, log)));
    }

    const run = {
      date: started.toISOString(),
      mode: cfg.mode,
      durationSeconds: Math.round((Date.now() - started.getTime()) / 1000),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: version, loadAverage: { start: loadAtStart, end: loadavg() } },
      source: gitState(),
      config: cfg,
      data: { conferences: data.conferences.length, talks: data.talks.length, textChars: data.textChars, noteChars: cfg.noteChars },
    };
    const file = writeResults(join(ROOT, 'bench', 'results'), run, figures, started);
    const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' ');
    console.log(`\nLectern bench, ${cfg.mode} run${cfg.only ? ` (${cfg.only} only)` : ''}, ${started.toISOString()}, Chromium ${version}, ${cpus().length} cores, load average ${load(loadAtStart)} → ${load(loadavg())}\n`);
    console.log(table(figures));
    const busy = Math.max(loadAtStart[0]!, loadavg()[0]!) > cpus().length;
    if (busy) console.log(`\nNote: the machine was busy (1-minute load average above ${cpus().length}, its core count): other processes competed for the CPU and disk, so the figures are noisier than on an idle machine.`);
    console.log(`\n${notesText(figures)}\n\nResults: ${file}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    rmSync(dist, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`\nThe bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
