/** What the bench reports: one row per figure, measured, counted, or not built yet. */
import { summarize, type Summary } from './stats';

export type Unit = 'ms' | 'bytes' | 'count';

export interface Target {
  /** As printed, e.g. "≤ 2× baseline (p95)". */
  text: string;
  /** Compares this statistic (or the ratio of it to the baseline's) with `limit`. */
  stat: 'value' | 'median' | 'p95';
  limit: number;
  /** True when `limit` bounds the ratio to the baseline rather than the figure itself. */
  ratio?: boolean;
}

export interface Figure {
  id: string;
  label: string;
  unit: Unit;
  status: 'measured' | 'not built yet' | 'not measured yet';
  /** A time measured repeatedly: its samples and their summary. */
  samples?: number[];
  summary?: Summary;
  /** A single count (bytes, requests). */
  value?: number;
  baseline?: { label: string; samples: number[]; summary: Summary };
  /** This figure's statistic over the baseline's, for the statistic the target names (median if none). */
  ratio?: { of: 'median' | 'p95'; value: number };
  target?: Target;
  /** null when there is no target (recorded only) or nothing was measured. */
  met: boolean | null;
  /** Conditions and details a reader needs (CPU rate, data size, checks made). */
  notes: string[];
  /** Extra numbers kept in the JSON only. */
  extra?: Record<string, unknown>;
}

function judge(f: Figure): boolean | null {
  const t = f.target;
  if (!t) return null;
  if (t.ratio) return f.ratio ? f.ratio.value <= t.limit : null;
  if (t.stat === 'value') return f.value === undefined ? null : f.value <= t.limit;
  return f.summary ? f.summary[t.stat] <= t.limit : null;
}

export function timeFigure(o: {
  id: string;
  label: string;
  samples: number[];
  baseline?: { label: string; samples: number[] };
  target?: Target;
  unit?: Unit;
  notes?: string[];
  extra?: Record<string, unknown>;
}): Figure {
  const summary = summarize(o.samples);
  const f: Figure = { id: o.id, label: o.label, unit: o.unit ?? 'ms', status: 'measured', samples: o.samples, summary, met: null, notes: o.notes ?? [], extra: o.extra };
  if (o.target) f.target = o.target;
  if (o.baseline) {
    const b = summarize(o.baseline.samples);
    f.baseline = { label: o.baseline.label, samples: o.baseline.samples, summary: b };
    const of = o.target?.stat === 'p95' ? 'p95' : 'median';
    f.ratio = { of, value: summary[of] / b[of] };
  }
  f.met = judge(f);
  return f;
}

export function countFigure(o: { id: string; label: string; value: number; unit: Unit; target?: Target; notes?: string[]; extra?: Record<string, unknown> }): Figure {
  const f: Figure = { id: o.id, label: o.label, unit: o.unit, status: 'measured', value: o.value, met: null, notes: o.notes ?? [], extra: o.extra };
  if (o.target) f.target = o.target;
  f.met = judge(f);
  return f;
}

/** A budgeted figure with no number: the capability is not built, or the bench does not drive it yet. */
export function notBuilt(id: string, label: string, target: string, status: 'not built yet' | 'not measured yet' = 'not built yet', note?: string): Figure {
  return { id, label, unit: 'ms', status, met: null, notes: note ? [note] : [], target: { text: target, stat: 'value', limit: Number.NaN } };
}
