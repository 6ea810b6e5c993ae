// The browser tests run against the production build, with its real service worker.
import { buildApp } from './build';

export default function setup(): void {
  if (process.env.LECTERN_SKIP_BUILD !== '1') buildApp();
}
