/**
 * An HTTP proxy on 127.0.0.1 that relays to the WebDAV server and, when told to, breaks requests the way networks
 * and servers do: an upload cut off mid-body, a reply lost after the server applied the write, an injected status.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultRule {
  /** Which requests: method (upper case) and a test on the path. Both optional. */
  method?: string;
  path?: RegExp;
  /** How many matching requests to break; then the rule is spent. Default 1. */
  times?: number;
  /** Skip this many matching requests before breaking the next ones. */
  after?: number;
  action:
    | { kind: 'cut-request'; afterBytes: number }
    | { kind: 'drop-response' }
    | { kind: 'truncate-response'; afterBytes: number }
    | { kind: 'status'; status: number; body?: string }
    | { kind: 'refuse' };
}

export interface FaultProxy {
  url: string;
  add(rule: FaultRule): void;
  clear(): void;
  /** Requests seen by the proxy (method and path), in order. */
  readonly seen: { method: string; path: string }[];
  /** How many rules fired so far. */
  readonly fired: number;
  close(): Promise<void>;
}

interface LiveRule extends FaultRule {
  left: number;
  skip: number;
}

/** Starts the proxy in front of `target` (http://127.0.0.1:port). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let rules: LiveRule[] = [];
  const seen: { method: string; path: string }[] = [];
  let fired = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

  function pick(method: string, path: string): LiveRule | null {
    for (const r of rules) {
      if (r.left <= 0) continue;
      if (r.method && r.method !== method) continue;
      if (r.path && !r.path.test(path)) continue;
      if (r.skip > 0) {
        r.skip--;
        continue;
      }
      r.left--;
      fired++;
      return r;
    }
    return null;
  }

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    seen.push({ method, path });
    const rule = pick(method, path);
    if (rule?.action.kind === 'refuse') {
      req.socket.destroy();
      return;
    }
    if (rule?.action.kind === 'status') {
      req.resume();
      res.writeHead(rule.action.status, {
        'Access-Control-Allow-Origin': '*',
        'Content-Type': 'text/plain',
        Connection: 'close',
      });
      res.end(rule.action.body ?? '');
      return;
    }
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method, path, headers: req.headers, agent },
      (up) => {
        if (rule?.action.kind === 'drop-response') {
          // The server has applied the request; read its reply fully, then vanish without a word.
          up.resume();
          up.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(up.statusCode ?? 502, up.headers);
        if (rule?.action.kind === 'truncate-response') {
          // Part of the reply, then the connection breaks: a download cut off.
          const limit = rule.action.afterBytes;
          let sent = 0;
          up.on('data', (chunk: Buffer) => {
            if (sent >= limit) return;
            const part = chunk.subarray(0, limit - sent);
            sent += part.length;
            res.write(part);
            if (sent >= limit) setTimeout(() => req.socket.destroy(), 20);
          });
          up.on('end', () => req.socket.destroy());
          return;
        }
        up.pipe(res);
      },
    );
    out.on('error', () => req.socket.destroy());
    if (rule?.action.kind === 'cut-request') {
      let sent = 0;
      const limit = rule.action.afterBytes;
      req.on('data', (chunk: Buffer) => {
        if (sent >= limit) return;
        const part = chunk.subarray(0, Math.max(0, limit - sent));
        sent += part.length;
        out.write(part);
        if (sent >= limit) {
          out.destroy();
          req.socket.destroy();
        }
      });
      req.on('end', () => {
        // The whole body was smaller than the cut: cut right at its end, before the server sees it complete.
        out.destroy();
        req.socket.destroy();
      });
      return;
    }
    req.pipe(out);
  });
  server.keepAliveTimeout = 2000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    add(rule) {
      rules.push({ ...rule, left: rule.times ?? 1, skip: rule.after ?? 0 });
    },
    clear() {
      rules = [];
    },
    seen,
    get fired() {
      return fired;
    },
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
