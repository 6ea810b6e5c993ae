/**
 * Runs a fuzz campaign for one importer in worker threads: cases are handed out one at a time, each under a time
 * limit. A case that passes the limit is reported as a hang (with what was done to the file) and its worker is
 * replaced, so a hang fails the test clearly instead of stalling the run.
 */
import { Worker } from 'node:worker_threads';
import type { FromWorker } from './worker';

export interface FuzzFailure {
  index: number;
  describe: string;
  failure: string;
}

export interface FuzzReport {
  target: string;
  seed: number;
  cases: number;
  seeds: number;
  /** How many cases ended each way: 'accepted' or the error class that refused them. */
  outcomes: Record<string, number>;
  worstMs: number;
  worstCase: string;
  medianMs: number;
  totalMs: number;
  failures: FuzzFailure[];
}

export interface FuzzOptions {
  target: string;
  seed: number;
  cases: number;
  workers: number;
  /** Longest a single case may take before it counts as a hang. */
  caseLimitMs: number;
}

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

export function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const report: FuzzReport = { target: o.target, seed: o.seed, cases: 0, seeds: 0, outcomes: {}, worstMs: 0, worstCase: '', medianMs: 0, totalMs: 0, failures: [] };
  const times: number[] = [];
  let next = 0;
  let live = 0;
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      times.sort((a, b) => a - b);
      report.medianMs = times[Math.floor(times.length / 2)] ?? 0;
      report.totalMs = performance.now() - started;
      resolve(report);
    };
    const spawn = (): void => {
      if (next >= o.cases) {
        if (live === 0) finish();
        return;
      }
      live++;
      const worker = new Worker(BOOT, { workerData: { target: o.target, seed: o.seed }, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
      let current: { index: number; describe: string } | null = null;
      let timer: NodeJS.Timeout | undefined;
      let ended = false;
      const end = (): void => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        live--;
        void worker.terminate();
      };
      const feed = (): void => {
        if (next >= o.cases) {
          end();
          if (live === 0) finish();
          return;
        }
        worker.postMessage({ index: next++ });
      };
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'ready') {
          report.seeds = m.seeds;
          feed();
        } else if (m.type === 'start') {
          current = { index: m.index, describe: m.describe };
          timer = setTimeout(() => {
            report.cases++;
            report.failures.push({ index: m.index, describe: m.describe, failure: `hung: still running after ${o.caseLimitMs} ms` });
            end();
            spawn();
          }, o.caseLimitMs);
        } else if (m.type === 'done') {
          clearTimeout(timer);
          report.cases++;
          times.push(m.ms);
          report.outcomes[m.outcome] = (report.outcomes[m.outcome] ?? 0) + 1;
          if (m.ms > report.worstMs) {
            report.worstMs = m.ms;
            report.worstCase = current?.describe ?? '';
          }
          if (m.failure) report.failures.push({ index: m.index, describe: current?.describe ?? '', failure: m.failure });
          current = null;
          feed();
        } else {
          end();
          reject(new Error(`Fuzz worker for ${o.target} failed: ${m.message}`));
        }
      });
      worker.on('error', (e) => {
        if (ended) return;
        // Out of memory or a crash of the worker itself: the case it was running is the culprit.
        report.cases++;
        report.failures.push({ index: current?.index ?? -1, describe: current?.describe ?? '(starting)', failure: `worker died: ${e.message}` });
        end();
        spawn();
      });
    };
    for (let i = 0; i < o.workers; i++) spawn();
  });
}

/** The failures in words, with what it takes to run them again. */
export function describeFailures(r: FuzzReport): string {
  const shown = r.failures.slice(0, 15).map((f) => `  case ${f.index} [${f.describe}]\n    ${f.failure.split('\n').slice(0, 6).join('\n    ')}`);
  return [
    `${r.failures.length} of ${r.cases} ${r.target} cases failed (seed ${r.seed}; repeat with LECTERN_FUZZ_SEED=${r.seed}):`,
    ...shown,
    r.failures.length > 15 ? `  … and ${r.failures.length - 15} more` : '',
  ].join('\n');
}
