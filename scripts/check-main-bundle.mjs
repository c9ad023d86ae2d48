/**
 * Proves the production main bundle loads no simulator or test code at startup: from the entry
 * chunk (out/main/index.js) through every chunk it imports statically, no module comes from
 * src/sim or tests. Simulators are dynamic imports that the composition root makes only when the
 * configuration asks for them, so their chunks exist beside it but are never loaded otherwise.
 * Reads out/main/chunk-map.json, which the build writes (electron.vite.config.ts). Run after
 * `electron-vite build` by `npm run build`; prints the startup size.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const outDir = process.argv[2] ?? 'out/main';
const map = JSON.parse(readFileSync(join(outDir, 'chunk-map.json'), 'utf8'));
const FORBIDDEN = /^(src\/sim|tests)\//;

const entries = Object.keys(map).filter((file) => map[file].isEntry);
if (entries.length === 0) throw new Error(`no entry chunk in ${outDir}/chunk-map.json`);

const startup = new Set();
const walk = (file) => {
  if (startup.has(file) || !map[file]) return;
  startup.add(file);
  for (const next of map[file].imports) walk(next);
};
entries.forEach(walk);

const leaks = [...startup].flatMap((file) =>
  map[file].modules.filter((m) => FORBIDDEN.test(m)).map((m) => `${file}: ${m}`),
);
const lazy = Object.keys(map).filter((file) => !startup.has(file));
const simLazy = lazy.filter((file) => map[file].modules.some((m) => m.startsWith('src/sim/')));
const kb = (files) => (files.reduce((n, f) => n + map[f].bytes, 0) / 1024).toFixed(1);

if (leaks.length > 0) {
  console.error(`simulator or test code in the startup bundle of ${outDir}:`);
  for (const leak of leaks) console.error(`  ${leak}`);
  process.exit(1);
}
// The map itself must see the simulators, or this check would pass on a broken map.
if (simLazy.length === 0) {
  console.error(`no lazily loaded simulator chunk in ${outDir}: is chunk-map.json current?`);
  process.exit(1);
}
console.log(
  `main bundle: startup ${kb([...startup])} KB in ${startup.size} file(s), no simulator code; ` +
    `loaded on demand ${kb(lazy)} KB (simulators ${kb(simLazy)} KB)`,
);
