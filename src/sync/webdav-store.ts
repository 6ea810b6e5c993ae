/**
 * A thin WebDAV client over fetch: PROPFIND listings (ETags from the XML body, readable even when a server does
 * not expose the ETag header), GET, conditional PUT and DELETE, MKCOL. No cookies, no HTTP cache, Basic auth.
 */
import { folderSegments, type SyncConfig } from './config';
import { RemoteError, type RemoteEntry, type RemoteFile, type RemoteStore, type WriteCondition } from './remote-store';

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:getcontentlength/><d:resourcetype/></d:prop></d:propfind>';
const DAV = 'DAV:';
const REQUEST_TIMEOUT_MS = 30_000;
const RETRIES = 2;

export interface WebDavOptions {
  signal?: AbortSignal;
  /** For tests: a slower or instrumented fetch. */
  fetch?: typeof fetch;
}

function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return 'Basic ' + btoa(bin);
}

function encodePath(path: string): string {
  return path
    .split('/')
    .filter(Boolean)
    .map((s) => encodeURIComponent(s))
    .join('/');
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new RemoteError('aborted', 'Sync was stopped.'));
    });
  });

function childText(el: Element, local: string): string | null {
  const found = el.getElementsByTagNameNS(DAV, local);
  return found.length ? (found[0]!.textContent ?? '') : null;
}

function trimSlash(p: string): string {
  return p.replace(/\/+$/, '');
}

export class WebDavStore implements RemoteStore {
  private readonly base: string;
  private readonly serverRoot: string;
  private readonly folder: string[];
  private readonly auth: string;
  private readonly doFetch: typeof fetch;
  private count = 0;
  private offset: number | null = null;

  constructor(
    config: SyncConfig,
    private readonly opts: WebDavOptions = {},
  ) {
    this.serverRoot = config.serverUrl.trim().replace(/\/+$/, '');
    this.folder = folderSegments(config.folder);
    this.base = `${this.serverRoot}/${encodePath(this.folder.join('/'))}/`;
    this.auth = basicAuth(config.username, config.password);
    this.doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  }

  get requests(): number {
    return this.count;
  }

  get clockOffsetMs(): number | null {
    return this.offset;
  }

  /** The URL of a path inside the sync folder; '' is the folder itself. */
  url(path: string): string {
    const dir = path.endsWith('/') || path === '';
    const enc = encodePath(path);
    return this.base + enc + (dir && enc ? '/' : '');
  }

  private async request(method: string, url: string, headers: Record<string, string>, body?: BodyInit): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      if (this.opts.signal?.aborted) throw new RemoteError('aborted', 'Sync was stopped.');
      const signals = [AbortSignal.timeout(REQUEST_TIMEOUT_MS)];
      if (this.opts.signal) signals.push(this.opts.signal);
      let res: Response | null = null;
      let failure: RemoteError | null = null;
      this.count++;
      try {
        // Fresh answers without `cache: 'no-store'`: that mode also makes Chromium skip its preflight cache, so every
        // request went out twice (its CORS preflight first), whatever Access-Control-Max-Age the server sends. The
        // header makes the browser check any copy it keeps with the server before using it.
        res = await this.doFetch(url, {
          method,
          headers: { Authorization: this.auth, 'Cache-Control': 'no-cache', ...headers },
          body,
          credentials: 'omit',
          redirect: 'follow',
          signal: AbortSignal.any(signals),
        });
      } catch (e) {
        if (this.opts.signal?.aborted) throw new RemoteError('aborted', 'Sync was stopped.');
        // A browser cannot tell a refused connection from a CORS refusal: both are a TypeError here.
        failure = new RemoteError('network', `Could not reach the server (${e instanceof Error ? e.message : String(e)}).`);
      }
      if (res) {
        const date = res.headers.get('date');
        if (date && !Number.isNaN(Date.parse(date))) this.offset = Date.parse(date) - Date.now();
        const retryable = res.status === 429 || res.status === 423 || (res.status >= 500 && res.status !== 507);
        if (!retryable) return res;
        failure = new RemoteError('server', `The server answered ${res.status} to ${method}.`, res.status);
        const after = Number(res.headers.get('retry-after'));
        await res.body?.cancel();
        if (attempt < RETRIES && after > 0 && after <= 5) {
          await sleep(after * 1000, this.opts.signal);
          continue;
        }
      }
      if (attempt >= RETRIES) throw failure!;
      await sleep(250 * 3 ** attempt, this.opts.signal);
    }
  }

  private fail(res: Response, method: string, path: string): never {
    const where = `${method} ${path || '/'}`;
    switch (res.status) {
      case 401:
        throw new RemoteError('auth', 'The server refused the user name or password.', 401);
      case 403:
        throw new RemoteError('forbidden', `The server does not allow ${where}.`, 403);
      case 409:
        throw new RemoteError('parent-missing', `The folder for ${path} does not exist.`, 409);
      case 412:
        throw new RemoteError('precondition', `${path} changed on the server meanwhile.`, 412);
      case 413:
        throw new RemoteError('too-large', `The server refused ${path} as too large.`, 413);
      case 507:
        throw new RemoteError('full', 'The server has no space left.', 507);
      default:
        throw new RemoteError('server', `The server answered ${res.status} to ${where}.`, res.status);
    }
  }

  private async propfind(path: string, depth: '0' | '1'): Promise<{ entries: RemoteEntry[]; self: RemoteEntry | null } | null> {
    const url = this.url(path);
    const res = await this.request('PROPFIND', url, { Depth: depth, 'Content-Type': 'application/xml; charset=utf-8' }, PROPFIND_BODY);
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (res.status !== 207) {
      await res.body?.cancel();
      this.fail(res, 'PROPFIND', path);
    }
    const xml = await res.text();
    let doc: Document;
    try {
      doc = new DOMParser().parseFromString(xml, 'application/xml');
    } catch {
      throw new RemoteError('server', `The server's listing of ${path || 'the folder'} is not XML.`);
    }
    if (!doc.getElementsByTagNameNS(DAV, 'multistatus').length)
      throw new RemoteError('server', `The server's listing of ${path || 'the folder'} is not a WebDAV listing.`);
    const selfPath = trimSlash(new URL(url).pathname);
    const entries: RemoteEntry[] = [];
    let self: RemoteEntry | null = null;
    const responses = doc.getElementsByTagNameNS(DAV, 'response');
    for (let i = 0; i < responses.length; i++) {
      const r = responses[i]!;
      const href = childText(r, 'href');
      if (href === null) continue;
      let pathname: string;
      try {
        pathname = trimSlash(new URL(href.trim(), url).pathname);
      } catch {
        continue;
      }
      const isCollection = r.getElementsByTagNameNS(DAV, 'collection').length > 0;
      const etagText = childText(r, 'getetag');
      const etag = etagText && etagText.trim() && etagText.trim() !== 'W/""' ? etagText.trim() : null;
      const sizeText = childText(r, 'getcontentlength');
      const name = decodeURIComponent(pathname.slice(pathname.lastIndexOf('/') + 1));
      const entry: RemoteEntry = { name, etag, ...(sizeText ? { size: Number(sizeText) } : {}) };
      if (pathname === selfPath) {
        self = entry;
        continue;
      }
      if (!isCollection) entries.push(entry);
    }
    return { entries, self };
  }

  async list(dir: string): Promise<RemoteEntry[] | null> {
    const r = await this.propfind(dir.endsWith('/') ? dir : dir + '/', '1');
    return r ? r.entries : null;
  }

  async stat(path: string): Promise<RemoteEntry | null> {
    const r = await this.propfind(path, '0');
    return r?.self ?? null;
  }

  async get(path: string): Promise<RemoteFile | null> {
    const res = await this.request('GET', this.url(path), {});
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      this.fail(res, 'GET', path);
    }
    let body: Uint8Array;
    try {
      body = new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      throw new RemoteError('network', `The download of ${path} broke off (${e instanceof Error ? e.message : String(e)}).`);
    }
    return { body, etag: res.headers.get('etag') };
  }

  async put(path: string, body: Uint8Array, cond: WriteCondition): Promise<void> {
    const headers: Record<string, string> = { 'Content-Type': path.endsWith('.json') ? 'application/json' : path.endsWith('.md') ? 'text/markdown; charset=utf-8' : 'application/octet-stream' };
    if (cond.ifMatch) headers['If-Match'] = cond.ifMatch;
    if (cond.ifNoneMatch) headers['If-None-Match'] = cond.ifNoneMatch;
    const res = await this.request('PUT', this.url(path), headers, body as Uint8Array<ArrayBuffer>);
    await res.body?.cancel();
    if (res.status === 200 || res.status === 201 || res.status === 204) return;
    this.fail(res, 'PUT', path);
  }

  async delete(path: string, cond: WriteCondition): Promise<void> {
    const headers: Record<string, string> = {};
    if (cond.ifMatch) headers['If-Match'] = cond.ifMatch;
    const res = await this.request('DELETE', this.url(path), headers);
    await res.body?.cancel();
    if (res.status === 200 || res.status === 204 || res.status === 404) return;
    this.fail(res, 'DELETE', path);
  }

  async ensureDir(path: string): Promise<void> {
    const full = [...this.folder, ...path.split('/').filter(Boolean)];
    // Try the deepest folder first: usually only it is missing, so one request does.
    for (let depth = full.length; depth >= 1; depth--) {
      const res = await this.request('MKCOL', `${this.serverRoot}/${encodePath(full.slice(0, depth).join('/'))}/`, {});
      await res.body?.cancel();
      if (res.status === 201 || res.status === 405 || res.status === 200) {
        // Made (or found) this level: make the ones below it, which are now known to be missing.
        for (let d = depth + 1; d <= full.length; d++) {
          const r = await this.request('MKCOL', `${this.serverRoot}/${encodePath(full.slice(0, d).join('/'))}/`, {});
          await r.body?.cancel();
          if (r.status !== 201 && r.status !== 405) this.fail(r, 'MKCOL', full.slice(0, d).join('/'));
        }
        return;
      }
      if (res.status !== 409) this.fail(res, 'MKCOL', full.slice(0, depth).join('/'));
    }
    throw new RemoteError('server', 'The server would not make the sync folder.');
  }
}
