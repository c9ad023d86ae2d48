/**
 * Chip authenticity (ICAO 9303-11 §6): passive authentication shows that the data was signed,
 * not that the chip answering is the one it was written to; a copy of the files on another chip
 * passes it. Two protocols prove the chip holds a private key whose public half is in a signed
 * data group:
 *
 * - Chip Authentication (§6.2, DG14): ECDH between a fresh terminal key and the chip's static
 *   key, new AES session keys from the shared secret, and secure messaging restarted with them.
 *   Only the holder of the private key derives the same keys, so the next secured response
 *   verifying is the proof (there is no separate answer to check).
 * - Active Authentication (§6.1, DG15): the chip signs a fresh 8-byte challenge with INTERNAL
 *   AUTHENTICATE; ECDSA (the hash named in DG14's ActiveAuthenticationInfo, plain r||s) or RSA
 *   (ISO/IEC 9796-2 scheme 1).
 *
 * Chip Authentication is preferred when offered (it also gives stronger session keys). The
 * caller runs this after every file it needs has been read: a failed proof leaves the secure
 * channel broken, and the data already read is still reported, marked `failed`.
 */
import { constants, createPublicKey, publicDecrypt, randomBytes, verify } from 'node:crypto';
import type { ChipAuthResult } from '../../../shared/domain';
import { KioskError } from '../../../shared/errors';
import { commands, describeSw, SW, type CommandApdu } from './apdu';
import type { CardConnection } from './connection';
import { digest, macEqual } from './crypto';
import { encodePoint, multiply, randomScalar, type AffinePoint, type Curve } from './ec-curve';
import { ID_CA_ECDH_AES_128, parseDg14, type Dg14 } from './lds/dg14';
import { parseDg15 } from './lds/dg15';
import type { ChipPublicKey } from './lds/public-key';
import { aesSmCipher, paceInitialSsc, paceSessionKeys, sharedSecretX } from './pace-crypto';
import { SecureMessaging } from './secure-messaging';
import { encodeTlv } from './tlv';
import { oidFromString } from './oid';

export const chipAuthCommands = {
  /** MSE:Set AT for Chip Authentication (§6.2.4.1, AES): 80 protocol OID, 84 key ID if any. */
  mseSetAt: (oid: string, keyId: number | null): CommandApdu => ({
    cla: 0x00,
    ins: 0x22,
    p1: 0x41,
    p2: 0xa4,
    data: new Uint8Array([
      ...encodeTlv(0x80, oidFromString(oid)),
      ...(keyId !== null ? encodeTlv(0x84, new Uint8Array([keyId])) : []),
    ]),
  }),
  /** GENERAL AUTHENTICATE with the terminal's ephemeral public key in 7C { 80 }. */
  generalAuthenticate: (ephemeralPublicKey: Uint8Array): CommandApdu => ({
    cla: 0x00,
    ins: 0x86,
    p1: 0,
    p2: 0,
    data: encodeTlv(0x7c, encodeTlv(0x80, ephemeralPublicKey)),
    le: 256,
  }),
  /** INTERNAL AUTHENTICATE over an 8-byte challenge (§6.1.3). */
  internalAuthenticate: (challenge: Uint8Array): CommandApdu => ({
    cla: 0x00,
    ins: 0x88,
    p1: 0,
    p2: 0,
    data: challenge,
    le: 256,
  }),
};

export interface ChipAuthOptions {
  /** Terminal ephemeral private key for CA (tests only). */
  caPrivateKey?: bigint;
  /** AA challenge (tests only); default 8 random bytes. */
  challenge?: Uint8Array;
  /** A file to SELECT under the new CA keys, proving them; default EF.COM. */
  proofFid?: number;
}

const genuine = (method: 'CA' | 'AA', detail: string): ChipAuthResult => ({
  status: 'genuine',
  method,
  detail,
});
const failed = (method: 'CA' | 'AA', detail: string): ChipAuthResult => ({
  status: 'failed',
  method,
  detail,
});

/** The (CA info, EC key) pair this reader can run, or null. */
export function selectChipAuthentication(
  dg14: Dg14,
): { oid: string; keyId: number | null; curve: Curve; point: AffinePoint } | null {
  for (const info of dg14.chipAuthentication) {
    if (info.oid !== ID_CA_ECDH_AES_128) continue;
    const key = dg14.chipAuthenticationKeys.find(
      (k) => k.key.kind === 'ec' && (info.keyId === null || k.keyId === info.keyId),
    );
    if (key?.key.kind === 'ec') {
      return { oid: info.oid, keyId: info.keyId, curve: key.key.curve, point: key.key.point };
    }
  }
  return null;
}

/**
 * Chip Authentication on `conn` (secure messaging on). Switches `conn` to the new keys and
 * proves them with one SELECT. `genuine` or `failed`; a card pulled away still throws.
 */
export async function performChipAuthentication(
  conn: CardConnection,
  ca: NonNullable<ReturnType<typeof selectChipAuthentication>>,
  options: ChipAuthOptions = {},
): Promise<ChipAuthResult> {
  const { curve } = ca;
  const sk = options.caPrivateKey ?? randomScalar(curve, (n) => new Uint8Array(randomBytes(n)));
  const pk = multiply(curve, sk, curve.g)!;
  const mse = await conn.send(chipAuthCommands.mseSetAt(ca.oid, ca.keyId));
  if (mse.sw !== SW.OK) return failed('CA', `MSE:Set AT: ${describeSw(mse.sw)}`);
  const ga = await conn.send(chipAuthCommands.generalAuthenticate(encodePoint(curve, pk)));
  if (ga.sw !== SW.OK) return failed('CA', `GENERAL AUTHENTICATE: ${describeSw(ga.sw)}`);
  const shared = multiply(curve, sk, ca.point);
  if (!shared) return failed('CA', 'shared secret is the point at infinity');
  const { ksEnc, ksMac } = paceSessionKeys(sharedSecretX(curve, shared));
  conn.startSecureMessaging(new SecureMessaging(aesSmCipher(ksEnc, ksMac), paceInitialSsc()));
  try {
    const proof = await conn.send(commands.selectEf(options.proofFid ?? 0x011e));
    if (proof.sw !== SW.OK)
      return failed('CA', `first command under the new keys: ${describeSw(proof.sw)}`);
  } catch (err) {
    if (err instanceof KioskError && err.code === 'CARD_SM_MAC') {
      conn.endSecureMessaging();
      return failed('CA', 'the chip does not hold the private key of DG14 (session MAC wrong)');
    }
    throw err;
  }
  return genuine('CA', `ECDH on ${curve.name}, AES-128 secure messaging restarted`);
}

/** Hash of an ECDSA signature algorithm OID (BSI TR-03111 ecdsa-plain-* and X9.62 ecdsa-with-*). */
const ECDSA_HASH: Record<string, string> = {
  '0.4.0.127.0.7.1.1.4.1.1': 'sha1',
  '0.4.0.127.0.7.1.1.4.1.2': 'sha224',
  '0.4.0.127.0.7.1.1.4.1.3': 'sha256',
  '0.4.0.127.0.7.1.1.4.1.4': 'sha384',
  '0.4.0.127.0.7.1.1.4.1.5': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

/** ISO/IEC 9796-2 trailer hash identifiers (ISO/IEC 10118-3), for trailer xx CC. */
const ISO9796_HASH: Record<number, { name: string; length: number }> = {
  0x33: { name: 'sha1', length: 20 },
  0x34: { name: 'sha256', length: 32 },
  0x35: { name: 'sha512', length: 64 },
  0x36: { name: 'sha384', length: 48 },
  0x38: { name: 'sha224', length: 28 },
};

/**
 * ISO/IEC 9796-2 scheme 1 (partial recovery) as 9303-11 §6.1 uses it: the recovered message
 * is 6A || M1 || H(M1 || challenge) || trailer, trailer BC (SHA-1) or <hash id> CC.
 */
export function verifyIso9796Rsa(
  spki: Uint8Array,
  challenge: Uint8Array,
  signature: Uint8Array,
): boolean {
  let m: Uint8Array;
  try {
    const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    m = new Uint8Array(
      publicDecrypt({ key, padding: constants.RSA_NO_PADDING }, Buffer.from(signature)),
    );
  } catch {
    return false;
  }
  if (m.length < 3 || (m[0]! & 0xc0) !== 0x40) return false;
  let hash: { name: string; length: number } | undefined;
  let trailer = 1;
  if (m[m.length - 1] === 0xbc) hash = ISO9796_HASH[0x33];
  else if (m[m.length - 1] === 0xcc) {
    hash = ISO9796_HASH[m[m.length - 2]!];
    trailer = 2;
  }
  if (!hash || m.length < 1 + hash.length + trailer) return false;
  // The header nibble 6 = partial recovery, padding ends at the first byte whose low nibble is A.
  if ((m[0]! & 0x20) === 0) return false;
  let start = 0;
  while (start < m.length && (m[start]! & 0x0f) !== 0x0a) start++;
  const m1 = m.subarray(start + 1, m.length - trailer - hash.length);
  const d = m.subarray(m.length - trailer - hash.length, m.length - trailer);
  const expected = digest(hash.name, new Uint8Array([...m1, ...challenge]));
  return macEqual(expected, d);
}

/** Verifies an AA answer against DG15's key. */
export function verifyActiveAuthentication(
  key: ChipPublicKey,
  signatureAlgorithm: string | null,
  challenge: Uint8Array,
  signature: Uint8Array,
): { ok: boolean; detail: string } {
  if (key.kind === 'rsa') {
    return { ok: verifyIso9796Rsa(key.spki, challenge, signature), detail: 'RSA, ISO/IEC 9796-2' };
  }
  if (key.kind !== 'ec') return { ok: false, detail: `key algorithm ${key.algorithm}` };
  const hash = signatureAlgorithm ? ECDSA_HASH[signatureAlgorithm] : undefined;
  if (!hash)
    return {
      ok: false,
      detail: `ECDSA signature algorithm ${signatureAlgorithm ?? 'missing in DG14'}`,
    };
  const plain = signature.length === 2 * key.curve.size;
  try {
    const ok = verify(
      hash,
      challenge,
      {
        key: createPublicKey({ key: Buffer.from(key.spki), format: 'der', type: 'spki' }),
        dsaEncoding: plain ? 'ieee-p1363' : 'der',
      },
      signature,
    );
    return { ok, detail: `ECDSA on ${key.curve.name} with ${hash.toUpperCase()}` };
  } catch {
    return { ok: false, detail: `ECDSA signature unreadable` };
  }
}

/** Active Authentication on `conn`: `genuine` or `failed`. */
export async function performActiveAuthentication(
  conn: CardConnection,
  key: ChipPublicKey,
  signatureAlgorithm: string | null,
  options: ChipAuthOptions = {},
): Promise<ChipAuthResult> {
  const challenge = options.challenge ?? new Uint8Array(randomBytes(8));
  const r = await conn.send(chipAuthCommands.internalAuthenticate(challenge));
  if (r.sw !== SW.OK) return failed('AA', `INTERNAL AUTHENTICATE: ${describeSw(r.sw)}`);
  const { ok, detail } = verifyActiveAuthentication(key, signatureAlgorithm, challenge, r.data);
  return ok ? genuine('AA', detail) : failed('AA', `signature does not verify (${detail})`);
}

/**
 * Runs Chip Authentication when DG14 offers it, else Active Authentication when DG15 is there,
 * else reports `not-offered`.
 */
export async function authenticateChip(
  conn: CardConnection,
  files: { dg14: Dg14 | null; dg15: ChipPublicKey | null },
  options: ChipAuthOptions = {},
): Promise<ChipAuthResult> {
  const ca = files.dg14 && selectChipAuthentication(files.dg14);
  if (ca) return performChipAuthentication(conn, ca, options);
  if (files.dg15) {
    return performActiveAuthentication(
      conn,
      files.dg15,
      files.dg14?.activeAuthentication?.signatureAlgorithm ?? null,
      options,
    );
  }
  return {
    status: 'not-offered',
    method: null,
    detail: 'no DG14 Chip Authentication key and no DG15',
  };
}

/**
 * `authenticateChip` from the raw DG14/DG15 bytes; a data group that does not parse makes the
 * proof `failed` (the chip offered a key it cannot show), not the whole read.
 */
export async function authenticateChipWithFiles(
  conn: CardConnection,
  dg14Bytes: Uint8Array | null,
  dg15Bytes: Uint8Array | null,
  options: ChipAuthOptions = {},
): Promise<ChipAuthResult> {
  let files: { dg14: Dg14 | null; dg15: ChipPublicKey | null };
  try {
    files = {
      dg14: dg14Bytes && parseDg14(dg14Bytes),
      dg15: dg15Bytes && parseDg15(dg15Bytes),
    };
  } catch (err) {
    const detail = err instanceof KioskError ? (err.detail ?? err.code) : 'unreadable';
    return { status: 'failed', method: dg14Bytes ? 'CA' : 'AA', detail: `DG14/DG15: ${detail}` };
  }
  return authenticateChip(conn, files, options);
}
