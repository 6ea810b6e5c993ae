/** One browser and one server for a file of browser tests, started before and stopped after its tests. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { DIST } from './build';
import { startStaticServer, type StaticServer } from './static-server';

export interface E2eEnv {
  readonly browser: Browser;
  readonly server: StaticServer;
  /** Serves again on the same port after a test stopped the server. */
  restartServer(): Promise<void>;
}

/** Registers the hooks; read browser and server inside tests, once they have started. */
export function useBrowserAndServer(): E2eEnv {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('The browser starts in beforeAll');
      return browser;
    },
    get server() {
      if (!server) throw new Error('The server starts in beforeAll');
      return server;
    },
    async restartServer() {
      server = await startStaticServer(DIST, server?.port ?? 0);
    },
  };
}
