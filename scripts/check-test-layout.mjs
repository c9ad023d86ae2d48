/**
 * Tests are laid out like src, so the tests of a module are found without searching: every
 * top-level folder of tests/unit and tests/integration is named after the folder of src it
 * tests — a folder of src/main (`card`, `store`, `domain`, …), or `shared`, `sim`, `cli`,
 * `preload`, `renderer` (src/renderer/src) — and `support` holds what several of them share. A
 * test of a module at the top of src/main (`composition-root.ts`) sits at the top of the tree
 * with the same name (`composition-root.test.ts`).
 * A test's own helpers and fixtures sit beside it. tests/e2e (whole screens) and tests/support
 * (test doubles) are outside the rule. Run by `npm run lint`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SRC_OF = (name) =>
  [
    path.join('src/main', name),
    path.join('src', name),
    name === 'renderer' ? 'src/renderer/src' : null,
  ].filter((p) => p && p !== 'src/main' && existsSync(path.join(root, p)));

const problems = [];
for (const tree of ['tests/unit', 'tests/integration']) {
  for (const name of readdirSync(path.join(root, tree))) {
    const dir = path.join(root, tree, name);
    if (!statSync(dir).isDirectory()) {
      const module = name.replace(/\.test\.ts$/, '.ts');
      if (!existsSync(path.join(root, 'src/main', module))) {
        problems.push(
          `${tree}/${name}: no src/main/${module}; put it in the folder of what it tests`,
        );
      }
      continue;
    }
    if (name === 'support') continue;
    if (SRC_OF(name).length === 0) {
      problems.push(
        `${tree}/${name}: no folder src/main/${name}, src/${name} or src/renderer/src for it to mirror`,
      );
    } else if (readdirSync(dir).length === 0) {
      problems.push(`${tree}/${name}: empty`);
    }
  }
}
if (problems.length > 0) {
  console.error('Tests not laid out like src:\n  ' + problems.join('\n  '));
  process.exit(1);
}
