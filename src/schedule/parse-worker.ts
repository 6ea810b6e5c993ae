/** Module worker: parses a schedule file off the main thread, so a 1.6 MB file never freezes the page. */
import { parseSchedule } from './parse';
import { ScheduleError } from './types';
import type { ParseReply, ParseRequest } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (e: MessageEvent<ParseRequest>): void => {
  let reply: ParseReply;
  try {
    reply = { kind: 'done', schedule: parseSchedule(e.data.bytes) };
  } catch (err) {
    reply = err instanceof ScheduleError ? { kind: 'refused', message: err.message } : { kind: 'failed', detail: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
