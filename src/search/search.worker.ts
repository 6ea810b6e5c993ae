/** Module worker holding the search index, so building it and answering queries never block typing. */
import { readTalkPage } from '../db/talk-pages';
import { createEngine } from './engine';
import type { IndexReply, IndexRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

// Between two slices of a build: a message to itself, as setTimeout(0) is clamped to 4 ms after a few nested calls.
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldNow = (): Promise<void> =>
  new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

const handle = createEngine(
  (reply: IndexReply) => {
    if (reply.type === 'loaded') performance.measure('lectern-search-load', { duration: reply.ms, end: performance.now() });
    self.postMessage(reply);
  },
  // The saved index goes to the page as a Blob: stored in IndexedDB as it is, its text is never copied there. The
  // talks are read here, with the worker's own connection, so a first build leaves the page's thread free.
  { wrap: (json) => new Blob([json], { type: 'application/json' }), yieldNow, readTalks: readTalkPage },
);

self.onmessage = (e: MessageEvent<IndexRequest>): void => handle(e.data);
