/**
 * Serves and bundles the face check's files with the renderer (issue 23): @vladmandic/human's
 * model weights (detector, mesh, template) under face-models/ and TensorFlow.js's WebAssembly
 * binaries under face-wasm/, both beside index.html. The kiosk never downloads anything at run
 * time, and the Content-Security-Policy's 'self' covers them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** Only what the face check runs: BlazeFace, FaceMesh (pose), FaceRes (template). */
const MODELS = ['blazeface', 'facemesh', 'faceres'].flatMap((m) => [`${m}.json`, `${m}.bin`]);
/** Plain and SIMD builds; the threaded one needs cross-origin isolation, which we do not set. */
const WASM = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'];

/** URL path (without the leading slash) → file on disk. */
export function faceAssetFiles(): Map<string, string> {
  // human's "exports" has no package.json: its main file is in dist/, models/ beside dist/.
  const human = path.resolve(path.dirname(require.resolve('@vladmandic/human')), '..');
  const wasm = path.join(
    path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')),
    'dist',
  );
  const files = new Map<string, string>();
  for (const m of MODELS) files.set(`face-models/${m}`, path.join(human, 'models', m));
  for (const w of WASM) files.set(`face-wasm/${w}`, path.join(wasm, w));
  return files;
}

export function faceAssetsPlugin(): Plugin {
  const files = faceAssetFiles();
  return {
    name: 'face-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = files.get((req.url ?? '').split('?')[0]!.replace(/^\/+/, ''));
        if (!file) return next();
        res.setHeader(
          'Content-Type',
          file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream',
        );
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [fileName, file] of files) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
      }
    },
  };
}
