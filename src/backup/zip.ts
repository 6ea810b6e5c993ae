/**
 * Zip files built and read a piece at a time, yielding to the page between pieces, so a large archive never
 * freezes it. fflate's async zip()/unzip() hand big entries to a worker made from a blob: URL, which the app's
 * Content Security Policy (worker-src 'self') forbids; its streaming classes run here instead.
 */
import { Zip, ZipDeflate, ZipPassThrough, unzipSync, type UnzipFileInfo } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Stored as is: photos are already compressed, and storing them is fast and keeps their bytes. */
  store?: boolean;
}

/** Called with work done so far and the total, in bytes. */
export type Progress = (done: number, total: number) => void;

/** A zip that cannot be read, in words for the person who chose it. */
export class ZipError extends Error {
  override name = 'ZipError';
}

const CHUNK = 256 * 1024;

/** Lets the page handle input and paint before the next piece of work. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Builds a zip of the entries; `mtime` dates every entry (fixed, so the same content makes the same bytes). */
export async function makeZip(entries: readonly ZipEntry[], mtime: Date, onProgress?: Progress): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else parts.push(data);
  });
  const total = entries.reduce((n, e) => n + e.data.length, 0);
  let done = 0;
  for (const e of entries) {
    const file = e.store ? new ZipPassThrough(e.name) : new ZipDeflate(e.name, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    if (e.data.length === 0) file.push(e.data, true);
    for (let at = 0; at < e.data.length; at += CHUNK) {
      const end = Math.min(at + CHUNK, e.data.length);
      file.push(e.data.subarray(at, end), end === e.data.length);
      done += end - at;
      onProgress?.(done, total);
      await yieldToPage();
    }
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The files of a zip, by path (folders left out). Throws ZipError naming the file when it is not a zip,
 * is cut short, or an entry is damaged.
 */
export async function readZip(bytes: Uint8Array, fileName: string, onProgress?: Progress): Promise<Map<string, Uint8Array>> {
  const infos: UnzipFileInfo[] = [];
  try {
    // Lists the entries from the zip's table of contents, which is at its end: a truncated file has none.
    unzipSync(bytes, { filter: (f) => (infos.push(f), false) });
  } catch {
    throw new ZipError(`“${fileName}” is not a complete zip file: it may have been cut short while downloading. Nothing was changed.`);
  }
  const files = new Map<string, Uint8Array>();
  const total = infos.reduce((n, f) => n + f.originalSize, 0);
  let done = 0;
  for (const info of infos) {
    if (info.name.endsWith('/')) continue;
    let entry: Uint8Array | undefined;
    try {
      // One entry per call: each call is a short task; reading the table of contents again is cheap.
      entry = unzipSync(bytes, { filter: (f) => f.name === info.name })[info.name];
    } catch {
      entry = undefined;
    }
    if (!entry || entry.length !== info.originalSize)
      throw new ZipError(`“${fileName}” is damaged: “${info.name}” inside it cannot be read. Nothing was changed.`);
    files.set(info.name, entry);
    done += info.originalSize;
    onProgress?.(done, total);
    await yieldToPage();
  }
  return files;
}

/** Whether these bytes start like a zip (a local file header, or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}
