/** DG2 in JPEG 2000 decoded for the screen and the face check (src/main/card/photo-jpeg.ts). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeJpeg2000, photoAsJpeg } from '../../../src/main/card/photo-jpeg';

// A Uint8Array as the card reader gives it, not a Buffer.
const J2K = new Uint8Array(readFileSync(path.resolve('resources/sim-photos/identity-07.j2k')));

/** opj_decompress (libopenjp2-tools, from scripts/setup.sh) as the reference decoder: PPM out. */
function referenceDecode(bytes: Uint8Array): { width: number; height: number; rgb: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'j2k-'));
  writeFileSync(path.join(dir, 'in.j2k'), bytes);
  execFileSync('opj_decompress', ['-i', 'in.j2k', '-o', 'out.ppm'], { cwd: dir, stdio: 'ignore' });
  const ppm = readFileSync(path.join(dir, 'out.ppm'));
  // P6, an optional "# comment" line, width height, 255, then the RGB bytes.
  const header = /^P6\s+(?:#[^\n]*\n\s*)?(\d+)\s+(\d+)\s+255\s/.exec(
    ppm.subarray(0, 80).toString('latin1'),
  )!;
  return {
    width: Number(header[1]),
    height: Number(header[2]),
    rgb: ppm.subarray(header[0].length),
  };
}

describe('JPEG 2000 face photos', () => {
  it('decodes the codestream to the same pixels as OpenJPEG', () => {
    const ours = decodeJpeg2000(J2K)!;
    const ref = referenceDecode(J2K);
    expect([ours.width, ours.height]).toEqual([ref.width, ref.height]);
    let total = 0;
    let far = 0;
    for (let i = 0, j = 0; j < ref.rgb.length; i += 4, j += 3) {
      for (let c = 0; c < 3; c++) {
        const d = Math.abs(ours.data[i + c]! - ref.rgb[j + c]!);
        total += d;
        if (d > 4) far++;
      }
      expect(ours.data[i + 3]).toBe(255);
    }
    // The irreversible 9/7 wavelet is computed in floating point by both decoders, rounded
    // differently (measured: mean 1.4 levels, 2.4 % of samples off by more than 4): the same
    // picture, not the same bytes.
    expect(total / ref.rgb.length).toBeLessThan(2);
    expect(far / ref.rgb.length).toBeLessThan(0.05);
  });

  it('re-encodes it as a JPEG of the same size; JPEG passes through untouched', () => {
    const out = photoAsJpeg('jpeg2000', J2K)!;
    expect(out[0]).toBe(0xff);
    expect(out[1]).toBe(0xd8);
    const decoded = jpeg.decode(out);
    expect([decoded.width, decoded.height]).toEqual([240, 320]);
    const original = readFileSync(path.resolve('resources/sim-photos/identity-01.jpg'));
    expect(photoAsJpeg('jpeg', original)).toBe(original);
  });

  it('a damaged codestream or an unknown format gives no photo, never an exception', () => {
    expect(photoAsJpeg('jpeg2000', J2K.subarray(0, 60))).toBeNull();
    expect(photoAsJpeg('jpeg2000', new Uint8Array([1, 2, 3]))).toBeNull();
    expect(photoAsJpeg('unknown', J2K)).toBeNull();
    expect(photoAsJpeg('jpeg', null)).toBeNull();
  });
});
