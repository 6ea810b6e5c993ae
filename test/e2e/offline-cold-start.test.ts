// Offline for real: a profile that visited once online, then the network off, every page closed, and a new page
// opened — a cold start from the service worker. Every screen and action but sync and import by URL must work.
import { expect, it } from 'vitest';
import { PHONE, waitForServiceWorker } from '../helpers/browser';
import { useBrowserAndServer } from '../helpers/e2e-env';
import { everyScreen } from '../helpers/every-screen';

const env = useBrowserAndServer();

it('works on every screen from a cold start with the network off', async () => {
  const context = await env.browser.newContext(PHONE);
  const first = await context.newPage();
  await first.goto(env.server.url);
  // Controlled means installed and activated: the whole precache is stored.
  await waitForServiceWorker(first);
  await context.setOffline(true);
  await first.close();
  const seen = await env.server.settled();

  const page = await context.newPage();
  const failures: string[] = [];
  page.on('pageerror', (e) => void failures.push(`page error: ${e.message}`));
  const steps = everyScreen(page, env.server.url, 'off');
  const passed: string[] = [];
  for (const [name, step] of steps) {
    try {
      await step();
      passed.push(name);
    } catch (e) {
      throw new Error(`Offline, step “${name}” failed (after ${passed.length} passed): ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  console.info(`offline: ${passed.length} of ${steps.length} steps passed from a cold start: ${passed.join(', ')}`);
  expect(failures).toEqual([]);
  // The browser really was offline: not one request reached the server after the first visit.
  expect(env.server.pageRequestsSince(seen)).toEqual([]);
  await context.close();
});
