/**
 * A real Apache httpd + mod_dav server on 127.0.0.1 for the sync tests (config in test/webdav/), with basic auth
 * and CORS on every response, optionally behind a small fault-injecting HTTP proxy.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FaultProxy, startFaultProxy } from './fault-proxy';

export type { FaultProxy, FaultRule } from './fault-proxy';

const startScript = fileURLToPath(new URL('../webdav/start-apache.sh', import.meta.url));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export interface DavServer {
  /** http://127.0.0.1:<port> — the proxy's address when faults are on. */
  url: string;
  /** The served directory on disk (the WebDAV root). */
  root: string;
  user: string;
  password: string;
  /** The Origin the server answers CORS for. */
  corsOrigin: string;
  stop(): Promise<void>;
  /** Starts again on the same port and data after stop(). */
  start(): Promise<void>;
  /** Stops for good and removes the scratch directory. */
  close(): Promise<void>;
  /** The fault proxy in front of Apache, when started with `faults: true`. */
  faults: FaultProxy | null;
  /** Apache's own address, bypassing the proxy. */
  directUrl: string;
  /** Requests Apache answered so far (from its access log), e.g. to count the requests of one sync. */
  accessLog(): Promise<string[]>;
  /** Writes a file straight into the served directory, as a person editing the folder by hand would. */
  writeRaw(path: string, body: string | Uint8Array): Promise<void>;
  readRaw(path: string): Promise<Buffer | null>;
  /** Removes a file or folder straight from disk. */
  removeRaw(path: string): Promise<void>;
}

export interface DavServerOptions {
  corsOrigin: string | '*';
  user?: string;
  password?: string;
  /** Put a fault-injecting proxy in front (cut uploads, drop replies, inject statuses). */
  faults?: boolean;
  /** Apache's default size+mtime ETags (weak for about a second after a write) instead of content digests. */
  mtimeEtags?: boolean;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function preflight(url: string, origin: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      url + '/',
      { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'PROPFIND' }, timeout: 1000 },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

function chownToApache(path: string): void {
  if (isRoot) execFileSync('chown', ['-R', 'www-data:www-data', path]);
}

/** Starts Apache with mod_dav on a free loopback port in a fresh scratch directory. */
export async function startDavServer(opts: DavServerOptions): Promise<DavServer> {
  if (!existsSync('/usr/sbin/apache2')) {
    throw new Error('Apache is not installed: run `node test/helpers/ensure-apache.mjs` (or apt-get install -y apache2).');
  }
  const user = opts.user ?? 'alice';
  const password = opts.password ?? 's3cret';
  const scratch = await mkdtemp(join(tmpdir(), 'lectern-dav-'));
  const data = join(scratch, 'data');
  await mkdir(data, { recursive: true });
  const sha = createHash('sha1').update(password).digest('base64');
  await writeFile(join(scratch, 'htpasswd'), `${user}:{SHA}${sha}\n`);
  const port = await freePort();
  const directUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let stderr = '';

  async function start(): Promise<void> {
    if (child) return;
    stderr = '';
    const args = [startScript, scratch, String(port), opts.corsOrigin, user, password];
    if (opts.mtimeEtags) args.push('-DMTIME_ETAGS');
    const proc = spawn('bash', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    let exited = false;
    proc.once('exit', () => {
      exited = true;
      if (child === proc) child = null;
    });
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (exited) throw new Error(`Apache exited while starting:\n${stderr}`);
      if ((await preflight(directUrl, opts.corsOrigin === '*' ? 'http://localhost' : opts.corsOrigin)) === 204) return;
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`Apache did not answer on ${directUrl} within 20 s:\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function stop(): Promise<void> {
    const proc = child;
    if (!proc) return;
    const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 8000);
    await gone;
    clearTimeout(timer);
    child = null;
    // Apache's children can outlive the parent's exit by a moment; wait until the port is free.
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && (await preflight(directUrl, 'http://localhost')) !== 0) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  await start();
  const faults = opts.faults ? await startFaultProxy(directUrl) : null;

  const server: DavServer = {
    url: faults ? faults.url : directUrl,
    directUrl,
    root: data,
    user,
    password,
    corsOrigin: opts.corsOrigin,
    faults,
    start,
    stop,
    async close() {
      await stop();
      await faults?.close();
      await rm(scratch, { recursive: true, force: true });
    },
    async accessLog() {
      try {
        const text = await readFile(join(scratch, 'access.log'), 'utf8');
        return text.split('\n').filter(Boolean);
      } catch {
        return [];
      }
    },
    async writeRaw(path, body) {
      const file = join(data, path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, body);
      chownToApache(data);
    },
    async readRaw(path) {
      try {
        return await readFile(join(data, path));
      } catch {
        return null;
      }
    },
    async removeRaw(path) {
      await rm(join(data, path), { recursive: true, force: true });
    },
  };
  return server;
}

/**
 * Mounts a tiny tmpfs at `path` inside the served directory so writes there fail with 507.
 * Needs root; returns null when the mount is refused (then the caller skips the case and says so).
 */
export function mountTinyDisk(server: DavServer, path: string, sizeKiB: number): (() => void) | null {
  if (!isRoot) return null;
  const dir = join(server.root, path);
  try {
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,uid=33,gid=33,mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    return null;
  }
  return () => execFileSync('umount', ['-l', dir]);
}
