/**
 * The folder's identity (lectern.json): made once with If-None-Match, then checked on every run so that a folder
 * emptied, moved or swapped for another library stops the run instead of looking like mass deletion.
 */
import type { LocalReplica } from '../db/sync-local';
import type { SyncDevice } from '../db/sync-types';
import { idFromHash, sha256Hex, utf8 } from './hash';
import { parseIdentity, serialiseIdentity, STORE_FILE, STORE_FORMAT } from './remote-meta';
import { isRemoteError, type RemoteStore } from './remote-store';
import { SyncStop } from './sync-stop';

/** Folders made on a first sync; later runs make one again only when a write finds it missing. */
const LAYOUT = ['conferences', 'talks', 'attachments', 'tombstones', 'devices'];

/**
 * Returns the folder's storeId, having checked it is the one this device's bases belong to. `fresh` says this
 * device starts over with the folder (first sync, or after the person chose to upload or merge).
 */
export async function connectStore(
  remote: RemoteStore,
  local: LocalReplica,
  device: SyncDevice,
  resolution: 'upload-here' | 'merge-into' | undefined,
  now: () => string,
): Promise<{ storeId: string; fresh: boolean }> {
  const hasBases = device.storeId !== null && (await local.countBases()) > 0;
  for (let attempt = 0; attempt < 3; attempt++) {
    const got = await remote.get(STORE_FILE);
    if (got) {
      const parsed = parseIdentity(got.body);
      if (!parsed.ok) throw new SyncStop('server', `${STORE_FILE} in the sync folder cannot be read: ${parsed.reason}`);
      const id = parsed.value;
      if (id.minReaderFormat > STORE_FORMAT) throw new SyncStop('newer-format');
      if (device.storeId === id.storeId && hasBases) return { storeId: id.storeId, fresh: false };
      if (hasBases && resolution !== 'merge-into') throw new SyncStop('other-folder');
      await local.switchStore(id.storeId);
      return { storeId: id.storeId, fresh: true };
    }
    if (hasBases && resolution !== 'upload-here') throw new SyncStop('remote-lost', `${STORE_FILE} is missing`);
    const created = now();
    const storeId = idFromHash(await sha256Hex(`${device.deviceId}:${created}:${crypto.randomUUID()}`));
    await remote.ensureDir('');
    try {
      await remote.put(STORE_FILE, utf8(serialiseIdentity({ format: STORE_FORMAT, minReaderFormat: 1, storeId, created })), { ifNoneMatch: '*' });
    } catch (e) {
      // Another device made the folder's identity a moment ago: read theirs.
      if (isRemoteError(e, 'precondition')) continue;
      throw e;
    }
    for (const dir of LAYOUT) await remote.ensureDir(dir);
    await local.switchStore(storeId);
    return { storeId, fresh: true };
  }
  throw new SyncStop('server', `${STORE_FILE} keeps changing on the server`);
}
