/** Where the first of some search words occurs in a note, for the editor to select it; no MiniSearch needed. */
import { findTermIn, foldWithMap } from './fold';

/** The [start, end) in `text` of the earliest word-start occurrence of any of the folded terms, or null. */
export function firstMatch(text: string, terms: readonly string[]): [number, number] | null {
  const f = foldWithMap(text);
  let best: [number, number] | null = null;
  for (const term of terms) {
    const hit = findTermIn(f, term);
    if (hit && (!best || hit[0] < best[0])) best = hit;
  }
  return best;
}
