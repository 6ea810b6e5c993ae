/** Fetches a schedule by URL in the browser, with plain-language reasons when that is not possible. */
import { MAX_BYTES } from './detect';
import { ScheduleError } from './types';

export interface Fetched {
  bytes: Uint8Array;
  url: string;
  etag?: string;
}

const TRY_FILE = 'Download the file in your browser and import the file instead.';

const OFFLINE = `You are offline, so the schedule cannot be fetched now. ${TRY_FILE}`;

/** What a fetch that rejected means for people: the browser hides the reason (CORS, a blocked address, no such host). */
export function notAllowedMessage(host: string): string {
  return `The server at ${host} does not allow other sites to read its files (CORS), or it cannot be reached. ${TRY_FILE}`;
}

/** GETs a schedule; rejects with a ScheduleError saying why (offline, not allowed by the server, HTTP status). */
export async function fetchSchedule(address: string, fetcher: typeof fetch = fetch): Promise<Fetched> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new ScheduleError('That is not a web address. It should start with https://');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ScheduleError('Only http and https addresses can be fetched.');
  if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new ScheduleError(OFFLINE);
  let res: Response;
  try {
    res = await fetcher(url.href, { credentials: 'omit', cache: 'no-cache' });
  } catch {
    // The browser hides why: no network, no such host, or the server does not allow other sites to read it (CORS).
    if (typeof navigator !== 'undefined' && navigator.onLine === false) throw new ScheduleError(OFFLINE);
    throw new ScheduleError(notAllowedMessage(url.host));
  }
  if (!res.ok) throw new ScheduleError(`The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''} for ${url.href}. Check the address, or ${TRY_FILE.toLowerCase()}`);
  const length = Number(res.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) throw new ScheduleError(`The file at that address is ${(length / 1048576).toFixed(1)} MB; a schedule is at most ${MAX_BYTES / 1048576} MB.`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const etag = res.headers.get('etag');
  return etag ? { bytes, url: res.url || url.href, etag } : { bytes, url: res.url || url.href };
}
