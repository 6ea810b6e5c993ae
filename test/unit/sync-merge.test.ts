// Three-way merges: edits to different lines combine, edits to the same line or near repeated lines do not.
import { describe, expect, it } from 'vitest';
import { newTalk } from '../../src/model/records';
import { mergeRecords, mergeText } from '../../src/sync/merge';
import { syncedKeys, syncedPart, type SyncedTalk } from '../../src/sync/remote-format';

describe('mergeText', () => {
  const base = '# Talk\nSpeaker: A\nIntro notes\nSlide 3: caching\n';
  it('merges an added line on one side with an edited line on the other', () => {
    const local = '# Talk\nSpeaker: Alice\nIntro notes\nSlide 3: caching\n';
    const remote = '# Talk\nSpeaker: A\nIntro notes\nSlide 3: caching\nQ&A: ask about TTL\n';
    expect(mergeText(base, local, remote)).toEqual({ clean: true, text: '# Talk\nSpeaker: Alice\nIntro notes\nSlide 3: caching\nQ&A: ask about TTL\n' });
  });
  it('takes one side when the other did not change, and equal edits once', () => {
    expect(mergeText(base, base, 'x')).toEqual({ clean: true, text: 'x' });
    expect(mergeText(base, 'y', base)).toEqual({ clean: true, text: 'y' });
    expect(mergeText(base, base + 'same\n', base + 'same\n')).toEqual({ clean: true, text: base + 'same\n' });
  });
  it('refuses two different edits of one line', () => {
    expect(mergeText(base, base.replace('A', 'A.'), base.replace('A', 'Alice'))).toEqual({ clean: false });
  });
  it('refuses edits next to runs of identical lines, where a line merge can misplace text', () => {
    const b = 'a\n\n\nb\nc\nd\ne\n';
    expect(mergeText(b, 'a\n\n\nX\nb\nc\nd\ne\n', 'a\n\n\nb\nc\nd\ne\nY\n')).toEqual({ clean: false });
  });
  it('gives up on huge texts instead of taking unbounded time', () => {
    const big = Array.from({ length: 25_000 }, (_, i) => `line ${i}`).join('\n');
    const started = Date.now();
    expect(mergeText(big, big + '\nL', 'R\n' + big)).toEqual({ clean: false });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('mergeRecords', () => {
  const keys = syncedKeys('talks');
  const base = syncedPart('talks', newTalk('c', 'talk', { title: 'T', body: 'one\ntwo\nthree\n', tags: ['a', 'b'] })) as SyncedTalk;
  it('merges fields changed on different sides, tags as sets, body by lines', () => {
    const local = { ...base, title: 'New title', tags: ['a', 'b', 'l'], body: 'zero\none\ntwo\nthree\n' };
    const remote = { ...base, room: 'Hall C', tags: ['b', 'r'], body: 'one\ntwo\nthree\nfour\n', updated: '2099-01-01T00:00:00.000Z' };
    const m = mergeRecords(keys, base, local, remote);
    expect(m.clean).toBe(true);
    if (m.clean) {
      const r = m.record as SyncedTalk;
      expect(r.title).toBe('New title');
      expect(r.room).toBe('Hall C');
      expect(r.tags).toEqual(['b', 'l', 'r']);
      expect(r.body).toBe('zero\none\ntwo\nthree\nfour\n');
      expect(r.updated).toBe('2099-01-01T00:00:00.000Z');
    }
  });
  it('names the field both sides changed differently', () => {
    expect(mergeRecords(keys, base, { ...base, title: 'L' }, { ...base, title: 'R' })).toEqual({ clean: false, field: 'title' });
  });
  it('keeps photos both sides added', () => {
    const p = (sha: string) => ({ sha256: sha.repeat(64), name: sha, type: 'image/jpeg', size: 1, caption: '' });
    const m = mergeRecords(keys, base, { ...base, attachments: [p('a')] }, { ...base, attachments: [p('b')] });
    expect(m.clean && (m.record as SyncedTalk).attachments.map((a) => a.name)).toEqual(['a', 'b']);
  });
});
