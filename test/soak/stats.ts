/** Seeded randomness and summaries for the soak, so a failing round can be replayed with its seed. */

export { mulberry32 } from '../../bench/random';

export interface Distribution {
  median: number;
  /** Nearest rank: the smallest sample that 95 % of samples do not exceed. */
  p95: number;
  min: number;
  max: number;
}

export function distribution(samples: readonly number[]): Distribution {
  if (samples.length === 0) throw new Error('No samples');
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return {
    median: s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2,
    p95: s[Math.ceil(0.95 * s.length) - 1]!,
    min: s[0]!,
    max: s[s.length - 1]!,
  };
}
