/**
 * The simulated chip's side of Chip Authentication and Active Authentication (ICAO 9303-11
 * §6.2, §6.1), inside an established secure-messaging session:
 * - MSE:Set AT (00 22 41 A4, 80 = id-CA-ECDH-AES-CBC-CMAC-128) selects CA;
 * - GENERAL AUTHENTICATE (00 86 00 00, 7C { 80 terminal ephemeral key }) answers 7C 00 under the
 *   old keys, then the chip switches to AES secure messaging with keys from ECDH(its static
 *   CA key, the terminal key) and a zero SSC;
 * - INTERNAL AUTHENTICATE (00 88 00 00, 8-byte challenge) answers an ECDSA signature, SHA-256,
 *   plain r || s.
 * Never throws: a bad command gets its status word.
 */
import { brainpoolP256r1 } from '@noble/curves/misc.js';
import { SW, type CommandApdu } from '../../main/card/protocol/apdu';
import { bigintToBytes, decodePoint, multiply } from '../../main/card/protocol/ec-curve';
import { oidFromString } from '../../main/card/protocol/oid';
import { ID_CA_ECDH_AES_128 } from '../../main/card/protocol/lds/dg14';
import {
  aesSmCipher,
  paceInitialSsc,
  paceSessionKeys,
  sharedSecretX,
} from '../../main/card/protocol/pace-crypto';
import { SecureMessaging } from '../../main/card/protocol/secure-messaging';
import {
  bytesEqual,
  children,
  decodeSingleTlv,
  decodeTlvList,
  encodeTlv,
  findTlv,
} from '../../main/card/protocol/tlv';
import type { AuthenticityOffer } from './authenticity-files';
import type { SimChipKeys } from './chip-keys';

export interface AuthenticityAnswer {
  data?: Uint8Array;
  sw: number;
  /** Secure messaging to use from the next command on (after this answer is sent). */
  nextSm?: SecureMessaging;
}

const CA_OID = oidFromString(ID_CA_ECDH_AES_128);

export class AuthenticityChip {
  private caSelected = false;

  constructor(
    private readonly keys: SimChipKeys,
    private readonly offer: AuthenticityOffer,
  ) {}

  reset(): void {
    this.caSelected = false;
  }

  mseSetAt(cmd: CommandApdu): AuthenticityAnswer {
    if (!this.offer.ca || cmd.p1 !== 0x41 || cmd.p2 !== 0xa4) return { sw: SW.INCORRECT_P1P2 };
    try {
      const oid = findTlv(decodeTlvList(cmd.data ?? new Uint8Array(0)), 0x80);
      if (!oid || !bytesEqual(oid.value, CA_OID)) return { sw: SW.WRONG_DATA };
    } catch {
      return { sw: SW.WRONG_DATA };
    }
    this.caSelected = true;
    return { sw: SW.OK };
  }

  generalAuthenticate(cmd: CommandApdu): AuthenticityAnswer {
    if (!this.caSelected) return { sw: SW.CONDITIONS_NOT_SATISFIED };
    this.caSelected = false;
    const { curve } = this.keys;
    let pk: ReturnType<typeof decodePoint> = null;
    try {
      const key = findTlv(children(decodeSingleTlv(cmd.data ?? new Uint8Array(0), 0x7c)), 0x80);
      pk = key ? decodePoint(curve, key.value) : null;
    } catch {
      return { sw: SW.WRONG_DATA };
    }
    if (!pk) return { sw: SW.WRONG_DATA };
    const shared = multiply(curve, this.keys.caPrivateKey, pk);
    if (!shared) return { sw: SW.WRONG_DATA };
    const { ksEnc, ksMac } = paceSessionKeys(sharedSecretX(curve, shared));
    return {
      data: encodeTlv(0x7c),
      sw: SW.OK,
      nextSm: new SecureMessaging(aesSmCipher(ksEnc, ksMac), paceInitialSsc()),
    };
  }

  internalAuthenticate(cmd: CommandApdu): AuthenticityAnswer {
    if (!this.offer.aa) return { sw: SW.INS_NOT_SUPPORTED };
    if (cmd.p1 !== 0 || cmd.p2 !== 0) return { sw: SW.INCORRECT_P1P2 };
    if (cmd.data?.length !== 8) return { sw: SW.WRONG_LENGTH };
    const sk = bigintToBytes(this.keys.aaPrivateKey, this.keys.curve.size);
    // noble hashes the message with SHA-256 (brainpoolP256r1's hash) and answers r || s.
    const signature = brainpoolP256r1.sign(cmd.data, sk, { format: 'compact' });
    return { data: new Uint8Array(signature), sw: SW.OK };
  }
}
