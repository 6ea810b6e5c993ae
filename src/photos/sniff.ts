/** Recognises image files by their first bytes: a file's name and declared type are only claims. */

const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));

/** Brands of the ISO media container that hold a still image (HEIC from iPhones, AVIF). */
const HEIF_BRANDS: Record<string, string> = {
  heic: 'image/heic',
  heix: 'image/heic',
  heim: 'image/heic',
  heis: 'image/heic',
  hevc: 'image/heic',
  mif1: 'image/heif',
  msf1: 'image/heif',
  avif: 'image/avif',
  avis: 'image/avif',
};

/** How many leading bytes sniffImageType needs. */
export const SNIFF_BYTES = 16;

/** The image type these leading bytes start, or null when they are not a photo format Lectern accepts. */
export function sniffImageType(bytes: Uint8Array): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'image/gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') return HEIF_BRANDS[ascii(bytes, 8, 12)] ?? null;
  // "BM" alone starts plenty of text files; a real bitmap also has four reserved zero bytes at 6–9.
  if (bytes.length >= 10 && bytes[0] === 0x42 && bytes[1] === 0x4d && bytes.subarray(6, 10).every((b) => b === 0)) return 'image/bmp';
  return null;
}

/** A short name of an image type for messages, e.g. "HEIC". */
export function typeLabel(type: string): string {
  return type.replace(/^image\//, '').toUpperCase();
}
