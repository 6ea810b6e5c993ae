/** Summaries of repeated measurements: median, p95, min and max. */

export interface Summary {
  n: number;
  median: number;
  /** Nearest-rank 95th percentile: the smallest sample that at least 95 % of samples do not exceed. */
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('No samples to summarize');
  if (samples.some((s) => !Number.isFinite(s))) throw new Error(`A sample is not a finite number: ${samples.join(', ')}`);
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return {
    n: s.length,
    median: s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2,
    p95: s[Math.ceil(0.95 * s.length) - 1]!,
    min: s[0]!,
    max: s[s.length - 1]!,
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}
