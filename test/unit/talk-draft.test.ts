import { describe, expect, it } from 'vitest';
import { draftToTalkFields, emptyTalkDraft, talkToDraft } from '../../src/model/talk-draft';
import { talk, talkDraft } from '../helpers/factories';

describe('draftToTalkFields', () => {
  it('trims text and drops empty speaker and link rows', () => {
    const fields = draftToTalkFields(
      talkDraft({
        title: '  CRDTs in practice  ',
        speakers: [
          { name: ' Ada Lovelace ', affiliation: ' Engines ' },
          { name: '   ', affiliation: 'Nobody' },
          { name: 'Grace Hopper', affiliation: '' },
        ],
        room: ' K.1.105 ',
        track: ' Databases ',
        links: [
          { label: ' Slides ', url: ' https://example.org/s.pdf ' },
          { label: 'Orphan label', url: '   ' },
        ],
        tags: ' crdt, #Sync,, local-first , CRDT ',
      }),
      'Europe/Brussels',
    );
    expect(fields).toEqual({
      title: 'CRDTs in practice',
      speakers: [
        { name: 'Ada Lovelace', affiliation: 'Engines' },
        { name: 'Grace Hopper', affiliation: '' },
      ],
      day: '',
      starts: null,
      ends: null,
      room: 'K.1.105',
      track: 'Databases',
      links: [{ label: 'Slides', url: 'https://example.org/s.pdf' }],
      tags: ['crdt', 'Sync', 'local-first'],
    });
  });

  it.each([
    ['https://www.youtube.com/watch?v=1', 'www.youtube.com'],
    ['https://fosdem.org:8443/2026/', 'fosdem.org'],
    ['http://EXAMPLE.org/x', 'example.org'],
  ])('labels the unlabelled link %s by its host name %s', (url, label) => {
    expect(draftToTalkFields(talkDraft({ links: [{ label: '  ', url }] }), 'UTC').links).toEqual([{ label, url }]);
  });

  it.each([
    ['Europe/Brussels', '2026-01-31', '09:30', '10:15', '2026-01-31T09:30:00+01:00', '2026-01-31T10:15:00+01:00'],
    ['America/New_York', '2026-07-04', '09:30', '10:15', '2026-07-04T09:30:00-04:00', '2026-07-04T10:15:00-04:00'],
    ['Asia/Kolkata', '2026-01-31', '23:00', '23:45', '2026-01-31T23:00:00+05:30', '2026-01-31T23:45:00+05:30'],
    ['Pacific/Chatham', '2026-01-31', '09:30', '', '2026-01-31T09:30:00+13:45', null],
  ])('stores times in %s as instants with the venue offset', (zone, day, startTime, endTime, starts, ends) => {
    const fields = draftToTalkFields(talkDraft({ day, startTime, endTime }), zone);
    expect(fields).toMatchObject({ day, starts, ends });
  });

  it.each([
    ['no day', { day: '', startTime: '09:30', endTime: '10:00' }],
    ['no start', { day: '2026-01-31', startTime: '', endTime: '10:00' }],
  ])('stores no times when there is %s', (_, over) => {
    expect(draftToTalkFields(talkDraft(over), 'Europe/Brussels')).toMatchObject({ starts: null, ends: null });
  });

  it('copies rows rather than sharing them with the draft', () => {
    const draft = talkDraft({ speakers: [{ name: 'Ada', affiliation: '' }] });
    const fields = draftToTalkFields(draft, 'UTC');
    draft.speakers[0]!.name = 'Changed';
    expect(fields.speakers[0]!.name).toBe('Ada');
  });
});

describe('talkToDraft', () => {
  it('shows stored instants as wall-clock times in the venue zone', () => {
    const t = talk({ day: '2026-01-31', starts: '2026-01-31T08:30:00.000Z', ends: '2026-01-31T09:15:00.000Z' });
    expect(talkToDraft(t, 'Europe/Brussels')).toMatchObject({ day: '2026-01-31', startTime: '09:30', endTime: '10:15' });
    expect(talkToDraft(t, 'Asia/Kolkata')).toMatchObject({ startTime: '14:00', endTime: '14:45' });
  });

  it('leaves times empty when the talk has none', () => {
    expect(talkToDraft(talk({ starts: null, ends: null }), 'UTC')).toMatchObject({ startTime: '', endTime: '' });
  });

  it.each(['Europe/Brussels', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'])('is the inverse of draftToTalkFields in %s', (zone) => {
    const draft = talkDraft({
      title: 'CRDTs in practice',
      speakers: [{ name: 'Ada Lovelace', affiliation: 'Engines' }],
      day: '2026-03-29',
      startTime: '09:30',
      endTime: '10:15',
      room: 'K.1.105',
      track: 'Databases',
      links: [{ label: 'Slides', url: 'https://example.org/s.pdf' }],
    });
    const stored = talk(draftToTalkFields(draft, zone));
    expect(talkToDraft(stored, zone)).toEqual(draft);
  });

  it('gives the form its own copies of speakers and links', () => {
    const t = talk({ speakers: [{ name: 'Ada', affiliation: '' }], links: [{ label: 'S', url: 'https://example.org' }] });
    const draft = talkToDraft(t, 'UTC');
    draft.speakers[0]!.name = 'Changed';
    draft.links[0]!.label = 'Changed';
    expect(t.speakers[0]!.name).toBe('Ada');
    expect(t.links[0]!.label).toBe('S');
  });
});

describe('emptyTalkDraft', () => {
  it.each([
    [undefined, ''],
    ['2026-01-31', '2026-01-31'],
  ])('starts on day %j as %j with every field empty', (day, expected) => {
    expect(emptyTalkDraft(day)).toEqual(talkDraft({ title: '', day: expected }));
  });
});
