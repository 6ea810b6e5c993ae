/** Form validation: each function returns a message per invalid field, or an empty object. */
import type { ConferenceDraft, Link, TalkDraft } from './types';
import { isValidDate, isValidTime, isValidTimeZone } from './time';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** Whether text is an absolute http(s) URL, the only kind of link the app opens. */
export function isWebUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
  } catch {
    return false;
  }
}

export function validateConference(d: ConferenceDraft): FieldErrors<keyof ConferenceDraft> {
  const e: FieldErrors<keyof ConferenceDraft> = {};
  if (!d.name.trim()) e.name = 'Give the conference a name.';
  if (!isValidDate(d.startDate)) e.startDate = 'Enter the first day as a date.';
  if (!isValidDate(d.endDate)) e.endDate = 'Enter the last day as a date.';
  else if (isValidDate(d.startDate) && d.endDate < d.startDate) e.endDate = 'The last day cannot be before the first day.';
  if (!isValidTimeZone(d.timeZone)) e.timeZone = `“${d.timeZone}” is not a known time zone. Pick one from the list, e.g. Europe/Brussels.`;
  if (d.url.trim() && !isWebUrl(d.url.trim())) e.url = 'Enter a web address starting with https://, or leave it empty.';
  return e;
}

type TalkField = keyof TalkDraft | `link-${number}`;

export function validateTalk(d: TalkDraft, conf: { startDate: string; endDate: string }): FieldErrors<TalkField> {
  const e: FieldErrors<TalkField> = {};
  if (!d.title.trim()) e.title = 'Give the talk a title.';
  if (d.day) {
    if (!isValidDate(d.day)) e.day = 'Enter the day as a date.';
    else if (d.day < conf.startDate || d.day > conf.endDate)
      e.day = `Pick a day of the conference (${conf.startDate} to ${conf.endDate}).`;
  }
  if (d.startTime && !isValidTime(d.startTime)) e.startTime = 'Enter the start as a time, e.g. 09:30.';
  else if (d.startTime && !d.day) e.day = 'A talk with a time needs a day.';
  if (d.endTime) {
    if (!isValidTime(d.endTime)) e.endTime = 'Enter the end as a time, e.g. 10:15.';
    else if (!d.startTime) e.endTime = 'Enter a start time first.';
    else if (isValidTime(d.startTime) && d.endTime <= d.startTime) e.endTime = 'The end must be after the start.';
  }
  d.links.forEach((l: Link, i) => {
    if (l.url.trim() && !isWebUrl(l.url.trim())) e[`link-${i}`] = 'Enter a web address starting with https://.';
    else if (!l.url.trim() && l.label.trim()) e[`link-${i}`] = 'Add the address for this link, or remove it.';
  });
  return e;
}

/** Whether a validation result has no errors. */
export function isValid(errors: object): boolean {
  return Object.keys(errors).length === 0;
}
