/** Messages between the page and the resize worker. */
import type { ResizeOutcome } from './resize-core';

export interface WorkerRequest {
  file: Blob;
  /** The sniffed image type of file. */
  type: string;
}

export type WorkerReply =
  | { kind: 'done'; outcome: ResizeOutcome; sha256?: string }
  /** The worker lacks what it needs (OffscreenCanvas); the page resizes instead. */
  | { kind: 'unsupported' }
  | { kind: 'failed'; detail: string };
