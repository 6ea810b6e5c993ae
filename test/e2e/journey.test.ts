// The whole first-day story, at phone and desktop size, against the built app.
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { useBrowserAndServer } from '../helpers/e2e-env';
import { addTalk, createConference, noteText, typeNote } from '../helpers/app';
import { DESKTOP, PHONE, waitForServiceWorker } from '../helpers/browser';

const env = useBrowserAndServer();

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('on a %s', (_size, options) => {
  it('creates a conference and a talk, takes a note that survives a reload, reads it, and restores from the Trash', async () => {
    const context = await env.browser.newContext({ ...options, timezoneId: 'Europe/Brussels' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await expect(page.getByText('No conferences yet.').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Invalid input: a message beside each field, nothing stored.
    await page.getByRole('link', { name: 'New conference' }).click();
    await expect(page.getByLabel('Time zone').inputValue()).resolves.toBe('Europe/Brussels');
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByLabel('Website').fill('not a url');
    await page.getByRole('button', { name: 'Add conference' }).click();
    await page.getByText('Give the conference a name.').waitFor();
    await page.getByText('“Mars/Olympus” is not a known time zone').waitFor();
    await page.getByText('Enter a web address starting with https://').waitFor();
    await expect(page.getByLabel('Name').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByText('No conferences yet.').waitFor();

    await createConference(page, {
      name: 'FOSDEM 2026',
      place: 'Brussels',
      startDate: '2026-01-31',
      endDate: '2026-02-01',
      timeZone: 'Europe/Brussels',
      url: 'https://fosdem.org/2026/',
    });
    await addTalk(page, {
      title: 'Sunday keynote',
      day: 'Day 2',
      starts: '09:30',
      ends: '10:00',
      room: 'Janson',
    });
    await page.getByRole('link', { name: 'FOSDEM 2026' }).click();
    await addTalk(page, {
      title: 'CRDTs in practice',
      speakers: [
        { name: 'Ada Lovelace', affiliation: 'Analytical Engines' },
        { name: 'Grace Hopper' },
      ],
      day: 'Day 1',
      starts: '14:00',
      ends: '14:45',
      room: 'K.1.105',
      track: 'Local-first',
      links: [{ label: 'Slides', url: 'https://example.org/slides.pdf' }],
    });
    await page.getByText('Ada Lovelace').waitFor();
    await page.locator('.talk__details').getByText('14:00–14:45').waitFor();
    await page.getByRole('link', { name: 'Slides' }).waitFor();

    // Enter continues the list by itself, and Enter on the empty item ends it.
    await typeNote(page, '# Notes\n\n- merge is **commutative**\n<img src=x onerror="alert(1)">\n\n');
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    await expect(noteText(page)).resolves.toBe('# Notes\n\n- merge is **commutative**\n- <img src=x onerror="alert(1)">\n');

    await page.getByRole('link', { name: 'Read' }).click();
    await page.locator('.markdown strong', { hasText: 'commutative' }).waitFor();
    expect(await page.locator('.markdown img[onerror]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // The conference lists its talks by day, in time order, with a talk without a time last.
    await page.getByRole('link', { name: 'FOSDEM 2026' }).click();
    await addTalk(page, { title: 'Hallway chat', day: 'Day 1' });
    await page.getByRole('link', { name: 'FOSDEM 2026' }).click();
    const day1 = page.getByRole('region', { name: /^Day 1/ });
    await expect(day1.locator('.card__title').allTextContents()).resolves.toEqual(['CRDTs in practice', 'Hallway chat']);
    await expect(page.getByRole('region', { name: /^Day 2/ }).locator('.card__title').allTextContents()).resolves.toEqual(['Sunday keynote']);
    expect(await axeViolations(page)).toEqual([]);

    // Edit a talk: the note stays.
    await page.getByRole('link', { name: /CRDTs in practice/ }).click();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Title').fill('CRDTs in production');
    await page.getByLabel('Ends').fill('13:00');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The end must be after the start.').waitFor();
    await page.getByLabel('Ends').fill('15:00');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'CRDTs in production' }).waitFor();
    await expect(noteText(page)).resolves.toContain('merge is **commutative**');

    // Delete to the Trash, then restore with its note.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Move to Trash' }).click();
    await page.getByRole('heading', { level: 1, name: 'FOSDEM 2026' }).waitFor();
    expect(await page.getByText('CRDTs in production').count()).toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('button', { name: 'Restore CRDTs in production' }).click();
    await page.getByText('The Trash is empty.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conferences' }).click();
    await page.getByRole('list', { name: 'Conferences' }).getByRole('link', { name: /FOSDEM 2026/ }).click();
    await page.getByRole('link', { name: /CRDTs in production/ }).click();
    await expect(noteText(page)).resolves.toContain('merge is **commutative**');

    // Edit the conference, then trash and restore it with its talks.
    await page.getByRole('link', { name: 'FOSDEM 2026' }).click();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Place').fill('ULB Solbosch, Brussels');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('ULB Solbosch, Brussels').waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Move to Trash' }).click();
    await page.getByText('No conferences yet.').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('button', { name: 'Restore FOSDEM 2026' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Conferences' }).click();
    await page.getByText('3 talks').waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});

it('fits a 320 px wide screen with touch targets of at least 44 px', async () => {
  const context = await env.browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await createConference(page, { name: 'Tiny screen conference with a long name', startDate: '2026-05-01', endDate: '2026-05-01' });
  await addTalk(page, { title: 'A talk', speakers: [{ name: 'Someone' }], links: [{ label: 'Video', url: 'https://example.org/v' }] });
  for (const path of [new URL(page.url()).pathname, '/', '/settings', '/trash']) {
    await page.goto(env.server.url + path);
    await page.locator('h1').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a, button, input, select, textarea')]
        .filter((el) => el.offsetParent !== null)
        // A radio button's or checkbox's target is its whole label.
        .map((el) => (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox') ? el.closest('label')! : el))
        .map((el) => ({ el: el.outerHTML.slice(0, 80), h: el.getBoundingClientRect().height }))
        .filter((x) => x.h < 44),
    );
    expect(small, `small targets on ${path}`).toEqual([]);
    // Nothing drawn over another target, and no label spilling out of its own (it would be cut off or covered).
    const crowded = await page.evaluate(() => {
      const targets = [...document.querySelectorAll<HTMLElement>('main a, main button, main select, nav a')].filter((el) => el.offsetParent !== null);
      // The page scrolls under the fixed bottom bar: only targets in the same layer can cover each other.
      const fixed = (el: HTMLElement | null): boolean => !!el && (getComputedStyle(el).position === 'fixed' || fixed(el.parentElement));
      const name = (el: HTMLElement): string => (el.textContent ?? '').trim().slice(0, 30) || el.outerHTML.slice(0, 60);
      const out: string[] = [];
      for (const el of targets) if (el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)} spills out (${el.scrollWidth} > ${el.clientWidth} px)`);
      targets.forEach((a, i) => {
        const r = a.getBoundingClientRect();
        for (const b of targets.slice(i + 1)) {
          if (a.contains(b) || b.contains(a) || fixed(a) !== fixed(b)) continue;
          const q = b.getBoundingClientRect();
          const w = Math.min(r.right, q.right) - Math.max(r.left, q.left);
          const h = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
          if (w > 1 && h > 1) out.push(`${name(a)} overlaps ${name(b)}`);
        }
      });
      return out;
    });
    expect(crowded, `crowded targets on ${path}`).toEqual([]);
  }
  await context.close();
});
