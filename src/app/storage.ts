/** Asking the browser to keep Lectern's storage through clean-ups, once, at the first real save. */
import { getSettings, setSetting } from '../db/settings';

let asked = false;

/** Requests persistent storage the first time a note is saved; later calls do nothing. */
export async function requestPersistenceOnce(): Promise<void> {
  if (asked) return;
  asked = true;
  if (!navigator.storage?.persist) return;
  if ((await getSettings()).persistAsked) return;
  // The answer shows in Settings; asking again would only nag on browsers that prompt.
  await navigator.storage.persist().catch(() => false);
  await setSetting('persistAsked', true);
}
