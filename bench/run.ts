/**
 * `npm run bench [-- <name-filter>]`: runs every bench/*.bench.ts in turn and prints its figures.
 * Each bench file exports `default async function (report: Report): Promise<void>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule } from './report';
import { createReport } from './report';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(here, f)).href)) as BenchModule;
  const report = createReport(f.replace(/\.bench\.ts$/, ''));
  console.log(`\n## ${f}`);
  try {
    await mod.default(report);
  } catch (err) {
    console.log(`  FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
