// Nothing leaves silently: a whole session without sync set up (every screen and action but sync and import by
// URL) makes no request to any origin but the app's own, counting the service worker's requests too.
import { expect, it } from 'vitest';
import { DESKTOP, waitForServiceWorker } from '../helpers/browser';
import { useBrowserAndServer } from '../helpers/e2e-env';
import { everyScreen } from '../helpers/every-screen';

const env = useBrowserAndServer();

it('sends nothing to any other origin during a session of every screen and action', async () => {
  const context = await env.browser.newContext(DESKTOP);
  const requests: Array<{ url: string; worker: boolean }> = [];
  context.on('request', (r) => void requests.push({ url: r.url(), worker: r.serviceWorker() !== null }));
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForServiceWorker(page);
  const steps = everyScreen(page, env.server.url, 'nl');
  for (const [name, step] of steps) {
    try {
      await step();
    } catch (e) {
      throw new Error(`Step “${name}” failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const foreign = requests.filter((r) => !r.url.startsWith(`${env.server.url}/`) && !/^(blob|data):/.test(r.url));
  console.info(`no-leak: ${steps.length} steps, ${requests.length} requests (${requests.filter((r) => r.worker).length} from the service worker), ${foreign.length} to other origins`);
  expect(foreign).toEqual([]);
  // The count is only meaningful if the recorder saw the session: the app's own files at least.
  expect(requests.length).toBeGreaterThan(10);
  await context.close();
});
