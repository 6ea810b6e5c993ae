/** A static file server for the built app, as a plain web host would serve it: files, else index.html. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  port: number;
  /** Paths requested since start or the last reset, in order. */
  requests: string[];
  /** Serves another build from now on, as a deploy would. */
  setRoot(dir: string): void;
  /** Extra files served at fixed paths beside the build (path → file on disk), e.g. a schedule to fetch same-origin. */
  routes: Map<string, string>;
  /**
   * Resolves once no request has arrived for `quietMs`, and returns how many have arrived. Taken right after a
   * browser goes offline, it counts requests the browser sent before that, which may still be on their way.
   */
  settled(quietMs?: number): Promise<number>;
  /**
   * Requests after the first `from`, leaving out the browser's own update check of /sw.js: Chromium sends that from
   * the service worker's context, which Playwright's offline switch does not reach, and a device really offline
   * would simply fail it. Everything the page asks for is counted.
   */
  pageRequestsSince(from: number): string[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Extra files at fixed paths (path → file on disk), served before the build; can be changed later via `routes`. */
  routes?: Record<string, string>;
}

/** Starts serving dir on 127.0.0.1 (a free port unless one is given). */
export async function startStaticServer(dir: string, port = 0, options: StaticServerOptions = {}): Promise<StaticServer> {
  let root = resolve(dir);
  const requests: string[] = [];
  let lastArrival = Date.now();
  const routes = new Map(Object.entries(options.routes ?? {}));
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    lastArrival = Date.now();
    const extra = routes.get(path);
    if (extra !== undefined) {
      if (!existsSync(extra)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(extra)] ?? (extname(extra) === '.xml' ? 'application/xml' : 'application/octet-stream'),
        'content-length': statSync(extra).size,
        'cache-control': 'no-cache',
      });
      createReadStream(extra).pipe(res);
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) {
      // Unknown paths are app routes: a deep link on a first visit still gets the app.
      if (extname(path) && !path.endsWith('.html')) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      file = join(root, 'index.html');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // The service worker and the page must be revalidated, or a deploy is never noticed.
    const revalidate = file.endsWith('sw.js') || file.endsWith('.html') || file.endsWith('.webmanifest');
    res.writeHead(200, {
      'content-type': type,
      'cache-control': revalidate ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    requests,
    routes,
    setRoot(dir2) {
      root = resolve(dir2);
    },
    pageRequestsSince(from) {
      return requests.slice(from).filter((p) => p !== '/sw.js');
    },
    async settled(quietMs = 400) {
      while (Date.now() - lastArrival < quietMs) await new Promise((r) => setTimeout(r, quietMs - (Date.now() - lastArrival)));
      return requests.length;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
