/**
 * DG2's face image as a JPEG the screens can show and the face check can read. Chromium has no
 * JPEG 2000 decoder, and some chips carry their photo in it: main decodes it with a pure
 * JavaScript decoder (`jpeg2000`, from PDF.js's JPX decoder: memory-safe on bytes from a card)
 * and re-encodes it as JPEG. Nothing is written anywhere; a photo that does not decode is
 * simply not shown (the check-in never depends on it).
 */
import jpeg from 'jpeg-js';
import { JpxImage } from 'jpeg2000';

/** Above this the image is not a CCCD face photo (they are about 240×320): not decoded. */
const MAX_PIXELS = 2_000_000;

export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA, row by row */
  data: Uint8Array;
}

/** Decodes a JPEG 2000 codestream (or JP2 file) of 1 (grey) or 3 (RGB) components. */
export function decodeJpeg2000(bytes: Uint8Array): RgbaImage | null {
  try {
    const jpx = new JpxImage();
    // The decoder reads through Buffer's methods (readUInt16BE): give it a view, not a copy.
    jpx.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const { width, height, componentsCount: n } = jpx;
    if (!width || !height || width * height > MAX_PIXELS || (n !== 1 && n !== 3)) return null;
    const data = new Uint8Array(width * height * 4);
    for (const tile of jpx.tiles) {
      for (let y = 0; y < tile.height; y++) {
        for (let x = 0; x < tile.width; x++) {
          const from = (y * tile.width + x) * n;
          const to = ((tile.top + y) * width + tile.left + x) * 4;
          data[to] = tile.items[from]!;
          data[to + 1] = tile.items[from + (n === 3 ? 1 : 0)]!;
          data[to + 2] = tile.items[from + (n === 3 ? 2 : 0)]!;
          data[to + 3] = 255;
        }
      }
    }
    return { width, height, data };
  } catch {
    return null;
  }
}

/** The photo as JPEG bytes: JPEG as it is, JPEG 2000 decoded and re-encoded; else null. */
export function photoAsJpeg(format: string, bytes: Uint8Array | null): Uint8Array | null {
  if (!bytes || bytes.length === 0) return null;
  if (format === 'jpeg') return bytes;
  if (format !== 'jpeg2000') return null;
  const image = decodeJpeg2000(bytes);
  if (!image) return null;
  return new Uint8Array(jpeg.encode(image, 92).data);
}
