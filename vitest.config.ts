import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test workers: one per core but one (the host process that collects results needs a core too),
 * at most four; KIOSK_TEST_WORKERS overrides. On the 2-core machines this project runs on, more
 * workers only queue for the CPU and starve the host, whose late answers then fail a green run
 * ("Timeout calling onTaskUpdate": vitest's worker RPC waits 60 s, not configurable).
 */
function testWorkers(): number {
  const fromEnv = Number(process.env.KIOSK_TEST_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30000,
    hookTimeout: 60000,
    // Closing workers that hold pcscd, PostgreSQL or Chromium children can take a while when the
    // machine is loaded; the default 10 s would report a green run as failed.
    teardownTimeout: 60000,
    // pcscd, vpcd and SQLite files are per-test, but the pcscd daemon is one per machine.
    fileParallelism: true,
    pool: 'forks',
    maxWorkers: testWorkers(),
    minWorkers: 1,
  },
});
