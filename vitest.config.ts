import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/db/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/helpers/fake-indexeddb.ts'],
        },
      },
      {
        test: {
          name: 'sync',
          include: ['test/sync/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A real Apache on a shared two-core machine: see the e2e project.
          retry: 1,
          setupFiles: ['test/helpers/fake-indexeddb.ts', 'test/helpers/sync-setup.ts'],
        },
      },
      {
        plugins: [preact()],
        define: { __APP_VERSION__: JSON.stringify('test') },
        resolve: { alias: { 'virtual:pwa-register': here('test/helpers/pwa-register-stub.ts') } },
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'jsdom',
          testTimeout: 20_000,
          // Waits for the screen are bounded in time: see the e2e project.
          retry: 1,
          setupFiles: ['test/helpers/fake-indexeddb.ts', 'test/helpers/component-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/build/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/helpers/e2e-global-setup.ts'],
          // One browser at a time: the machine has two cores and the tests measure real timing.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A real browser on a shared two-core machine is sometimes starved for seconds: a test that fails is run
          // once more, and CI names every test that needed it (.ci/run), so a flaky one is seen and fixed, not hidden.
          retry: 1,
        },
      },
    ],
  },
});
