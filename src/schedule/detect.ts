/** Which format a schedule file is in, told from its content rather than its name. */
import { ScheduleError, type ScheduleFormat } from './types';

/** Files larger than this are refused before reading: real schedules are well under it (FOSDEM's is 1.6 MB). */
export const MAX_BYTES = 4 * 1024 * 1024;

/** Decodes a file as UTF-8 text, refusing binary data and files too large to be a schedule. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ScheduleError('The file is empty.');
  if (bytes.length > MAX_BYTES)
    throw new ScheduleError(`The file is ${(bytes.length / 1048576).toFixed(1)} MB; a schedule is at most ${MAX_BYTES / 1048576} MB. Is this the right file?`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ScheduleError('The file is not text (it is not valid UTF-8): it may be a picture, a PDF or a zip rather than a schedule.');
  }
  if (text.includes('\u0000')) throw new ScheduleError('The file is not text (it holds binary data): it may be a picture, a PDF or a zip rather than a schedule.');
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new ScheduleError('The file is empty.');
  return text;
}

/** A detected format; JSON files come with their parsed data, so they are parsed once. */
export interface Detected {
  format: ScheduleFormat;
  data?: unknown;
}

/** The format of a schedule text; throws a ScheduleError saying what the file looks like when it is none we read. */
export function detectFormat(text: string): Detected {
  const head = text.trimStart();
  if (/^BEGIN:VCALENDAR/i.test(head)) return { format: 'ical' };
  if (head.startsWith('<')) {
    if (/<schedule[\s>]/.test(head.slice(0, 4096)) || /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<schedule[\s>]/.test(head)) return { format: 'frab-xml' };
    throw new ScheduleError('This XML file is not a Pentabarf/frab schedule (its root element is not <schedule>).');
  }
  if (head.startsWith('{') || head.startsWith('[')) {
    let data: unknown;
    try {
      data = JSON.parse(head);
    } catch (e) {
      throw new ScheduleError(`The JSON is not valid${e instanceof Error ? `: ${e.message}` : ''}. The file may be cut off.`);
    }
    const o = data as Record<string, unknown> | null;
    const sched = o && typeof o === 'object' && !Array.isArray(o) ? (o.schedule as Record<string, unknown> | undefined) : undefined;
    if (sched && typeof sched === 'object' && sched.conference && typeof sched.conference === 'object') return { format: 'frab-json', data };
    if (o && !Array.isArray(o) && Array.isArray(o.sessions) && Array.isArray(o.speakers)) return { format: 'sessionize', data };
    if (Array.isArray(o) && o.some((g) => g && typeof g === 'object' && Array.isArray((g as { sessions?: unknown }).sessions)))
      throw new ScheduleError('This is a Sessionize "Sessions" export; Lectern reads the "All" export (…/view/All), which also names speakers and rooms.');
    throw new ScheduleError('This JSON file is not a schedule Lectern knows: expected frab/pretalx "schedule.json" or Sessionize "All" JSON.');
  }
  throw new ScheduleError('This file is not a schedule Lectern knows: expected iCalendar (.ics), Pentabarf/frab XML or frab/pretalx/Sessionize JSON.');
}
