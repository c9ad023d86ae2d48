/**
 * PACE, the reader's side (ICAO 9303-11 §4.4): EF.CardAccess → MSE:Set AT → four GENERAL
 * AUTHENTICATE steps (encrypted nonce, mapping keys, ephemeral keys, tokens) → AES secure
 * messaging. id-PACE-ECDH-GM-AES-CBC-CMAC-128 with the CAN or the MRZ password is implemented (what
 * CCCD cards offer); a card offering something else, or failing before the tokens, is read with
 * BAC instead.
 *
 * Outcomes of `authenticateWithPace`: PACE established (secure messaging on, applet not yet
 * selected), or "use BAC" with the reason; every candidate key refused is CARD_WRONG_KEY; a
 * removed card, timeout or cancel propagates as is.
 */
import { randomBytes } from 'node:crypto';
import { KioskError, kioskError } from '../../../shared/errors';
import { describeSw, SW, type CommandApdu } from './apdu';
import { parseCardAccess, selectPaceInfo, type PaceInfo } from './card-access';
import type { CardConnection } from './connection';
import {
  decodePoint,
  encodePoint,
  multiply,
  PACE_CURVES,
  randomScalar,
  type AffinePoint,
  type Curve,
} from './ec-curve';
import { protocolErrors } from './errors';
import { readEf } from './file-reader';
import {
  aesSmCipher,
  authenticationToken,
  decryptNonce,
  genericMapping,
  paceKey,
  PASSWORD_REF,
  type PacePassword,
  paceInitialSsc,
  paceSessionKeys,
  sharedSecretX,
} from './pace-crypto';
import { macEqual } from './crypto';
import { SecureMessaging } from './secure-messaging';
import { children, decodeSingleTlv, encodeTlv, findTlv } from './tlv';

/** EF.CardAccess in the master file (SFI 1C). */
export const EF_CARD_ACCESS = 0x011c;
const CARD_ACCESS_MAX = 4096;

/** Dynamic authentication data tags (§4.4.4.2). */
export const GA_TAG = {
  nonce: 0x80,
  mapIfd: 0x81,
  mapIc: 0x82,
  keyIfd: 0x83,
  keyIc: 0x84,
  tokenIfd: 0x85,
  tokenIc: 0x86,
} as const;

export const paceCommands = {
  /** MSE:Set AT for PACE: 80 protocol OID, 83 password reference, 84 parameter ID if asked. */
  mseSetAt: (oid: Uint8Array, passwordRef: number, parameterId?: number): CommandApdu => ({
    cla: 0x00,
    ins: 0x22,
    p1: 0xc1,
    p2: 0xa4,
    data: new Uint8Array([
      ...encodeTlv(0x80, oid),
      ...encodeTlv(0x83, new Uint8Array([passwordRef])),
      ...(parameterId !== undefined ? encodeTlv(0x84, new Uint8Array([parameterId])) : []),
    ]),
  }),
  /** GENERAL AUTHENTICATE; every step but the last is chained (CLA 10). */
  generalAuthenticate: (dynamicData: Uint8Array, last: boolean): CommandApdu => ({
    cla: last ? 0x00 : 0x10,
    ins: 0x86,
    p1: 0,
    p2: 0,
    data: encodeTlv(0x7c, dynamicData),
    le: 256,
  }),
};

export interface PaceOptions {
  /** Terminal private keys in order of use (SK_map, SK_DH): tests only. */
  privateKeys?: readonly bigint[];
  /** Send the parameter ID in MSE:Set AT (when the card lists several PACEInfos). */
  includeParameterId?: boolean;
}

export interface PaceSession {
  ksEnc: Uint8Array;
  ksMac: Uint8Array;
  tokenIfd: Uint8Array;
  tokenIc: Uint8Array;
}

const failed = (detail: string): KioskError => protocolErrors.protocol(`PACE: ${detail}`);

/** One GENERAL AUTHENTICATE step; returns the value of `answerTag` in the chip's 7C. */
async function step(
  conn: CardConnection,
  dynamicData: Uint8Array,
  answerTag: number,
  last: boolean,
): Promise<Uint8Array> {
  const r = await conn.send(paceCommands.generalAuthenticate(dynamicData, last));
  if (r.sw !== SW.OK) {
    // The chip checks our token in the last step: a refusal there means the password was wrong.
    const detail = `GENERAL AUTHENTICATE: ${describeSw(r.sw)}`;
    throw last ? protocolErrors.wrongKey(`PACE ${detail}`) : failed(detail);
  }
  const answer = findTlv(children(decodeSingleTlv(r.data, 0x7c)), answerTag);
  if (!answer) throw failed(`GENERAL AUTHENTICATE answer without tag ${answerTag.toString(16)}`);
  return answer.value;
}

function point(curve: Curve, bytes: Uint8Array, what: string): AffinePoint {
  const p = decodePoint(curve, bytes);
  if (!p) throw failed(`${what} is not a point on ${curve.name}`);
  return p;
}

/**
 * Runs PACE on `conn` (no secure messaging on, master file or applet context) with `password`
 * (the CAN or the MRZ information), and turns AES secure messaging on. CARD_WRONG_KEY when the chip
 * refuses our token; CARD_PROTOCOL / CARD_BAD_TLV when the chip does not follow the protocol;
 * CARD_SM_MAC when the chip's token does not verify.
 */
export async function performPace(
  conn: CardConnection,
  password: PacePassword,
  info: PaceInfo,
  options: PaceOptions = {},
): Promise<PaceSession> {
  const curve = info.parameterId !== null ? PACE_CURVES.get(info.parameterId) : undefined;
  if (!curve) throw failed(`domain parameters ${info.parameterId} not supported`);
  const keys = [...(options.privateKeys ?? [])];
  const nextKey = (): bigint =>
    keys.shift() ?? randomScalar(curve, (n) => new Uint8Array(randomBytes(n)));

  const mse = await conn.send(
    paceCommands.mseSetAt(
      info.oid,
      PASSWORD_REF[password.kind],
      options.includeParameterId ? (info.parameterId ?? undefined) : undefined,
    ),
  );
  if (mse.sw !== SW.OK) {
    // The chip does not take this password (e.g. a card without a CAN): the next one may do.
    throw kioskError(
      'CARD_PACE_PASSWORD_UNSUPPORTED',
      'Chip không nhận loại khoá này.',
      'The chip does not take this kind of key.',
      { detail: `PACE MSE:Set AT (${password.kind}): ${describeSw(mse.sw)}`, retryable: true },
    );
  }

  const z = await step(conn, new Uint8Array(0), GA_TAG.nonce, false);
  if (z.length !== 16) throw failed(`encrypted nonce of ${z.length} bytes`);
  const nonce = decryptNonce(paceKey(password), z);

  const skMap = nextKey();
  const pkMapIfd = multiply(curve, skMap, curve.g)!;
  const pkMapIc = point(
    curve,
    await step(conn, encodeTlv(GA_TAG.mapIfd, encodePoint(curve, pkMapIfd)), GA_TAG.mapIc, false),
    "the chip's mapping key",
  );
  if (pkMapIc.x === pkMapIfd.x && pkMapIc.y === pkMapIfd.y) throw failed('mapping keys equal');
  const { generator } = genericMapping(curve, nonce, skMap, pkMapIc);
  if (!generator) throw failed('mapped generator is the point at infinity');

  const skDh = nextKey();
  const pkDhIfd = multiply(curve, skDh, generator);
  if (!pkDhIfd) throw failed('ephemeral key is the point at infinity');
  const pkDhIc = point(
    curve,
    await step(conn, encodeTlv(GA_TAG.keyIfd, encodePoint(curve, pkDhIfd)), GA_TAG.keyIc, false),
    "the chip's ephemeral key",
  );
  if (pkDhIc.x === pkDhIfd.x && pkDhIc.y === pkDhIfd.y) throw failed('ephemeral keys equal');
  const shared = multiply(curve, skDh, pkDhIc);
  if (!shared) throw failed('shared secret is the point at infinity');
  const { ksEnc, ksMac } = paceSessionKeys(sharedSecretX(curve, shared));

  const tokenIfd = authenticationToken(ksMac, info.oid, curve, pkDhIc);
  const tokenIc = await step(conn, encodeTlv(GA_TAG.tokenIfd, tokenIfd), GA_TAG.tokenIc, true);
  const expected = authenticationToken(ksMac, info.oid, curve, pkDhIfd);
  if (!macEqual(expected, tokenIc)) {
    throw protocolErrors.smMac("the chip's PACE authentication token does not verify");
  }
  conn.startSecureMessaging(new SecureMessaging(aesSmCipher(ksEnc, ksMac), paceInitialSsc()));
  return { ksEnc, ksMac, tokenIfd, tokenIc };
}

const isCode = (err: unknown, ...codes: string[]): boolean =>
  err instanceof KioskError && codes.includes(err.code);

/**
 * The PACEInfos in EF.CardAccess, read in the master file before any applet is selected; null
 * when the card has no such file or answers with something unusable (the card is then BAC-only).
 */
export async function readCardAccess(conn: CardConnection): Promise<PaceInfo[] | null> {
  try {
    const bytes = await readEf(
      conn,
      EF_CARD_ACCESS,
      { sfi: true },
      { maxFileSize: CARD_ACCESS_MAX },
    );
    return bytes ? parseCardAccess(bytes) : null;
  } catch (err) {
    if (isCode(err, 'CARD_PROTOCOL', 'CARD_BAD_TLV')) return null;
    throw err;
  }
}

export type PaceOutcome =
  | { established: true; password: PacePassword['kind'] }
  | { established: false; reason: string; refused: boolean };

/**
 * Tries PACE with each password in turn (the CAN first, then the MRZ candidates). On
 * `established: false` the caller goes on with BAC (secure messaging is off again): the card
 * offers no PACE we run (`refused: false`), PACE failed for a protocol reason, or the chip
 * refused every password (`refused: true`).
 */
export async function authenticateWithPace(
  conn: CardConnection,
  passwords: readonly PacePassword[],
  options: PaceOptions = {},
): Promise<PaceOutcome> {
  const infos = await readCardAccess(conn);
  if (!infos) return { established: false, reason: 'no EF.CardAccess', refused: false };
  const info = selectPaceInfo(infos);
  if (!info) {
    return { established: false, reason: 'no supported PACEInfo in EF.CardAccess', refused: false };
  }
  const withId = { ...options, includeParameterId: options.includeParameterId ?? infos.length > 1 };
  let refused = false;
  for (const password of passwords) {
    try {
      await performPace(conn, password, info, withId);
      return { established: true, password: password.kind };
    } catch (err) {
      conn.endSecureMessaging();
      if (isCode(err, 'CARD_WRONG_KEY', 'CARD_PACE_PASSWORD_UNSUPPORTED')) {
        refused ||= isCode(err, 'CARD_WRONG_KEY');
        continue;
      }
      if (isCode(err, 'CARD_PROTOCOL', 'CARD_BAD_TLV')) {
        return {
          established: false,
          reason: (err as KioskError).detail ?? 'PACE failed',
          refused: false,
        };
      }
      throw err;
    }
  }
  return {
    established: false,
    reason: `PACE refused ${passwords.length} password(s)`,
    refused,
  };
}
