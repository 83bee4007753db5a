import { defineConfig } from 'vitest/config';

// Three kinds of tests: unit (pure, no I/O: *.test.ts), integration (real PostgreSQL: *.int.test.ts) and
// end-to-end (real Chromium: e2e/*.e2e.test.ts). One PostgreSQL is started for the whole run (globalSetup);
// every integration test file gets its own database created from a migrated template.
export default defineConfig({
  // React runs its production build (NODE_ENV=production): compile JSX for it, not for the dev runtime.
  oxc: { jsx: { runtime: 'automatic', development: false } },
  test: {
    globalSetup: ['./test/global-setup.ts'],
    env: { NODE_ENV: 'production', TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
          exclude: ['**/*.int.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.{ts,tsx}', 'test/**/*.int.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
