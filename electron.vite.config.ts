import { relative, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import type { Plugin } from 'vite';
import { faceAssetsPlugin } from './scripts/face-assets-plugin';

/**
 * Writes out/main/chunk-map.json: which source modules each main chunk holds and which chunks
 * it imports statically or dynamically, so scripts/check-main-bundle.mjs can prove that what
 * main loads at startup holds no simulator code (simulators are dynamic imports).
 */
function chunkMap(): Plugin {
  return {
    name: 'kiosk-chunk-map',
    generateBundle(_options, bundle) {
      const chunks: Record<string, unknown> = {};
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk') continue;
        chunks[file] = {
          isEntry: out.isEntry,
          bytes: Buffer.byteLength(out.code),
          imports: out.imports,
          dynamicImports: out.dynamicImports,
          modules: Object.keys(out.modules).map((id) => relative(process.cwd(), id)),
        };
      }
      this.emitFile({
        type: 'asset',
        fileName: 'chunk-map.json',
        source: JSON.stringify(chunks, null, 1),
      });
    },
  };
}

export default defineConfig({
  main: {
    // Native modules (better-sqlite3, pcsclite) and every other dependency stay in node_modules.
    plugins: [externalizeDepsPlugin(), chunkMap()],
    build: {
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    // A sandboxed preload can only require('electron'): it must be one self-contained CommonJS
    // file, so nothing is externalized here.
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    // faceAssetsPlugin: the face check's models and .wasm files, served beside index.html.
    plugins: [react(), faceAssetsPlugin()],
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
