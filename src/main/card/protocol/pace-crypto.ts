/**
 * The symmetric and key-agreement pieces of PACE with ECDH Generic Mapping and AES-128
 * (ICAO 9303-11 §4.4, §9.7, §9.8): AES on node:crypto's aes-128-ecb/cbc (present in both
 * OpenSSL 3 and BoringSSL), CMAC-AES (RFC 4493 / NIST SP 800-38B) built on them, the AES key
 * derivation, the nonce decryption, Generic Mapping, authentication tokens and the AES
 * secure-messaging cipher. Each side of the protocol (reader, simulated chip) uses these.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { sha1 } from './crypto';
import {
  addPoints,
  bigintToBytes,
  encodePoint,
  multiply,
  type AffinePoint,
  type Curve,
  type Point,
} from './ec-curve';
import type { SmCipher } from './secure-messaging';
import { encodeTlv } from './tlv';

const BLOCK = 16;
const ZERO_IV = new Uint8Array(BLOCK);

/** id-PACE-ECDH-GM-AES-CBC-CMAC-128 = 0.4.0.127.0.7.2.2.4.2.2, as DER content bytes. */
export const PACE_ECDH_GM_AES_128 = new Uint8Array([
  0x04, 0x00, 0x7f, 0x00, 0x07, 0x02, 0x02, 0x04, 0x02, 0x02,
]);

function checkKey(key: Uint8Array): void {
  if (key.length !== 16) throw new RangeError(`AES-128 key must be 16 bytes, got ${key.length}`);
}

function checkBlocks(data: Uint8Array): void {
  if (data.length % BLOCK !== 0) {
    throw new RangeError(`data length ${data.length} is not a multiple of ${BLOCK}`);
  }
}

function runCipher(
  cipher: ReturnType<typeof createCipheriv> | ReturnType<typeof createDecipheriv>,
  data: Uint8Array,
): Uint8Array {
  cipher.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([cipher.update(data), cipher.final()]));
}

/** AES-128-CBC encryption of whole blocks, no padding; zero IV unless given. */
export function aesCbcEncrypt(
  key: Uint8Array,
  data: Uint8Array,
  iv: Uint8Array = ZERO_IV,
): Uint8Array {
  checkKey(key);
  checkBlocks(data);
  return runCipher(createCipheriv('aes-128-cbc', key, iv), data);
}

/** AES-128-CBC decryption of whole blocks, no padding; zero IV unless given. */
export function aesCbcDecrypt(
  key: Uint8Array,
  data: Uint8Array,
  iv: Uint8Array = ZERO_IV,
): Uint8Array {
  checkKey(key);
  checkBlocks(data);
  return runCipher(createDecipheriv('aes-128-cbc', key, iv), data);
}

/** AES-128 of one block (ECB). */
export function aesBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  checkKey(key);
  if (block.length !== BLOCK) throw new RangeError('AES block must be 16 bytes');
  return runCipher(createCipheriv('aes-128-ecb', key, null), block);
}

/** Doubling in GF(2^128) as CMAC's subkey generation defines it (shift left, xor 0x87). */
function dbl(block: Uint8Array): Uint8Array {
  const out = new Uint8Array(BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    out[i] = ((block[i]! << 1) | (i + 1 < BLOCK ? block[i + 1]! >> 7 : 0)) & 0xff;
  }
  if (block[0]! & 0x80) out[BLOCK - 1]! ^= 0x87;
  return out;
}

/** CMAC-AES-128 (RFC 4493), full 16-byte tag. */
export function cmacAes(key: Uint8Array, message: Uint8Array): Uint8Array {
  const k1 = dbl(aesBlock(key, ZERO_IV));
  const complete = message.length > 0 && message.length % BLOCK === 0;
  const blocks = complete ? message.length / BLOCK : Math.floor(message.length / BLOCK) + 1;
  const input = new Uint8Array(blocks * BLOCK);
  input.set(message);
  if (!complete) input[message.length] = 0x80;
  const subkey = complete ? k1 : dbl(k1);
  const last = (blocks - 1) * BLOCK;
  for (let i = 0; i < BLOCK; i++) input[last + i]! ^= subkey[i]!;
  return aesCbcEncrypt(key, input).subarray(last);
}

/** KDF counters of ICAO 9303-11 §9.7.1: session encryption, session MAC, PACE password. */
export const KDF_COUNTER = { enc: 1, mac: 2, pi: 3 } as const;

/** ICAO 9303-11 §9.7.1 for AES-128: SHA-1(secret || counter, 4 bytes big-endian)[0..16]. */
export function deriveAes128Key(secret: Uint8Array, counter: number): Uint8Array {
  const c = new Uint8Array(4);
  new DataView(c.buffer).setUint32(0, counter);
  return sha1(secret, c).subarray(0, 16);
}

/** K_π from the MRZ information: KDF(SHA-1(MRZ information), 3) (§9.7.3, §4.4.3.1). */
export function pacePasswordKey(mrzInfo: string): Uint8Array {
  return deriveAes128Key(sha1(new TextEncoder().encode(mrzInfo)), KDF_COUNTER.pi);
}

/**
 * A PACE password (§4.4.3.1): the MRZ information (reference 1) or the CAN (reference 2). For
 * CCCD cards the CAN is the last 6 digits of the 12-digit ID number (the CCCD reference).
 */
export type PacePassword = { kind: 'mrz'; mrzInfo: string } | { kind: 'can'; can: string };

/** MSE:Set AT password reference (§4.4.4.1 / BSI TR-03110-3 D.2). */
export const PASSWORD_REF = { mrz: 0x01, can: 0x02 } as const;

/** K_π for either password: the CAN is used as is (ISO 8859-1 digits), the MRZ via SHA-1. */
export function paceKey(password: PacePassword): Uint8Array {
  if (password.kind === 'mrz') return pacePasswordKey(password.mrzInfo);
  return deriveAes128Key(new TextEncoder().encode(password.can), KDF_COUNTER.pi);
}

/** s = D(K_π, z): the chip's nonce, AES-CBC with a zero IV (§4.4.3.2). */
export function decryptNonce(kPi: Uint8Array, z: Uint8Array): Uint8Array {
  return aesCbcDecrypt(kPi, z);
}

export function encryptNonce(kPi: Uint8Array, s: Uint8Array): Uint8Array {
  return aesCbcEncrypt(kPi, s);
}

/**
 * Generic Mapping (§4.4.3.3.1): H = SK_map · PK_map(other side), Ĝ = s·G + H. Null when H or Ĝ is
 * the point at infinity (the run must then be aborted).
 */
export function genericMapping(
  curve: Curve,
  nonce: Uint8Array,
  privateMapKey: bigint,
  otherPublicMapKey: AffinePoint,
): { h: Point; generator: Point } {
  const h = multiply(curve, privateMapKey, otherPublicMapKey);
  if (!h) return { h, generator: null };
  let s = 0n;
  for (const byte of nonce) s = (s << 8n) | BigInt(byte);
  return { h, generator: addPoints(curve, multiply(curve, s, curve.g), h) };
}

/** The session keys from the shared secret's x-coordinate (§9.7.1, §4.4.3.4). */
export function paceSessionKeys(sharedX: Uint8Array): { ksEnc: Uint8Array; ksMac: Uint8Array } {
  return {
    ksEnc: deriveAes128Key(sharedX, KDF_COUNTER.enc),
    ksMac: deriveAes128Key(sharedX, KDF_COUNTER.mac),
  };
}

/**
 * Authentication token (§4.4.3.4, §9.4.4 / TR-03110-3 D.3.4): CMAC over the public key data
 * object 7F49 { 06 OID, 86 point } of the OTHER side's ephemeral key, first 8 bytes.
 */
export function authenticationToken(
  ksMac: Uint8Array,
  oid: Uint8Array,
  curve: Curve,
  otherPublicKey: AffinePoint,
): Uint8Array {
  const data = encodeTlv(
    0x7f49,
    encodeTlv(0x06, oid),
    encodeTlv(0x86, encodePoint(curve, otherPublicKey)),
  );
  return cmacAes(ksMac, data).subarray(0, 8);
}

/** AES secure messaging after PACE (§9.8.6.2): IV = E(KS_enc, SSC), MAC = CMAC truncated to 8. */
export function aesSmCipher(ksEnc: Uint8Array, ksMac: Uint8Array): SmCipher {
  return {
    name: 'AES-128',
    blockSize: BLOCK,
    encrypt: (padded, ssc) => aesCbcEncrypt(ksEnc, padded, aesBlock(ksEnc, ssc)),
    decrypt: (encrypted, ssc) => aesCbcDecrypt(ksEnc, encrypted, aesBlock(ksEnc, ssc)),
    mac: (padded) => cmacAes(ksMac, padded).subarray(0, 8),
  };
}

/** The starting SSC of AES secure messaging after PACE: 16 zero bytes. */
export function paceInitialSsc(): Uint8Array {
  return new Uint8Array(BLOCK);
}

/** The ECDH shared secret: the shared point's x-coordinate, field-size bytes (§4.4.3.4). */
export function sharedSecretX(curve: Curve, shared: AffinePoint): Uint8Array {
  return bigintToBytes(shared.x, curve.size);
}
