/**
 * The dependency rules of .dependency-cruiser.cjs, plus one dependency-cruiser cannot state: no
 * cycle between folders (src/main/<folder>, src/sim/<folder>, src/shared, src/cli, ...), even
 * where no two modules import each other. Run by `npm run lint`. `--graph` prints the
 * folder-level import graph and its cycles (for reviews and the architecture notes).
 */
import { createRequire } from 'node:module';
import { cruise, format } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs');
const showGraph = process.argv.includes('--graph');

const options = { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } };
const tsConfig = extractTSConfig(config.options.tsConfig.fileName);
const result = await cruise(['src'], options, undefined, { tsConfig });
const { output } = result;

/** The folder a module belongs to for the cycle rule, or null outside src. */
export function folderOf(path) {
  let m;
  if ((m = /^src\/(main|sim)\/([^/]+)\//.exec(path))) return `${m[1]}/${m[2]}`;
  // A top-level file (app-info.ts, app-services.ts, ...) is a unit of its own.
  if ((m = /^src\/(main|sim)\/([^/]+)\.tsx?$/.exec(path))) return `${m[1]}/${m[2]}`;
  if ((m = /^src\/([^/]+)/.exec(path))) return m[1];
  return null;
}

const edges = new Map();
const evidence = new Map();
for (const mod of output.modules) {
  const from = folderOf(mod.source);
  if (!from) continue;
  for (const dep of mod.dependencies) {
    const to = folderOf(dep.resolved);
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(to);
    const key = `${from} -> ${to}`;
    if (!evidence.has(key)) evidence.set(key, `${mod.source} -> ${dep.resolved}`);
  }
}

/** Strongly connected components with more than one folder (Tarjan). */
function folderCycles() {
  let index = 0;
  const stack = [];
  const onStack = new Set();
  const idx = new Map();
  const low = new Map();
  const found = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!idx.has(v)) visit(v);
  return found;
}

const cycles = folderCycles();
if (showGraph) {
  const folders = new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])]);
  const count = [...edges.values()].reduce((n, s) => n + s.size, 0);
  console.log(`folders: ${folders.size}, folder-level imports: ${count}, cycles: ${cycles.length}`);
  for (const [from, tos] of [...edges].sort())
    console.log(`  ${from} -> ${[...tos].sort().join(', ')}`);
}

let failed = false;
if (output.summary.error > 0) {
  failed = true;
  console.error((await format(output, { outputType: 'err' })).output);
}
for (const scc of cycles) {
  failed = true;
  console.error(`folder cycle: ${scc.join(' <-> ')}`);
  const members = new Set(scc);
  for (const [key, example] of evidence) {
    const [from, to] = key.split(' -> ');
    if (members.has(from) && members.has(to)) console.error(`  ${key}  (e.g. ${example})`);
  }
}
if (failed) process.exit(1);
console.log(
  `architecture: ${output.summary.totalCruised} modules, ${output.summary.totalDependenciesCruised} imports, dependency rules and folder cycles OK`,
);
