/**
 * The inverted index behind search: for each word, the documents and fields that hold it and how often, scored with
 * BM25+ per field. Written for the search's sizes (10,000 talks, 5 MB of notes, a vocabulary of tens of thousands of
 * words): a document is one slot number, a posting two numbers in flat arrays, and a query adds scores into typed
 * arrays indexed by slot, so a two-letter prefix that expands to hundreds of words allocates nothing per posting.
 */
import { fold } from './fold';
import { eachWord } from './words';

/** A word of the vocabulary: where it occurs, in slot and field order. */
interface Postings {
  /** slot * FIELD_CODES + field, ascending. */
  codes: number[];
  /** How often the word occurs there. */
  tfs: number[];
  /** Live documents holding the word, per field. */
  df: number[];
}

/** A word of the vocabulary a query word stands for, and how much a match on it counts (1 for the word itself). */
export interface Expansion {
  term: string;
  weight: number;
}

/** One match of a query: the document, its score, and the fields (bit i: field i) any of its words matched in. */
export interface Scored {
  id: string;
  score: number;
  fields: number;
}

/** The saved form: the vocabulary in sorted order, its postings gap-coded, and each document's field lengths. */
export interface SavedPostings {
  terms: string[];
  /** Per term: code gap, tf, code gap, tf… (the first gap from 0), slots numbered as in `ids`. */
  postings: number[][];
  /** slot * fields + field → words in that field. */
  lengths: number[];
}

const FIELD_CODES = 8;
// BM25+ as MiniSearch scores, so ranking reads as it did: term saturation, length normalisation, lower bound.
const K = 1.2;
const B = 0.7;
const D = 0.5;
// A longer word found by prefix, or a word one edit away, counts for less than the word typed.
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Removed documents are dropped from the postings once there are this many and a quarter as many as live ones. */
const COMPACT_AFTER = 1_000;

export class InvertedIndex {
  private readonly terms = new Map<string, Postings>();
  /** The vocabulary in code-unit order, for prefix ranges, and the words added since it was sorted. */
  private sorted: string[] = [];
  private unsorted: string[] = [];
  /** slot → document id, null once removed. */
  private ids: Array<string | null> = [];
  private readonly slotOf = new Map<string, number>();
  private lengths: number[] = [];
  private readonly totals: number[];
  private dead = 0;
  // The posting being added: set once per field rather than passed through the word loop.
  private code = 0;
  private field = 0;
  private count = 0;

  constructor(private readonly fieldCount: number) {
    if (fieldCount > FIELD_CODES) throw new Error(`at most ${FIELD_CODES} fields`);
    this.totals = new Array<number>(fieldCount).fill(0);
  }

  get size(): number {
    return this.slotOf.size;
  }

  /**
   * Indexes a document's fields (raw text, folded here). A document already held under the id must be removed first,
   * with the texts it was added with.
   */
  add(id: string, texts: readonly string[]): void {
    if (this.slotOf.has(id)) throw new Error(`document ${id} is already indexed`);
    const slot = this.ids.length;
    this.ids.push(id);
    this.slotOf.set(id, slot);
    for (let f = 0; f < this.fieldCount; f++) {
      this.code = slot * FIELD_CODES + f;
      this.field = f;
      this.count = 0;
      const text = texts[f];
      if (text) eachWord(fold(text), this.addWord);
      this.lengths.push(this.count);
      this.totals[f]! += this.count;
    }
  }

  private readonly addWord = (word: string): void => {
    this.count++;
    let p = this.terms.get(word);
    if (!p) {
      p = { codes: [], tfs: [], df: new Array<number>(this.fieldCount).fill(0) };
      this.terms.set(word, p);
      this.unsorted.push(word);
    }
    // Fields are read one at a time, so a word already seen in this one is the last posting.
    const last = p.codes.length - 1;
    if (last >= 0 && p.codes[last] === this.code) p.tfs[last]!++;
    else {
      p.codes.push(this.code);
      p.tfs.push(1);
      p.df[this.field]!++;
    }
  };

  /**
   * Forgets a document, given the texts it was added with (read again to keep each word's document counts exact);
   * false when it was not there. Its postings stay, skipped, until enough have piled up.
   */
  remove(id: string, texts: readonly string[]): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.ids[slot] = null;
    for (let f = 0; f < this.fieldCount; f++) {
      this.totals[f]! -= this.lengths[slot * this.fieldCount + f]!;
      const seen = new Set<string>();
      if (texts[f]) eachWord(fold(texts[f]!), (w) => seen.add(w));
      for (const w of seen) {
        const p = this.terms.get(w);
        if (p && p.df[f]! > 0) p.df[f]!--;
      }
    }
    this.dead++;
    if (this.dead >= COMPACT_AFTER && this.dead * 4 >= this.slotOf.size) this.compact();
    return true;
  }

  /** The live documents' ids, in slot order. */
  documentIds(): string[] {
    return this.ids.filter((id): id is string => id !== null);
  }

  /** Renumbers the live documents from 0 and drops the postings of removed ones, and words left with none. */
  private compact(): void {
    const remap = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const lengths: number[] = [];
    this.ids.forEach((id, slot) => {
      if (id === null) return;
      remap[slot] = ids.length;
      this.slotOf.set(id, ids.length);
      ids.push(id);
      for (let f = 0; f < this.fieldCount; f++) lengths.push(this.lengths[slot * this.fieldCount + f]!);
    });
    for (const [term, p] of this.terms) {
      const codes: number[] = [];
      const tfs: number[] = [];
      const df = new Array<number>(this.fieldCount).fill(0);
      for (let i = 0; i < p.codes.length; i++) {
        const code = p.codes[i]!;
        const to = remap[Math.floor(code / FIELD_CODES)]!;
        if (to < 0) continue;
        codes.push(to * FIELD_CODES + (code % FIELD_CODES));
        tfs.push(p.tfs[i]!);
        df[code % FIELD_CODES]!++;
      }
      if (codes.length) this.terms.set(term, { codes, tfs, df });
      else this.terms.delete(term);
    }
    this.ids = ids;
    this.lengths = lengths;
    this.dead = 0;
    this.sorted = [...this.terms.keys()].sort();
    this.unsorted = [];
  }

  /** The vocabulary in code-unit order (the order `startsWith` ranges follow). */
  private vocabulary(): string[] {
    if (this.unsorted.length) {
      // A few new words (an edited note) go in place; a build's worth is cheaper sorted in one go.
      if (this.unsorted.length < 64) for (const w of this.unsorted) this.sorted.splice(lowerBound(this.sorted, w), 0, w);
      else this.sorted = this.sorted.concat(this.unsorted).sort();
      this.unsorted = [];
    }
    return this.sorted;
  }

  /**
   * What a query word stands for: itself when indexed; with `prefix`, every longer word it begins; with `fuzzy`,
   * every word one insertion, deletion or substitution away. Weighted as MiniSearch weighs them.
   */
  expand(word: string, prefix: boolean, fuzzy: boolean): Expansion[] {
    const out: Expansion[] = [];
    if (this.terms.has(word)) out.push({ term: word, weight: 1 });
    const vocab = prefix || fuzzy ? this.vocabulary() : [];
    const byPrefix = new Set<string>();
    if (prefix) {
      for (let i = lowerBound(vocab, word); i < vocab.length && vocab[i]!.startsWith(word); i++) {
        const term = vocab[i]!;
        if (term.length === word.length) continue;
        byPrefix.add(term);
        out.push({ term, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - word.length)) });
      }
    }
    if (fuzzy) {
      for (const term of vocab) {
        if (term === word || byPrefix.has(term) || Math.abs(term.length - word.length) > 1 || !oneEditApart(word, term)) continue;
        out.push({ term, weight: (FUZZY_WEIGHT * term.length) / (term.length + 1) });
      }
    }
    return out;
  }

  /**
   * The documents that match every group (each group: what one query word stands for), best `limit` first, and how
   * many matched. `boosts` weigh the fields; `accept` (by id) leaves documents out.
   */
  search(groups: readonly Expansion[][], boosts: readonly number[], limit: number, accept?: (id: string) => boolean): { total: number; top: Scored[] } {
    const slots = this.ids.length;
    const live = this.slotOf.size;
    if (!groups.length || !live) return { total: 0, top: [] };
    const score = new Float64Array(slots);
    // Words matched so far per slot: a document out of the running skips the rest of the postings cheaply.
    const matched = new Uint16Array(slots);
    const fields = new Uint8Array(slots);
    const avg = this.totals.map((t) => t / live || 1);
    const idf = new Float64Array(this.fieldCount);
    for (let g = 0; g < groups.length; g++) {
      for (const { term, weight } of groups[g]!) {
        const p = this.terms.get(term);
        if (!p) continue;
        for (let f = 0; f < this.fieldCount; f++) {
          const n = p.df[f]!;
          idf[f] = Math.log(1 + (live - n + 0.5) / (n + 0.5)) * weight * boosts[f]!;
        }
        const { codes, tfs } = p;
        for (let i = 0; i < codes.length; i++) {
          const code = codes[i]!;
          const slot = (code / FIELD_CODES) | 0;
          const m = matched[slot]!;
          // Not matched by an earlier word (so out of the running), or already counted for this one.
          if (m < g || m > g + 1) continue;
          if (this.ids[slot] === null) continue;
          const f = code % FIELD_CODES;
          const tf = tfs[i]!;
          const len = this.lengths[slot * this.fieldCount + f]!;
          score[slot]! += idf[f]! * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * len) / avg[f]!)));
          fields[slot]! |= 1 << f;
          if (m === g) matched[slot] = g + 1;
        }
      }
    }
    const all = groups.length;
    const top: Scored[] = [];
    let total = 0;
    for (let slot = 0; slot < slots; slot++) {
      if (matched[slot] !== all) continue;
      const id = this.ids[slot];
      if (id === null || id === undefined || (accept && !accept(id))) continue;
      total++;
      const s = score[slot]!;
      if (top.length === limit && !(s > top[limit - 1]!.score)) continue;
      // Ties keep slot order: the earlier document first.
      let at = top.length;
      while (at > 0 && s > top[at - 1]!.score) at--;
      top.splice(at, 0, { id, score: s, fields: fields[slot]! });
      if (top.length > limit) top.pop();
    }
    return { total, top };
  }

  /** The index in its saved form, live documents numbered from 0 in the order of documentIds(). */
  save(): SavedPostings {
    const remap = new Int32Array(this.ids.length).fill(-1);
    const lengths: number[] = [];
    let next = 0;
    this.ids.forEach((id, slot) => {
      if (id === null) return;
      remap[slot] = next++;
      for (let f = 0; f < this.fieldCount; f++) lengths.push(this.lengths[slot * this.fieldCount + f]!);
    });
    const terms: string[] = [];
    const postings: number[][] = [];
    for (const term of this.vocabulary()) {
      const p = this.terms.get(term)!;
      const out: number[] = [];
      let prev = 0;
      for (let i = 0; i < p.codes.length; i++) {
        const code = p.codes[i]!;
        const to = remap[Math.floor(code / FIELD_CODES)]!;
        if (to < 0) continue;
        const c = to * FIELD_CODES + (code % FIELD_CODES);
        out.push(c - prev, p.tfs[i]!);
        prev = c;
      }
      if (!out.length) continue;
      terms.push(term);
      postings.push(out);
    }
    return { terms, postings, lengths };
  }

  /** An index saved by save(), over the documents `ids` (in the order they were saved). */
  static load(fieldCount: number, ids: readonly string[], saved: SavedPostings): InvertedIndex {
    const { terms, postings, lengths } = saved;
    if (terms.length !== postings.length || lengths.length !== ids.length * fieldCount) throw new Error('saved search postings do not fit their documents');
    const index = new InvertedIndex(fieldCount);
    index.ids = [...ids];
    ids.forEach((id, slot) => index.slotOf.set(id, slot));
    index.lengths = lengths;
    for (let i = 0; i < lengths.length; i++) index.totals[i % fieldCount]! += lengths[i]!;
    const limit = ids.length * FIELD_CODES;
    for (let t = 0; t < terms.length; t++) {
      const coded = postings[t]!;
      const codes = new Array<number>(coded.length / 2);
      const tfs = new Array<number>(coded.length / 2);
      const df = new Array<number>(fieldCount).fill(0);
      let code = 0;
      for (let i = 0, j = 0; i < coded.length; i += 2, j++) {
        code += coded[i]!;
        if (!(code < limit) || code % FIELD_CODES >= fieldCount) throw new Error('saved search postings out of range');
        codes[j] = code;
        tfs[j] = coded[i + 1]!;
        df[code % FIELD_CODES]!++;
      }
      index.terms.set(terms[t]!, { codes, tfs, df });
    }
    // Saved sorted; re-sorted only if it was not (an older or altered copy).
    index.sorted = terms.every((w, i) => i === 0 || terms[i - 1]! < w) ? [...terms] : [...terms].sort();
    return index;
  }
}

/** The first index of `sorted` whose word is not below `word`. */
function lowerBound(sorted: readonly string[], word: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether two different words are one insertion, deletion or substitution apart. */
export function oneEditApart(a: string, b: string): boolean {
  if (a.length > b.length) [a, b] = [b, a];
  if (b.length - a.length > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  // Substitution: the rest after the difference is equal; insertion: b's rest from one further is a's rest.
  return a.length === b.length ? a.slice(i + 1) === b.slice(i + 1) : a.slice(i) === b.slice(i + 1);
}
