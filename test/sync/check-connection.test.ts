// "Test connection" against the real server tells the cases apart, and a missing folder can be made.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DavServer, freePort, startDavServer } from '../helpers/apache';
import { configFor, freshFolder } from '../helpers/sync-device';
import { checkConnection, createRemoteFolder } from '../../src/sync/check-connection';

let dav: DavServer;
beforeAll(async () => {
  dav = await startDavServer({ corsOrigin: '*' });
});
afterAll(async () => {
  await dav?.close();
});

it('finds a working folder on a server that enforces conditional writes, and leaves no probe behind', async () => {
  const folder = freshFolder('check');
  await dav.writeRaw(`${folder}/.keep`, '');
  expect(await checkConnection(configFor(dav, folder))).toEqual({ ok: true, conditionalWrites: 'enforced' });
  const { readdirSync } = await import('node:fs');
  expect(readdirSync(`${dav.root}/${folder}`)).toEqual(['.keep']);
});

it('tells a wrong password, a missing folder and an unreachable server apart', async () => {
  const folder = freshFolder('check');
  expect(await checkConnection(configFor(dav, folder, 'wrong'))).toMatchObject({ ok: false, problem: 'credentials' });
  expect(await checkConnection(configFor(dav, folder))).toMatchObject({ ok: false, problem: 'folder-missing', message: expect.stringContaining(folder) });
  const closed = `http://127.0.0.1:${await freePort()}`;
  expect(await checkConnection({ ...configFor(dav, folder), serverUrl: closed })).toMatchObject({ ok: false, problem: 'unreachable', message: expect.stringMatching(/CORS/) });
});

it('makes a missing folder, nested ones included', async () => {
  const folder = `${freshFolder('made')}/Notes/Lectern`;
  await createRemoteFolder(configFor(dav, folder));
  expect(await checkConnection(configFor(dav, folder))).toEqual({ ok: true, conditionalWrites: 'enforced' });
  // Making it again is harmless.
  await createRemoteFolder(configFor(dav, folder));
});
