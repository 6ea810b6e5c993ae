/** A stamp that changes whenever a conference or talk is saved, read through the `updated` indexes only. */
import type { Table } from 'dexie';
import { nowIso } from '../model/ids';
import { db } from './database';

/**
 * Cheap to re-run on every save: a few index reads, no record bodies. The stamp names the newest `updated` up to
 * now and every stamp after it: a record stamped in the future (restored from a device whose clock ran ahead, or
 * saved here before the clock was set back) would otherwise stay the newest and hide every later edit, and the live
 * query following this read would not even re-run for them, as it watches only the range of the index it read.
 */
export async function latestEditStamp(): Promise<string> {
  const now = nowIso();
  const [talks, conferences] = await Promise.all([stampsFromNewest(db.talks, now), stampsFromNewest(db.conferences, now)]);
  return `${talks}|${conferences}`;
}

async function stampsFromNewest(table: Table<{ updated: string }, string>, now: string): Promise<string> {
  const [top] = await table.orderBy('updated').reverse().limit(1).keys();
  if (typeof top !== 'string' || top <= now) return typeof top === 'string' ? top : '';
  const [newest] = await table.where('updated').belowOrEqual(now).reverse().limit(1).keys();
  const stamps = await table
    .where('updated')
    .aboveOrEqual(typeof newest === 'string' ? newest : '')
    .keys();
  return stamps.join(',');
}
