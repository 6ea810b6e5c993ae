/** How text and queries become index terms: folded words of two letters or more, without the commonest English words. */
import { fold } from './fold';

/** Queries shorter than this find nothing: a one-letter prefix matches most of the vocabulary and says little. */
export const MIN_QUERY = 2;

const WORD_SPLIT = /[^\p{L}\p{N}\p{M}]+/u;
// Folded plain-ASCII text holds only lower-case ASCII: a simpler split gives the same words, several times faster.
const ASCII_SPLIT = /[^a-z0-9]+/;
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
  return folded.split(ASCII.test(folded) ? ASCII_SPLIT : WORD_SPLIT).filter(keep);
}

/**
 * The terms of a query. The last word is being typed, so it is kept whatever it is (as a prefix, "th" is on its way
 * to "theory"); the others are dropped when the index leaves them out.
 */
export function queryTerms(query: string): string[] {
  const words = fold(query).split(WORD_SPLIT).filter((w) => w !== '');
  return words.filter((w, i) => (i === words.length - 1 && w.length >= MIN_QUERY) || keep(w));
}
