// Makes the native addons (better-sqlite3, @pokusew/pcsclite) match the runtime about to use
// them: `node scripts/native-abi.mjs node|electron`. Node and Electron have different ABIs, so
// the same node_modules cannot serve both at once; this rebuilds only when needed.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const target = process.argv[2];
const require = createRequire(import.meta.url);
const modules = ['better-sqlite3', '@pokusew/pcsclite'];

function loadsInNode() {
  try {
    for (const m of modules) require(m);
    return true;
  } catch {
    return false;
  }
}

if (target === 'node') {
  if (!loadsInNode()) {
    console.log('native: rebuilding addons for Node');
    execSync(`npm rebuild ${modules.join(' ')}`, { stdio: 'inherit' });
  }
} else if (target === 'electron') {
  console.log('native: rebuilding addons for Electron');
  execSync(`npx electron-rebuild -f -w ${modules.join(',')}`, { stdio: 'inherit' });
} else {
  console.error('usage: node scripts/native-abi.mjs node|electron');
  process.exit(2);
}
