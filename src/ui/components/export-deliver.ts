/** Delivering an export: a download, the clipboard, or the phone's share sheet. */

/** Saves bytes or text as a file through the browser's download. */
export function downloadFile(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference by now; revoking later frees the memory without racing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Copies text to the clipboard; throws with a message for people when the browser refuses. */
export async function copyToClipboard(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) throw new Error('This browser does not let Lectern copy to the clipboard. Download the file instead.');
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    throw new Error('The browser did not allow copying to the clipboard. Download the file instead.');
  }
}

/** Whether the share sheet exists here at all. */
export function canShare(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.share === 'function';
}

export type ShareOutcome = 'shared-file' | 'shared-text' | 'cancelled';

/**
 * Opens the share sheet with the file where the browser can share files, else with the text (when there is
 * text to share). A person closing the sheet is not an error.
 */
export async function shareExport(file: File, title: string, text: string | null): Promise<ShareOutcome> {
  const withFile = typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] });
  if (!withFile && text === null) throw new Error('This browser cannot share files. Download the zip instead.');
  try {
    if (withFile) await navigator.share({ files: [file], title });
    else await navigator.share({ title, text: text! });
    return withFile ? 'shared-file' : 'shared-text';
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') return 'cancelled';
    throw new Error('The share sheet could not be opened. Download the file instead.');
  }
}
