import { describe, expect, it } from 'vitest';
import { isValid, isWebUrl, validateConference, validateTalk } from '../../src/model/validate';
import { conferenceDraft, talkDraft } from '../helpers/factories';

describe('validateConference', () => {
  it('accepts a complete draft', () => {
    expect(validateConference(conferenceDraft({ url: 'https://fosdem.org/2026/' }))).toEqual({});
  });

  it.each([
    ['an empty name', { name: '' }, 'name', 'Give the conference a name.'],
    ['a name of spaces', { name: '   ' }, 'name', 'Give the conference a name.'],
    ['no first day', { startDate: '' }, 'startDate', 'Enter the first day as a date.'],
    ['an impossible first day', { startDate: '2025-02-29', endDate: '2025-03-01' }, 'startDate', 'Enter the first day as a date.'],
    ['no last day', { endDate: '' }, 'endDate', 'Enter the last day as a date.'],
    ['the last day before the first', { startDate: '2026-02-01', endDate: '2026-01-31' }, 'endDate', 'The last day cannot be before the first day.'],
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'timeZone', '“Europe/Atlantis” is not a known time zone. Pick one from the list, e.g. Europe/Brussels.'],
    ['an empty time zone', { timeZone: '' }, 'timeZone', '“” is not a known time zone. Pick one from the list, e.g. Europe/Brussels.'],
    ['a javascript: URL', { url: 'javascript:alert(1)' }, 'url', 'Enter a web address starting with https://, or leave it empty.'],
    ['an ftp: URL', { url: 'ftp://files.example.org/' }, 'url', 'Enter a web address starting with https://, or leave it empty.'],
    ['a relative address', { url: 'fosdem.org' }, 'url', 'Enter a web address starting with https://, or leave it empty.'],
    ['a data: URL', { url: 'data:text/html,<b>x</b>' }, 'url', 'Enter a web address starting with https://, or leave it empty.'],
  ])('rejects %s with one message on that field', (_, over, field, message) => {
    expect(validateConference(conferenceDraft(over))).toEqual({ [field]: message });
  });

  it('reports every invalid field of an empty form at once', () => {
    const errors = validateConference(conferenceDraft({ name: '', startDate: '', endDate: '', timeZone: 'Nowhere' }));
    expect(Object.keys(errors)).toEqual(['name', 'startDate', 'endDate', 'timeZone']);
  });

  it.each([['https://fosdem.org'], ['http://example.org/path?q=1'], ['  https://fosdem.org  '], ['']])('accepts the website %j', (url) => {
    expect(validateConference(conferenceDraft({ url }))).toEqual({});
  });
});

describe('isWebUrl', () => {
  it.each([
    ['https://example.org', true],
    ['http://example.org', true],
    ['HTTPS://EXAMPLE.ORG', true],
    ['javascript:alert(1)', false],
    ['ftp://example.org', false],
    ['mailto:someone@example.org', false],
    ['https://', false],
    ['example.org', false],
    ['', false],
  ])('%j is %s', (url, ok) => {
    expect(isWebUrl(url)).toBe(ok);
  });
});

describe('validateTalk', () => {
  const conf = { startDate: '2026-01-31', endDate: '2026-02-01' };

  it.each([
    ['a title only', talkDraft()],
    ['a day and times', talkDraft({ day: '2026-02-01', startTime: '09:30', endTime: '10:15' })],
    ['a start time without an end', talkDraft({ day: '2026-01-31', startTime: '09:30' })],
    ['a day without times', talkDraft({ day: '2026-01-31' })],
    ['a labelled link', talkDraft({ links: [{ label: 'Slides', url: 'https://example.org/s.pdf' }] })],
    ['an unlabelled link', talkDraft({ links: [{ label: '', url: 'https://example.org/s.pdf' }] })],
    ['an empty link row', talkDraft({ links: [{ label: ' ', url: '' }] })],
  ])('accepts %s', (_, draft) => {
    expect(validateTalk(draft, conf)).toEqual({});
  });

  it.each([
    ['an empty title', { title: '  ' }, { title: 'Give the talk a title.' }],
    ['a day before the conference', { day: '2026-01-30' }, { day: 'Pick a day of the conference (2026-01-31 to 2026-02-01).' }],
    ['a day after the conference', { day: '2026-02-02' }, { day: 'Pick a day of the conference (2026-01-31 to 2026-02-01).' }],
    ['an impossible day', { day: '2026-02-30' }, { day: 'Enter the day as a date.' }],
    ['an end before the start', { day: '2026-01-31', startTime: '10:00', endTime: '09:00' }, { endTime: 'The end must be after the start.' }],
    ['an end equal to the start', { day: '2026-01-31', startTime: '10:00', endTime: '10:00' }, { endTime: 'The end must be after the start.' }],
    ['an end without a start', { day: '2026-01-31', endTime: '10:00' }, { endTime: 'Enter a start time first.' }],
    ['a start time without a day', { startTime: '10:00' }, { day: 'A talk with a time needs a day.' }],
    ['a start that is not a time', { day: '2026-01-31', startTime: '25:00' }, { startTime: 'Enter the start as a time, e.g. 09:30.' }],
    ['an end that is not a time', { day: '2026-01-31', startTime: '09:00', endTime: '9am' }, { endTime: 'Enter the end as a time, e.g. 10:15.' }],
  ])('rejects %s', (_, over, expected) => {
    expect(validateTalk(talkDraft(over), conf)).toEqual(expected);
  });

  it.each([
    ['a label without an address', { label: 'Slides', url: '' }, 'Add the address for this link, or remove it.'],
    ['a javascript: address', { label: 'Slides', url: 'javascript:alert(1)' }, 'Enter a web address starting with https://.'],
    ['an ftp: address', { label: '', url: 'ftp://example.org/s.pdf' }, 'Enter a web address starting with https://.'],
    ['an address without a scheme', { label: '', url: 'example.org/s.pdf' }, 'Enter a web address starting with https://.'],
  ])('rejects a link with %s, keyed by its row', (_, link, message) => {
    const draft = talkDraft({ links: [{ label: 'Video', url: 'https://example.org/v' }, link] });
    expect(validateTalk(draft, conf)).toEqual({ 'link-1': message });
  });
});

describe('isValid', () => {
  it.each([
    [{}, true],
    [{ name: 'Give the conference a name.' }, false],
  ])('%o is %s', (errors, ok) => {
    expect(isValid(errors)).toBe(ok);
  });
});
