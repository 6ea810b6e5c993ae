/** The page's entry to the parsers: in a module worker where there is one, else (tests, old browsers) on the page. */
import type { ParseReply } from './worker-protocol';
import { ScheduleError, type Schedule } from './types';

async function parseHere(bytes: Uint8Array): Promise<Schedule> {
  const { parseSchedule } = await import('./parse');
  return parseSchedule(bytes);
}

function parseInWorker(bytes: Uint8Array): Promise<Schedule> | null {
  if (typeof Worker !== 'function') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'lectern-schedule-parse' });
  } catch {
    return null;
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ParseReply>) => {
      worker.terminate();
      const r = e.data;
      if (r.kind === 'done') resolve(r.schedule);
      else if (r.kind === 'refused') reject(new ScheduleError(r.message));
      else reject(new Error(`The schedule could not be read: ${r.detail}`));
    };
    // A worker that fails to load (e.g. blocked) is not the file's fault: parse on the page instead.
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      parseHere(bytes).then(resolve, reject);
    };
    worker.postMessage({ bytes });
  });
}

/** Parses schedule bytes into a Schedule; rejects with a ScheduleError whose message is meant for people. */
export function readSchedule(bytes: Uint8Array): Promise<Schedule> {
  return parseInWorker(bytes) ?? parseHere(bytes);
}
