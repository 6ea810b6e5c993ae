/** Turns a picked file into a photo ready to store: checked, upright, at most 2048 px, fingerprinted. */
import type { ResizeOutcome } from './resize-core';
import { resizeHere } from './resize-here';
import { resizeInWorker } from './resize-in-worker';
import { sha256Hex } from './sha256';
import { SNIFF_BYTES, sniffImageType, typeLabel } from './sniff';

/** A problem with the picked file itself, in words for the person who picked it. */
export class PhotoError extends Error {
  override name = 'PhotoError';
}

export interface PreparedPhoto {
  blob: Blob;
  type: string;
  size: number;
  sha256: string;
  /** The picked file's name, with the extension of the stored type. */
  name: string;
  width: number;
  height: number;
}

/** The file name for a stored type: "slide.png" stored as JPEG is "slide.jpg". */
export function storedName(name: string, type: string): string {
  const base = name.trim() || 'photo';
  const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' }[type];
  if (!ext) return base;
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const current = base.slice(stem.length + 1).toLowerCase();
  return current === ext || (ext === 'jpg' && current === 'jpeg') ? base : `${stem}.${ext}`;
}

/** Checks, resizes and fingerprints a picked file; throws PhotoError naming the file when it is no usable image. */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const called = file.name ? `“${file.name}”` : 'The photo';
  if (file.size === 0) throw new PhotoError(`${called} is empty: it holds no picture. Nothing was added.`);
  const type = sniffImageType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (!type)
    throw new PhotoError(`${called} is not an image: Lectern adds photos in JPEG, PNG, WebP, GIF, HEIC or AVIF. Nothing was added.`);

  const inWorker = await resizeInWorker(file, type);
  const outcome: ResizeOutcome = inWorker?.outcome ?? (await resizeHere(file, type));
  if (!outcome.ok) {
    console.warn(`Photo ${called} (${type}): ${outcome.reason} failed: ${outcome.detail}`);
    throw new PhotoError(
      outcome.reason === 'decode'
        ? `${called} could not be opened: the image is damaged, or this browser cannot read ${typeLabel(type)} images. Nothing was added.`
        : `${called} could not be made smaller on this device. Nothing was added.`,
    );
  }
  return {
    blob: outcome.blob,
    type: outcome.type,
    size: outcome.blob.size,
    sha256: inWorker?.sha256 ?? (await sha256Hex(outcome.blob)),
    name: storedName(file.name, outcome.type),
    width: outcome.width,
    height: outcome.height,
  };
}
