/** Venue time zones: converting between wall-clock times at the venue and stored instants. */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The device's IANA time zone, the default for a new conference. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Whether the runtime knows this IANA zone name. */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.trim() !== zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's name as the zone list spells it ("europe/brussels" → "Europe/Brussels"). Only the case changes:
 * resolvedOptions() would also swap a current name for an old alias (Asia/Kolkata → Asia/Calcutta) on some runtimes.
 */
export function canonicalTimeZone(zone: string): string {
  const lower = zone.toLowerCase();
  return listTimeZones().find((z) => z.toLowerCase() === lower) ?? zone;
}

/** The same wall-clock time at the venue, re-read in another zone (for a conference whose zone was corrected). */
export function moveToZone(iso: string, from: string, to: string): string {
  const { day, time } = isoToZoned(iso, from);
  return zonedToIso(day, time, to);
}

/** Every IANA zone the runtime knows, for the zone picker. */
export function listTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/** Whether text is a real calendar date written YYYY-MM-DD. */
export function isValidDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** Whether text is a 24-hour wall-clock time written HH:MM. */
export function isValidTime(text: string): boolean {
  return TIME_RE.test(text);
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(zone: string, instant: number): Record<string, number> {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The zone's offset from UTC in minutes at an instant (e.g. +60 for Brussels in winter). */
export function zoneOffsetMinutes(zone: string, instant: number): number {
  return remembered(offsets, `${zone} ${instant}`, () => computeOffset(zone, instant));
}

function computeOffset(zone: string, instant: number): number {
  const p = partsIn(zone, instant);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The ISO 8601 instant, written with the venue's offset, of a wall-clock time at the venue.
 * A time that falls in a daylight-saving gap moves forward, as clocks at the venue do;
 * a time the clocks show twice is its first occurrence.
 */
export function zonedToIso(day: string, time: string, zone: string): string {
  // A schedule's talks share a few dozen slots: each conversion costs several formatToParts calls.
  return remembered(zonedIsos, `${zone} ${day}T${time}`, () => computeZonedToIso(day, time, zone));
}

/** Results of exact conversions (pure functions of their inputs), kept for the next talk in the same slot; emptied when large. */
const zonedIsos = new Map<string, string>();
const zonedWalls = new Map<string, string>();
const offsets = new Map<string, number>();
const REMEMBERED = 4_096;

function remembered<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= REMEMBERED) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}

function computeZonedToIso(day: string, time: string, zone: string): string {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offsets a day either side bracket any change near this time; an offset fits if the instant it gives has it.
  const before = zoneOffsetMinutes(zone, wall - 86_400_000);
  const after = zoneOffsetMinutes(zone, wall + 86_400_000);
  const fits = [before, after].filter((o) => zoneOffsetMinutes(zone, wall - o * 60000) === o);
  // In a gap neither fits: the offset from before the change gives the instant the clocks jumped past, later by the gap.
  const instant = fits.length ? Math.min(...fits.map((o) => wall - o * 60000)) : wall - before * 60000;
  const offset = zoneOffsetMinutes(zone, instant);
  const p = partsIn(zone, instant);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month!)}-${pad(p.day!)}T${pad(p.hour!)}:${pad(p.minute!)}:00${formatOffset(offset)}`;
}

/** The venue-local date and time (YYYY-MM-DD, HH:MM) of an ISO instant. */
export function isoToZoned(iso: string, zone: string): { day: string; time: string } {
  const wall = remembered(zonedWalls, `${zone} ${iso}`, () => {
    const p = partsIn(zone, Date.parse(iso));
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${p.year}-${pad(p.month!)}-${pad(p.day!)} ${pad(p.hour!)}:${pad(p.minute!)}`;
  });
  return { day: wall.slice(0, 10), time: wall.slice(11) };
}

/** The dates from start to end inclusive, YYYY-MM-DD. */
export function datesBetween(start: string, end: string): string[] {
  const out: string[] = [];
  if (!isValidDate(start) || !isValidDate(end) || end < start) return out;
  const t = new Date(`${start}T00:00:00Z`);
  for (let i = 0; i < 366; i++) {
    const day = t.toISOString().slice(0, 10);
    out.push(day);
    if (day === end) break;
    t.setUTCDate(t.getUTCDate() + 1);
  }
  return out;
}

// One formatter for every call: toLocaleDateString builds a new one each time, which the conference list's
// hundreds of dates made a visible part of the start.
let dayFormatter: Intl.DateTimeFormat | undefined;

/** Human date such as "Sat 1 Feb 2025", read as a calendar date with no zone. */
export function formatDay(day: string): string {
  if (!isValidDate(day)) return day;
  dayFormatter ??= new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  return dayFormatter.format(new Date(`${day}T12:00:00Z`));
}

/** A conference's date span for lists, e.g. "1 Feb 2025 – 2 Feb 2025". */
export function formatDateSpan(start: string, end: string): string {
  return start === end ? formatDay(start) : `${formatDay(start)} – ${formatDay(end)}`;
}

/** "09:30–10:15" in the venue zone, with the device's times beside them when its zone differs. */
export function formatTalkTime(starts: string | null, ends: string | null, zone: string, device = deviceTimeZone()): string {
  if (!starts) return '';
  const range = (z: string): string => {
    const a = isoToZoned(starts, z).time;
    return ends ? `${a}–${isoToZoned(ends, z).time}` : a;
  };
  const venue = range(zone);
  if (device === zone || zoneOffsetMinutes(device, Date.parse(starts)) === zoneOffsetMinutes(zone, Date.parse(starts))) return venue;
  return `${venue} (${range(device)} your time)`;
}

/** "Day 2 · Sun, Feb 1, 2026" for a day of the conference; the plain date for a day outside it; '' for none. */
export function dayLabel(day: string, startDate: string, endDate: string): string {
  if (!day) return '';
  const n = datesBetween(startDate, endDate).indexOf(day) + 1;
  return n > 0 ? `Day ${n} · ${formatDay(day)}` : formatDay(day);
}
