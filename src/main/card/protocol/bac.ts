/**
 * Basic Access Control (ICAO 9303-11 §4.3, §9.7): keys from the MRZ information, GET CHALLENGE,
 * EXTERNAL AUTHENTICATE (the "mutual authenticate" of the standard), session keys and the
 * starting send-sequence counter. The pure steps are exported for the worked-example tests and
 * for the simulated chip, which runs the card's half.
 */
import { randomBytes } from 'node:crypto';
import { commands, describeSw, SW } from './apdu';
import type { CardConnection } from './connection';
import {
  bacKeySeed,
  deriveTdesKey,
  KDF_ENC,
  KDF_MAC,
  macEqual,
  retailMac,
  tdesDecrypt,
  tdesEncrypt,
} from './crypto';
import { protocolErrors } from './errors';
import { SecureMessaging, tdesSmCipher } from './secure-messaging';
import { bytesEqual, concatBytes } from './tlv';

export interface BacKeys {
  seed: Uint8Array;
  kEnc: Uint8Array;
  kMac: Uint8Array;
}

export interface SessionKeys {
  ksEnc: Uint8Array;
  ksMac: Uint8Array;
  ssc: Uint8Array;
}

/** Kseed, Kenc, Kmac from the MRZ information (docNo+cd+dob+cd+expiry+cd). */
export function bacKeys(mrzInfo: string): BacKeys {
  const seed = bacKeySeed(mrzInfo);
  return { seed, kEnc: deriveTdesKey(seed, KDF_ENC), kMac: deriveTdesKey(seed, KDF_MAC) };
}

/** Session keys from K.IFD xor K.IC (§9.7.4), SSC from the two nonces' last 4 bytes each. */
export function deriveSessionKeys(
  kIfd: Uint8Array,
  kIc: Uint8Array,
  rndIc: Uint8Array,
  rndIfd: Uint8Array,
): SessionKeys {
  const seed = kIfd.map((b, i) => b ^ kIc[i]!);
  return {
    ksEnc: deriveTdesKey(seed, KDF_ENC),
    ksMac: deriveTdesKey(seed, KDF_MAC),
    ssc: concatBytes(rndIc.subarray(4, 8), rndIfd.subarray(4, 8)),
  };
}

/** E.IFD || M.IFD: what the terminal sends in EXTERNAL AUTHENTICATE. */
export function terminalAuthData(
  keys: BacKeys,
  rndIc: Uint8Array,
  rndIfd: Uint8Array,
  kIfd: Uint8Array,
): Uint8Array {
  const e = tdesEncrypt(keys.kEnc, concatBytes(rndIfd, rndIc, kIfd));
  return concatBytes(e, retailMac(keys.kMac, e));
}

/**
 * Checks the card's answer (E.IC || M.IC) and returns the session. Null when the MAC or the
 * echoed nonces are wrong.
 */
export function completeTerminalAuth(
  keys: BacKeys,
  rndIc: Uint8Array,
  rndIfd: Uint8Array,
  kIfd: Uint8Array,
  answer: Uint8Array,
): SessionKeys | null {
  if (answer.length !== 40) return null;
  const e = answer.subarray(0, 32);
  if (!macEqual(retailMac(keys.kMac, e), answer.subarray(32))) return null;
  const r = tdesDecrypt(keys.kEnc, e);
  if (!bytesEqual(r.subarray(0, 8), rndIc) || !bytesEqual(r.subarray(8, 16), rndIfd)) return null;
  return deriveSessionKeys(kIfd, r.subarray(16, 32), rndIc, rndIfd);
}

/**
 * The card's half: given its challenge RND.IC and its key material K.IC, checks the terminal's
 * E.IFD || M.IFD and returns the answer E.IC || M.IC and the session, or null (wrong key).
 */
export function cardAuthAnswer(
  keys: BacKeys,
  rndIc: Uint8Array,
  kIc: Uint8Array,
  request: Uint8Array,
): { answer: Uint8Array; session: SessionKeys } | null {
  if (request.length !== 40) return null;
  const e = request.subarray(0, 32);
  if (!macEqual(retailMac(keys.kMac, e), request.subarray(32))) return null;
  const s = tdesDecrypt(keys.kEnc, e);
  const rndIfd = s.subarray(0, 8);
  if (!bytesEqual(s.subarray(8, 16), rndIc)) return null;
  const kIfd = s.subarray(16, 32);
  const eIc = tdesEncrypt(keys.kEnc, concatBytes(rndIc, rndIfd, kIc));
  return {
    answer: concatBytes(eIc, retailMac(keys.kMac, eIc)),
    session: deriveSessionKeys(kIfd, kIc, rndIc, rndIfd),
  };
}

export function sessionMessaging(session: SessionKeys): SecureMessaging {
  return new SecureMessaging(tdesSmCipher(session.ksEnc, session.ksMac), session.ssc);
}

export interface BacRandom {
  /** RND.IFD (8 bytes) and K.IFD (16 bytes); random unless a test fixes them. */
  rndIfd?: Uint8Array;
  kIfd?: Uint8Array;
}

/**
 * Runs BAC on a connection whose eMRTD applet is selected, and turns secure messaging on.
 * A key the card refuses is CARD_WRONG_KEY.
 */
export async function performBac(
  conn: CardConnection,
  mrzInfo: string,
  fixed: BacRandom = {},
): Promise<SessionKeys> {
  const keys = bacKeys(mrzInfo);
  const challenge = await conn.send(commands.getChallenge());
  if (challenge.sw !== SW.OK || challenge.data.length !== 8) {
    throw protocolErrors.protocol(
      `GET CHALLENGE: ${describeSw(challenge.sw)}, ${challenge.data.length} bytes`,
    );
  }
  const rndIc = challenge.data;
  const rndIfd = fixed.rndIfd ?? new Uint8Array(randomBytes(8));
  const kIfd = fixed.kIfd ?? new Uint8Array(randomBytes(16));
  const response = await conn.send(
    commands.externalAuthenticate(terminalAuthData(keys, rndIc, rndIfd, kIfd)),
  );
  if (response.sw !== SW.OK) {
    // 6300 / 6982 are the usual answers to a wrong MRZ key; anything else is also a refusal.
    throw protocolErrors.wrongKey(`EXTERNAL AUTHENTICATE: ${describeSw(response.sw)}`);
  }
  const session = completeTerminalAuth(keys, rndIc, rndIfd, kIfd, response.data);
  if (!session) throw protocolErrors.smMac("the chip's authentication answer does not verify");
  conn.startSecureMessaging(sessionMessaging(session));
  return session;
}
