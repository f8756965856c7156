import { defineConfig } from 'vitest/config';

/** The test files that build their store with `openTestOpsStore` (directly or through `buildTestApp`). */
const storeTests = [
  'src/platform/**/*.test.ts',
  'src/outreach/**/*.test.ts',
  'src/prescribers/prescriber-routes.test.ts',
  'src/privacy/**/*.test.ts',
  'src/coverage/coverage-routes.int.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts', 'web/**/*.test.ts', 'web/**/*.test.tsx'],
          globalSetup: ['web/e2e/global-setup.ts'],
        },
      },
      {
        // The same store tests again on a throwaway PostgreSQL server (both stores).
        extends: true,
        test: {
          name: 'postgres',
          include: storeTests,
          globalSetup: ['src/platform/db/testing/postgres-setup.ts'],
        },
      },
    ],
  },
});
