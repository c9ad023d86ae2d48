/**
 * The chip's half of PACE (ICAO 9303-11 §4.4) for the simulated CCCD: EF.CardAccess, MSE:Set AT
 * and the four GENERAL AUTHENTICATE steps of ECDH Generic Mapping with AES-128, ending in an AES
 * secure-messaging session. Any step out of order or malformed ends the run (6985 / 6A80); a
 * terminal token that does not verify (wrong password) is 6300, as the standard asks.
 */
import { SW, type CommandApdu } from '../../main/card/protocol/apdu';
import { encodeCardAccess } from '../../main/card/protocol/card-access';
import {
  decodePoint,
  encodePoint,
  multiply,
  PACE_CURVES,
  randomScalar,
  type AffinePoint,
  type Curve,
} from '../../main/card/protocol/ec-curve';
import { macEqual } from '../../main/card/protocol/crypto';
import { GA_TAG } from '../../main/card/protocol/pace';
import {
  aesSmCipher,
  authenticationToken,
  encryptNonce,
  genericMapping,
  PACE_ECDH_GM_AES_128,
  paceKey,
  PASSWORD_REF,
  paceInitialSsc,
  paceSessionKeys,
  sharedSecretX,
} from '../../main/card/protocol/pace-crypto';
import { SecureMessaging } from '../../main/card/protocol/secure-messaging';
import {
  bytesEqual,
  decodeSingleTlv,
  decodeTlvList,
  encodeTlv,
  type Tlv,
} from '../../main/card/protocol/tlv';

export interface PaceChipOptions {
  /** Standardized domain parameters: 13 = brainpoolP256r1, 12 = NIST P-256. */
  parameterId: 12 | 13;
  /** The CAN the chip accepts as a password (reference 2); absent = MRZ password only. */
  can?: string;
  /** EF.CardAccess to serve; default one PACEInfo for `parameterId`. */
  cardAccess?: Uint8Array;
}

export interface PaceAnswer {
  data?: Uint8Array;
  sw: number;
  /** Set when the last step succeeded: the session to switch to after this (plain) answer. */
  session?: SecureMessaging;
}

type State =
  | { step: 'nonce' }
  | { step: 'map'; nonce: Uint8Array }
  | { step: 'agree'; generator: AffinePoint }
  | {
      step: 'token';
      ksEnc: Uint8Array;
      ksMac: Uint8Array;
      pkIc: AffinePoint;
      pkIfd: AffinePoint;
    };

const CHAINED = 0x10;

export class PaceChip {
  readonly cardAccess: Uint8Array;
  private readonly curve: Curve;
  /** K_π by password reference (1 = MRZ, 2 = CAN). */
  private readonly keys: Map<number, Uint8Array>;
  private kPi: Uint8Array | null = null;
  private state: State | null = null;

  constructor(
    options: PaceChipOptions,
    mrzInfo: string,
    private readonly random: (n: number) => Uint8Array,
  ) {
    const curve = PACE_CURVES.get(options.parameterId);
    if (!curve) throw new RangeError(`PACE parameter ID ${options.parameterId} not supported`);
    this.curve = curve;
    this.keys = new Map([[PASSWORD_REF.mrz, paceKey({ kind: 'mrz', mrzInfo })]]);
    if (options.can) this.keys.set(PASSWORD_REF.can, paceKey({ kind: 'can', can: options.can }));
    this.cardAccess =
      options.cardAccess ?? encodeCardAccess(PACE_ECDH_GM_AES_128, options.parameterId);
  }

  reset(): void {
    this.state = null;
    this.kPi = null;
  }

  /** MSE:Set AT (00 22 C1 A4): our protocol OID, a password we know, our parameter ID if given. */
  mseSetAt(cmd: CommandApdu): PaceAnswer {
    this.state = null;
    this.kPi = null;
    if (cmd.p1 !== 0xc1 || cmd.p2 !== 0xa4) return { sw: SW.INCORRECT_P1P2 };
    let fields: Tlv[];
    try {
      fields = decodeTlvList(cmd.data ?? new Uint8Array(0));
    } catch {
      return { sw: SW.WRONG_DATA };
    }
    const get = (tag: number) => fields.find((f) => f.tag === tag)?.value;
    const oid = get(0x80);
    const password = get(0x83);
    const parameter = get(0x84);
    const parameterId = [...PACE_CURVES].find(([, c]) => c === this.curve)![0];
    if (!oid || !bytesEqual(oid, PACE_ECDH_GM_AES_128)) return { sw: SW.WRONG_DATA };
    const kPi = password?.length === 1 ? this.keys.get(password[0]!) : undefined;
    if (!kPi) return { sw: SW.WRONG_DATA };
    if (parameter && (parameter.length !== 1 || parameter[0] !== parameterId)) {
      return { sw: SW.WRONG_DATA };
    }
    this.kPi = kPi;
    this.state = { step: 'nonce' };
    return { sw: SW.OK };
  }

  /** One GENERAL AUTHENTICATE step. */
  generalAuthenticate(cmd: CommandApdu): PaceAnswer {
    const state = this.state;
    this.state = null; // any failure ends the run; success sets the next state
    if (!state || !this.kPi) return { sw: SW.CONDITIONS_NOT_SATISFIED };
    const last = state.step === 'token';
    if (((cmd.cla & CHAINED) !== 0) === last) return { sw: SW.CONDITIONS_NOT_SATISFIED };
    let objects: Tlv[];
    try {
      objects = decodeTlvList(decodeSingleTlv(cmd.data ?? new Uint8Array(0), 0x7c).value);
    } catch {
      return { sw: SW.WRONG_DATA };
    }
    const value = (tag: number) =>
      objects.length === 1 && objects[0]!.tag === tag ? objects[0]!.value : null;
    const curve = this.curve;
    const answer = (tag: number, bytes: Uint8Array): PaceAnswer => ({
      data: encodeTlv(0x7c, encodeTlv(tag, bytes)),
      sw: SW.OK,
    });

    switch (state.step) {
      case 'nonce': {
        if (objects.length !== 0) return { sw: SW.WRONG_DATA };
        const nonce = this.random(16);
        this.state = { step: 'map', nonce };
        return answer(GA_TAG.nonce, encryptNonce(this.kPi, nonce));
      }
      case 'map': {
        const bytes = value(GA_TAG.mapIfd);
        const pkIfd = bytes && decodePoint(curve, bytes);
        if (!pkIfd) return { sw: SW.WRONG_DATA };
        const sk = randomScalar(curve, this.random);
        const pkIc = multiply(curve, sk, curve.g)!;
        const { generator } = genericMapping(curve, state.nonce, sk, pkIfd);
        if (!generator || (pkIc.x === pkIfd.x && pkIc.y === pkIfd.y)) return { sw: SW.WRONG_DATA };
        this.state = { step: 'agree', generator };
        return answer(GA_TAG.mapIc, encodePoint(curve, pkIc));
      }
      case 'agree': {
        const bytes = value(GA_TAG.keyIfd);
        const pkIfd = bytes && decodePoint(curve, bytes);
        if (!pkIfd) return { sw: SW.WRONG_DATA };
        const sk = randomScalar(curve, this.random);
        const pkIc = multiply(curve, sk, state.generator);
        const shared = multiply(curve, sk, pkIfd);
        if (!pkIc || !shared || (pkIc.x === pkIfd.x && pkIc.y === pkIfd.y)) {
          return { sw: SW.WRONG_DATA };
        }
        this.state = {
          step: 'token',
          ...paceSessionKeys(sharedSecretX(curve, shared)),
          pkIc,
          pkIfd,
        };
        return answer(GA_TAG.keyIc, encodePoint(curve, pkIc));
      }
      case 'token': {
        const token = value(GA_TAG.tokenIfd);
        const expected = authenticationToken(state.ksMac, PACE_ECDH_GM_AES_128, curve, state.pkIc);
        if (!token || !macEqual(expected, token)) return { sw: SW.AUTH_FAILED };
        return {
          ...answer(
            GA_TAG.tokenIc,
            authenticationToken(state.ksMac, PACE_ECDH_GM_AES_128, curve, state.pkIfd),
          ),
          session: new SecureMessaging(aesSmCipher(state.ksEnc, state.ksMac), paceInitialSsc()),
        };
      }
    }
  }
}
