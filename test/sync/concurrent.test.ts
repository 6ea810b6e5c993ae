// Two devices editing the same notes and syncing at the same moment, round after round, through Apache (which
// can let two conditional writes both succeed): afterwards both hold the same notes and every line typed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DavServer, startDavServer } from '../helpers/apache';
import { configFor, Device, expectConverged, freshFolder } from '../helpers/sync-device';
import type { RemoteStore, WriteCondition } from '../../src/sync/remote-store';
import { WebDavStore } from '../../src/sync/webdav-store';
import type { SyncConfig } from '../../src/sync/config';

/** A server that ignores If-Match and If-None-Match (as nginx dav and rclone 1.60 do): writes always land. */
class IgnoresPreconditions extends WebDavStore {
  constructor(c: SyncConfig) {
    super(c);
  }
  override put(path: string, body: Uint8Array, _cond: WriteCondition): Promise<void> {
    return super.put(path, body, {});
  }
  override delete(path: string, _cond: WriteCondition): Promise<void> {
    return super.delete(path, {});
  }
}

const ROUNDS = Number(process.env.LECTERN_SYNC_ROUNDS ?? 100);

let dav: DavServer;
beforeAll(async () => {
  dav = await startDavServer({ corsOrigin: '*' });
});
afterAll(async () => {
  await dav?.close();
});

/** A small deterministic random source, so a failing round can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function race(rounds: number, seed: number, remoteFor?: (c: SyncConfig) => RemoteStore): Promise<string> {
  const folder = freshFolder('race');
  const a = new Device('A', configFor(dav, folder));
  const b = new Device('B', configFor(dav, folder));
  const conf = await a.addConference();
  for (let i = 0; i < 3; i++) await a.addTalk(conf.id, `Shared ${i}`, `start ${i} line 1\nstart ${i} line 2\nstart ${i} line 3\n`);
  await a.sync();
  await b.sync();
  const random = rng(seed);
  // Lines that must survive: typed and not later replaced by the device that typed them.
  const expected = new Set<string>();
  for (const d of [a, b]) for (const l of await d.allLines()) expected.add(l);
  let conflicts = 0;
  let merged = 0;
  const started = Date.now();

  async function edit(d: Device, round: number): Promise<void> {
    const talks = await d.liveTalks();
    const t = talks[Math.floor(random() * talks.length)]!;
    const lines = t.body.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
    const op = random();
    const fresh = `${d.name} r${round} ${Math.floor(random() * 1e6)}`;
    if (op < 0.4) lines.push(fresh);
    else if (op < 0.75) lines.splice(Math.floor(random() * (lines.length + 1)), 0, fresh);
    else if (lines.length) {
      const at = Math.floor(random() * lines.length);
      expected.delete(lines[at]!);
      lines[at] = fresh;
    } else lines.push(fresh);
    expected.add(fresh);
    await d.setBody(t.id, lines.join('\n') + '\n');
  }

  for (let round = 0; round < rounds; round++) {
    await edit(a, round);
    await edit(b, round);
    const [ra, rb] = await Promise.all([
      a.sync(remoteFor ? { remote: remoteFor(a.config) } : {}),
      b.sync(remoteFor ? { remote: remoteFor(b.config) } : {}),
    ]);
    conflicts += ra.conflicts + rb.conflicts;
    merged += ra.merged + rb.merged;
  }
  for (let i = 0; i < 3; i++) {
    await a.sync();
    await b.sync();
  }
  await expectConverged([a, b], expected, expect);
  const copies = (await a.liveTalks()).filter((t) => t.conflictOf).length;
  await a.close();
  await b.close();
  return `${rounds} concurrent rounds in ${((Date.now() - started) / 1000).toFixed(1)} s: ${merged} merges, ${conflicts} conflict copies (${copies} live), ${expected.size} lines checked on both devices`;
}

it(`${ROUNDS} rounds of random edits on two devices syncing at once lose no line`, { timeout: 600_000 }, async () => {
  console.log('Apache:', await race(ROUNDS, 20261123));
});

it('a server that ignores preconditions loses no line either: version vectors bring lost writes back', { timeout: 600_000 }, async () => {
  console.log('preconditions ignored:', await race(Math.min(ROUNDS, 40), 7, (c) => new IgnoresPreconditions(c)));
});
