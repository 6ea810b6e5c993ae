/** Splitting folded text into the words the index holds and a query looks for. */

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Calls `each` with every word of text already folded (see fold.ts), in order: a word is a run of letters, digits and
 * combining marks, so Markdown's `code`, <tags> and a|b split like spaces do. Plain ASCII is classified by code, and
 * only other characters go through the Unicode test: the index reads megabytes of notes through this loop.
 */
export function eachWord(folded: string, each: (word: string) => void): void {
  let start = -1;
  const n = folded.length;
  for (let i = 0; i < n; i++) {
    const c = folded.charCodeAt(i);
    let inWord: boolean;
    if (c < 128) inWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      // A character outside the BMP: both halves belong to the word or neither does.
      inWord = WORD_CHAR.test(folded.slice(i, i + 2));
      if (inWord) {
        if (start < 0) start = i;
        i++;
        continue;
      }
    } else inWord = WORD_CHAR.test(folded[i]!);
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      each(folded.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) each(folded.slice(start));
}

/** The words of folded text, as an array. */
export function words(folded: string): string[] {
  const out: string[] = [];
  eachWord(folded, (w) => out.push(w));
  return out;
}
