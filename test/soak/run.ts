/**
 * npm run soak [-- --quick] [-- --rounds N] [-- --seed N]: the crash soak against the production build, in
 * Debian's headless Chromium with a profile on disk. Prints one summary; writes every round to
 * test-results/soak-<time>.json. Exits non-zero when any round lost saved text or could not open the database.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { tempProfile } from '../helpers/browser';
import { DIST, DIST_NAME, ROOT, buildApp } from '../helpers/build';
import { startStaticServer } from '../helpers/static-server';
import { crashSoak, type RoundResult } from './crash-soak';
import { distribution, mulberry32 } from './stats';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function log(msg: string): void {
  process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

function summary(results: RoundResult[], seed: number, seconds: number): string {
  const failed = results.filter((r) => r.failures.length > 0);
  const count = (pick: (r: RoundResult) => number): string => {
    const by = new Map<number, number>();
    for (const r of results) by.set(pick(r), (by.get(pick(r)) ?? 0) + 1);
    return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([k, n]) => `${k}: ${n}`).join(', ');
  };
  const ms = (xs: number[]): string => {
    const d = distribution(xs);
    return `median ${d.median.toFixed(1)}, p95 ${d.p95.toFixed(1)}, min ${d.min.toFixed(1)}, max ${d.max.toFixed(1)} ms`;
  };
  const mode = (m: RoundResult['mode']): RoundResult[] => results.filter((r) => r.mode === m);
  return [
    `Crash soak: ${results.length} rounds, ${results.length - failed.length} held, ${failed.length} failed (seed ${seed}, ${seconds.toFixed(0)} s)`,
    `  keystrokes typed: ${results.reduce((a, r) => a + r.keysTyped, 0)}`,
    `  kill after the last keystroke, mid-save rounds (${mode('mid-save').length}): ${mode('mid-save').length ? ms(mode('mid-save').map((r) => r.killAfterKeyMs)) : '—'}`,
    `  kill after the last keystroke, anywhere rounds (${mode('anywhere').length}): ${mode('anywhere').length ? ms(mode('anywhere').map((r) => r.killAfterKeyMs)) : '—'}`,
    `  kill after the round's first keystroke: ${ms(results.map((r) => r.killAfterStartMs))}`,
    `  keystrokes not yet confirmed stored at the kill (rounds): ${count((r) => r.inFlight)}`,
    `  keystrokes missing after relaunch (rounds): ${count((r) => r.missing)}`,
    `  relaunch to the note on screen: ${ms(results.map((r) => r.relaunchMs))}`,
    ...failed.map((r) => `  round ${r.round} FAILED: ${r.failures.join('; ')}`),
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const rounds = Number(option(args, '--rounds') ?? (quick ? 10 : 100));
  const seed = Number(option(args, '--seed') ?? Date.now() % 1_000_000);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number from 1');
  if (!existsSync(join(DIST, 'index.html'))) {
    log(`no build in ${DIST_NAME}/: building it`);
    buildApp(DIST_NAME);
  }
  const server = await startStaticServer(DIST);
  const profile = tempProfile();
  const started = performance.now();
  const load = loadavg()[0]!;
  log(`${rounds} rounds, seed ${seed}, serving ${DIST_NAME}/ at ${server.url}`);
  let results: RoundResult[];
  try {
    results = await crashSoak({ url: server.url, profile, rounds, random: mulberry32(seed), log });
  } finally {
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const seconds = (performance.now() - started) / 1000;
  const text = summary(results, seed, seconds);
  console.log(text);
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const file = join(ROOT, 'test-results', `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ seed, rounds, seconds, loadAtStart: load, loadAtEnd: loadavg()[0], results }, null, 2));
  log(`every round: ${file}`);
  const failed = results.filter((r) => r.failures.length > 0).length;
  console.log(`Soak: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
