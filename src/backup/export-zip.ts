/** Zips an export: its Markdown files and the photos they show, stored under attachments/. */
import type { ExportedFile } from '../markdown/export-talk';
import type { PhotoFile } from '../markdown/export-conference';
import { makeZipBlob, type Progress } from './zip';

export interface ExportZip {
  blob: Blob;
  /** Photos the notes show that are not stored on this device, so not in the zip. */
  missing: PhotoFile[];
}

/** Builds the zip; `loadPhotos` reads stored photo bytes (those it does not return are reported missing). */
export async function buildExportZip(
  files: readonly ExportedFile[],
  photos: readonly PhotoFile[],
  loadPhotos: (sha256s: string[]) => Promise<Map<string, Uint8Array>>,
  mtime: Date,
  onProgress?: Progress,
): Promise<ExportZip> {
  const bytes = await loadPhotos(photos.map((p) => p.sha256));
  const enc = new TextEncoder();
  const entries = [
    ...files.map((f) => ({ name: f.name, data: enc.encode(f.text) })),
    ...photos.flatMap((p) => {
      const data = bytes.get(p.sha256);
      return data ? [{ name: p.path, data, store: true }] : [];
    }),
  ];
  return { blob: await makeZipBlob(entries, mtime, onProgress), missing: photos.filter((p) => !bytes.has(p.sha256)) };
}
