/**
 * The face model in the renderer: @vladmandic/human (BlazeFace detector, FaceMesh for the pose,
 * FaceRes for the template) on TensorFlow.js's WebAssembly backend. Models and .wasm files are
 * served with the app (see scripts/face-assets-plugin.ts): nothing is fetched from elsewhere,
 * nothing is cached in the browser's storage. Loaded on first use only (a few MB).
 */
import type { FaceModel } from '../../../shared/domain';
import type { FaceFrame } from './face-report';

/** What the app serves beside index.html (scripts/face-assets-plugin.ts writes them there). */
export const FACE_MODELS_DIR = 'face-models/';
export const FACE_WASM_DIR = 'face-wasm/';

type HumanModule = typeof import('@vladmandic/human');
type HumanInstance = InstanceType<HumanModule['Human']>;
type Input = HTMLVideoElement | HTMLImageElement | HTMLCanvasElement;

export interface FaceEngine {
  model: FaceModel;
  /** Every face in the picture, the one nearest the middle first. */
  faces(input: Input): Promise<FaceFrame[]>;
  similarity(a: readonly number[], b: readonly number[]): number;
}

let loading: Promise<FaceEngine> | null = null;

/** Loads the models once; a failed load is forgotten so the next person may try again. */
export function loadFaceEngine(): Promise<FaceEngine> {
  loading ??= createEngine().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

async function createEngine(): Promise<FaceEngine> {
  const { Human } = await import('@vladmandic/human');
  const base = (dir: string) => new URL(dir, document.baseURI).href;
  const human = new Human({
    backend: 'wasm',
    wasmPath: base(FACE_WASM_DIR),
    modelBasePath: base(FACE_MODELS_DIR),
    cacheModels: false,
    debug: false,
    async: true,
    warmup: 'none',
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { rotation: false, maxDetected: 3, minConfidence: 0.5, return: false },
      mesh: { enabled: true },
      attention: { enabled: false },
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
  return {
    model: { name: 'human-faceres', version: human.version },
    faces: (input) => detect(human, input),
    similarity: (a, b) => human.match.similarity(a as number[], b as number[]),
  };
}

async function detect(human: HumanInstance, input: Input): Promise<FaceFrame[]> {
  const width = 'videoWidth' in input ? input.videoWidth : input.width;
  const height = 'videoHeight' in input ? input.videoHeight : input.height;
  if (!width || !height) return [];
  const result = await human.detect(input);
  const frames: FaceFrame[] = [];
  for (const f of result.face) {
    if (!f.embedding || f.embedding.length === 0) continue;
    const [x, y, w, h] = f.box;
    frames.push({
      yawDeg: ((f.rotation?.angle.yaw ?? 0) * 180) / Math.PI,
      box: [x / width, y / height, w / width, h / height],
      confidence: f.score,
      embedding: f.embedding,
    });
  }
  return frames.sort((a, b) => offCentre(a) - offCentre(b));
}

/** The person at the kiosk stands in the middle of the frame; others pass behind or beside. */
function offCentre(f: FaceFrame): number {
  return Math.hypot(f.box[0] + f.box[2] / 2 - 0.5, f.box[1] + f.box[3] / 2 - 0.5);
}
