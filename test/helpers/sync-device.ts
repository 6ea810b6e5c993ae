/**
 * A simulated device for sync tests: its own Lectern database (fake-indexeddb), its own clock, and the same
 * writes the app's repositories make (each save bumps localRev), syncing through the real server.
 */
import { LecternDb } from '../../src/db/database';
import type { Conference, Talk } from '../../src/model/types';
import { newConference, newTalk } from '../../src/model/records';
import type { SyncConfig } from '../../src/sync/config';
import { runSync, type RunSyncOptions, type SyncResult } from '../../src/sync/run-sync';
import type { DavServer } from './apache';

let seq = 0;

export function configFor(server: DavServer, folder: string, password = server.password): SyncConfig {
  return { serverUrl: server.url, folder, username: server.user, password };
}

export class Device {
  readonly db: LecternDb;
  /** Added to the real clock for every timestamp this device makes. */
  clockSkewMs = 0;

  constructor(
    readonly name: string,
    public config: SyncConfig,
  ) {
    this.db = new LecternDb(`device-${name}-${++seq}-${Math.random().toString(36).slice(2)}`);
  }

  now(): string {
    return new Date(Date.now() + this.clockSkewMs).toISOString();
  }

  sync(opts: Omit<RunSyncOptions, 'db'> = {}): Promise<SyncResult> {
    return runSync(this.config, { db: this.db, deviceName: this.name, now: () => this.now(), ...opts });
  }

  async addConference(name = 'DevConf', body = ''): Promise<Conference> {
    const c = newConference(
      { name, place: 'Berlin', timeZone: 'Europe/Berlin', startDate: '2026-05-14', endDate: '2026-05-15', url: '' },
      { body },
      this.now(),
    );
    await this.db.conferences.add(c);
    return c;
  }

  async addTalk(conferenceId: string, title: string, body = '', extra: Partial<Talk> = {}): Promise<Talk> {
    const t = newTalk(conferenceId, 'talk', { title, body, ...extra }, this.now());
    await this.db.talks.add(t);
    return t;
  }

  /** What the editor does on input: the whole text, one revision up. */
  async setBody(id: string, body: string): Promise<void> {
    await this.db.transaction('rw', this.db.talks, async () => {
      const t = await this.db.talks.get(id);
      if (!t) throw new Error(`no talk ${id} on ${this.name}`);
      await this.db.talks.put({ ...t, body, updated: this.now(), localRev: t.localRev + 1 });
    });
  }

  async update(id: string, change: Partial<Talk>): Promise<void> {
    await this.db.transaction('rw', this.db.talks, async () => {
      const t = await this.db.talks.get(id);
      if (!t) throw new Error(`no talk ${id} on ${this.name}`);
      await this.db.talks.put({ ...t, ...change, updated: this.now(), localRev: t.localRev + 1 });
    });
  }

  async trash(id: string): Promise<void> {
    await this.update(id, { deletedAt: this.now() });
  }

  async restore(id: string): Promise<void> {
    await this.update(id, { deletedAt: null });
  }

  talk(id: string): Promise<Talk | undefined> {
    return this.db.talks.get(id);
  }

  async liveTalks(): Promise<Talk[]> {
    return (await this.db.talks.toArray()).filter((t) => t.deletedAt === null).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Every line of every live note and conflict copy: what "nothing lost" is checked against. */
  async allLines(): Promise<Set<string>> {
    const out = new Set<string>();
    for (const t of await this.liveTalks()) for (const l of t.body.split('\n')) if (l) out.add(l);
    return out;
  }

  /** Live talks as comparable content (no device bookkeeping). */
  async contentView(): Promise<Array<Record<string, unknown>>> {
    return (await this.liveTalks()).map((t) => {
      const { localRev: _r, updated: _u, ...rest } = t;
      void _r;
      void _u;
      return rest;
    });
  }

  async close(): Promise<void> {
    this.db.close();
    await this.db.delete();
  }
}

/** A folder name no other test uses on the same server. */
export function freshFolder(prefix = 'lib'): string {
  return `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * After a fault: every line typed anywhere is on every device (in the note or a conflict copy), and the devices
 * hold the same notes.
 */
export async function expectConverged(devs: Device[], typed: Iterable<string>, expect: (v: unknown) => { toEqual(x: unknown): void; toBe(x: unknown): void }): Promise<void> {
  const views = await Promise.all(devs.map((d) => d.contentView()));
  for (const v of views.slice(1)) expect(v).toEqual(views[0]);
  for (const d of devs) {
    const lines = await d.allLines();
    const missing = [...typed].filter((l) => !lines.has(l));
    expect(missing).toEqual([]);
  }
}
