import { describe, expect, it } from 'vitest';
import { datesBetween, formatTalkTime, isValidDate, isValidTime, isValidTimeZone, isoToZoned, zonedToIso } from '../../src/model/time';

describe('zonedToIso', () => {
  it.each([
    // zone, day, time, stored ISO, the same instant in UTC
    ['UTC', '2025-06-01', '09:30', '2025-06-01T09:30:00+00:00', '2025-06-01T09:30:00.000Z'],
    ['Europe/Brussels', '2025-01-15', '09:30', '2025-01-15T09:30:00+01:00', '2025-01-15T08:30:00.000Z'],
    ['Europe/Brussels', '2025-07-15', '09:30', '2025-07-15T09:30:00+02:00', '2025-07-15T07:30:00.000Z'],
    // Last Sunday of March: 02:00 CET becomes 03:00 CEST.
    ['Europe/Brussels', '2025-03-30', '01:59', '2025-03-30T01:59:00+01:00', '2025-03-30T00:59:00.000Z'],
    ['Europe/Brussels', '2025-03-30', '03:00', '2025-03-30T03:00:00+02:00', '2025-03-30T01:00:00.000Z'],
    // Last Sunday of October: 03:00 CEST becomes 02:00 CET.
    ['Europe/Brussels', '2025-10-26', '01:30', '2025-10-26T01:30:00+02:00', '2025-10-25T23:30:00.000Z'],
    ['Europe/Brussels', '2025-10-26', '03:30', '2025-10-26T03:30:00+01:00', '2025-10-26T02:30:00.000Z'],
    ['America/New_York', '2025-01-15', '09:30', '2025-01-15T09:30:00-05:00', '2025-01-15T14:30:00.000Z'],
    ['America/New_York', '2025-07-15', '09:30', '2025-07-15T09:30:00-04:00', '2025-07-15T13:30:00.000Z'],
    ['America/New_York', '2025-03-09', '03:00', '2025-03-09T03:00:00-04:00', '2025-03-09T07:00:00.000Z'],
    ['America/New_York', '2025-11-02', '02:00', '2025-11-02T02:00:00-05:00', '2025-11-02T07:00:00.000Z'],
    ['America/New_York', '2025-12-31', '23:59', '2025-12-31T23:59:00-05:00', '2026-01-01T04:59:00.000Z'],
    ['Asia/Kolkata', '2025-03-30', '09:30', '2025-03-30T09:30:00+05:30', '2025-03-30T04:00:00.000Z'],
    ['Asia/Kolkata', '2025-01-01', '00:15', '2025-01-01T00:15:00+05:30', '2024-12-31T18:45:00.000Z'],
    ['Pacific/Chatham', '2025-01-15', '09:30', '2025-01-15T09:30:00+13:45', '2025-01-14T19:45:00.000Z'],
    ['Pacific/Chatham', '2025-07-15', '09:30', '2025-07-15T09:30:00+12:45', '2025-07-14T20:45:00.000Z'],
  ])('%s %s %s is stored as %s', (zone, day, time, iso, utc) => {
    const stored = zonedToIso(day, time, zone);
    expect(stored).toBe(iso);
    expect(new Date(stored).toISOString()).toBe(utc);
  });

  it.each([
    // A time the clocks skip moves forward by the size of the gap, and its offset matches its clock time.
    ['Europe/Brussels', '2025-03-30', '02:30', '2025-03-30T03:30:00+02:00'],
    ['America/New_York', '2025-03-09', '02:30', '2025-03-09T03:30:00-04:00'],
    // Chatham moves from 02:45 to 03:45 on the last Sunday of September.
    ['Pacific/Chatham', '2025-09-28', '03:00', '2025-09-28T04:00:00+13:45'],
  ])('a time in the %s spring-forward gap (%s %s) moves forward to %s', (zone, day, time, iso) => {
    const stored = zonedToIso(day, time, zone);
    expect(stored).toBe(iso);
    expect(isoToZoned(stored, zone)).toEqual({ day, time: iso.slice(11, 16) });
  });

  it.each([
    // A time the clocks show twice is read as its first occurrence, in every zone alike.
    ['Europe/Brussels', '2025-10-26', '02:30', '2025-10-26T02:30:00+02:00'],
    ['America/New_York', '2025-11-02', '01:30', '2025-11-02T01:30:00-04:00'],
  ])('an ambiguous %s time (%s %s) is its first occurrence, %s', (zone, day, time, iso) => {
    expect(zonedToIso(day, time, zone)).toBe(iso);
  });
});

describe('isoToZoned', () => {
  const zones = ['UTC', 'Europe/Brussels', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'];
  const wallTimes = [
    ['2025-01-15', '00:00'],
    ['2025-03-30', '01:59'],
    ['2025-03-30', '03:00'],
    ['2025-03-09', '01:59'],
    ['2025-03-09', '03:00'],
    ['2025-04-06', '01:00'],
    ['2025-07-15', '12:45'],
    ['2025-09-28', '05:00'],
    ['2025-10-26', '03:00'],
    ['2025-11-02', '02:00'],
    ['2025-12-31', '23:59'],
  ];
  const cases = zones.flatMap((zone) => wallTimes.map(([day, time]) => [zone, day!, time!] as const));

  it.each(cases)('round-trips %s %s %s', (zone, day, time) => {
    expect(isoToZoned(zonedToIso(day, time, zone), zone)).toEqual({ day, time });
  });

  it.each([
    ['2025-01-31T23:30:00Z', 'Asia/Kolkata', { day: '2025-02-01', time: '05:00' }],
    ['2025-01-31T23:30:00Z', 'America/New_York', { day: '2025-01-31', time: '18:30' }],
    ['2025-01-31T23:30:00Z', 'Pacific/Chatham', { day: '2025-02-01', time: '13:15' }],
    ['2025-03-30T09:30:00+02:00', 'UTC', { day: '2025-03-30', time: '07:30' }],
  ])('reads %s in %s as %o', (iso, zone, expected) => {
    expect(isoToZoned(iso, zone)).toEqual(expected);
  });
});

describe('isValidTimeZone', () => {
  it.each([
    ['Europe/Brussels', true],
    ['America/New_York', true],
    ['Asia/Kolkata', true],
    ['Pacific/Chatham', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['Europe/Atlantis', false],
    ['', false],
    [' Europe/Brussels', false],
    ['Europe/Brussels ', false],
    ['Europe/ Brussels', false],
    ['   ', false],
  ])('%j is %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });
});

describe('isValidDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-28', true],
    ['2025-12-31', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-5', false],
    ['05/01/2025', false],
    ['2025-01-01T00:00', false],
    ['', false],
  ])('%j is %s', (text, valid) => {
    expect(isValidDate(text)).toBe(valid);
  });
});

describe('isValidTime', () => {
  it.each([
    ['00:00', true],
    ['09:30', true],
    ['23:59', true],
    ['24:00', false],
    ['9:30', false],
    ['09:60', false],
    ['', false],
  ])('%j is %s', (text, valid) => {
    expect(isValidTime(text)).toBe(valid);
  });
});

describe('datesBetween', () => {
  it.each([
    ['2025-02-01', '2025-02-01', ['2025-02-01']],
    ['2025-01-31', '2025-02-02', ['2025-01-31', '2025-02-01', '2025-02-02']],
    ['2024-02-28', '2024-03-01', ['2024-02-28', '2024-02-29', '2024-03-01']],
    ['2025-02-28', '2025-03-01', ['2025-02-28', '2025-03-01']],
    // Across a DST change the list still has one entry per calendar day.
    ['2025-03-29', '2025-03-31', ['2025-03-29', '2025-03-30', '2025-03-31']],
    ['2025-12-31', '2026-01-01', ['2025-12-31', '2026-01-01']],
    ['2025-02-02', '2025-02-01', []],
    ['2025-02-29', '2025-03-01', []],
    ['', '2025-03-01', []],
  ])('from %s to %s is %j', (start, end, expected) => {
    expect(datesBetween(start, end)).toEqual(expected);
  });
});

describe('formatTalkTime', () => {
  const starts = '2026-01-31T09:30:00+01:00';
  const ends = '2026-01-31T10:15:00+01:00';

  it.each([
    ['the device is in the venue zone', 'Europe/Brussels', '09:30–10:15'],
    ['the device zone has the same offset', 'Europe/Paris', '09:30–10:15'],
    ['the device is in New York', 'America/New_York', '09:30–10:15 (03:30–04:15 your time)'],
    ['the device is in Kolkata', 'Asia/Kolkata', '09:30–10:15 (14:00–14:45 your time)'],
    ['the device is on UTC', 'UTC', '09:30–10:15 (08:30–09:15 your time)'],
  ])('when %s, shows %j', (_, device, expected) => {
    expect(formatTalkTime(starts, ends, 'Europe/Brussels', device)).toBe(expected);
  });

  it('shows only the start when the end is unknown, in both zones', () => {
    expect(formatTalkTime(starts, null, 'Europe/Brussels', 'America/New_York')).toBe('09:30 (03:30 your time)');
  });

  it('is empty without a start', () => {
    expect(formatTalkTime(null, null, 'Europe/Brussels', 'America/New_York')).toBe('');
  });
});
