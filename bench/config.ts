/** How much the bench does: the full run, or --quick, a smoke run that checks the bench still works (about a minute). */

export interface BenchConfig {
  mode: 'full' | 'quick';
  conferences: number;
  talks: number;
  /** Characters in the note typed into. */
  noteChars: number;
  /** CPU slowdown for the cold start (the design's phone conditions). */
  coldRate: number;
  coldReps: number;
  coldPauseMs: number;
  /** CPU slowdowns at which typing and opening a talk are measured (1 = this machine's speed). */
  uiRates: number[];
  keys: number;
  keyBlock: number;
  keyIntervalMs: number;
  openReps: number;
}

export const FULL: BenchConfig = {
  mode: 'full',
  conferences: 200,
  talks: 10_000,
  noteChars: 20 * 1024,
  coldRate: 4,
  coldReps: 15,
  coldPauseMs: 2_500,
  uiRates: [1, 4],
  keys: 500,
  keyBlock: 50,
  keyIntervalMs: 80,
  openReps: 30,
};

export const QUICK: BenchConfig = {
  mode: 'quick',
  conferences: 50,
  talks: 500,
  noteChars: 20 * 1024,
  coldRate: 4,
  coldReps: 3,
  coldPauseMs: 300,
  uiRates: [4],
  keys: 40,
  keyBlock: 20,
  keyIntervalMs: 50,
  openReps: 4,
};

export function configFromArgs(argv: readonly string[]): BenchConfig {
  const unknown = argv.filter((a) => a !== '--quick');
  if (unknown.length) throw new Error(`Unknown argument(s): ${unknown.join(' ')} (the only option is --quick)`);
  return argv.includes('--quick') ? QUICK : FULL;
}
