// The test server itself: what the sync tests rely on from Apache + mod_dav, checked over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DavServer, startDavServer } from '../helpers/apache';

const origin = 'http://localhost:4173';
let dav: DavServer;
const auth = (): Record<string, string> => ({
  Authorization: 'Basic ' + Buffer.from(`${dav.user}:${dav.password}`).toString('base64'),
});

beforeAll(async () => {
  dav = await startDavServer({ corsOrigin: origin, faults: true });
});
afterAll(async () => {
  await dav?.close();
});

describe('Apache + mod_dav test server', () => {
  it('answers a credential-less preflight 204 with the CORS headers a browser needs', async () => {
    const res = await fetch(dav.url + '/x/a.md', {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization, if-match, depth' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-allow-methods')).toContain('PROPFIND');
    expect(res.headers.get('access-control-allow-headers')).toContain('If-None-Match');
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  it('refuses a wrong password with 401 that still carries CORS', async () => {
    const res = await fetch(dav.url + '/', { headers: { Authorization: 'Basic ' + Buffer.from('alice:nope').toString('base64') } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('enforces If-None-Match: * and If-Match with content ETags', async () => {
    expect((await fetch(dav.url + '/t1/', { method: 'MKCOL', headers: auth() })).status).toBe(201);
    const put = (body: string, h: Record<string, string>): Promise<Response> =>
      fetch(dav.url + '/t1/a.md', { method: 'PUT', body, headers: { ...auth(), ...h } });
    expect((await put('one', { 'If-None-Match': '*' })).status).toBe(201);
    expect((await put('two', { 'If-None-Match': '*' })).status).toBe(412);
    const got = await fetch(dav.url + '/t1/a.md', { headers: auth() });
    const etag = got.headers.get('etag')!;
    expect(await got.text()).toBe('one');
    expect((await put('x', { 'If-Match': '"bogus"' })).status).toBe(412);
    expect((await put('three', { 'If-Match': etag })).status).toBe(204);
    expect((await put('stale', { 'If-Match': etag })).status).toBe(412);
    expect((await dav.readRaw('t1/a.md'))?.toString()).toBe('three');
  });

  it('lets the fault proxy cut an upload so the server keeps the old file', async () => {
    await dav.writeRaw('t2/a.md', 'ORIGINAL');
    dav.faults!.add({ method: 'PUT', action: { kind: 'cut-request', afterBytes: 100 } });
    await expect(
      fetch(dav.url + '/t2/a.md', { method: 'PUT', body: 'NEW '.repeat(5000), headers: auth() }),
    ).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 300));
    expect((await dav.readRaw('t2/a.md'))?.toString()).toBe('ORIGINAL');
  });

  it('lets the fault proxy drop the reply after the server applied the write', async () => {
    dav.faults!.add({ method: 'PUT', action: { kind: 'drop-response' } });
    await expect(fetch(dav.url + '/t2/b.md', { method: 'PUT', body: 'applied', headers: auth() })).rejects.toThrow();
    expect((await dav.readRaw('t2/b.md'))?.toString()).toBe('applied');
  });

  it('stops and starts again on the same port with the same files', async () => {
    await dav.stop();
    await expect(fetch(dav.directUrl + '/t1/a.md', { headers: auth() })).rejects.toThrow();
    await dav.start();
    const res = await fetch(dav.url + '/t1/a.md', { headers: auth() });
    expect(await res.text()).toBe('three');
  });
});
