// Importing a schedule through the UI in Chromium, offline: the parser chunk and worker come from the precache.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, waitForServiceWorker } from '../helpers/browser';
import { useBrowserAndServer } from '../helpers/e2e-env';

const env = useBrowserAndServer();
const FOSDEM = new URL('../../../shared/fixtures/schedules/fosdem-2021_pentabarf.xml', import.meta.url).pathname;

// Timing is the bench's job (npm run bench); here only what the user sees is checked.
it('imports the 1.6 MB FOSDEM schedule offline and opens a talk with its schedule details', async () => {
  const context = await env.browser.newContext(DESKTOP);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  const seen = await env.server.settled();

  await page.getByRole('link', { name: 'Import schedule' }).click();
  await page.getByLabel('Schedule file').waitFor();
  await page.getByLabel('Schedule file').setInputFiles(FOSDEM);
  await page.getByRole('heading', { name: 'Preview' }).waitFor();
  await page.getByText('773 talks · 2 days · 106 rooms').waitFor();
  await page.getByLabel('Time zone').fill('Europe/Brussels');
  await page.getByRole('button', { name: 'Import 773 talks' }).click();
  await page.getByText('Imported into FOSDEM 2021: 773 talks added.').waitFor();

  await page.getByRole('link', { name: 'Open FOSDEM 2021' }).click();
  await page.getByRole('link', { name: /Welcome to FOSDEM 2021/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Welcome to FOSDEM 2021' }).waitFor();
  const details = await page.locator('.talk__details').innerText();
  expect(details).toContain('09:00–09:25');
  expect(details).toContain('K.fosdem');
  await page.getByText('Abstract (from the schedule)').click();
  await page.getByText('FOSDEM welcome and opening talk.').waitFor();
  expect(env.server.pageRequestsSince(seen)).toEqual([]);
  await context.close();
});

it('shows script, handlers and javascript: links from a schedule as text, never running them', async () => {
  const context = await env.browser.newContext(DESKTOP);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${env.server.url}/import`);
  const xml = `<?xml version="1.0"?><schedule><conference><title>Evil &lt;img src=x onerror=alert(1)&gt; Con</title><start>2026-03-01</start><end>2026-03-01</end></conference>
<day date="2026-03-01"><room name="R"><event id="1"><start>10:00</start><duration>00:30</duration><room>R</room>
<title>&lt;script&gt;alert(2)&lt;/script&gt;Talk</title><persons><person id="1">&lt;img src=x onerror=alert(3)&gt;</person></persons>
<links><link href="javascript:alert(4)">Click me</link></links>
<abstract>&lt;p&gt;Hello &lt;img src=x onerror=alert(5)&gt;&lt;a href="javascript:alert(6)"&gt;world&lt;/a&gt;&lt;/p&gt;</abstract></event></room></day></schedule>`;
  await page.getByLabel('Schedule file').setInputFiles({ name: 'evil.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await page.getByLabel('Time zone').fill('UTC');
  await page.getByRole('button', { name: 'Import 1 talk' }).click();
  await page.getByRole('link', { name: /^Open Evil/ }).click();
  await page.getByRole('link', { name: /<script>alert\(2\)<\/script>Talk/ }).click();
  await page.getByRole('heading', { level: 1, name: '<script>alert(2)</script>Talk' }).waitFor();
  await page.getByText('<img src=x onerror=alert(3)>').waitFor();
  await page.getByText('Abstract (from the schedule)').click();
  await page.getByText('Hello world').waitFor();
  expect(await page.locator('main img, main script, a[href^="javascript:"]').count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Click me' }).count()).toBe(0);
  expect(dialogs).toEqual([]);
  await context.close();
});

describe('importing by address', () => {
  let moved = '';
  let other: Server | undefined;
  let otherUrl = '';
  beforeAll(async () => {
    // A copy of FOSDEM where the welcome talk moved from 09:00 to 09:30, for "Fetch again".
    moved = join(mkdtempSync(join(tmpdir(), 'lectern-schedule-')), 'fosdem-moved.xml');
    const text = readFileSync(FOSDEM, 'utf8');
    const changed = text.replace('<event id="11795">\n        <start>09:00</start>', '<event id="11795">\n        <start>09:30</start>');
    expect(changed).not.toBe(text);
    writeFileSync(moved, changed);
    // Another origin that sends the file without Access-Control-Allow-Origin, as most conference sites do.
    other = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(text);
    });
    await new Promise<void>((ok) => other!.listen(0, '127.0.0.1', ok));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/schedule.xml`;
  });
  afterAll(async () => {
    if (moved) rmSync(dirname(moved), { recursive: true, force: true });
    other?.closeAllConnections();
    await new Promise<void>((ok) => (other ? other.close(() => ok()) : ok()));
  });

  it('fetches a schedule, previews and imports it, and "Fetch again" re-imports from the remembered address', async () => {
    env.server.routes.set('/__fixtures/fosdem.xml', FOSDEM);
    const address = `${env.server.url}/__fixtures/fosdem.xml`;
    const context = await env.browser.newContext(DESKTOP);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/import`);
    await page.getByLabel("Or the schedule's address").fill(address);
    await page.getByRole('button', { name: 'Fetch', exact: true }).click();
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    await page.getByText('773 talks · 2 days · 106 rooms').waitFor();
    await page.getByLabel('Time zone').fill('Europe/Brussels');
    await page.getByRole('button', { name: 'Import 773 talks' }).click();
    await page.getByText('Imported into FOSDEM 2021: 773 talks added.').waitFor();
    await page.getByRole('link', { name: 'Open FOSDEM 2021' }).click();
    await page.getByRole('heading', { level: 1, name: 'FOSDEM 2021' }).waitFor();

    // The schedule changed on the server; the conference remembers where it came from.
    env.server.routes.set('/__fixtures/fosdem.xml', moved);
    await page.getByRole('link', { name: 'Import schedule' }).click();
    await page.getByRole('button', { name: `Fetch again from ${address.replace('http://', '')}` }).click();
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    await page.getByRole('button', { name: 'Import 773 talks' }).click();
    await page.getByText('Imported into FOSDEM 2021: 1 moved, 772 unchanged.').waitFor();
    expect(env.server.requests.filter((p) => p === '/__fixtures/fosdem.xml')).toHaveLength(2);

    await page.getByRole('link', { name: 'Open FOSDEM 2021' }).click();
    await page.getByRole('link', { name: /Welcome to FOSDEM 2021/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to FOSDEM 2021' }).waitFor();
    expect(await page.getByRole('note').innerText()).toMatch(/^Moved from Day 1 · .*09:00–09:25/);
    expect(await page.locator('.talk__details').innerText()).toContain('09:30–09:55');

    // The Read view shows the abstract under its own heading, so the note starts with the talk's details.
    await page.getByRole('link', { name: 'Read', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Abstract' }).waitFor();
    expect(await page.locator('section.talk__abstract p').allInnerTexts()).toEqual(['FOSDEM welcome and opening talk.', 'Welcome to FOSDEM 2021!']);
    await context.close();
  });

  it('says plainly when another site does not allow it (CORS), and when the device is offline; nothing is stored', async () => {
    const context = await env.browser.newContext(DESKTOP);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${env.server.url}/import`);
    await waitForServiceWorker(page);
    // The page's CSP allows only https: for other origins, so the browser refuses this one before CORS is even
    // asked; both reach the page as the same TypeError, and both get the one plain message.
    const host = new URL(otherUrl).host;
    await page.getByLabel("Or the schedule's address").fill(otherUrl);
    await page.getByRole('button', { name: 'Fetch', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      `The server at ${host} does not allow other sites to read its files (CORS), or it cannot be reached. Download the file in your browser and import the file instead.`,
    );
    // The address stays, so it can be fixed or copied to download the file.
    expect(await page.getByLabel("Or the schedule's address").inputValue()).toBe(otherUrl);

    await context.setOffline(true);
    env.server.routes.set('/__fixtures/fosdem.xml', FOSDEM);
    await page.getByLabel("Or the schedule's address").fill(`${env.server.url}/__fixtures/fosdem.xml`);
    await page.getByRole('button', { name: 'Fetch', exact: true }).click();
    await page.getByText(/^You are offline, so the schedule cannot be fetched now\. Download the file in your browser and import the file instead\.$/).waitFor();
    expect(await page.evaluate(() => new Promise<number>((ok) => {
      const req = indexedDB.open('lectern');
      req.onsuccess = () => {
        const db = req.result;
        const n = db.transaction('conferences').objectStore('conferences').count();
        n.onsuccess = () => ok(n.result);
      };
    }))).toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});

it('reads a file dropped on the import screen', async () => {
  const context = await env.browser.newContext(DESKTOP);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/import`);
  const xml = `<?xml version="1.0"?><schedule><conference><title>Dropped Con</title><start>2026-03-01</start><end>2026-03-01</end><time_zone_name>Europe/Paris</time_zone_name></conference>
<day date="2026-03-01"><room name="R"><event guid="g1"><start>10:00</start><duration>00:30</duration><room>R</room><title>Dropped talk</title></event></room></day></schedule>`;
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.xml', { type: 'application/xml' }));
    return dt;
  }, xml);
  const zone = page.locator('.drop-zone');
  await zone.dispatchEvent('dragover', { dataTransfer });
  expect(await zone.getAttribute('class')).toContain('drop-zone--over');
  await zone.dispatchEvent('drop', { dataTransfer });
  await page.getByRole('heading', { name: 'Preview' }).waitFor();
  await page.getByText('1 talk · 1 day · 1 room').waitFor();
  await page.getByRole('button', { name: 'Import 1 talk' }).click();
  await page.getByText('Imported into Dropped Con: 1 talk added.').waitFor();
  await context.close();
});
