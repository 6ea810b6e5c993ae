/**
 * Watching a page for anything a script-injection payload could do: dialogs, console output, a flag any payload
 * sets, Content Security Policy violations, and every request the browser makes (service worker included). And a
 * check of the rendered DOM for what could run or reach out later: handlers, script URLs, embedded frames.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DESKTOP, waitForServiceWorker } from './browser';
import { expect } from 'vitest';

export interface Watch {
  /** Every URL the context requested, in order. */
  requests: string[];
  dialogs: string[];
  pageErrors: string[];
  /**
   * What the page itself recorded: calls to alert/confirm/prompt/print, writes to the payloads' flag, console calls,
   * hazards that were in the live DOM even for a moment, and CSP violations. Chromium also reports violations for
   * markup parsed into inert documents (DOMParser, as the sanitiser does), where nothing can run: those are counted,
   * not judged.
   */
  recorded(page: Page): Promise<{ hits: string[]; console: string[]; live: string[]; csp: string[] }>;
  /** Requests to any origin but the app's (and not blob: or data:). */
  foreign(origin: string): string[];
  watchPage(page: Page): void;
}

/** A new desktop context with the spies installed, and a page on the app once its service worker is in control. */
export async function openWatchedApp(browser: Browser, origin: string): Promise<{ context: BrowserContext; watch: Watch; page: Page }> {
  const context = await browser.newContext(DESKTOP);
  const watch = await watchContext(context);
  const page = await context.newPage();
  await page.goto(origin);
  await waitForServiceWorker(page);
  return { context, watch, page };
}

/** Installs the spies before any of the app's code runs, in every page and frame of the context. */
export async function watchContext(context: BrowserContext): Promise<Watch> {
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const hits: string[] = [];
    const consoleCalls: string[] = [];
    const csp: string[] = [];
    const live: string[] = [];
    const schemeOf = (value: string): string => /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ''))?.[1]?.toLowerCase() ?? '';
    /** The hazards one element carries in its attributes (see domHazards for the rules). */
    const attributeHazards = (el: Element): string[] => {
      const found: string[] = [];
      const tag = `<${el.tagName.toLowerCase()}>`;
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? '';
        const a = attr.toLowerCase();
        if (a.startsWith('on')) found.push(`${a} on ${tag}`);
        if (['srcdoc', 'srcset', 'formaction', 'action', 'xlink:href', 'background', 'ping', 'poster'].includes(a)) found.push(`${a}= on ${tag}`);
        if (a === 'href' || a === 'src' || a === 'data') {
          const scheme = schemeOf(value);
          const ok =
            !scheme ||
            ['http', 'https', 'mailto'].includes(scheme) ||
            (el.tagName === 'IMG' && a === 'src' && (scheme === 'blob' || /^data:image\//i.test(value))) ||
            (el.tagName === 'A' && el.hasAttribute('download') && scheme === 'blob');
          if (!ok) found.push(`${a}="${value.slice(0, 80)}" on ${tag}`);
        }
      }
      return found;
    };
    Object.defineProperty(w, '__spy', { value: { hits, console: consoleCalls, csp, live, attributeHazards } });
    // Anything hazardous that enters the live document, even if it is gone again before a check of the DOM.
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target instanceof Element) live.push(...attributeHazards(r.target));
        for (const node of r.addedNodes) {
          if (!(node instanceof Element)) continue;
          for (const el of [node, ...node.querySelectorAll('*')]) live.push(...attributeHazards(el));
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
    for (const name of ['alert', 'confirm', 'prompt', 'print'])
      Object.defineProperty(w, name, { value: (...args: unknown[]) => void hits.push(`${name}(${args.map(String).join(', ')})`), writable: false, configurable: false });
    // Payloads in the corpus set self.__xss: a setter notices even when nothing else would show.
    Object.defineProperty(w, '__xss', { get: () => undefined, set: (v: unknown) => void hits.push(`__xss = ${String(v)}`), configurable: false });
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[level].bind(console);
      console[level] = (...args: unknown[]) => {
        consoleCalls.push(`${level}: ${args.map(String).join(' ').slice(0, 300)}`);
        original(...args);
      };
    }
    document.addEventListener('securitypolicyviolation', (e) => void csp.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const requests: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (r) => void requests.push(r.url()));
  const watchPage = (page: Page): void => {
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => void pageErrors.push(e.message));
  };
  context.on('page', watchPage);
  return {
    requests,
    dialogs,
    pageErrors,
    watchPage,
    recorded: (page) => page.evaluate(() => {
      const spy = (window as unknown as { __spy: { hits: string[]; console: string[]; live: string[]; csp: string[] } }).__spy;
      return { hits: [...spy.hits], console: [...spy.console], live: [...spy.live], csp: [...spy.csp] };
    }),
    foreign: (origin) => requests.filter((u) => !u.startsWith(`${origin}/`) && u !== origin && !/^(blob|data):/.test(u)),
  };
}

/**
 * Needs watchContext's init script. Everything in the page's DOM that could run script or load from elsewhere: on* attributes, links that are not
 * http(s), mailto or relative, scripts that are not the app's own, frames and plugins, srcdoc/srcset/formaction.
 * Images may use blob: (the note's photos) and data:image/ (the app's own icons).
 */
export function domHazards(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { attributeHazards } = (window as unknown as { __spy: { attributeHazards: (el: Element) => string[] } }).__spy;
    const found: string[] = [];
    for (const el of document.querySelectorAll('iframe, frame, object, embed, applet, base, template, portal')) found.push(`<${el.tagName.toLowerCase()}>`);
    for (const el of document.querySelectorAll('script')) if (!/^\/assets\/[\w.-]+\.js$/.test(el.getAttribute('src') ?? '')) found.push(`script ${el.outerHTML.slice(0, 80)}`);
    for (const el of document.querySelectorAll('*')) found.push(...attributeHazards(el));
    return found;
  });
}

/** Fails with the screen's name and what was found when the page shows any hazard or recorded anything. */
export async function expectClean(page: Page, watch: Watch, screen: string): Promise<void> {
  expect(await domHazards(page), screen).toEqual([]);
  const seen = await watch.recorded(page);
  expect(seen.hits, screen).toEqual([]);
  expect(seen.console.filter((c) => /xss|alert|hostile/i.test(c)), screen).toEqual([]);
  // Not even for a moment: a handler that entered the live document and was removed again would still have had its chance.
  expect(seen.live, screen).toEqual([]);
}
