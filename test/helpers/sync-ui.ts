/** Driving the app's sync screens in Chromium, as a person would: Settings → Sync, the status line, Sync now. */
import type { Page } from 'playwright-core';

export interface Connection {
  serverUrl: string;
  folder: string;
  username: string;
  password: string;
}

export async function fillConnection(page: Page, c: Connection): Promise<void> {
  const section = page.getByRole('region', { name: 'Sync', exact: true });
  await section.getByLabel('Server address', { exact: true }).fill(c.serverUrl);
  await section.getByLabel('Folder', { exact: true }).fill(c.folder);
  await section.getByLabel('User name', { exact: true }).fill(c.username);
  await section.getByLabel('Password or app password', { exact: true }).fill(c.password);
}

/** Waits for the status line to say exactly this. */
export async function statusIs(page: Page, text: string | RegExp, timeout = 30_000): Promise<void> {
  const exact = typeof text === 'string' ? new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : text;
  await page.locator('[data-testid="sync-status"] .sync-line__text', { hasText: exact }).waitFor({ timeout });
}

/**
 * Settings → Sync → Connect (creating the folder first when the server has none), and waits until the first run has
 * finished. `onConnect` runs just before Connect is pressed for the connection that stays.
 */
export async function connect(page: Page, appUrl: string, c: Connection, o: { timeout?: number; onConnect?: () => void } = {}): Promise<void> {
  await page.goto(`${appUrl}/settings`);
  await fillConnection(page, c);
  const connectButton = page.getByRole('button', { name: 'Connect', exact: true });
  o.onConnect?.();
  await connectButton.click();
  const connected = page.getByText('Syncing with the folder');
  const create = page.getByRole('button', { name: `Create the folder “${c.folder}”` });
  await connected.or(create).waitFor();
  if (await create.isVisible()) {
    await create.click();
    await page.getByText('Connection works').waitFor();
    o.onConnect?.();
    await connectButton.click();
    await connected.waitFor();
  }
  await statusIs(page, 'Synced', o.timeout);
}

/** Settings → Sync now, and waits for the run to finish. `onStart` runs just before the button is pressed. */
export async function syncNow(page: Page, appUrl: string, o: { timeout?: number; onStart?: () => void } = {}): Promise<void> {
  await page.goto(`${appUrl}/settings`);
  const button = page.getByRole('button', { name: 'Sync now' });
  await button.waitFor();
  // Opening the app starts a run by itself; wait for it before asking for another.
  await page.getByRole('button', { name: 'Sync now', disabled: false }).waitFor({ timeout: o.timeout ?? 30_000 });
  o.onStart?.();
  await button.click();
  await page.getByRole('button', { name: 'Sync now', disabled: false }).waitFor({ timeout: o.timeout ?? 30_000 });
}
