// Worker threads start plain Node: load TypeScript through tsx, as `npm run bench` does, then the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
