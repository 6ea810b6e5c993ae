// The MiniSearch that remembers each term's entry indexes exactly as MiniSearch does, through adds, removes,
// discards and vacuums that delete terms from its tree.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { FastAddMiniSearch } from '../../src/search/term-map';

interface Doc {
  id: string;
  text: string;
}

const WORDS = ['zebra', 'zeal', 'zero', 'apple', 'apply', 'ape', 'crdt', 'crdts', 'yjs', 'raft'];
const OPTIONS = { fields: ['text'], storeFields: [] };

/** A seeded PRNG (mulberry32), so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function results(m: MiniSearch<Doc>, word: string): string {
  return JSON.stringify(m.search(word, { prefix: true, fuzzy: 1 }).map((r) => [r.id, r.score.toFixed(6)]));
}

describe('FastAddMiniSearch', () => {
  it('finds a term added again after removing it took the term out of the tree', async () => {
    const m = new FastAddMiniSearch<Doc>(OPTIONS);
    m.add({ id: 'a', text: 'zebra' });
    m.remove({ id: 'a', text: 'zebra' });
    m.add({ id: 'b', text: 'zebra crossing' });
    expect(m.search('zebra').map((r) => r.id)).toEqual(['b']);
    m.discard('b');
    await m.vacuum();
    m.add({ id: 'c', text: 'zebra' });
    expect(m.search('zebra').map((r) => r.id)).toEqual(['c']);
  });

  it('answers as MiniSearch does after 2,000 random adds, removes, discards and vacuums', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      const fast = new FastAddMiniSearch<Doc>(OPTIONS);
      const plain = new MiniSearch<Doc>(OPTIONS);
      const held = new Map<string, Doc>();
      for (let step = 0; step < 400; step++) {
        const roll = next();
        const id = `d${Math.floor(next() * 30)}`;
        const doc = held.get(id);
        if (doc && roll < 0.25) {
          fast.remove(doc);
          plain.remove(doc);
          held.delete(id);
        } else if (doc && roll < 0.5) {
          fast.discard(id);
          plain.discard(id);
          held.delete(id);
        } else if (roll < 0.55) {
          await Promise.all([fast.vacuum(), plain.vacuum()]);
        } else if (!doc) {
          const text = Array.from({ length: 1 + Math.floor(next() * 6) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
          const added = { id, text };
          fast.add(added);
          plain.add(added);
          held.set(id, added);
        }
        if (step % 20 === 0) for (const w of WORDS) expect(results(fast, w), `seed ${seed}, step ${step}, "${w}"`).toBe(results(plain, w));
      }
      expect(fast.termCount).toBe(plain.termCount);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(plain));
    }
  });
});
