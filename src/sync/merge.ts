/**
 * Three-way merges of a record edited on two devices since their common version. Text merges line by line
 * (node-diff3) and is refused near runs of identical lines, where a line-based merge can place or repeat a line
 * wrongly without saying so. A refused merge becomes a conflict copy elsewhere: never markers, never a guess.
 */
import { diff3Merge, diffIndices } from 'node-diff3';
import type { Attachment } from '../model/types';
import type { SyncedRecord } from './remote-format';

/** Past these sizes a merge is not tried (time and memory stay bounded); the conflict copy keeps both texts. */
const MAX_LINES = 20_000;
const MAX_CHARS = 2_000_000;

export type TextMerge = { clean: true; text: string } | { clean: false };

function lines(text: string): string[] {
  return text.replace(/\r\n/g, '\n').split('\n');
}

/** Whether a change of base lines [start, start+len) touches a run of two or more identical lines. */
function touchesRepeatedLines(base: string[], start: number, len: number): boolean {
  for (let i = Math.max(0, start - 1); i <= Math.min(base.length - 1, start + len); i++) {
    if ((i > 0 && base[i] === base[i - 1]) || (i + 1 < base.length && base[i] === base[i + 1])) return true;
  }
  return false;
}

function count(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of list) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

/** Lines `side` added relative to `base` (as a multiset) that `merged` lacks. */
function lostAdditions(base: string[], side: string[], merged: string[]): boolean {
  const b = count(base);
  const m = count(merged);
  for (const [line, n] of count(side)) {
    const added = n - (b.get(line) ?? 0);
    if (added > 0 && (m.get(line) ?? 0) < added) return true;
  }
  return false;
}

/** Merges two edits of a text made from `base`. */
export function mergeText(base: string, local: string, remote: string): TextMerge {
  if (local === remote) return { clean: true, text: local };
  if (local === base) return { clean: true, text: remote };
  if (remote === base) return { clean: true, text: local };
  if (base.length + local.length + remote.length > MAX_CHARS) return { clean: false };
  const o = lines(base);
  const a = lines(local);
  const b = lines(remote);
  if (o.length > MAX_LINES || a.length > MAX_LINES || b.length > MAX_LINES) return { clean: false };
  for (const side of [a, b]) {
    for (const hunk of diffIndices(o, side)) {
      if (touchesRepeatedLines(o, hunk.buffer1[0], hunk.buffer1[1])) return { clean: false };
    }
  }
  const blocks = diff3Merge(a, o, b, { excludeFalseConflicts: true });
  const out: string[] = [];
  for (const block of blocks) {
    if (!block.ok) return { clean: false };
    out.push(...block.ok);
  }
  // A last check that the merge kept every line either side added; if not, the conflict copy will.
  if (lostAdditions(o, a, out) || lostAdditions(o, b, out)) return { clean: false };
  return { clean: true, text: out.join('\n') };
}

const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);

function mergeValue(base: unknown, local: unknown, remote: unknown): { ok: true; value: unknown } | { ok: false } {
  if (same(local, remote)) return { ok: true, value: local };
  if (same(local, base)) return { ok: true, value: remote };
  if (same(remote, base)) return { ok: true, value: local };
  return { ok: false };
}

/** Three-way merge of sets of strings: kept by both, plus what each side added, minus what either removed. */
function mergeSet(base: string[], local: string[], remote: string[]): string[] {
  const b = new Set(base);
  const l = new Set(local);
  const r = new Set(remote);
  const out: string[] = [];
  for (const x of [...local, ...remote]) {
    if (out.includes(x)) continue;
    const keep = b.has(x) ? l.has(x) && r.has(x) : l.has(x) || r.has(x);
    if (keep) out.push(x);
  }
  return out;
}

function mergeAttachments(base: Attachment[], local: Attachment[], remote: Attachment[]): Attachment[] | null {
  const by = (list: Attachment[]): Map<string, Attachment> => new Map(list.map((a) => [a.sha256, a]));
  const b = by(base);
  const l = by(local);
  const r = by(remote);
  const out: Attachment[] = [];
  for (const sha of mergeSet(base.map((a) => a.sha256), local.map((a) => a.sha256), remote.map((a) => a.sha256))) {
    const m = mergeValue(b.get(sha), l.get(sha), r.get(sha));
    if (!m.ok) return null;
    const v = (m.value ?? l.get(sha) ?? r.get(sha)) as Attachment;
    out.push(v);
  }
  return out;
}

export type RecordMerge = { clean: true; record: SyncedRecord } | { clean: false; field: string };

/** Field by field: text fields line by line, tags and photos as sets, every other field whole. */
export function mergeRecords(keys: string[], base: SyncedRecord, local: SyncedRecord, remote: SyncedRecord): RecordMerge {
  const b = base as unknown as Record<string, unknown>;
  const l = local as unknown as Record<string, unknown>;
  const r = remote as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { id: local.id };
  for (const key of keys) {
    if (key === 'updated') {
      out.updated = String(l.updated ?? '') > String(r.updated ?? '') ? l.updated : r.updated;
      continue;
    }
    if (key === 'body' || key === 'abstract') {
      const m = mergeText(String(b[key] ?? ''), String(l[key] ?? ''), String(r[key] ?? ''));
      if (!m.clean) return { clean: false, field: key };
      out[key] = m.text;
      continue;
    }
    if (key === 'tags') {
      out.tags = mergeSet((b.tags as string[]) ?? [], (l.tags as string[]) ?? [], (r.tags as string[]) ?? []);
      continue;
    }
    if (key === 'attachments') {
      const m = mergeAttachments((b.attachments as Attachment[]) ?? [], (l.attachments as Attachment[]) ?? [], (r.attachments as Attachment[]) ?? []);
      if (!m) return { clean: false, field: key };
      out.attachments = m;
      continue;
    }
    const m = mergeValue(b[key], l[key], r[key]);
    if (!m.ok) return { clean: false, field: key };
    if (m.value !== undefined) out[key] = m.value;
  }
  return { clean: true, record: out as unknown as SyncedRecord };
}
