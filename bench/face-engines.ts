/**
 * The two candidate face models for the bench, in Node on the same TensorFlow.js WebAssembly
 * backend the kiosk's renderer uses: @vladmandic/human (BlazeFace + FaceMesh + FaceRes, the one
 * the kiosk runs) and @vladmandic/face-api (SSD MobileNet v1 + 68 landmarks + the dlib-style
 * ResNet-34 recognition net). Each turns a picture into its central face's template and
 * compares two templates on a 0..1 similarity.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Rgba } from '../tests/support/face/face-media';

const require = createRequire(import.meta.url);

export interface BenchFace {
  embedding: number[];
  yawDeg: number | null;
}

export interface BenchEngine {
  name: string;
  version: string;
  /** The comparison's threshold the engine's authors suggest (on our 0..1 similarity). */
  threshold: number;
  centralFace(img: Rgba): Promise<BenchFace | null>;
  similarity(a: number[], b: number[]): number;
  close(): Promise<void>;
}

const WASM_DIR = path.join(
  path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')),
  'dist',
);

/** Human loads models over HTTP only (Node's fetch has no file:): a loopback server, port 0. */
async function serveFolder(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const name = path.basename((req.url ?? '').split('?')[0]!);
    try {
      res.end(readFileSync(path.join(dir, name)));
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** As the kiosk picks the face: the one nearest the middle of the picture (others pass by). */
function offCentre(box: readonly number[], img: Rgba): number {
  const [x, y, w, h] = box as [number, number, number, number];
  return Math.hypot((x + w / 2) / img.width - 0.5, (y + h / 2) / img.height - 0.5);
}

export async function humanEngine(threshold: number): Promise<BenchEngine> {
  const dist = path.dirname(require.resolve('@vladmandic/human'));
  // The package's Node builds: human.node-wasm.js runs on @tensorflow/tfjs-backend-wasm.
  const { Human } = require(
    path.join(dist, 'human.node-wasm.js'),
  ) as typeof import('@vladmandic/human');
  const models = await serveFolder(path.join(dist, '..', 'models'));
  const human = new Human({
    backend: 'wasm',
    wasmPath: `${WASM_DIR}/`,
    modelBasePath: models.url,
    debug: false,
    async: false,
    face: {
      enabled: true,
      detector: { rotation: false, maxDetected: 3, minConfidence: 0.5, return: false },
      mesh: { enabled: true },
      iris: { enabled: false },
      description: { enabled: true },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  });
  await human.load();
  const tf = human.tf;
  return {
    name: 'human-faceres',
    version: human.version,
    threshold,
    async centralFace(img) {
      const input = tf.tidy(() =>
        // Functional ops: human's Node build registers no chained tensor methods.
        tf.expandDims(
          tf.slice(
            tf.tensor3d(img.data, [img.height, img.width, 4], 'int32'),
            [0, 0, 0],
            [-1, -1, 3],
          ),
          0,
        ),
      );
      const result = await human.detect(input);
      input.dispose();
      const face = [...result.face].sort(
        (a, b) => offCentre(a.box, img) - offCentre(b.box, img),
      )[0];
      if (!face?.embedding?.length) return null;
      return {
        embedding: face.embedding,
        yawDeg: ((face.rotation?.angle.yaw ?? 0) * 180) / Math.PI,
      };
    },
    similarity: (a, b) => human.match.similarity(a, b),
    close: models.close,
  };
}

export async function faceApiEngine(): Promise<BenchEngine> {
  const root = path.dirname(require.resolve('@vladmandic/face-api/package.json'));
  const faceapi = require(
    path.join(root, 'dist', 'face-api.node-wasm.js'),
  ) as typeof import('@vladmandic/face-api');
  const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(p: string): void };
  wasm.setWasmPaths(`${WASM_DIR}/`);
  // face-api's typings list only part of TensorFlow.js: the same engine, typed loosely here.
  const tf = faceapi.tf as unknown as typeof import('@tensorflow/tfjs');
  await tf.setBackend('wasm');
  await tf.ready();
  const modelDir = path.join(root, 'model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(modelDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(modelDir);
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5, maxResults: 3 });
  return {
    name: 'face-api',
    version: faceapi.version,
    // face-api's documented rule: Euclidean distance below 0.6 is the same person.
    threshold: 1 - 0.6,
    async centralFace(img) {
      const input = tf.tidy(() =>
        tf.slice(
          tf.tensor3d(img.data, [img.height, img.width, 4], 'int32'),
          [0, 0, 0],
          [-1, -1, 3],
        ),
      ) as unknown as Parameters<typeof faceapi.detectAllFaces>[0];
      const faces = await faceapi
        .detectAllFaces(input, options)
        .withFaceLandmarks()
        .withFaceDescriptors();
      (input as unknown as { dispose(): void }).dispose();
      const box = (f: (typeof faces)[number]) =>
        [
          f.detection.box.x,
          f.detection.box.y,
          f.detection.box.width,
          f.detection.box.height,
        ] as const;
      const face = faces.sort((a, b) => offCentre(box(a), img) - offCentre(box(b), img))[0];
      return face ? { embedding: Array.from(face.descriptor), yawDeg: null } : null;
    },
    // On the same 0..1 scale: 1 - Euclidean distance (the templates are unit-length-ish).
    similarity: (a, b) => 1 - faceapi.euclideanDistance(a, b),
    close: async () => undefined,
  };
}
