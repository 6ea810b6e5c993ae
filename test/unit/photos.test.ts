import { describe, expect, it } from 'vitest';
import { addedSummary, addPhotoProblem } from '../../src/photos/messages';
import { PhotoError, storedName } from '../../src/photos/prepare-photo';
import { sniffImageType, typeLabel } from '../../src/photos/sniff';
import { KEEP_BYTES, canKeepOriginal, fitWithin } from '../../src/photos/target-size';

describe('fitWithin: the size a photo is stored at', () => {
  it.each([
    [4000, 3000, 2048, 1536],
    [3000, 4000, 1536, 2048],
    [4032, 3024, 2048, 1536],
    [6000, 1000, 2048, 341],
    [2049, 2049, 2048, 2048],
    [2048, 1000, 2048, 1000],
    [640, 480, 640, 480],
    [100000, 10, 2048, 1],
  ])('%i×%i → %i×%i', (width, height, w, h) => {
    expect(fitWithin({ width, height })).toEqual({ width: w, height: h });
  });

  it('takes another limit', () => {
    expect(fitWithin({ width: 1000, height: 500 }, 100)).toEqual({ width: 100, height: 50 });
  });
});

describe('canKeepOriginal', () => {
  it.each([
    [{ width: 1600, height: 1200 }, 300_000, 'image/jpeg', true],
    [{ width: 2048, height: 2048 }, KEEP_BYTES, 'image/png', true],
    [{ width: 800, height: 600 }, 50_000, 'image/webp', true],
    [{ width: 2049, height: 100 }, 50_000, 'image/jpeg', false],
    [{ width: 1600, height: 1200 }, KEEP_BYTES + 1, 'image/jpeg', false],
    // HEIC shows in Safari only, BMP is huge: both are re-encoded as JPEG.
    [{ width: 800, height: 600 }, 50_000, 'image/heic', false],
    [{ width: 800, height: 600 }, 50_000, 'image/bmp', false],
  ])('%o, %i bytes, %s → %s', (size, bytes, type, keep) => {
    expect(canKeepOriginal(size, bytes, type)).toBe(keep);
  });
});

const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffImageType: what the first bytes say, whatever the name', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'), 'image/png'],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0]), 'image/gif'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['HEIC', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), 'image/heic'],
    ['AVIF', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0]), 'image/avif'],
    ['BMP', bytes('BM', [0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0]), 'image/bmp'],
    ['text renamed .jpg', bytes('These are my notes, not a photo.'), null],
    ['text that starts with BM', bytes('BMW keynote notes'), null],
    ['MP4 video', bytes([0, 0, 0, 0x18], 'ftypmp42', [0, 0, 0, 0]), null],
    ['PDF', bytes('%PDF-1.7\n'), null],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg">'), null],
    ['two bytes of JPEG', bytes([0xff, 0xd8]), null],
    ['nothing', bytes(), null],
  ])('%s → %s', (_what, head, type) => {
    expect(sniffImageType(head)).toBe(type);
  });

  it('names types for messages', () => {
    expect(typeLabel('image/heic')).toBe('HEIC');
  });
});

describe('storedName', () => {
  it.each([
    ['slide.png', 'image/jpeg', 'slide.jpg'],
    ['IMG_2041.HEIC', 'image/jpeg', 'IMG_2041.jpg'],
    ['photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['photo.JPG', 'image/jpeg', 'photo.JPG'],
    ['diagram.png', 'image/png', 'diagram.png'],
    ['no extension', 'image/jpeg', 'no extension.jpg'],
    ['', 'image/jpeg', 'photo.jpg'],
    ['v1.2 final.webp', 'image/jpeg', 'v1.2 final.jpg'],
  ])('%j stored as %s is %j', (name, type, stored) => {
    expect(storedName(name, type)).toBe(stored);
  });
});

describe('messages', () => {
  it('passes a problem with the file through as it is', () => {
    expect(addPhotoProblem('notes.jpg', new PhotoError('“notes.jpg” is not an image.'))).toBe('“notes.jpg” is not an image.');
  });

  it('says storage is full, naming the photo, when the browser refuses for lack of space', () => {
    const quota = Object.assign(new Error('AbortError'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') });
    expect(addPhotoProblem('slide.jpg', quota)).toMatch(/^Storage is full: “slide\.jpg” was not added\./);
  });

  it('names the photo and gives the storage reason otherwise', () => {
    expect(addPhotoProblem('slide.jpg', new Error('This talk no longer exists, so the photo was not added.'))).toBe(
      '“slide.jpg” was not added. This talk no longer exists, so the photo was not added.',
    );
  });

  it.each([
    [1, 0, 'Photo added.'],
    [3, 0, '3 photos added.'],
    [0, 1, 'That photo is already on this talk.'],
    [2, 1, '2 photos added. That photo is already on this talk.'],
    [0, 0, ''],
  ])('summarises %i added and %i already there', (added, already, text) => {
    expect(addedSummary(added, already)).toBe(text);
  });
});
