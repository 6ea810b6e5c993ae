/**
 * Sync figures against a real Apache httpd + mod_dav on loopback (the test server of test/webdav/):
 * - Requests for one changed note among N synced notes, counted in Apache's access log: the budget is 8, whatever N.
 * - First sync of N notes into a device that has none: runSync from start to end (≤ 4 requests in flight), beside
 *   a baseline of plain GETs of the same files with 4 in flight, so the ratio shows what the engine adds to transport.
 * The engine runs in Node on fake-indexeddb (as in the sync tests), not in the browser: the absolute times include
 * that in-memory IndexedDB's cost, and the ratio is the figure to follow over time.
 */
import type { Figure } from '../figures';
import { countFigure, notBuilt, timeFigure } from '../figures';

export interface SyncBenchOptions {
  notes: number;
  /** First syncs timed, each into a fresh device. */
  reps: number;
}

export const SYNC_FULL: SyncBenchOptions = { notes: 1000, reps: 3 };
export const SYNC_QUICK: SyncBenchOptions = { notes: 200, reps: 1 };

export async function measureSync(o: SyncBenchOptions, log: (msg: string) => void = () => undefined): Promise<Figure[]> {
  // The engine's Node setting, loaded only here so the browser figures never see these globals.
  await import('../../test/helpers/fake-indexeddb');
  await import('../../test/helpers/sync-setup');
  const { startDavServer } = await import('../../test/helpers/apache');
  const { Device, configFor, freshFolder } = await import('../../test/helpers/sync-device');

  let dav: Awaited<ReturnType<typeof startDavServer>>;
  try {
    dav = await startDavServer({ corsOrigin: '*' });
  } catch (e) {
    const why = `Apache could not be started: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    return [notBuilt('sync-requests', 'Sync requests, one change among 1,000 notes', '≤ 8 requests', 'not measured yet', why)];
  }
  try {
    const folder = freshFolder('bench');
    const cfg = configFor(dav, folder);
    const a = new Device('A', cfg);
    const conf = await a.addConference('Bench conference');
    const ids: string[] = [];
    for (let i = 0; i < o.notes; i++) {
      ids.push((await a.addTalk(conf.id, `Talk ${i}`, `# Talk ${i}\n\n- a point about caching\n- another about ${i}\n`)).id);
    }
    log(`sync: uploading ${o.notes} notes`);
    let started = performance.now();
    await a.sync();
    const uploadMs = performance.now() - started;

    const first: number[] = [];
    const raw: number[] = [];
    let maxInFlight = 0;
    for (let rep = 0; rep < o.reps; rep++) {
      const b = new Device(`B${rep}`, cfg);
      let progressCalls = 0;
      started = performance.now();
      await b.sync({ onProgress: () => progressCalls++ });
      first.push(performance.now() - started);
      if ((await b.liveTalks()).length !== o.notes) throw new Error('the first sync did not bring every note');
      await b.close();
      log(`sync: first sync ${rep + 1}/${o.reps}: ${(first.at(-1)! / 1000).toFixed(1)} s, ${progressCalls} progress reports`);

      // Baseline: the same files fetched with 4 in flight and nothing else done.
      const paths = [`conferences/${conf.id}.md`, ...ids.map((id) => `talks/${id}.md`)];
      const auth = 'Basic ' + Buffer.from(`${cfg.username}:${cfg.password}`).toString('base64');
      let next = 0;
      let inFlight = 0;
      started = performance.now();
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < paths.length) {
            const p = paths[next++]!;
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            const res = await fetch(`${cfg.serverUrl}/${folder}/${p}`, { headers: { Authorization: auth } });
            await res.arrayBuffer();
            inFlight--;
          }
        }),
      );
      raw.push(performance.now() - started);
    }

    // One changed note: what each side costs, counted by the server.
    const b = new Device('Bc', cfg);
    await b.sync();
    await a.setBody(ids[ids.length >> 1]!, 'changed\n');
    const served = async (run: () => Promise<unknown>): Promise<number> => {
      const before = (await dav.accessLog()).length;
      await run();
      return (await dav.accessLog()).length - before;
    };
    const up = await served(() => a.sync());
    const down = await served(() => b.sync());
    await a.close();
    await b.close();

    const where = `Apache 2.4 + mod_dav on 127.0.0.1, engine in Node ${process.version} on fake-indexeddb`;
    return [
      countFigure({
        id: 'sync-requests',
        label: `Sync requests, one change among ${o.notes.toLocaleString('en')} notes`,
        value: Math.max(up, down),
        unit: 'count',
        target: { text: '≤ 8 requests', stat: 'value', limit: 8 },
        notes: [`${up} requests on the device that changed the note, ${down} on the device that received it (Apache's access log); ${where}`],
        extra: { upload: up, download: down },
      }),
      timeFigure({
        id: 'sync-first',
        label: `First sync of ${o.notes.toLocaleString('en')} notes into an empty device`,
        samples: first,
        baseline: { label: 'plain GETs of the same files, 4 in flight', samples: raw },
        notes: [
          `${o.reps} run(s), each into a fresh device; ≤ 4 requests in flight (baseline reached ${maxInFlight}); uploading them from the first device took ${(uploadMs / 1000).toFixed(1)} s; ${where}`,
        ],
        extra: { uploadMs },
      }),
    ];
  } finally {
    await dav.close();
  }
}
