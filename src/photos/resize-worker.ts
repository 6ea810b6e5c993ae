/** Module worker: resizes and fingerprints one photo off the main thread, so typing never stutters. */
import { decodeBitmap, drawScaled, resizeImage, type Encode } from './resize-core';
import { sha256Hex } from './sha256';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

const encodeOffscreen: Encode = async (image, size, quality) => {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  drawScaled(ctx, image, size);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
};

function reply(message: WorkerReply): void {
  self.postMessage(message);
}

self.onmessage = async (e: MessageEvent<WorkerRequest>): Promise<void> => {
  // Some browsers have workers but no OffscreenCanvas 2D there; the page then does the work itself.
  if (typeof OffscreenCanvas !== 'function' || typeof createImageBitmap !== 'function' || !new OffscreenCanvas(1, 1).getContext('2d')) {
    reply({ kind: 'unsupported' });
    return;
  }
  try {
    const outcome = await resizeImage(e.data.file, e.data.type, decodeBitmap, encodeOffscreen);
    reply(outcome.ok ? { kind: 'done', outcome, sha256: await sha256Hex(outcome.blob) } : { kind: 'done', outcome });
  } catch (err) {
    reply({ kind: 'failed', detail: err instanceof Error ? err.message : String(err) });
  }
};
