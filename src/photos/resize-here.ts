/** Resizing on the page's own thread, for browsers whose workers cannot draw (no OffscreenCanvas). */
import { decodeBitmap, drawScaled, resizeImage, type Decode, type Encode, type ResizeOutcome } from './resize-core';

/** Decodes through an <img> where createImageBitmap is missing; <img> applies EXIF orientation by default. */
const decodeWithImg: Decode = async (source) => {
  const url = URL.createObjectURL(source);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { image: img, width: img.naturalWidth, height: img.naturalHeight, close: () => URL.revokeObjectURL(url) };
  } catch (err) {
    URL.revokeObjectURL(url);
    throw err;
  }
};

const encodeCanvas: Encode = (image, size, quality) => {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.resolve(null);
  drawScaled(ctx, image, size);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
};

/** Resizes one image on the main thread with a <canvas>. */
export function resizeHere(file: Blob, type: string): Promise<ResizeOutcome> {
  return resizeImage(file, type, typeof createImageBitmap === 'function' ? decodeBitmap : decodeWithImg, encodeCanvas);
}
