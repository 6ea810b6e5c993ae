/** Accent- and case-folding shared by the index, its snippets and the editor's "go to the match". */

const MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** Folds text for matching: "Müller" → "muller", "Ǆ" → "dž" minus marks. Lengths may change; see foldWithMap. */
export function fold(text: string): string {
  // The index folds every word it reads: plain ASCII (most words) needs only lower-casing.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Folded text with, for each of its UTF-16 units, the index in the original it came from. */
export interface FoldedText {
  text: string;
  /** map[i] is the original index of folded unit i, map[text.length] the original length; null when they are equal. */
  map: number[] | null;
}


/**
 * Folds one code point at a time, so each folded unit can be traced back to the original: a highlight found in
 * folded text lands on the right characters of what the person typed, whatever the accents.
 */
export function foldWithMap(original: string): FoldedText {
  // Most notes are plain ASCII: lower-casing keeps every index, and snippets of 50 results stay well under a frame.
  if (ASCII.test(original)) return { text: original.toLowerCase(), map: null };
  let text = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of original) {
    // ASCII is by far the common case; skip normalize() for it.
    const f = ch.length === 1 && ch.charCodeAt(0) < 128 ? ch.toLowerCase() : fold(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    text += f;
    i += ch.length;
  }
  map.push(original.length);
  return { text, map };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where a folded term first occurs at the start of a word in the original text, as [start, end) in the original;
 * null when it does not. `term` must already be folded (a term from the index is).
 */
export function findTerm(original: string, term: string, from = 0): [number, number] | null {
  if (!term) return null;
  return findTermIn(foldWithMap(original), term, from);
}

/** findTerm over text already folded, for several lookups in one text. */
export function findTermIn(f: FoldedText, term: string, from = 0): [number, number] | null {
  if (!term) return null;
  const { text, map } = f;
  const start = map ? Math.max(0, map.findIndex((o) => o >= from)) : from;
  let at = text.indexOf(term, start);
  while (at >= 0) {
    if (at === 0 || !WORD_CHAR.test(text[at - 1]!)) return map ? [map[at]!, map[at + term.length]!] : [at, at + term.length];
    at = text.indexOf(term, at + 1);
  }
  return null;
}
