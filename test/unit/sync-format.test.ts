// The remote file format: one canonical text per record, read back exactly, and refusals that name the problem.
import { describe, expect, it } from 'vitest';
import { newConference, newTalk } from '../../src/model/records';
import { parseRecordFile, serialiseRecord, syncedPart, type SyncedTalk } from '../../src/sync/remote-format';
import { parseIdentity, parseTombstone, serialiseIdentity, serialiseTombstone } from '../../src/sync/remote-meta';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function fullTalk(): SyncedTalk {
  const t = newTalk('conf-1', 'talk', {
    title: 'Caching: "the hard part" — résumé #1',
    body: '# Notes\n\n- first: yes\n---\nnot front matter\n  indented  \n\nno trailing newline',
    speakers: [{ name: 'Ada Lovelace', affiliation: 'Analytical, Ltd.' }],
    starts: '2026-05-14T10:30:00+02:00',
    ends: null,
    day: '2026-05-14',
    room: '101',
    track: 'yes',
    links: [{ label: 'Slides', url: 'https://example.org/s?a=1&b=2' }],
    abstract: 'Line one\n\nLine three with trailing space \n',
    tags: ['pwa', 'null', '2026'],
    starred: true,
    attachments: [{ sha256: 'ab'.repeat(32), name: 'slide 3.jpg', type: 'image/jpeg', size: 1234, caption: 'The: diagram' }],
    scheduleRef: { source: 'https://x/s.ics', guid: 'g-1' },
    scheduleStatus: 'moved',
    previousSlot: { starts: null, ends: null, room: 'Hall B' },
    private: true,
  });
  return syncedPart('talks', { ...t, conflictOf: 'orig', conflictFrom: 'Firefox on Android' }) as SyncedTalk;
}

describe('record files', () => {
  it('round-trips a talk with every field, exactly', () => {
    const talk = fullTalk();
    const text = serialiseRecord('talks', talk, { dB: 2, dA: 7 });
    expect(text.startsWith('---\nformat: 1\ntype: talk\nid: ')).toBe(true);
    expect(text.endsWith('no trailing newline')).toBe(true);
    const parsed = parseRecordFile('talks', talk.id, enc(text));
    expect(parsed).toEqual({ ok: true, table: 'talks', record: talk, vv: { dA: 7, dB: 2 } });
    // Same record, same bytes: the vv keys are sorted, the fields in a fixed order.
    if (parsed.ok) expect(serialiseRecord('talks', parsed.record, parsed.vv)).toBe(text);
  });

  it('round-trips a conference and an empty body', () => {
    const conf = syncedPart('conferences', newConference({ name: 'C', place: '', timeZone: 'UTC', startDate: '2026-01-01', endDate: '2026-01-02', url: '' }));
    const text = serialiseRecord('conferences', conf, {});
    expect(parseRecordFile('conferences', conf.id, enc(text))).toEqual({ ok: true, table: 'conferences', record: conf, vv: {} });
  });

  it('leaves vv and updated out of the text that is hashed', () => {
    const talk = fullTalk();
    const a = serialiseRecord('talks', talk, { x: 1 }, { forHash: true });
    const b = serialiseRecord('talks', { ...talk, updated: '2030-01-01T00:00:00.000Z' }, { y: 9 }, { forHash: true });
    expect(a).toBe(b);
    expect(a).not.toContain('vv:');
  });

  it('reads a file a person edited by hand: CRLF, a BOM, a number for a room, missing optional fields', () => {
    const text = '\uFEFF---\r\nformat: 1\r\ntype: talk\r\nid: t1\r\nconference: c1\r\nkind: talk\r\ntitle: Hand made\r\nroom: 101\r\ncreated: x\r\nupdated: y\r\n---\r\nBody\r\n';
    const parsed = parseRecordFile('talks', 't1', enc(text));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      const t = parsed.record as SyncedTalk;
      expect(t.room).toBe('101');
      expect(t.body).toBe('Body\n');
      expect(t.tags).toEqual([]);
      expect(t.starts).toBeNull();
    }
  });

  it.each([
    ['no front matter', 'just text', /does not start with a front matter/],
    ['unclosed front matter', '---\nformat: 1\ntype: talk\n', /not closed/],
    ['broken YAML', '---\nformat: 1\ntype: talk\nid: t1\ntitle: [unclosed\n---\n', /not valid YAML/],
    ['wrong id', '---\nformat: 1\ntype: talk\nid: other\n---\n', /does not match the file name/],
    ['wrong type', '---\nformat: 1\ntype: conference\nid: t1\n---\n', /is not a talk/],
    ['newer format', '---\nformat: 7\ntype: talk\nid: t1\n---\n', /newer format/],
    ['a list as front matter', '---\n- a\n- b\n---\n', /not a list of fields/],
    ['a map for a title', '---\nformat: 1\ntype: talk\nid: t1\nconference: c\ntitle: {a: 1}\n---\n', /"title" is not text/],
    ['a bad photo hash', '---\nformat: 1\ntype: talk\nid: t1\nconference: c\nattachments: [{sha256: zz, name: a, type: b, size: 1}]\n---\n', /"attachments"/],
    ['a bad vv', '---\nformat: 1\ntype: talk\nid: t1\nvv: {a: -1}\n---\n', /version vector/],
    ['a YAML alias bomb', '---\nformat: 1\ntype: talk\nid: t1\na: &a [1]\nb: [*a, *a]\n---\n', /not valid YAML/],
  ])('refuses %s with a reason', (_name, text, reason) => {
    const parsed = parseRecordFile('talks', 't1', enc(text));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('refuses binary and non-UTF-8 bytes', () => {
    expect(parseRecordFile('talks', 't1', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]))).toMatchObject({ ok: false, reason: /binary/ });
    expect(parseRecordFile('talks', 't1', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x41]))).toMatchObject({ ok: false, reason: /not UTF-8/ });
  });
});

describe('folder identity and tombstones', () => {
  it('round-trips both and refuses a tombstone for another id', () => {
    const id = { format: 1, minReaderFormat: 1, storeId: 'store-1', created: '2026-01-01T00:00:00Z' };
    expect(parseIdentity(enc(serialiseIdentity(id)))).toEqual({ ok: true, value: id });
    expect(parseIdentity(enc('{"format":1}'))).toMatchObject({ ok: false, reason: /storeId/ });
    const tomb = { id: 't1', table: 'talks' as const, deletedAt: 'x', deletedBy: 'dA', vv: { dA: 3 }, lastContentHash: 'h' };
    expect(parseTombstone('t1', enc(serialiseTombstone(tomb)))).toEqual({ ok: true, value: tomb });
    expect(parseTombstone('t2', enc(serialiseTombstone(tomb)))).toMatchObject({ ok: false, reason: /does not match/ });
    expect(parseTombstone('t1', enc('not json'))).toMatchObject({ ok: false, reason: /not valid JSON/ });
  });
});
