/**
 * Figure 5: open a talk from the conference's talk list. From the tap's pointerdown until the note's textarea is in
 * the document and the next frame is produced. Talks are spread over the largest conference's list; between taps the
 * bench goes back (history) to the list, as a person does. The first tap also loads the talk screen's lazy chunk.
 */
import type { BrowserContext } from 'playwright-core';
import { armWatch, failOnErrors, openPage, sleep, watchResult } from '../session';

export interface OpenTalkResult {
  samples: number[];
  talks: number;
}

export async function measureOpenTalk(app: { context: BrowserContext; url: string; conferenceId: string }, o: { rate: number; reps: number }): Promise<OpenTalkResult> {
  const p = await openPage(app.context, o.rate);
  await p.page.goto(`${app.url}/c/${app.conferenceId}`);
  const cards = p.page.locator('a.card[href^="/t/"]');
  await cards.first().waitFor();
  const hrefs = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
  if (hrefs.length < 2) throw new Error(`The conference page lists ${hrefs.length} talks`);
  const samples: number[] = [];
  for (let i = 0; i < o.reps; i++) {
    const href = hrefs[Math.floor(((i + 0.5) * hrefs.length) / o.reps) % hrefs.length]!;
    await armWatch(p.page, 'textarea#note-body');
    await p.page.locator(`a.card[href="${href}"]`).tap();
    const r = await watchResult(p.page, 30_000);
    if (r.start === null) throw new Error(`${href}: the tap's pointerdown was not seen`);
    if (!r.visible) throw new Error(`${href}: the note was painted without a size`);
    if (!p.page.url().endsWith(href)) throw new Error(`Tapping ${href} led to ${p.page.url()}`);
    samples.push(r.paint - r.start);
    await p.page.goBack();
    await cards.first().waitFor();
    await p.page.locator('textarea#note-body').waitFor({ state: 'detached' });
    await sleep(200);
  }
  failOnErrors(p, 'open a talk');
  await p.page.close();
  return { samples, talks: hrefs.length };
}
