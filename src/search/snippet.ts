/** Snippets: a short window of a field around the first match, cut into plain and highlighted pieces. */
import { findTermIn, foldWithMap, type FoldedText } from './fold';

/** A piece of text, highlighted or not; the UI renders each as a text node or a <mark>, never as HTML. */
export interface Segment {
  text: string;
  hit: boolean;
}

/** Every word-start occurrence of any of the terms in [from, to) of the original, sorted, overlaps merged. */
function hitsIn(f: FoldedText, terms: readonly string[], from: number, to: number): Array<[number, number]> {
  const hits: Array<[number, number]> = [];
  for (const term of terms) {
    let pos = from;
    for (let h = findTermIn(f, term, pos); h && h[0] < to; h = findTermIn(f, term, pos)) {
      hits.push([h[0], Math.min(h[1], to)]);
      pos = h[1];
    }
  }
  hits.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const h of hits) {
    const last = merged[merged.length - 1];
    if (last && h[0] <= last[1]) last[1] = Math.max(last[1], h[1]);
    else merged.push(h);
  }
  return merged;
}

function segments(text: string, hits: ReadonlyArray<[number, number]>, from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let pos = from;
  for (const [s, e] of hits) {
    if (s > pos) out.push({ text: text.slice(pos, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    pos = e;
  }
  if (pos < to) out.push({ text: text.slice(pos, to), hit: false });
  return out;
}

/** The whole text with every match highlighted (for short fields such as the title). */
export function highlightAll(text: string, terms: readonly string[]): Segment[] {
  return segments(text, hitsIn(foldWithMap(text), terms, 0, text.length), 0, text.length);
}

/** The first original index where one of the terms starts a word, or -1. */
export function firstHit(text: string, terms: readonly string[]): number {
  return firstHitIn(foldWithMap(text), terms);
}

function firstHitIn(f: FoldedText, terms: readonly string[]): number {
  let best = -1;
  for (const term of terms) {
    const h = findTermIn(f, term);
    if (h && (best < 0 || h[0] < best)) best = h[0];
  }
  return best;
}

/**
 * About `width` characters of text around its first match, starting and ending at word boundaries, with an
 * ellipsis where it was cut and line breaks shown as spaces; the start of the text when nothing matches.
 */
export function snippet(text: string, terms: readonly string[], width = 140): Segment[] {
  const f = foldWithMap(text);
  const first = firstHitIn(f, terms);
  let from = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 3));
  let to = Math.min(text.length, from + width);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < (first < 0 ? to : first)) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > Math.max(from, first)) to = space;
  }
  const pieces = segments(text, first < 0 ? [] : hitsIn(f, terms, from, to), from, to).map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ') }));
  if (from > 0) pieces.unshift({ text: '…', hit: false });
  if (to < text.length) pieces.push({ text: '…', hit: false });
  return pieces;
}
