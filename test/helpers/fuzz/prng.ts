/** A small seeded generator (mulberry32): the same seed gives the same cases on every machine. */
import { mulberry32 } from '../../../bench/random';

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

export function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)]! };
}

/** The seed of one case, so any case can be run again on its own from the run's seed and its number. */
export function caseSeed(runSeed: number, index: number): number {
  let h = (runSeed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** The run's seed: LECTERN_FUZZ_SEED when set (to repeat a failure), else a fixed one so CI is reproducible. */
export function runSeed(): number {
  const s = process.env.LECTERN_FUZZ_SEED;
  return s ? Number(s) >>> 0 : 20261123;
}

/** Cases per importer: LECTERN_FUZZ_CASES when set, else the given number. */
export function caseCount(fallback: number): number {
  const n = Number(process.env.LECTERN_FUZZ_CASES);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
