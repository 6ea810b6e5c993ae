/** How text and queries become index terms: folded words of two letters or more, without the commonest English words. */
import { fold } from './fold';

/** Queries shorter than this find nothing: a one-letter prefix matches most of the vocabulary and says little. */
export const MIN_QUERY = 2;

const WORD_SPLIT = /[^\p{L}\p{N}\p{M}]+/u;
const ASCII = /^[\x00-\x7f]*$/;
const DIGIT = /\d/;

/**
 * Words too common to tell one note from another. They are a third of the words in notes and abstracts, so leaving
 * them out makes a first index build a third faster; a search for "state of the art" finds it by "state" and "art".
 * Kept short: words that can be names in this field (go, it, can, do) are not on it.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'the and of to in for is with on this that we as you be are from an by or at but was were our your its their they them into has have had will what which'.split(' '),
);

/** One letter says little (digits aside, for rooms like "H 2215"), and stop words not at all. */
function keep(word: string): boolean {
  return word.length >= MIN_QUERY ? !STOP_WORDS.has(word) : word !== '' && DIGIT.test(word);
}

/** The terms a field's text is indexed under: the whole text folded once, then split into words. */
export function indexTerms(text: string): string[] {
  const folded = fold(text);
  return ASCII.test(folded) ? asciiTerms(folded) : folded.split(WORD_SPLIT).filter(keep);
}

/**
 * indexTerms for folded plain-ASCII text (most notes), where words are runs of a–z and 0–9: one pass over the
 * characters that cuts out only the words kept, rather than a split into every word and a filter after it. It is
 * the index's own work per word that a first build spends most on, so this pass was measured: 15–30 % faster.
 */
function asciiTerms(folded: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0, n = folded.length; i <= n; i++) {
    const c = i < n ? folded.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= MIN_QUERY) {
        const word = folded.slice(start, i);
        if (!STOP_WORDS.has(word)) out.push(word);
        // A one-character word is kept only when it is a digit (code ≤ '9').
      } else if (folded.charCodeAt(start) <= 57) out.push(folded.slice(start, i));
      start = -1;
    }
  }
  return out;
}

/**
 * The terms of a query. The last word is being typed, so it is kept whatever it is (as a prefix, "th" is on its way
 * to "theory"); the others are dropped when the index leaves them out.
 */
export function queryTerms(query: string): string[] {
  const words = fold(query).split(WORD_SPLIT).filter((w) => w !== '');
  return words.filter((w, i) => (i === words.length - 1 && w.length >= MIN_QUERY) || keep(w));
}
