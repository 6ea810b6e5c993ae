/** Decode, scale and re-encode one image; shared by the worker and the main-thread fallback. */
import { FALLBACK_QUALITY, JPEG_QUALITY, KEEP_BYTES, canKeepOriginal, fitWithin, type Size } from './target-size';

/** A decoded image, upright (EXIF orientation applied), ready to draw. */
export interface Decoded extends Size {
  image: CanvasImageSource;
  close(): void;
}

/** What resizing one image gave. */
export type ResizeOutcome =
  | { ok: true; blob: Blob; type: string; width: number; height: number; kept: boolean }
  | { ok: false; reason: 'decode' | 'encode'; detail: string };

export type Decode = (source: Blob) => Promise<Decoded>;
export type Encode = (image: CanvasImageSource, size: Size, quality: number) => Promise<Blob | null>;

/** Decodes with createImageBitmap, turned upright as the camera recorded it. */
export async function decodeBitmap(source: Blob): Promise<Decoded> {
  const bitmap = await createImageBitmap(source, { imageOrientation: 'from-image' });
  return { image: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
}

/** Draws the image at the given size on a white ground (JPEG has no transparency) with smooth scaling. */
export function drawScaled(ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D, image: CanvasImageSource, size: Size): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0, size.width, size.height);
}

const message = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

/**
 * Scales an image to fit MAX_SIDE and re-encodes it as JPEG; an image already small and light enough is kept
 * as it is. `type` is the sniffed type of `source`.
 */
export async function resizeImage(source: Blob, type: string, decode: Decode, encode: Encode): Promise<ResizeOutcome> {
  let decoded: Decoded;
  try {
    decoded = await decode(source);
  } catch (err) {
    return { ok: false, reason: 'decode', detail: message(err) };
  }
  try {
    const size = { width: decoded.width, height: decoded.height };
    if (size.width < 1 || size.height < 1) return { ok: false, reason: 'decode', detail: 'no pixels' };
    if (canKeepOriginal(size, source.size, type)) return { ok: true, blob: source, type, ...size, kept: true };
    const target = fitWithin(size);
    let blob = await encode(decoded.image, target, JPEG_QUALITY);
    if (blob && blob.size > KEEP_BYTES) {
      const lighter = await encode(decoded.image, target, FALLBACK_QUALITY);
      if (lighter && lighter.size < blob.size) blob = lighter;
    }
    // An encoder that hands back something other than a JPEG (Safari once gave PNG for unknown types) is a failure.
    if (!blob || blob.size === 0 || blob.type !== 'image/jpeg') return { ok: false, reason: 'encode', detail: blob ? `got ${blob.type || 'no type'}` : 'no blob' };
    return { ok: true, blob, type: 'image/jpeg', ...target, kept: false };
  } catch (err) {
    return { ok: false, reason: 'encode', detail: message(err) };
  } finally {
    decoded.close();
  }
}
