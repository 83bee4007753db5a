import { defineConfig } from 'vitest/config';

// The system tier (`npm run test:system`): the real app as child processes on embedded PostgreSQL clusters of their
// own, killed under load (test/system/). Slow and not part of `npm test`'s time budget; CI runs it as a step of its
// own. One file at a time: each starts PostgreSQL and a server and loads the demo.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', development: false } },
  test: {
    env: { NODE_ENV: 'production', TZ: 'UTC' },
    include: ['test/system/**/*.system.test.ts'],
    maxWorkers: 1,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
