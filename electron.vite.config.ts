import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { faceAssetsPlugin } from './scripts/face-assets-plugin';

export default defineConfig({
  main: {
    // Native modules (better-sqlite3, pcsclite) and every other dependency stay in node_modules.
    plugins: [externalizeDepsPlugin()],
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
