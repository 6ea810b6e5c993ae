/** What a person does in Lectern, as steps the browser tests share. */
import type { Page } from 'playwright-core';

export interface ConferenceInput {
  name: string;
  place?: string;
  startDate: string;
  endDate: string;
  timeZone?: string;
  url?: string;
}

export async function createConference(page: Page, c: ConferenceInput): Promise<void> {
  await page.getByRole('link', { name: 'New conference' }).click();
  await page.getByLabel('Name').fill(c.name);
  if (c.place) await page.getByLabel('Place').fill(c.place);
  await page.getByLabel('First day').fill(c.startDate);
  await page.getByLabel('Last day').fill(c.endDate);
  if (c.timeZone) await page.getByLabel('Time zone').fill(c.timeZone);
  if (c.url) await page.getByLabel('Website').fill(c.url);
  await page.getByRole('button', { name: 'Add conference' }).click();
  await page.getByRole('heading', { level: 1, name: c.name }).waitFor();
}

export interface TalkInput {
  title: string;
  speakers?: Array<{ name: string; affiliation?: string }>;
  /** Option label of the day select, e.g. "Day 1" prefix is matched. */
  day?: string;
  starts?: string;
  ends?: string;
  room?: string;
  track?: string;
  links?: Array<{ label: string; url: string }>;
}

/** From a conference page, adds a talk and lands on its note. */
export async function addTalk(page: Page, t: TalkInput): Promise<void> {
  await page.getByRole('link', { name: 'Add talk' }).click();
  await page.getByLabel('Title').fill(t.title);
  for (const [i, s] of (t.speakers ?? []).entries()) {
    await page.getByRole('button', { name: /^Add (another )?speaker$/ }).click();
    await page.locator(`#speaker-${i}-name`).fill(s.name);
    if (s.affiliation) await page.locator(`#speaker-${i}-affiliation`).fill(s.affiliation);
  }
  if (t.day) {
    const label = await page.locator('#talk-day option', { hasText: t.day }).first().textContent();
    await page.getByLabel('Day').selectOption({ label: label ?? t.day });
  }
  if (t.starts) await page.getByLabel('Starts').fill(t.starts);
  if (t.ends) await page.getByLabel('Ends').fill(t.ends);
  if (t.room) await page.getByLabel('Room').fill(t.room);
  if (t.track) await page.getByLabel('Track or session').fill(t.track);
  for (const [i, l] of (t.links ?? []).entries()) {
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.locator(`#link-${i}-label`).fill(l.label);
    await page.locator(`#link-${i}-url`).fill(l.url);
  }
  await page.getByRole('button', { name: 'Add talk' }).click();
  await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
}

/** Types into the open note like a person, then waits until the app says it is stored. */
export async function typeNote(page: Page, text: string): Promise<void> {
  const note = page.getByRole('textbox', { name: /^Note on / });
  await note.click();
  await page.keyboard.press('Control+End');
  await note.pressSequentially(text);
  await page.getByText('Saved on this device').waitFor();
}

/** The note text as the editor shows it. */
export function noteText(page: Page): Promise<string> {
  return page.getByRole('textbox', { name: /^Note on / }).inputValue();
}
