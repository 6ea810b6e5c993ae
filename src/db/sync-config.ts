/** The sync configuration, stored on this device only: in settings, never in backups or exports. */
import type { SyncConfig } from '../sync/config';
import { db } from './database';
import { trackWrite } from './pending';

/** The settings key; backup/format.ts keeps it out of backups. */
export const SYNC_CONFIG_KEY = 'syncConfig';

function isConfig(v: unknown): v is SyncConfig {
  if (!v || typeof v !== 'object') return false;
  const c = v as Record<string, unknown>;
  return ['serverUrl', 'folder', 'username', 'password'].every((k) => typeof c[k] === 'string');
}

export async function loadSyncConfig(): Promise<SyncConfig | null> {
  const row = await db.settings.get(SYNC_CONFIG_KEY);
  return row && isConfig(row.value) ? row.value : null;
}

export function saveSyncConfig(c: SyncConfig): Promise<void> {
  const value: SyncConfig = { serverUrl: c.serverUrl.trim(), folder: c.folder.trim(), username: c.username.trim(), password: c.password };
  return trackWrite(async () => {
    await db.settings.put({ key: SYNC_CONFIG_KEY, value });
  });
}

/** Drops the credentials and what sync knew of the folder; every note stays. */
export function forgetSyncConfig(): Promise<void> {
  return trackWrite(() =>
    db.transaction('rw', db.settings, db.syncBase, db.syncDevice, async () => {
      await db.settings.delete(SYNC_CONFIG_KEY);
      await db.syncBase.clear();
      const d = await db.syncDevice.get('device');
      if (d) await db.syncDevice.put({ ...d, storeId: null });
    }),
  );
}
