/** User settings, one record per key, read live by the screens that use them. */
import { db } from './database';
import { trackWrite } from './pending';

export type Theme = 'system' | 'light' | 'dark';

/** Every setting with its type and its value before the user sets it. */
export interface Settings {
  /** Signs the user's own remarks in notes, e.g. "CSB" → " -CSB". */
  initials: string;
  theme: Theme;
  /** Whether the browser was already asked to keep storage persistent. */
  persistAsked: boolean;
  /** When the last full backup was made on this device (ISO 8601), '' for never. */
  lastBackup: string;
  /** When the "back up your notes" suggestion was last dismissed (ISO 8601), '' for never. */
  backupNudgeDismissed: string;
}

export const DEFAULT_SETTINGS: Settings = { initials: '', theme: 'system', persistAsked: false, lastBackup: '', backupNudgeDismissed: '' };

/** All settings, defaults filled in. */
export async function getSettings(): Promise<Settings> {
  // Only these keys: the table also holds the saved search index (db/search-cache.ts), megabytes not needed here.
  const keys = Object.keys(DEFAULT_SETTINGS);
  const rows = await db.settings.bulkGet(keys);
  const out: Settings = { ...DEFAULT_SETTINGS };
  for (const r of rows) if (r) (out as unknown as Record<string, unknown>)[r.key] = r.value;
  return out;
}

/** Stores one setting. */
export function setSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
  return trackWrite(async () => {
    await db.settings.put({ key, value });
  });
}
