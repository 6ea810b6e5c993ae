/** Messages between the page and the schedule parse worker. */
import type { Schedule } from './types';

export interface ParseRequest {
  bytes: Uint8Array;
}

export type ParseReply = { kind: 'done'; schedule: Schedule } | { kind: 'refused'; message: string } | { kind: 'failed'; detail: string };
