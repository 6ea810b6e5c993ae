/**
 * How much the bench does: the full run, or --quick, a smoke run that checks the bench still works (about a minute);
 * `--only <section>` measures one section on the same data (the full run takes a quarter of an hour or more).
 */

export const SECTIONS = ['cold-start', 'typing', 'export', 'search', 'import', 'sync'] as const;
export type Section = (typeof SECTIONS)[number];

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
  /** The one section to measure, or null for all of them. */
  only: Section | null;
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
  only: null,
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
  only: null,
};

export function configFromArgs(argv: readonly string[]): BenchConfig {
  const args = [...argv];
  let only: Section | null = null;
  const at = args.indexOf('--only');
  if (at >= 0) {
    const name = args[at + 1];
    if (!SECTIONS.includes(name as Section)) throw new Error(`--only takes one of: ${SECTIONS.join(', ')}`);
    only = name as Section;
    args.splice(at, 2);
  }
  const unknown = args.filter((a) => a !== '--quick');
  if (unknown.length) throw new Error(`Unknown argument(s): ${unknown.join(' ')} (the options are --quick and --only <section>)`);
  return { ...(args.includes('--quick') ? QUICK : FULL), only };
}
