// Mutated note files in the real folder: a device pulls each one that still reads as a whole record, quarantines
// the rest with a reason, and stores nothing of a file it refused.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DavServer, startDavServer } from '../helpers/apache';
import { configFor, Device, freshFolder } from '../helpers/sync-device';
import { mutate, sampleFile, seededRandom } from '../helpers/mutate-file';
import { parseRecordFile } from '../../src/sync/remote-format';

let dav: DavServer;
beforeAll(async () => {
  dav = await startDavServer({ corsOrigin: '*' });
});
afterAll(async () => {
  await dav?.close();
});

it('quarantines what does not read and takes exactly what does', async () => {
  const folder = freshFolder('fuzz');
  const a = new Device('A', configFor(dav, folder));
  await a.sync();
  const random = seededRandom(7);
  const files = new Map<string, Uint8Array>();
  for (let i = 0; i < 60; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const { bytes } = mutate(sampleFile(id, i), random);
    files.set(id, bytes);
    await dav.writeRaw(`${folder}/talks/${id}.md`, bytes);
  }
  const b = new Device('B', configFor(dav, folder));
  const r = await b.sync();
  const quarantined = new Map(r.quarantined.map((q) => [q.path, q.reason]));
  let taken = 0;
  for (const [id, bytes] of files) {
    const expected = parseRecordFile('talks', id, bytes);
    const stored = await b.talk(id);
    if (expected.ok) {
      taken++;
      expect(stored?.body).toBe(expected.record.body);
      expect(stored?.title).toBe((expected.record as { title: string }).title);
    } else {
      expect(stored, id).toBeUndefined();
      expect(quarantined.get(`talks/${id}.md`)).toBe(expected.reason);
      // Left exactly as it was on the server.
      expect(Buffer.from(bytes).equals((await dav.readRaw(`${folder}/talks/${id}.md`))!), id).toBe(true);
    }
  }
  expect(taken + quarantined.size).toBe(files.size);
  expect(quarantined.size).toBeGreaterThan(10);
  await a.close();
  await b.close();
});
