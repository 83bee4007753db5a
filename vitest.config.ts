import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three kinds of tests: unit (pure, no I/O: *.test.ts), integration (real PostgreSQL: *.int.test.ts) and
// end-to-end (real Chromium: e2e/*.e2e.test.ts). One PostgreSQL is started for the tiers that use it
// (test/global-setup.ts, shared by integration and e2e); every test file gets its own database cloned from a
// migrated template, or from a template with the demo loaded (test/db.ts, made once per run).
//
// Integration and end-to-end files spend most of their time waiting (on PostgreSQL, on the browser), so more files
// run at once than there are cores (Vitest's default is cores − 1: one file at a time on a two-core machine), and
// all three tiers share those workers instead of the browser tests running one by one after the rest (each e2e
// file has its own app, port and database). TEST_WORKERS overrides the number.
//
// No tier runs with module isolation (`isolate: false`): a worker imports the app once and runs its files one after
// another, instead of importing the whole app again for every file (about 2 s of CPU per integration file; the unit
// tier went from about 72 to 20 CPU-seconds). No test mocks modules, fakes timers or changes process.env. Every
// file still gets its own database and its own app instance; no module keeps state that belongs to a test (services and their caches live on the app instance, see docs/testing.md).
const workers = Number(process.env.TEST_WORKERS) || Math.max(3, availableParallelism() + 1);

export default defineConfig({
  // React runs its production build (NODE_ENV=production): compile JSX for it, not for the dev runtime.
  oxc: { jsx: { runtime: 'automatic', development: false } },
  test: {
    env: { NODE_ENV: 'production', TZ: 'UTC' },
    maxWorkers: workers,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          isolate: false,
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
          // The system tier has its own config (vitest.system.config.ts, `npm run test:system`).
          exclude: ['**/*.int.test.{ts,tsx}', '**/*.system.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          isolate: false,
          globalSetup: ['./test/global-setup.ts'],
          include: ['src/**/*.int.test.{ts,tsx}', 'test/**/*.int.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          isolate: false,
          globalSetup: ['./test/global-setup.ts', './e2e/global-setup.ts'],
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
