/** Builds the app for the browser tests, as `npm run build` does. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The build the browser tests serve: dist/, or another folder of the repo named by LECTERN_DIST (e.g. dist-search). */
export const DIST_NAME = process.env.LECTERN_DIST ?? 'dist';
export const DIST = `${ROOT}${DIST_NAME}`;

/** Runs a production build into outDir; env tags the build (LECTERN_BUILD) for update tests. */
export function buildApp(outDir = 'dist', env: Record<string, string> = {}): string {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // NODE_ENV is 'test' under Vitest; the build under test must be the one that ships.
    env: { ...process.env, NODE_ENV: 'production', ...env, LECTERN_OUT_DIR: outDir },
  });
  return `${ROOT}${outDir}`;
}
