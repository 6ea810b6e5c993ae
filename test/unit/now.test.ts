import { describe, expect, it } from 'vitest';
import { currentConference, nowAndNext, todayIn } from '../../src/model/now';
import type { Conference, Talk } from '../../src/model/types';

const meta = { created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z', localRev: 1, deletedAt: null };

function conf(id: string, startDate: string, endDate: string, timeZone = 'Europe/Brussels'): Conference {
  return { ...meta, id, name: id, place: '', timeZone, startDate, endDate, url: '', body: '' };
}

function talk(title: string, room: string, starts: string | null, ends: string | null = null, extra: Partial<Talk> = {}): Talk {
  return {
    ...meta,
    id: title,
    conferenceId: 'c',
    kind: 'talk',
    title,
    speakers: [],
    starts,
    ends,
    day: starts ? starts.slice(0, 10) : '',
    room,
    track: '',
    links: [],
    abstract: '',
    body: '',
    tags: [],
    starred: false,
    attachments: [],
    ...extra,
  };
}

describe('todayIn and currentConference', () => {
  it("uses the venue's date, not the device's", () => {
    // 23:30 UTC on 31 January is already 1 February in Brussels, and still 31 January in New York.
    const now = Date.parse('2026-01-31T23:30:00Z');
    expect(todayIn('Europe/Brussels', now)).toBe('2026-02-01');
    expect(todayIn('America/New_York', now)).toBe('2026-01-31');
    expect(currentConference([conf('fosdem', '2026-01-31', '2026-01-31')], now)).toBeUndefined();
    expect(currentConference([conf('fosdem', '2026-02-01', '2026-02-01')], now)?.id).toBe('fosdem');
  });

  it('prefers the conference that started last, and ignores trashed ones', () => {
    const now = Date.parse('2026-05-05T10:00:00Z');
    const week = conf('week', '2026-05-01', '2026-05-08');
    const day = conf('day', '2026-05-05', '2026-05-05');
    expect(currentConference([week, day], now)?.id).toBe('day');
    expect(currentConference([week, { ...day, deletedAt: '2026-05-05T09:00:00Z' }], now)?.id).toBe('week');
    expect(currentConference([conf('past', '2026-04-01', '2026-04-02')], now)).toBeUndefined();
  });

  it('finds a conference in the zones furthest from UTC, a day ahead or behind', () => {
    // 12:00 UTC on 31 January is 02:00 on 1 February in Kiritimati (UTC+14); 05:00 UTC on 1 February is 18:00 on 31 January in Pago Pago (UTC-11).
    const ahead = conf('line-islands', '2026-02-01', '2026-02-01', 'Pacific/Kiritimati');
    expect(currentConference([ahead], Date.parse('2026-01-31T12:00:00Z'))?.id).toBe('line-islands');
    const behind = conf('samoa', '2026-01-30', '2026-01-31', 'Pacific/Pago_Pago');
    expect(currentConference([behind], Date.parse('2026-02-01T05:00:00Z'))?.id).toBe('samoa');
    expect(currentConference([behind], Date.parse('2026-02-01T12:00:00Z'))).toBeUndefined();
  });
});

describe('nowAndNext', () => {
  const day = '2026-01-31';
  const talks = [
    talk('Keynote', 'Janson', '2026-01-31T09:30:00+01:00', '2026-01-31T10:30:00+01:00'),
    talk('After keynote', 'Janson', '2026-01-31T10:30:00+01:00', '2026-01-31T11:00:00+01:00'),
    talk('Later in Janson', 'Janson', '2026-01-31T11:00:00+01:00', '2026-01-31T11:30:00+01:00'),
    talk('Rust intro', 'K.1.105', '2026-01-31T10:00:00+01:00'),
    talk('Go talk', 'H.1302', '2026-01-31T10:45:00+01:00', '2026-01-31T11:15:00+01:00'),
    talk('Cancelled', 'H.2215', '2026-01-31T10:00:00+01:00', '2026-01-31T11:00:00+01:00', { scheduleStatus: 'cancelled' }),
    talk('Hallway', '', null, null, { kind: 'note', day }),
    talk('Tomorrow', 'Janson', '2026-02-01T10:00:00+01:00'),
  ];

  it.each([
    [
      'mid-morning',
      '2026-01-31T10:15:00+01:00',
      [
        ['Janson', 'Keynote', 'After keynote'],
        ['K.1.105', 'Rust intro', undefined],
        ['H.1302', undefined, 'Go talk'],
      ],
    ],
    [
      'a talk ends exactly as the next starts',
      '2026-01-31T10:30:00+01:00',
      [
        ['Janson', 'After keynote', 'Later in Janson'],
        ['K.1.105', 'Rust intro', undefined],
        ['H.1302', undefined, 'Go talk'],
      ],
    ],
    ['a talk without an end runs 45 minutes', '2026-01-31T10:50:00+01:00', [
      ['H.1302', 'Go talk', undefined],
      ['Janson', 'After keynote', 'Later in Janson'],
    ]],
    ['before the day starts', '2026-01-31T08:00:00+01:00', [
      ['Janson', undefined, 'Keynote'],
      ['K.1.105', undefined, 'Rust intro'],
      ['H.1302', undefined, 'Go talk'],
    ]],
    ['after the last talk', '2026-01-31T18:00:00+01:00', []],
  ])('%s', (_name, at, expected) => {
    const rooms = nowAndNext(talks, Date.parse(at), day).map((r) => [r.room, r.current?.title, r.next?.title]);
    expect(rooms).toEqual(expected);
  });
});
