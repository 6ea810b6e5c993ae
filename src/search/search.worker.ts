/** Module worker holding the search index, so building it and answering queries never block typing. */
import { createEngine } from './engine';
import type { IndexRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const handle = createEngine();

self.onmessage = (e: MessageEvent<IndexRequest>): void => {
  const reply = handle(e.data);
  if (reply) self.postMessage(reply);
};
