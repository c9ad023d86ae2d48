/**
 * The symmetric crypto of BAC and 3DES secure messaging (ICAO 9303-11 §9.7, §9.8), on node:crypto
 * with only the ciphers that exist in both Node's OpenSSL 3 and Electron's BoringSSL
 * (des-ede3-cbc). Single DES is done as 3DES with K1=K2=K3, and 2-key 3DES as
 * 3-key with K3=K1, so everything goes through des-ede3-cbc.
 */
import { createCipheriv, createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import { kioskError } from '../../../shared/errors';
import { concatBytes } from './tlv';

const ZERO_IV = new Uint8Array(8);

/** 8 (single DES), 16 (2-key) or 24 (3-key) bytes → the 24-byte des-ede3 key. */
function ede3Key(key: Uint8Array): Uint8Array {
  switch (key.length) {
    case 8:
      return concatBytes(key, key, key);
    case 16:
      return concatBytes(key, key.subarray(0, 8));
    case 24:
      return key;
    default:
      throw new RangeError(`DES key must be 8, 16 or 24 bytes, got ${key.length}`);
  }
}

function blockCheck(data: Uint8Array, block: number): void {
  if (data.length % block !== 0) {
    throw new RangeError(`data length ${data.length} is not a multiple of ${block}`);
  }
}

function run(
  cipher: ReturnType<typeof createCipheriv> | ReturnType<typeof createDecipheriv>,
  data: Uint8Array,
): Uint8Array {
  cipher.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([cipher.update(data), cipher.final()]));
}

/** 3DES-CBC encryption without padding; key of 8/16/24 bytes; IV zero unless given. */
export function tdesEncrypt(
  key: Uint8Array,
  data: Uint8Array,
  iv: Uint8Array = ZERO_IV,
): Uint8Array {
  blockCheck(data, 8);
  return run(createCipheriv('des-ede3-cbc', ede3Key(key), iv), data);
}

/** 3DES-CBC decryption without padding; key of 8/16/24 bytes; IV zero unless given. */
export function tdesDecrypt(
  key: Uint8Array,
  data: Uint8Array,
  iv: Uint8Array = ZERO_IV,
): Uint8Array {
  blockCheck(data, 8);
  return run(createDecipheriv('des-ede3-cbc', ede3Key(key), iv), data);
}

/** Single-DES encryption of whole blocks in CBC (as 3DES with K1=K2=K3). */
export function desEncrypt(
  key8: Uint8Array,
  data: Uint8Array,
  iv: Uint8Array = ZERO_IV,
): Uint8Array {
  if (key8.length !== 8) throw new RangeError('single DES key must be 8 bytes');
  return tdesEncrypt(key8, data, iv);
}

/** Single-DES decryption of whole blocks in CBC (as 3DES with K1=K2=K3). */
export function desDecrypt(
  key8: Uint8Array,
  data: Uint8Array,
  iv: Uint8Array = ZERO_IV,
): Uint8Array {
  if (key8.length !== 8) throw new RangeError('single DES key must be 8 bytes');
  return tdesDecrypt(key8, data, iv);
}

// ---------------------------------------------------------------------------------------------
// ISO/IEC 9797-1 padding method 2 and MAC algorithm 3

/** Padding method 2: 0x80 then zeros up to the next multiple of `block` (always adds ≥1 byte). */
export function pad(data: Uint8Array, block = 8): Uint8Array {
  const padded = new Uint8Array((Math.floor(data.length / block) + 1) * block);
  padded.set(data);
  padded[data.length] = 0x80;
  return padded;
}

/** Removes padding method 2; CARD_SM_PADDING when the padding is not there. */
export function unpad(data: Uint8Array): Uint8Array {
  let i = data.length - 1;
  while (i >= 0 && data[i] === 0x00) i--;
  if (i < 0 || data[i] !== 0x80) {
    throw kioskError(
      'CARD_SM_PADDING',
      'Dữ liệu bảo mật từ thẻ bị lỗi. Vui lòng đặt lại thẻ và thử lại.',
      'The secured data from the card is damaged. Place the card again and retry.',
      { detail: 'ISO 9797-1 padding method 2 not found', retryable: true },
    );
  }
  return data.subarray(0, i);
}

/**
 * ISO/IEC 9797-1 MAC algorithm 3 (retail MAC) with DES: CBC-MAC under Ka over all blocks, then
 * the last block is decrypted with Kb and encrypted with Ka. `key` is Ka||Kb (16 bytes).
 * Pads with method 2 unless `alreadyPadded`.
 */
export function retailMac(key: Uint8Array, data: Uint8Array, alreadyPadded = false): Uint8Array {
  if (key.length !== 16) throw new RangeError('retail MAC key must be 16 bytes');
  const input = alreadyPadded ? data : pad(data);
  blockCheck(input, 8);
  const ka = key.subarray(0, 8);
  const kb = key.subarray(8, 16);
  const cbc = desEncrypt(ka, input);
  const last = cbc.subarray(cbc.length - 8);
  return desEncrypt(ka, desDecrypt(kb, last));
}

/** Constant-time comparison of two MACs. */
export function macEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

// ---------------------------------------------------------------------------------------------
// Hashes and key derivation

export function sha1(...parts: readonly Uint8Array[]): Uint8Array {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

export function sha256(...parts: readonly Uint8Array[]): Uint8Array {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

/** Hash by node:crypto name (sha1, sha224, sha256, sha384, sha512). */
export function digest(algorithm: string, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(algorithm).update(data).digest());
}

/** Sets each byte's lowest bit so the byte has an odd number of 1 bits (DES key parity). */
export function adjustParity(key: Uint8Array): Uint8Array {
  const out = new Uint8Array(key.length);
  for (let i = 0; i < key.length; i++) {
    const b = key[i]! & 0xfe;
    let ones = 0;
    for (let v = b; v; v >>= 1) ones += v & 1;
    out[i] = ones % 2 === 0 ? b | 1 : b;
  }
  return out;
}

/** KDF counters of ICAO 9303-11 §9.7.1. */
export const KDF_ENC = 1;
export const KDF_MAC = 2;

/**
 * ICAO 9303-11 §9.7.1 for 3DES: SHA-1(seed || counter as 4 bytes big-endian), first 16 bytes,
 * DES parity adjusted. `seed` is Kseed (BAC) or the shared secret (PACE/CA).
 */
export function deriveTdesKey(seed: Uint8Array, counter: number): Uint8Array {
  const c = new Uint8Array([
    (counter >>> 24) & 0xff,
    (counter >>> 16) & 0xff,
    (counter >>> 8) & 0xff,
    counter & 0xff,
  ]);
  return adjustParity(sha1(seed, c).subarray(0, 16));
}

/** The BAC key seed: SHA-1(MRZ information)[0..16] (ICAO 9303-11 §9.7.2). */
export function bacKeySeed(mrzInfo: string): Uint8Array {
  return sha1(new TextEncoder().encode(mrzInfo)).subarray(0, 16);
}
