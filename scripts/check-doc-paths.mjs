/**
 * Every repository path a comment or a document names must exist: `src/...`, `tests/...`,
 * `scripts/...`, `docs/...` and the like anywhere in Markdown, and in the comments of code
 * (TypeScript, JavaScript, shell), plus paths that start with one or two dots, relative to the commenting file. A
 * pointer to a page that is not in the repository (`reference/...`, the team's shared folder)
 * is stale too: name the page in words instead. Also, the README's module map names every folder
 * of src, src/main and src/sim. Run by `npm run lint`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOTS = [
  'src',
  'tests',
  'scripts',
  'docs',
  'resources',
  'bench',
  '.ci',
  'reference',
  'shared',
];
const ROOTED = new RegExp(
  String.raw`(?<![\w./@-])((?:${ROOTS.map((r) => r.replace('.', '\\.')).join('|')})/[\w.@/-]*[\w/])`,
  'g',
);
const RELATIVE = /(?<![\w./@-])(\.\.?\/[\w.@/-]*\w)/g;
const CODE = /\.(ts|tsx|mjs|cjs|js|sh)$/;
const RESOLVE_AS = ['', '.ts', '.tsx', '.mjs', '.md', '/index.ts'];

/** The comments of a code file (and a shell file's # lines), as [line number, text]. */
function commentsOf(file, text) {
  const out = [];
  const lines = text.split('\n');
  let inBlock = false;
  lines.forEach((line, i) => {
    if (file.endsWith('.sh')) {
      const hash = line.indexOf('#');
      if (hash >= 0 && !line.startsWith('#!')) out.push([i + 1, line.slice(hash)]);
      return;
    }
    let rest = line;
    let taken = '';
    while (rest.length > 0) {
      if (inBlock) {
        const end = rest.indexOf('*/');
        taken += end >= 0 ? rest.slice(0, end) : rest;
        if (end < 0) break;
        inBlock = false;
        rest = rest.slice(end + 2);
      } else {
        const block = rest.indexOf('/*');
        const lineComment = rest.search(/(^|[^:'"`\\])\/\//);
        if (lineComment >= 0 && (block < 0 || lineComment < block)) {
          taken += rest.slice(lineComment);
          break;
        }
        if (block < 0) break;
        inBlock = true;
        rest = rest.slice(block + 2);
      }
    }
    if (taken) out.push([i + 1, taken]);
  });
  return out;
}

function exists(base, p) {
  return RESOLVE_AS.some((ext) => existsSync(path.join(base, p + ext)));
}

const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
  .split('\0')
  .filter((f) => f && (f.endsWith('.md') || CODE.test(f)) && existsSync(f));

const stale = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const chunks = CODE.test(file)
    ? commentsOf(file, text)
    : text.split('\n').map((l, i) => [i + 1, l]);
  for (const [line, chunk] of chunks) {
    for (const m of chunk.matchAll(ROOTED)) {
      const p = m[1].replace(/\/$/, '');
      // A pattern or a placeholder (`docs/screens/*.png`, `<topic>.vi.json`) names no one file.
      if (/[*<>{}$]/.test(/^[^\s`'"()]*/.exec(chunk.slice(m.index))[0])) continue;
      if (!exists('.', p)) stale.push(`${file}:${line}: ${p}`);
    }
    if (!CODE.test(file) && !file.endsWith('.md')) continue;
    for (const m of chunk.matchAll(RELATIVE)) {
      const p = m[1];
      if (!p.includes('/') || p === './' || p === '../') continue;
      if (!exists(path.dirname(file), p)) stale.push(`${file}:${line}: ${p}`);
    }
  }
}

const readme = readFileSync('README.md', 'utf8');
const MAPPED = ['src', 'src/main', 'src/sim'];
for (const parent of MAPPED) {
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    const folder = `${parent}/${entry.name}`;
    if (MAPPED.includes(folder) || !entry.isDirectory()) continue;
    if (!readme.includes(`\`${folder}\``)) {
      stale.push(`README.md: the module map does not name ${folder}`);
    }
  }
}

if (stale.length > 0) {
  console.error(`${stale.length} path(s) named in comments or documents do not exist:`);
  for (const s of stale) console.error(`  ${s}`);
  process.exit(1);
}
console.log(`paths: every repository path named in ${files.length} files exists`);
