/**
 * Zip files built and read a piece at a time, yielding to the page between pieces, so a large archive never
 * freezes it. fflate's async zip()/unzip() hand big entries to a worker made from a blob: URL, which the app's
 * Content Security Policy (worker-src 'self') forbids; its streaming classes run here instead.
 */
import { Zip, ZipDeflate, ZipPassThrough, unzipSync, type UnzipFileInfo } from 'fflate';
import { quoteForMessage } from '../model/quote';

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

/** Input per step: stored data only has its CRC computed (~3 ms per 256 KB here); deflating costs ~10× more per byte. */
const STORE_CHUNK = 256 * 1024;
const DEFLATE_CHUNK = 32 * 1024;

/** Lets the page handle input and paint before the next piece of work. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Writes the zip of the entries to `sink` a piece at a time, yielding to the page after each piece of input.
 * `mtime` dates every entry (fixed, so the same content makes the same bytes).
 */
async function writeZip(entries: readonly ZipEntry[], mtime: Date, sink: (data: Uint8Array) => void, onProgress?: Progress): Promise<void> {
  let failure: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else sink(data);
  });
  const total = entries.reduce((n, e) => n + e.data.length, 0);
  let done = 0;
  for (const e of entries) {
    const file = e.store ? new ZipPassThrough(e.name) : new ZipDeflate(e.name, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    if (e.data.length === 0) file.push(e.data, true);
    const chunk = e.store ? STORE_CHUNK : DEFLATE_CHUNK;
    for (let at = 0; at < e.data.length; at += chunk) {
      const end = Math.min(at + chunk, e.data.length);
      file.push(e.data.subarray(at, end), end === e.data.length);
      done += end - at;
      onProgress?.(done, total);
      await yieldToPage();
    }
    if (failure) throw failure;
  }
  zip.end();
  if (failure) throw failure;
}

/** Builds a zip of the entries as bytes (for tests and small archives; the app delivers zips with makeZipBlob). */
export async function makeZip(entries: readonly ZipEntry[], mtime: Date, onProgress?: Progress): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await writeZip(entries, mtime, (data) => parts.push(data), onProgress);
  return joinBytes(parts);
}

/** The pieces one after another, in one array. */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Bytes gathered before they are copied into a Blob: a copy of ~1 MB is a few milliseconds. */
const BLOB_PIECE = 1024 * 1024;

/**
 * Builds a zip of the entries as a Blob, for download or sharing. The Blob is made of ~1 MB Blobs, each made
 * between two yields: one Blob (or one Uint8Array) of a whole archive is a single copy of all of it, which for a
 * conference with its photos (tens of MB) blocks the page for half a second or more.
 */
export async function makeZipBlob(entries: readonly ZipEntry[], mtime: Date, onProgress?: Progress, type = 'application/zip'): Promise<Blob> {
  const pieces: Blob[] = [];
  let pending: Uint8Array[] = [];
  let size = 0;
  const flush = (): void => {
    if (pending.length) pieces.push(new Blob(pending as Uint8Array<ArrayBuffer>[]));
    pending = [];
    size = 0;
  };
  await writeZip(
    entries,
    mtime,
    (data) => {
      pending.push(data);
      size += data.length;
      if (size >= BLOB_PIECE) flush();
    },
    onProgress,
  );
  flush();
  return new Blob(pieces, { type });
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
      throw new ZipError(`“${fileName}” is damaged: “${quoteForMessage(info.name, 120)}” inside it cannot be read. Nothing was changed.`);
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
