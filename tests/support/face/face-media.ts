/**
 * Faces for the face check's tests and bench, made from the real photos @vladmandic/face-api
 * ships for testing (demo/sample1..6.jpg, 22 faces): the chip photo (cropped to a 240×320
 * portrait, scaled, relit, re-encoded as a low-quality JPEG: what a chip's DG2 looks like next
 * to a camera) and the camera's frames (a wider crop at 640×480), written as Y4M for Chromium's
 * fake camera. Plain pixel work with jpeg-js; no image tool needed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import jpeg from 'jpeg-js';

export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** [x, y, width, height] in pixels of the sample photo. */
export type Box = readonly [number, number, number, number];

export interface SampleFace {
  sample: number;
  /** Where @vladmandic/human 3.3.6 found the face (bench face), rounded. */
  box: Box;
  /** The yaw it measured, degrees. */
  yawDeg: number;
}

/**
 * The 22 faces of the six sample photos, as `npm run bench -- face` finds them (human 3.3.6,
 * BlazeFace). Different photos show different people; this small set is all the tests claim.
 */
export const SAMPLE_FACES: readonly SampleFace[] = [
  { sample: 1, box: [331, 313, 356, 356], yawDeg: 17 },
  { sample: 1, box: [1438, 205, 279, 279], yawDeg: 9 },
  { sample: 1, box: [773, 385, 328, 328], yawDeg: 12 },
  { sample: 2, box: [1369, 113, 347, 346], yawDeg: 6 },
  { sample: 2, box: [279, 116, 330, 330], yawDeg: 37 },
  { sample: 2, box: [804, 188, 354, 354], yawDeg: -4 },
  { sample: 3, box: [515, 295, 360, 360], yawDeg: 10 },
  { sample: 3, box: [1004, 186, 369, 368], yawDeg: 13 },
  { sample: 3, box: [1371, 244, 408, 408], yawDeg: -11 },
  { sample: 4, box: [611, 63, 280, 279], yawDeg: 16 },
  { sample: 4, box: [1216, 134, 305, 305], yawDeg: 16 },
  { sample: 4, box: [909, 150, 329, 329], yawDeg: 19 },
  { sample: 4, box: [176, 185, 302, 301], yawDeg: -25 },
  { sample: 5, box: [727, 94, 272, 271], yawDeg: -12 },
  { sample: 5, box: [525, 400, 308, 307], yawDeg: -21 },
  { sample: 5, box: [1044, 170, 320, 320], yawDeg: 8 },
  { sample: 5, box: [1320, 343, 395, 395], yawDeg: 15 },
  { sample: 5, box: [279, 848, 368, 368], yawDeg: -3 },
  { sample: 6, box: [176, 457, 361, 360], yawDeg: -9 },
  { sample: 6, box: [1080, 280, 369, 369], yawDeg: -5 },
  { sample: 6, box: [1403, 237, 375, 375], yawDeg: 7 },
  { sample: 6, box: [586, 299, 385, 385], yawDeg: 13 },
];

const require = createRequire(import.meta.url);

export function samplePhotoPath(n: number): string {
  // face-api's package has no "exports": its files resolve directly.
  return path.join(
    path.dirname(require.resolve('@vladmandic/face-api/package.json')),
    'demo',
    `sample${n}.jpg`,
  );
}

const photos = new Map<number, Rgba>();

export function samplePhoto(n: number): Rgba {
  let img = photos.get(n);
  if (!img) {
    const d = jpeg.decode(readFileSync(samplePhotoPath(n)), {
      useTArray: true,
      maxMemoryUsageInMB: 256,
    });
    img = { width: d.width, height: d.height, data: d.data };
    photos.set(n, img);
  }
  return img;
}

/** Bilinear sample of `img` over the rectangle (x, y, w, h) into an outW × outH picture. */
export function cropScale(img: Rgba, rect: Box, outW: number, outH: number): Rgba {
  const [rx, ry, rw, rh] = rect;
  const out = new Uint8Array(outW * outH * 4);
  for (let oy = 0; oy < outH; oy++) {
    const sy = Math.min(img.height - 1, Math.max(0, ry + ((oy + 0.5) * rh) / outH - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(img.height - 1, y0 + 1);
    const fy = sy - y0;
    for (let ox = 0; ox < outW; ox++) {
      const sx = Math.min(img.width - 1, Math.max(0, rx + ((ox + 0.5) * rw) / outW - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(img.width - 1, x0 + 1);
      const fx = sx - x0;
      for (let c = 0; c < 3; c++) {
        const p = (x: number, y: number) => img.data[(y * img.width + x) * 4 + c]!;
        const top = p(x0, y0) * (1 - fx) + p(x1, y0) * fx;
        const bottom = p(x0, y1) * (1 - fx) + p(x1, y1) * fx;
        out[(oy * outW + ox) * 4 + c] = Math.round(top * (1 - fy) + bottom * fy);
      }
      out[(oy * outW + ox) * 4 + 3] = 255;
    }
  }
  return { width: outW, height: outH, data: out };
}

/** Different light: gain and offset per channel (a warm, dimmer office lamp by default). */
export function relight(img: Rgba, gain = [0.8, 0.74, 0.66], offset = 22): Rgba {
  const out = new Uint8Array(img.data);
  for (let i = 0; i < out.length; i += 4) {
    for (let c = 0; c < 3; c++)
      out[i + c] = Math.min(255, Math.round(out[i + c]! * gain[c]! + offset));
  }
  return { ...img, data: out };
}

export function mirror(img: Rgba): Rgba {
  const out = new Uint8Array(img.data.length);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const from = (y * img.width + x) * 4;
      const to = (y * img.width + (img.width - 1 - x)) * 4;
      out.set(img.data.subarray(from, from + 4), to);
    }
  }
  return { ...img, data: out };
}

export function encodeJpeg(img: Rgba, quality: number): Uint8Array {
  return new Uint8Array(jpeg.encode({ ...img, data: img.data }, quality).data);
}

/**
 * The chip's DG2 made from a face: a 3:4 portrait around it (head and shoulders, as ICAO
 * photos are), 240×320, relit, JPEG quality 50 (a CCCD photo is 10-20 KB).
 */
export function chipPhoto(face: SampleFace): Uint8Array {
  const [x, y, w, h] = face.box;
  const cw = w * 1.7;
  const rect: Box = [x + w / 2 - cw / 2, y - h * 0.45, cw, (cw * 4) / 3];
  return encodeJpeg(relight(cropScale(samplePhoto(face.sample), rect, 240, 320)), 50);
}

/** The camera's view of a face: a wider 4:3 crop at 640×480, as a kiosk camera frames it. */
export function cameraFrame(face: SampleFace): Rgba {
  const [x, y, w, h] = face.box;
  const cw = w * 2.6;
  const rect: Box = [x + w / 2 - cw / 2, y + h / 2 - (cw * 3) / 8, cw, (cw * 3) / 4];
  return cropScale(samplePhoto(face.sample), rect, 640, 480);
}

/**
 * A Y4M file (4:2:0, full range: C420jpeg) Chromium's fake camera plays in a loop
 * (--use-file-for-fake-video-capture). `frames` is the sequence, each shown `repeat` times.
 */
export function writeY4m(file: string, frames: readonly Rgba[], repeat = 1, fps = 10): void {
  const { width, height } = frames[0]!;
  const parts: Buffer[] = [
    Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`),
  ];
  for (const img of frames) {
    const frame = i420(img);
    for (let r = 0; r < repeat; r++) parts.push(Buffer.from('FRAME\n'), frame);
  }
  writeFileSync(file, Buffer.concat(parts));
}

/** RGBA → planar Y, U, V (BT.601 full range), chroma averaged over 2×2 blocks. */
function i420(img: Rgba): Buffer {
  const { width: w, height: h, data } = img;
  const cw = w >> 1;
  const ch = h >> 1;
  const out = Buffer.alloc(w * h + 2 * cw * ch);
  for (let i = 0; i < w * h; i++) {
    const r = data[i * 4]!;
    const g = data[i * 4 + 1]!;
    const b = data[i * 4 + 2]!;
    out[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const p = ((2 * y + dy) * w + 2 * x + dx) * 4;
        r += data[p]!;
        g += data[p + 1]!;
        b += data[p + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const u = -0.168736 * r - 0.331264 * g + 0.5 * b + 128;
      const v = 0.5 * r - 0.418688 * g - 0.081312 * b + 128;
      out[w * h + y * cw + x] = Math.max(0, Math.min(255, Math.round(u)));
      out[w * h + cw * ch + y * cw + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return out;
}
