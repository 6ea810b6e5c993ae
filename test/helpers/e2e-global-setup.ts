// The browser tests run against the production build, with its real service worker.
import { DIST_NAME, buildApp } from './build';

export default function setup(): void {
  if (process.env.LECTERN_SKIP_BUILD !== '1') buildApp(DIST_NAME);
}
