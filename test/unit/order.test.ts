import { describe, expect, it } from 'vitest';
import { compareConferences, compareTalks, dayReadingOrder, groupTalksByDay } from '../../src/model/order';
import { conference, talk } from '../helpers/factories';

const titles = (ts: Array<{ title: string }>): string[] => ts.map((t) => t.title);

describe('compareTalks', () => {
  it.each([
    [
      'by day first',
      [talk({ title: 'B', day: '2026-02-01', starts: '2026-02-01T09:00:00+01:00' }), talk({ title: 'A', day: '2026-01-31', starts: '2026-01-31T17:00:00+01:00' })],
      ['A', 'B'],
    ],
    [
      'then by start time',
      [talk({ title: 'Late', day: '2026-01-31', starts: '2026-01-31T14:00:00+01:00' }), talk({ title: 'Early', day: '2026-01-31', starts: '2026-01-31T09:30:00+01:00' })],
      ['Early', 'Late'],
    ],
    [
      'by instant, not by the text of the time',
      // 10:00+02:00 is 08:00Z, a minute before 09:01+01:00 (08:01Z).
      [talk({ title: 'Second', day: '2026-01-31', starts: '2026-01-31T09:01:00+01:00' }), talk({ title: 'First', day: '2026-01-31', starts: '2026-01-31T10:00:00+02:00' })],
      ['First', 'Second'],
    ],
    [
      'untimed talks after timed ones of the same day',
      [talk({ title: 'Untimed', day: '2026-01-31', starts: null }), talk({ title: 'Timed', day: '2026-01-31', starts: '2026-01-31T18:00:00+01:00' })],
      ['Timed', 'Untimed'],
    ],
    [
      'talks without a day after all others',
      [talk({ title: 'Someday', day: '' }), talk({ title: 'Day 2', day: '2026-02-01' }), talk({ title: 'Day 1', day: '2026-01-31' })],
      ['Day 1', 'Day 2', 'Someday'],
    ],
    [
      'by title when day and time are the same',
      [talk({ title: 'Zebra', day: '2026-01-31' }), talk({ title: 'Aardvark', day: '2026-01-31' })],
      ['Aardvark', 'Zebra'],
    ],
  ])('orders %s', (_, talks, expected) => {
    expect(titles([...talks].sort(compareTalks))).toEqual(expected);
  });

  it('falls back to creation time for otherwise equal talks', () => {
    const a = talk({ title: 'Same', created: '2025-01-02T00:00:00.000Z' });
    const b = talk({ title: 'Same', created: '2025-01-01T00:00:00.000Z' });
    expect([a, b].sort(compareTalks)).toEqual([b, a]);
  });
});

describe('groupTalksByDay', () => {
  it('groups by day in schedule order, with the group without a day last', () => {
    const groups = groupTalksByDay([
      talk({ title: 'Loose note', day: '' }),
      talk({ title: 'Closing', day: '2026-02-01', starts: '2026-02-01T17:00:00+01:00' }),
      talk({ title: 'Lunch notes', day: '2026-01-31' }),
      talk({ title: 'Keynote', day: '2026-01-31', starts: '2026-01-31T09:30:00+01:00' }),
      talk({ title: 'Idea', day: '' }),
      talk({ title: 'Opening', day: '2026-02-01', starts: '2026-02-01T09:00:00+01:00' }),
    ]);
    expect(groups.map((g) => [g.day, titles(g.talks)])).toEqual([
      ['2026-01-31', ['Keynote', 'Lunch notes']],
      ['2026-02-01', ['Opening', 'Closing']],
      ['', ['Idea', 'Loose note']],
    ]);
  });

  it('is empty for no talks and leaves its input in place', () => {
    const input = [talk({ title: 'B', day: '2026-02-01' }), talk({ title: 'A', day: '2026-01-31' })];
    expect(groupTalksByDay([])).toEqual([]);
    groupTalksByDay(input);
    expect(titles(input)).toEqual(['B', 'A']);
  });
});

describe('compareConferences', () => {
  it.each([
    [
      'the latest start date first',
      [conference({ name: '2024', startDate: '2024-02-03' }), conference({ name: '2026', startDate: '2026-01-31' }), conference({ name: '2025', startDate: '2025-02-01' })],
      ['2026', '2025', '2024'],
    ],
    [
      'the one added last first, on the same start date',
      [conference({ name: 'Older', startDate: '2026-01-31', created: '2025-01-01T00:00:00.000Z' }), conference({ name: 'Newer', startDate: '2026-01-31', created: '2025-06-01T00:00:00.000Z' })],
      ['Newer', 'Older'],
    ],
  ])('puts %s', (_, confs, expected) => {
    expect([...confs].sort(compareConferences).map((c) => c.name)).toEqual(expected);
  });
});

describe('dayReadingOrder', () => {
  it("puts the day's free notes first, then its talks in schedule order, and leaves other days out", () => {
    const day = '2026-01-31';
    const list = [
      talk({ title: 'Afternoon', day, starts: '2026-01-31T14:00:00+01:00' }),
      talk({ title: 'Hallway', day, kind: 'note' }),
      talk({ title: 'Morning', day, starts: '2026-01-31T09:00:00+01:00' }),
      talk({ title: 'Intro', day, kind: 'note', created: '2024-01-01T00:00:00.000Z' }),
      talk({ title: 'Next day', day: '2026-02-01', starts: '2026-02-01T09:00:00+01:00' }),
    ];
    expect(dayReadingOrder(list, day).map((t) => t.title)).toEqual(['Hallway', 'Intro', 'Morning', 'Afternoon']);
  });
});
