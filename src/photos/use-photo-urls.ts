/** Object URLs for stored photos, made while a component shows them and revoked when it stops. */
import { useEffect, useState } from 'preact/hooks';
import { getPhotoBlobs } from '../db/attachments';

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * blob: URLs for these photos by sha256, or null while they load. Photos not stored are absent from the map.
 * The map keeps its identity until the set of photos changes.
 */
export function usePhotoUrls(sha256s: readonly string[]): ReadonlyMap<string, string> | null {
  const key = [...new Set(sha256s)].sort().join(' ');
  const [state, setState] = useState<{ key: string; urls: ReadonlyMap<string, string> } | null>(null);
  useEffect(() => {
    if (!key) return;
    let live = true;
    const made: string[] = [];
    getPhotoBlobs(key.split(' ')).then(
      (blobs) => {
        if (!live) return;
        const urls = new Map<string, string>();
        for (const [sha, blob] of blobs) {
          const url = URL.createObjectURL(blob);
          made.push(url);
          urls.set(sha, url);
        }
        setState({ key, urls });
      },
      (err: unknown) => {
        // The photos then show as missing, which is what the reader can act on; the cause goes to the console.
        console.error('Could not read stored photos', err);
        if (live) setState({ key, urls: NONE });
      },
    );
    return () => {
      live = false;
      for (const url of made) URL.revokeObjectURL(url);
    };
  }, [key]);
  if (!key) return NONE;
  return state?.key === key ? state.urls : null;
}

export type PhotoUrl = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; url: string };

/** A blob: URL for one stored photo, or whether it is still loading or not stored at all. */
export function usePhotoUrl(sha256: string): PhotoUrl {
  const urls = usePhotoUrls([sha256]);
  if (urls === null) return { state: 'loading' };
  const url = urls.get(sha256);
  return url ? { state: 'ready', url } : { state: 'missing' };
}
