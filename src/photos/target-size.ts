/** How large a stored photo may be, and the size a larger one is scaled down to. */

/** Longest side, in pixels, of a stored photo: enough to read a slide's small print on a laptop. */
export const MAX_SIDE = 2048;
/** JPEG quality of a re-encoded photo. */
export const JPEG_QUALITY = 0.82;
/** Quality of a second try when the first encoding is still heavier than KEEP_BYTES (a busy, noisy photo). */
export const FALLBACK_QUALITY = 0.7;
/** An image no larger than MAX_SIDE and no heavier than this is stored as it came. */
export const KEEP_BYTES = 600 * 1024;

/** Types a browser shows everywhere, so an image of one of them can be stored without re-encoding. */
const KEEPABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

export interface Size {
  width: number;
  height: number;
}

/** The size within max × max with the same aspect ratio; never enlarges, never below 1 px. */
export function fitWithin(size: Size, max = MAX_SIDE): Size {
  const longest = Math.max(size.width, size.height);
  if (longest <= max) return { width: size.width, height: size.height };
  const scale = max / longest;
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

/** Whether an image can be stored as it is: small enough in pixels and bytes, and of a type every browser shows. */
export function canKeepOriginal(size: Size, bytes: number, type: string): boolean {
  return Math.max(size.width, size.height) <= MAX_SIDE && bytes <= KEEP_BYTES && KEEPABLE.has(type);
}
