/**
 * Draws the simulated cards' face photos into resources/sim-photos/: one small, made-up,
 * face-like portrait per catalog identity, deterministic (same catalog → same bytes), encoded as
 * JPEG with jpeg-js, or as a JPEG 2000 codestream with `opj_compress` (libopenjp2-tools) for the
 * identities whose photo is 'jpeg2000'. The output is committed because opj_compress does not
 * exist inside the Electron app.
 *
 *   npx tsx scripts/make-sim-photos.ts
 *
 * Sizes land in the 10-20 KB range real CCCD photos have; the script fails if one does not.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { SIM_IDENTITIES, type SimIdentity } from '../src/sim/data/identities';
import { simPhotoFileName } from '../src/sim/card/sim-photos';

const WIDTH = 240;
const HEIGHT = 320;
const MIN_BYTES = 10_000;
const MAX_BYTES = 20_000;

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'sim-photos');

type Rgb = [number, number, number];

/** mulberry32: small seeded PRNG so each identity always gets the same face. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T =>
  list[Math.floor(rnd() * list.length)]!;

/** 1 inside the ellipse, 0 outside, with a one-pixel soft edge. */
function ellipse(x: number, y: number, cx: number, cy: number, rx: number, ry: number): number {
  const d = Math.sqrt(((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2);
  const edge = 1 / Math.min(rx, ry);
  return Math.max(0, Math.min(1, (1 - d) / edge + 0.5));
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

interface Face {
  background: Rgb;
  skin: Rgb;
  hair: Rgb;
  shirt: Rgb;
  faceRx: number;
  faceRy: number;
  eyeGap: number;
  longHair: boolean;
  seed: number;
}

function faceFor(identity: SimIdentity): Face {
  const rnd = prng(identity.index * 7919 + 17);
  return {
    background: pick(rnd, [
      [236, 240, 246],
      [222, 232, 245],
      [245, 245, 245],
    ] as Rgb[]),
    skin: pick(rnd, [
      [233, 196, 160],
      [224, 180, 140],
      [205, 160, 120],
      [240, 205, 175],
    ] as Rgb[]),
    hair: pick(rnd, [
      [30, 26, 24],
      [45, 35, 30],
      [20, 20, 22],
      identity.card.dateOfBirth && identity.card.dateOfBirth < '1960'
        ? [190, 190, 190]
        : [60, 45, 35],
    ] as Rgb[]),
    shirt: pick(rnd, [
      [250, 250, 250],
      [40, 60, 110],
      [90, 90, 95],
      [150, 40, 40],
    ] as Rgb[]),
    faceRx: 52 + rnd() * 10,
    faceRy: 70 + rnd() * 8,
    eyeGap: 20 + rnd() * 5,
    longHair: identity.card.sex === 'F',
    seed: identity.index,
  };
}

function draw(face: Face): Uint8Array {
  const rgba = new Uint8Array(WIDTH * HEIGHT * 4);
  const noise = prng(face.seed * 104729 + 3);
  const cx = WIDTH / 2;
  const cy = 140;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      // Gentle vertical gradient behind the head, like a studio backdrop.
      let c: Rgb = mix(face.background, [200, 208, 220], y / HEIGHT / 2);
      if (face.longHair)
        c = mix(c, face.hair, ellipse(x, y, cx, cy + 30, face.faceRx + 22, face.faceRy + 60));
      c = mix(c, face.shirt, ellipse(x, y, cx, HEIGHT + 40, 120, 110));
      c = mix(c, face.skin, ellipse(x, y, cx, cy + 80, 22, 40)); // neck
      c = mix(c, face.skin, ellipse(x, y, cx - face.faceRx, cy + 5, 9, 16)); // ears
      c = mix(c, face.skin, ellipse(x, y, cx + face.faceRx, cy + 5, 9, 16));
      c = mix(c, face.skin, ellipse(x, y, cx, cy, face.faceRx, face.faceRy));
      // Hair cap: the top of a slightly larger ellipse, cut off at the forehead.
      const cap = ellipse(x, y, cx, cy - 18, face.faceRx + 6, face.faceRy - 4);
      if (y < cy - 30 + Math.sin(x / 9) * 4) c = mix(c, face.hair, cap);
      for (const side of [-1, 1]) {
        const ex = cx + side * face.eyeGap;
        c = mix(c, face.hair, ellipse(x, y, ex, cy - 22, 13, 3)); // brow
        c = mix(c, [250, 250, 250], ellipse(x, y, ex, cy - 8, 10, 5));
        c = mix(c, [50, 35, 30], ellipse(x, y, ex, cy - 8, 4.5, 4.5));
      }
      c = mix(c, mix(face.skin, [120, 80, 60], 0.35), ellipse(x, y, cx, cy + 18, 6, 11)); // nose
      c = mix(c, [170, 80, 80], ellipse(x, y, cx, cy + 42, 18, 4.5)); // mouth
      // Fine grain so the image compresses like a photo, not like flat clip art.
      const grain = (noise() - 0.5) * 14;
      const i = (y * WIDTH + x) * 4;
      rgba[i] = clamp(c[0] + grain);
      rgba[i + 1] = clamp(c[1] + grain);
      rgba[i + 2] = clamp(c[2] + grain);
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}

const clamp = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));

function encodeJpeg(rgba: Uint8Array): Uint8Array {
  // Pick the highest quality that still fits the size budget.
  for (let q = 90; q >= 40; q -= 5) {
    const out = jpeg.encode({ data: rgba, width: WIDTH, height: HEIGHT }, q).data;
    if (out.length <= MAX_BYTES) return new Uint8Array(out);
  }
  throw new Error('JPEG does not fit the size budget');
}

function encodeJpeg2000(rgba: Uint8Array): Uint8Array {
  const work = mkdtempSync(join(tmpdir(), 'sim-photo-'));
  try {
    const rgb = Buffer.alloc(WIDTH * HEIGHT * 3);
    for (let p = 0; p < WIDTH * HEIGHT; p++) {
      rgb[p * 3] = rgba[p * 4]!;
      rgb[p * 3 + 1] = rgba[p * 4 + 1]!;
      rgb[p * 3 + 2] = rgba[p * 4 + 2]!;
    }
    const ppm = join(work, 'in.ppm');
    writeFileSync(ppm, Buffer.concat([Buffer.from(`P6\n${WIDTH} ${HEIGHT}\n255\n`), rgb]));
    const j2k = join(work, 'out.j2k');
    // -r: compression ratio; 14 KB out of 230 KB of raw RGB is about 16:1.
    execFileSync('opj_compress', ['-i', ppm, '-o', j2k, '-r', '16'], { stdio: 'ignore' });
    return new Uint8Array(readFileSync(j2k));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

mkdirSync(outDir, { recursive: true });
for (const identity of SIM_IDENTITIES) {
  const rgba = draw(faceFor(identity));
  const bytes = identity.photo === 'jpeg2000' ? encodeJpeg2000(rgba) : encodeJpeg(rgba);
  if (bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) {
    throw new Error(
      `photo ${identity.index}: ${bytes.length} bytes, outside ${MIN_BYTES}-${MAX_BYTES}`,
    );
  }
  const name = simPhotoFileName(identity);
  writeFileSync(join(outDir, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}
