/** Launching Debian's Chromium through playwright-core, at phone or desktop size. */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROME_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** The Chromium to drive: CHROME_PATH, else Debian's. */
export function chromePath(): string {
  const path = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!path || !existsSync(path))
    throw new Error('No Chromium found. Run `npm test` (it installs Debian\'s chromium when root), or set CHROME_PATH.');
  return path;
}

export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 3,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
};

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), headless: true, args: CHROME_ARGS });
}

/** A browser with a profile on disk, as a person's browser has, so data survives a restart. */
export function launchPersistent(profileDir: string, options: BrowserContextOptions = PHONE): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromePath(),
    headless: true,
    args: CHROME_ARGS,
    ...options,
  });
}

export function tempProfile(): string {
  return mkdtempSync(join(tmpdir(), 'lectern-profile-'));
}

/** The browser process id, read over the DevTools protocol (Playwright does not expose it). */
export async function browserPid(context: BrowserContext): Promise<number> {
  const browser = context.browser();
  const cdp = browser ? await browser.newBrowserCDPSession() : await context.newCDPSession(context.pages()[0]!);
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
  const main = info.processInfo.find((p) => p.type === 'browser');
  if (!main) throw new Error('No browser process in SystemInfo.getProcessInfo');
  return main.id;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILLs every Chromium process at once (the browser leads its process group) and waits until all are gone. */
export async function killBrowser(pid: number): Promise<void> {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    process.kill(pid, 'SIGKILL');
  }
  const until = Date.now() + 10_000;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  // Children may outlive the leader by a moment; the profile is only safe to reopen when they are gone.
  await new Promise((r) => setTimeout(r, 300));
  for (const name of readdirSync(tmpdir())) if (name.startsWith('org.chromium.Chromium.')) rmSync(join(tmpdir(), name), { recursive: true, force: true });
}

/** Waits until the page is controlled by the app's service worker, so it will work offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise<void>((ok) => navigator.serviceWorker.addEventListener('controllerchange', () => ok(), { once: true }));
  });
}
