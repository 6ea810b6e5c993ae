/** Hands one photo to the resize worker; null when a worker cannot do it, so the caller resizes on the page. */
import type { ResizeOutcome } from './resize-core';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

export interface WorkerResult {
  outcome: ResizeOutcome;
  /** The resized blob's SHA-256, computed in the worker too. */
  sha256?: string;
}

/** Resizes (and fingerprints) in a module worker; resolves null if there is no usable worker. */
export function resizeInWorker(file: Blob, type: string): Promise<WorkerResult | null> {
  if (typeof Worker !== 'function' || typeof OffscreenCanvas !== 'function') return Promise.resolve(null);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./resize-worker.ts', import.meta.url), { type: 'module', name: 'lectern-photo-resize' });
  } catch (err) {
    console.warn('Photo worker could not start; resizing on the page', err);
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const done = (result: WorkerResult | null): void => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const r = e.data;
      if (r.kind === 'done') done({ outcome: r.outcome, sha256: r.sha256 });
      else {
        if (r.kind === 'failed') console.warn('Photo worker failed; resizing on the page:', r.detail);
        done(null);
      }
    };
    // A worker script that fails to load or throws at the top level lands here; the page takes over.
    worker.onerror = (e) => {
      e.preventDefault();
      console.warn('Photo worker error; resizing on the page:', e.message);
      done(null);
    };
    const request: WorkerRequest = { file, type };
    worker.postMessage(request);
  });
}
