/**
 * "Test connection": can this device reach the server, log in, find the folder and write there, and does the
 * server honour conditional writes (some ignore If-Match, which sync survives but with more conflict copies)?
 */
import type { SyncConfig } from './config';
import { utf8 } from './hash';
import { isRemoteError, RemoteError } from './remote-store';
import { WebDavStore } from './webdav-store';

export type ConnectionCheck =
  | { ok: true; conditionalWrites: 'enforced' | 'ignored' }
  | { ok: false; problem: 'unreachable' | 'credentials' | 'folder-missing' | 'server'; message: string };

function failure(e: unknown): ConnectionCheck {
  if (!(e instanceof RemoteError)) throw e;
  switch (e.kind) {
    case 'network':
      return {
        ok: false,
        problem: 'unreachable',
        message:
          'Lectern could not reach the server. Check the address and that you are online. If the address is right, the server may not allow Lectern to connect from this site (CORS): see the sync guide.',
      };
    case 'auth':
      return { ok: false, problem: 'credentials', message: 'The server refused this user name or password. For Nextcloud, make an app password under Settings → Security.' };
    case 'forbidden':
      return { ok: false, problem: 'credentials', message: 'The server let you in but does not allow this user to read and write in this folder.' };
    case 'full':
      return { ok: false, problem: 'server', message: 'The server has no space left in this folder.' };
    case 'aborted':
      throw e;
    default:
      return { ok: false, problem: 'server', message: `The server answered in a way Lectern did not expect: ${e.message}` };
  }
}

/** Checks the connection without changing anything but a short-lived probe file. */
export async function checkConnection(c: SyncConfig, opts: { signal?: AbortSignal } = {}): Promise<ConnectionCheck> {
  const store = new WebDavStore(c, { signal: opts.signal });
  try {
    const listing = await store.list('');
    if (listing === null)
      return { ok: false, problem: 'folder-missing', message: `There is no folder “${c.folder.trim()}” on the server yet. Lectern can make it for you.` };
    const probe = `.lectern-probe-${crypto.randomUUID().slice(0, 8)}.txt`;
    await store.put(probe, utf8('probe'), { ifNoneMatch: '*' });
    let enforced = true;
    try {
      await store.put(probe, utf8('again'), { ifNoneMatch: '*' });
      enforced = false;
    } catch (e) {
      if (!isRemoteError(e, 'precondition')) throw e;
    }
    try {
      await store.put(probe, utf8('stale'), { ifMatch: '"lectern-no-such-version"' });
      enforced = false;
    } catch (e) {
      if (!isRemoteError(e, 'precondition')) throw e;
    }
    await store.delete(probe, {});
    return { ok: true, conditionalWrites: enforced ? 'enforced' : 'ignored' };
  } catch (e) {
    return failure(e);
  }
}

/** Makes the sync folder (and any missing folders above it inside the server address). */
export async function createRemoteFolder(c: SyncConfig): Promise<void> {
  await new WebDavStore(c).ensureDir('');
}
