/** The bench's output: a table on stdout, the same figures as JSON in bench/results/<timestamp>.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure, Unit } from './figures';

export function formatValue(v: number, unit: Unit): string {
  if (unit === 'bytes') return v >= 1024 * 1024 ? `${(v / 1024 / 1024).toFixed(1)} MB` : `${(v / 1024).toFixed(1)} KB`;
  if (unit === 'count') return String(Math.round(v));
  return v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`;
}

const DASH = '—';

export function row(f: Figure): string[] {
  const met = f.met === null ? DASH : f.met ? 'yes' : 'NO';
  const target = f.target?.text ?? 'recorded';
  if (f.status !== 'measured') return [f.label, f.status, DASH, DASH, DASH, DASH, target, DASH];
  if (f.value !== undefined) return [f.label, formatValue(f.value, f.unit), DASH, DASH, DASH, DASH, target, met];
  const s = f.summary!;
  const baseline = f.baseline ? `${formatValue(f.baseline.summary.median, f.unit)} / ${formatValue(f.baseline.summary.p95, f.unit)}` : DASH;
  const ratio = f.ratio ? `${f.ratio.value.toFixed(2)}× (${f.ratio.of})` : DASH;
  return [f.label, formatValue(s.median, f.unit), formatValue(s.p95, f.unit), `${formatValue(s.min, f.unit)} – ${formatValue(s.max, f.unit)}`, baseline, ratio, target, met];
}

export const HEADER = ['Figure', 'median', 'p95', 'min – max', 'baseline (median / p95)', 'ratio', 'target', 'met?'];

export function table(figures: Figure[]): string {
  const rows = [HEADER, ...figures.map(row)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)].join('\n');
}

/** The same table as Markdown, for docs/PERFORMANCE.md. */
export function markdownTable(figures: Figure[]): string {
  const esc = (c: string): string => c.replace(/\|/g, '\\|');
  return [HEADER, HEADER.map(() => '---'), ...figures.map(row)].map((r) => `| ${r.map(esc).join(' | ')} |`).join('\n');
}

export function notesText(figures: Figure[]): string {
  return figures
    .filter((f) => f.notes.length)
    .map((f) => `- ${f.label}: ${f.notes.join('; ')}`)
    .join('\n');
}

/** Writes the run as JSON; returns the file's path. */
export function writeResults(dir: string, run: Record<string, unknown>, figures: Figure[], started: Date): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ ...run, figures, markdown: markdownTable(figures) }, null, 2)}\n`);
  return file;
}
