import type { Migration } from './migration';

/**
 * PLACEHOLDER on branch i24-rename only: SQLite step 14 belongs to another branch, and the runner
 * refuses a gap before this branch's step 15. Drop this file (and its line in ./index.ts) when
 * merging; the other branch's real step 14 takes its place.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'placeholder',
  up() {},
};
