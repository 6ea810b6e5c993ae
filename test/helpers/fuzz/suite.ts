/** The tests every fuzzed importer gets: its real files are accepted as they are, and 1,000 mutations of them are handled. */
import { describe, expect, it } from 'vitest';
import { describeFailures, runFuzz } from './pool';
import { caseCount, runSeed } from './prng';
import { TARGETS } from './targets';

/** A case slower than this counts as a hang. Real cases take milliseconds; the margin is for a machine under load. */
export const CASE_LIMIT_MS = 30_000;

export function fuzzSuite(target: string, label: string): void {
  describe(`${label} import, fuzzed`, () => {
    it('accepts each real file it is fuzzed from, unchanged (so the mutations start from files it reads)', async () => {
      const t = TARGETS[target]!;
      const seeds = await t.seeds();
      expect(seeds.length).toBeGreaterThan(0);
      for (const s of seeds) expect(await t.run(s.name.replace(/ \(.*\)$/, ''), s.bytes, 0), s.name).toEqual({ kind: 'accepted' });
    }, 60_000);

    const cases = caseCount(1000);
    it(`handles ${cases} mutated files: each accepted, or refused with a clear message and the stored data as it was, in time`, async () => {
      const seed = runSeed();
      const r = await runFuzz({ target, seed, cases, workers: 2, caseLimitMs: CASE_LIMIT_MS });
      // One line per importer for docs/RELIABILITY.md.
      console.info(
        `fuzz ${target}: ${r.cases} cases from ${r.seeds} files, seed ${seed}: ${JSON.stringify(r.outcomes)}; median ${r.medianMs.toFixed(1)} ms, worst ${r.worstMs.toFixed(0)} ms (${r.worstCase}); ${(r.totalMs / 1000).toFixed(1)} s in all`,
      );
      expect(r.failures, describeFailures(r)).toEqual([]);
      expect(r.cases).toBe(cases);
      // Both ways must happen: all refused would mean the mutations never get past the first check.
      expect(r.outcomes.accepted ?? 0).toBeGreaterThan(0);
      expect(r.cases - (r.outcomes.accepted ?? 0)).toBeGreaterThan(0);
    }, 600_000);
  });
}
