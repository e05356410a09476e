import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure domain, API over app.request on temporary SQLite files) and
// `browser` (a real server and Debian's Chromium through playwright-core). `pnpm test` runs
// unit first, builds the web app, then browser.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{shared,server,scripts}/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['web/test/**/*.browser.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
