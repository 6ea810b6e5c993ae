// The engine that answers index requests: reading every talk from the database itself, as the worker does.
import { describe, expect, it, vi } from 'vitest';
import { toSearchDoc } from '../../src/search/documents';
import { createEngine } from '../../src/search/engine';
import type { IndexReply, IndexRequest } from '../../src/search/protocol';
import type { Talk } from '../../src/model/types';
import { talk } from '../helpers/factories';

const ALL = { from: '', below: null };

function engineOver(talks: Talk[]): { send: (r: IndexRequest) => void; next: (type: IndexReply['type']) => Promise<IndexReply>; replies: IndexReply[]; reads: string[] } {
  const replies: IndexReply[] = [];
  const reads: string[] = [];
  const sorted = [...talks].sort((a, b) => (a.id < b.id ? -1 : 1));
  const send = createEngine((r) => replies.push(r), {
    yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
    readTalks: async (range, after, limit) => {
      reads.push(after ?? `from ${range.from}`);
      return sorted
        .filter((t) => (after === null ? t.id >= range.from : t.id > after) && (range.below === null || t.id < range.below))
        .slice(0, limit);
    },
  });
  const next = async (type: IndexReply['type']): Promise<IndexReply> => {
    for (let i = 0; i < 500; i++) {
      const found = replies.find((r) => r.type === type);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    throw new Error(`no '${type}' reply`);
  };
  return { send, next, replies, reads };
}

describe('read', () => {
  it('reads every talk page by page, leaves trashed ones out, names their conference, and reports its progress', async () => {
    const talks = Array.from({ length: 1_200 }, (_, i) =>
      talk({ id: `t${String(i).padStart(4, '0')}`, conferenceId: 'fosdem', title: i === 700 ? 'Kleppmann on sync' : `Talk ${i}`, deletedAt: i === 5 ? '2026-01-01T00:00:00.000Z' : null }),
    );
    const e = engineOver(talks);
    e.send({ type: 'read', seq: 1, names: [['fosdem', 'FOSDEM 2026']], range: ALL });
    expect(await e.next('read')).toEqual({ type: 'read', seq: 1, docs: 1_199 });
    // A first page of 100, then pages of 500, each starting after the last id of the one before.
    expect(e.reads).toEqual(['from ', 't0099', 't0599', 't1099']);
    expect(e.replies.filter((r) => r.type === 'progress').map((r) => (r as { done: number }).done)).toEqual([100, 600, 1_100, 1_200]);
    e.send({ type: 'stamps', seq: 2 });
    const stamps = await e.next('stamps');
    expect(stamps.type === 'stamps' && stamps.stamps.size).toBe(1_199);
    e.send({ type: 'search', seq: 3, query: 'kleppmann fosdem', filters: {}, limit: 5 });
    const results = await e.next('results');
    expect(results.type === 'results' && results.response.hits.map((h) => h.id)).toEqual(['t0700']);
    e.send({ type: 'search', seq: 4, query: 'talk', filters: {}, limit: 5 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const all = e.replies.filter((r) => r.type === 'results').at(-1)!;
    expect(all.type === 'results' && all.response.total).toBe(1_198);
  });

  it('answers searches while it reads, from what it has indexed so far', async () => {
    const replies: IndexReply[] = [];
    let release: () => void = () => undefined;
    const secondPage = new Promise<void>((resolve) => (release = resolve));
    const first = Array.from({ length: 500 }, (_, i) => talk({ id: `a${String(i).padStart(3, '0')}`, title: i === 3 ? 'Early bird' : 'Other' }));
    const send = createEngine((r) => replies.push(r), {
      readTalks: async (_range, after) => {
        if (after === null) return first;
        await secondPage;
        return after === 'a499' ? [talk({ id: 'b000', title: 'Late bird' })] : [];
      },
    });
    send({ type: 'read', seq: 1, names: [], range: ALL });
    await new Promise((resolve) => setTimeout(resolve, 20));
    send({ type: 'search', seq: 2, query: 'bird', filters: {}, limit: 5 });
    const early = replies.find((r) => r.type === 'results');
    expect(early?.type === 'results' && early.response.hits.map((h) => h.id)).toEqual(['a003']);
    expect(replies.some((r) => r.type === 'read')).toBe(false);
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(replies.find((r) => r.type === 'read')).toEqual({ type: 'read', seq: 1, docs: 501 });
  });

  it('reads only the talks of its range when it holds one shard', async () => {
    const talks = ['0a', '3f', '7e', '80', '9c', 'ff'].map((id) => talk({ id, title: `Talk ${id}` }));
    const low = engineOver(talks);
    low.send({ type: 'read', seq: 1, names: [], range: { from: '', below: '8' } });
    expect(await low.next('read')).toEqual({ type: 'read', seq: 1, docs: 3 });
    const high = engineOver(talks);
    high.send({ type: 'read', seq: 1, names: [], range: { from: '8', below: null } });
    expect(await high.next('read')).toEqual({ type: 'read', seq: 1, docs: 3 });
    high.send({ type: 'stamps', seq: 2 });
    const stamps = await high.next('stamps');
    expect(stamps.type === 'stamps' && [...stamps.stamps.keys()].sort()).toEqual(['80', '9c', 'ff']);
  });

  it('fails the request when the engine has no database to read', async () => {
    const replies: IndexReply[] = [];
    const send = createEngine((r) => replies.push(r));
    send({ type: 'read', seq: 7, names: [], range: ALL });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(replies).toEqual([{ type: 'failed', seq: 7, detail: expect.stringMatching(/database/) }]);
  });
});

describe('vacuum', () => {
  it('clears removed talks between requests, so words added meanwhile never break the index', async () => {
    const warn = vi.spyOn(console, 'warn');
    const replies: IndexReply[] = [];
    const send = createEngine((r) => replies.push(r));
    const doc = (id: string, title: string) => toSearchDoc(talk({ id, title }), 'Conf');
    // The first word's branch is walked last; over 1,000 words, a vacuum pauses before reaching it.
    send({ type: 'upsert', docs: [doc('z', 'zeta')] });
    send({ type: 'upsert', docs: Array.from({ length: 1_200 }, (_, i) => doc(`a${i}`, `a${String(i).padStart(4, '0')}`)) });
    send({ type: 'remove', ids: Array.from({ length: 300 }, (_, i) => `a${i}`) });
    // Once the removal is applied (a vacuum is then due): a search drops the words of removed talks it meets,
    // reshaping the branches the vacuum walks last.
    await new Promise((r) => setTimeout(r, 0));
    send({ type: 'search', seq: 9, query: 'a0001', filters: {}, limit: 5 });
    send({ type: 'search', seq: 10, query: 'a0250', filters: {}, limit: 5 });
    // Splits the `zeta` branch: during a vacuum's pause, the vacuum would then fail on a branch that is gone.
    send({ type: 'upsert', docs: [doc('zb', 'zebra')] });
    send({ type: 'stamps', seq: 1 });
    for (let i = 0; i < 200 && !replies.some((r) => r.type === 'stamps'); i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 100));
    const stamps = replies.find((r) => r.type === 'stamps');
    expect(stamps?.type === 'stamps' && stamps.stamps.size).toBe(902);
    for (const [q, seq] of [['zebra', 2], ['zeta', 3], ['a0100', 4], ['a1100', 5]] as const) send({ type: 'search', seq, query: q, filters: {}, limit: 5 });
    const found = replies.filter((r) => r.type === 'results' && r.seq < 9).map((r) => (r.type === 'results' ? r.response.hits.map((h) => h.id) : []));
    expect(found.slice(0, 2)).toEqual([['zb'], ['z']]);
    // Removed talks are gone (typo tolerance finds their neighbours), kept ones are there.
    expect(found[2]).not.toContain('a100');
    expect(found[3]![0]).toBe('a1100');
    expect(replies.filter((r) => r.type === 'failed')).toEqual([]);
    // The vacuum ran to its end.
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
