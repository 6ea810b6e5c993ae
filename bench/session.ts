/** Browser contexts for the bench: phone emulation, the in-page probe, CPU throttling, offline cold pages. */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { PHONE, waitForServiceWorker } from '../test/helpers/browser';

const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

export interface BenchPage {
  page: Page;
  cdp: CDPSession;
  /** Page errors and console errors seen so far: the bench fails on any. */
  errors: string[];
}

/** A phone-sized context with the probe injected before every document's scripts. */
export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext(PHONE);
  context.setDefaultTimeout(60_000);
  await context.addInitScript({ content: PROBE });
  return context;
}

/** A new tab with `rate`× CPU slowdown, applied before it navigates anywhere. */
export async function openPage(context: BrowserContext, rate: number): Promise<BenchPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { page, cdp, errors };
}

/** Visits url online and waits until its service worker controls the page, so the next visits work offline. */
export async function install(context: BrowserContext, url: string): Promise<BenchPage> {
  const p = await openPage(context, 1);
  await p.page.goto(url);
  await waitForServiceWorker(p.page);
  return p;
}

/** Stops every running service worker, so the next navigation starts its worker from scratch, as after the app was closed. */
export async function stopServiceWorkers(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.send('ServiceWorker.disable');
}

export interface Painted {
  start: number | null;
  dom: number;
  paint: number;
  visible: boolean;
}

/** The probe's current watch (armed at navigation or by armWatch), once its element is painted. */
export function watchResult(page: Page, timeoutMs = 60_000): Promise<Painted> {
  return page.evaluate((t) => (window as unknown as { __bench: { result(t: number): Promise<Painted> } }).__bench.result(t), timeoutMs);
}

/** Arms the probe to time from the next pointerdown until `selector` is painted. */
export async function armWatch(page: Page, selector: string): Promise<void> {
  await page.evaluate((s) => (window as unknown as { __bench: { arm(s: string, start: string): boolean } }).__bench.arm(s, 'pointerdown'), selector);
}

export function failOnErrors(p: BenchPage, where: string): void {
  if (p.errors.length) throw new Error(`${where}: the page reported errors:\n${p.errors.join('\n')}`);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));
