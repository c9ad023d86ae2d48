import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30000,
    hookTimeout: 60000,
    // pcscd, vpcd and SQLite files are per-test, but the pcscd daemon is one per machine.
    fileParallelism: true,
    pool: 'forks',
  },
});
