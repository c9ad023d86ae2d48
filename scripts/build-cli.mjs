/**
 * Builds the command-line tool into out/cli/kiosk.mjs (package.json "bin": kiosk), bundled like
 * Electron's main: our TypeScript as ES modules, native and run-time-loading packages
 * (better-sqlite3, pcsclite, pg, pino, playwright-core) left in node_modules. Starting it costs no TypeScript transpile (tsx made each call
 * take seconds), and each command is its own chunk, loaded only when asked for
 * (src/cli/commands/index.ts). Run by `npm run build`.
 */
import { chmodSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const EXTERNAL = [
  'better-sqlite3',
  '@pokusew/pcsclite',
  'pg',
  'pino',
  'playwright-core',
  'electron',
];
const outdir = 'out/cli';
const outfile = `${outdir}/kiosk.mjs`;
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { kiosk: 'src/cli/main.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Native modules and packages that load files or workers of their own at run time stay in
  // node_modules; plain JavaScript (zod, commander, ...) is bundled: one file parses faster
  // than a hundred small ones, which is most of a short command's start.
  external: EXTERNAL,
  // esbuild keeps main.ts's own shebang line at the top.
  sourcemap: 'linked',
  metafile: true,
  // Bundled CommonJS packages (qrcode, pngjs, ...) call require() for Node's modules; an ES module
  // has none unless it makes one.
  banner: {
    js: "import { createRequire as __cliCreateRequire } from 'node:module'; const require = __cliCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.mjs'));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const total = outputs.reduce((n, [, o]) => n + o.bytes, 0);
console.log(
  `cli: ${outfile} ${kb(result.metafile.outputs[outfile].bytes)}, ${outputs.length} files ${kb(total)}`,
);
