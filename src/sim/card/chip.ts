/**
 * The card's side of a CCCD chip, in software: the eMRTD applet (AID A0000002471001) with BAC
 * and 3DES secure messaging, answering exactly the APDUs a real CCCD answers. Used in process
 * (the default reader) and behind vpcd (pcscd's "Virtual PCD").
 *
 * Behaviour worth knowing (the `profile`, ./chip-profile.ts, says what the chip offers):
 * - SELECT of the MF answers 6D00, as real CCCD cards do. Before the applet is selected a chip
 *   with PACE serves EF.CardAccess (011C, SFI 1C) and runs PACE (./pace-chip.ts) with the CAN
 *   and/or the MRZ password; a PACE session survives the applet's SELECT, a BAC session does not.
 *   Without PACE, EF.CardAccess is absent and a reader looking for it falls back to BAC.
 * - A profile without BAC answers GET CHALLENGE and EXTERNAL AUTHENTICATE with 6D00.
 * - DG3 (fingerprints) answers 6982 even inside a session: it needs Extended Access Control.
 * - Before BAC, files are protected (6982). After BAC every command must be secured: a plain or
 *   badly MACed command gets a plain 6987/6988 and ends the session, as ICAO 9303-11 §9.8 says.
 * - READ BINARY by offset (current EF) or by short file identifier (P1 = 80|SFI); it returns at
 *   most `maxLe` bytes and what fits in the response, 6282 when the file ends before Le, 6B00
 *   when the offset is past the end.
 * - `process` never throws: a malformed APDU gets the right status word.
 */
import { randomBytes } from 'node:crypto';
import {
  decodeCommand,
  EMRTD_AID,
  encodeResponse,
  statusOnly as status,
  SW,
  type CommandApdu,
} from '../../main/card/protocol/apdu';
import {
  bacKeys,
  cardAuthAnswer,
  sessionMessaging,
  type BacKeys,
} from '../../main/card/protocol/bac';
import {
  maxPlainForResponse,
  type SecureMessaging,
} from '../../main/card/protocol/secure-messaging';
import { bytesEqual, encodeTlv } from '../../main/card/protocol/tlv';
import { AuthenticityChip } from './authenticity-chip';
import type { AuthenticityOffer } from './authenticity-files';
import type { SimChipKeys } from './chip-keys';
import { cardAccessFor, CHIP_PROFILES, type ChipProfile } from './chip-profile';
import { PaceChip, type PaceAnswer } from './pace-chip';

/** Fault injection for tests; each flag is consumed when it fires. */
export interface ChipFaults {
  /** Flip a bit of the MAC in the next secured response. */
  corruptMacOnce?: boolean;
  /** Cut this many bytes off the end of the next response's data (before the SW). */
  truncateNextResponse?: number;
  /**
   * Answer a READ BINARY whose Le goes past the end of the file with 6Cxx (exact length) instead
   * of the data and 6282, as some cards do. Stays on.
   */
  exactLe?: boolean;
  /** Refuse READ BINARY with a short file identifier (6A81), as a card without SFI support. */
  noSfi?: boolean;
  /** Answer 6700 (wrong length) to READ BINARY asking for more than this. Stays on. */
  refuseLeAbove?: number;
}

export interface SimulatedChipOptions {
  /** FID → file bytes (EF.COM 011E, EF.SOD 011D, DG1 0101, DG2 0102, DG13 010D, ...). */
  files: ReadonlyMap<number, Uint8Array>;
  /** BAC key input: document number + cd + date of birth + cd + expiry + cd. */
  mrzInfo: string;
  /**
   * Most data bytes one READ BINARY returns (a card's or a reader's buffer). Default 256 for a
   * short-length chip, 65536 when `extendedLength`.
   */
  maxLe?: number;
  /** Accepts extended-length APDUs. Default true. */
  extendedLength?: boolean;
  faults?: ChipFaults;
  /** Source of RND.IC and K.IC (tests fix them); default node:crypto. */
  random?: (n: number) => Uint8Array;
  /**
   * Chip Authentication / Active Authentication inside a session (./authenticity-chip.ts), with
   * these private keys (a cloned chip: other keys than those in its DG14/DG15).
   */
  authenticity?: { keys: SimChipKeys; offer: AuthenticityOffer };
  /** What the chip offers. Default: the `legacy` profile (BAC only). */
  profile?: ChipProfile;
  /** The CAN for PACE (CCCD: the last 6 digits of the ID number); needed by `can+mrz`. */
  can?: string;
}

const MF_FID = 0x3f00;
const CARD_ACCESS_FID = 0x011c;
/** DG3 (fingerprints): protected by Extended Access Control, which this chip does not run. */
const DG3_FID = 0x0103;

/**
 * Historical bytes in compact-TLV (category 80): card capabilities (tag 7, 3 bytes) with b7 of
 * the third byte set = "extended Lc and Le fields" (ISO 7816-4 §12.1.1.9), so a PC/SC reader in
 * `extendedLength: "auto"` reads each file in one APDU, as with a real CCCD.
 */
const HISTORICAL = new Uint8Array([0x80, 0x73, 0x00, 0x00, 0x40]);

/** PC/SC ATR of an ISO 14443-4 card (PC/SC part 3 §3.1.3.2.3): 3B 8n 80 01 hist TCK. */
function buildAtr(historical: Uint8Array): Uint8Array {
  const body = [0x3b, 0x80 | historical.length, 0x80, 0x01, ...historical];
  let tck = 0;
  for (const b of body.slice(1)) tck ^= b;
  return new Uint8Array([...body, tck]);
}

interface Answer {
  data?: Uint8Array;
  sw: number;
  /** Secure messaging from the next command on (Chip Authentication's new keys). */
  nextSm?: SecureMessaging;
}

export class SimulatedChip {
  readonly atr: Uint8Array = buildAtr(HISTORICAL);
  readonly faults: ChipFaults;
  private readonly keys: BacKeys;
  private readonly maxLe: number;
  private readonly extendedLength: boolean;
  private readonly random: (n: number) => Uint8Array;

  private appletSelected = false;
  private currentFile: number | null = null;
  private challenge: Uint8Array | null = null;
  private sm: SecureMessaging | null = null;
  private readonly pace: PaceChip | null;
  private readonly authenticity: AuthenticityChip | null;
  /** Files of the master file, readable without a session (EF.CardAccess when PACE is on). */
  private readonly mfFiles: ReadonlyMap<number, Uint8Array>;
  private paceSession = false;
  readonly profile: ChipProfile;
  /** Commands answered since power-on (tests). */
  commandCount = 0;

  constructor(private readonly options: SimulatedChipOptions) {
    this.keys = bacKeys(options.mrzInfo);
    this.extendedLength = options.extendedLength ?? true;
    this.maxLe = options.maxLe ?? (this.extendedLength ? 65536 : 256);
    this.random = options.random ?? ((n) => new Uint8Array(randomBytes(n)));
    this.faults = options.faults ?? {};
    this.profile = options.profile ?? CHIP_PROFILES.legacy;
    const cardAccess = cardAccessFor(this.profile);
    if (cardAccess && this.profile.pace === 'can+mrz' && !options.can) {
      throw new RangeError(`the ${this.profile.name} profile needs a CAN`);
    }
    this.pace = cardAccess
      ? new PaceChip(
          {
            parameterId: this.profile.paceParameterId,
            cardAccess,
            ...(this.profile.pace === 'can+mrz' ? { can: options.can! } : {}),
          },
          options.mrzInfo,
          this.random,
        )
      : null;
    this.authenticity = options.authenticity
      ? new AuthenticityChip(options.authenticity.keys, options.authenticity.offer)
      : null;
    this.mfFiles = new Map(this.pace ? [[CARD_ACCESS_FID, this.pace.cardAccess]] : []);
  }

  /** Power on / reset: returns the ATR; no applet selected, no session. */
  powerOn(): Uint8Array {
    this.appletSelected = false;
    this.currentFile = null;
    this.challenge = null;
    this.sm = null;
    this.commandCount = 0;
    this.pace?.reset();
    this.authenticity?.reset();
    return this.atr;
  }

  /** Whether a BAC session is established (tests). */
  get secured(): boolean {
    return this.sm !== null;
  }

  /** Which access control set up the current session (tests). */
  get accessControl(): 'BAC' | 'PACE' | null {
    if (!this.sm) return null;
    return this.paceSession ? 'PACE' : 'BAC';
  }

  process(apdu: Uint8Array): Uint8Array {
    this.commandCount++;
    try {
      return this.applyFaults(this.dispatch(apdu));
    } catch {
      // A bug here must not take the reader down: answer like a card with an internal error.
      this.sm = null;
      return status(SW.UNKNOWN);
    }
  }

  private applyFaults(response: Uint8Array): Uint8Array {
    const cut = this.faults.truncateNextResponse;
    if (cut && response.length > 2) {
      this.faults.truncateNextResponse = 0;
      const keep = Math.max(0, response.length - 2 - cut);
      return new Uint8Array([...response.subarray(0, keep), ...response.subarray(-2)]);
    }
    return response;
  }

  private dispatch(apdu: Uint8Array): Uint8Array {
    const cmd = decodeCommand(apdu);
    if (!cmd) return status(SW.WRONG_LENGTH);
    if (cmd.extended && !this.extendedLength) return status(SW.WRONG_LENGTH);
    // Command chaining (CLA bit 10) is only for PACE's GENERAL AUTHENTICATE.
    const chainedGa = this.pace !== null && cmd.ins === 0x86 && (cmd.cla & 0xf0) === 0x10;
    if (((cmd.cla & 0xf0) !== 0 && !chainedGa) || (cmd.cla & 0x03) !== 0) {
      return status(SW.CLA_NOT_SUPPORTED);
    }

    if (!this.sm) {
      if ((cmd.cla & 0x0c) !== 0) return status(SW.SM_DATA_MISSING);
      const answer = this.plain(cmd);
      return encodeResponse(answer.data ?? new Uint8Array(0), answer.sw);
    }

    const sm = this.sm;
    const unwrapped = sm.unprotectCommand(cmd);
    if (!unwrapped.ok) {
      // ICAO 9303-11 §9.8.6: an SM error ends the session and is answered in plain.
      this.sm = null;
      return status(unwrapped.sw);
    }
    const answer = this.inSession(unwrapped.command, unwrapped.extended ? 65536 : 256);
    if (this.sm !== sm) return encodeResponse(answer.data ?? new Uint8Array(0), answer.sw);
    const response = sm.protectResponse(answer.data ?? new Uint8Array(0), answer.sw);
    if (this.faults.corruptMacOnce) {
      this.faults.corruptMacOnce = false;
      response[response.length - 3]! ^= 0x01;
    }
    if (answer.nextSm) {
      // Chip Authentication: this answer went out under the old keys, the next command uses the new.
      this.sm = answer.nextSm;
      this.paceSession = true;
    }
    return response;
  }

  /** Commands before BAC. */
  private plain(cmd: CommandApdu): Answer {
    switch (cmd.ins) {
      case 0xa4:
        return this.select(cmd);
      case 0x84:
        return this.profile.bac ? this.getChallenge(cmd) : { sw: SW.INS_NOT_SUPPORTED };
      case 0x82:
        return this.profile.bac ? this.externalAuthenticate(cmd) : { sw: SW.INS_NOT_SUPPORTED };
      case 0x22:
        return this.pace ? this.pace.mseSetAt(cmd) : { sw: SW.INS_NOT_SUPPORTED };
      case 0x86:
        return this.pace
          ? this.paceSessionFrom(this.pace.generalAuthenticate(cmd))
          : { sw: SW.INS_NOT_SUPPORTED };
      case 0xb0:
        if (this.pace && !this.appletSelected) return this.readBinary(cmd, 256, this.mfFiles);
        return { sw: this.appletSelected ? SW.SECURITY_STATUS : SW.CONDITIONS_NOT_SATISFIED };
      case 0xb1:
        return { sw: this.appletSelected ? SW.SECURITY_STATUS : SW.CONDITIONS_NOT_SATISFIED };
      default:
        return { sw: SW.INS_NOT_SUPPORTED };
    }
  }

  /** Commands inside the BAC session (already unwrapped). */
  private inSession(cmd: CommandApdu, responseLimit: number): Answer {
    switch (cmd.ins) {
      case 0xa4:
        return this.select(cmd);
      case 0xb0:
        return this.readBinary(cmd, maxPlainForResponse(responseLimit, this.sm?.blockSize));
      case 0x84:
        // A new challenge inside the session is allowed (re-authentication), in secure form.
        return this.getChallenge(cmd);
      case 0x22:
        return this.authenticity?.mseSetAt(cmd) ?? { sw: SW.INS_NOT_SUPPORTED };
      case 0x86:
        return this.authenticity?.generalAuthenticate(cmd) ?? { sw: SW.INS_NOT_SUPPORTED };
      case 0x88:
        return this.authenticity?.internalAuthenticate(cmd) ?? { sw: SW.INS_NOT_SUPPORTED };
      default:
        return { sw: SW.INS_NOT_SUPPORTED };
    }
  }

  private select(cmd: CommandApdu): Answer {
    const data = cmd.data ?? new Uint8Array(0);
    const wantsFci = (cmd.p2 & 0x0c) !== 0x0c;
    if (cmd.p1 === 0x04) {
      if (data.length === 0 || !bytesEqual(data, EMRTD_AID)) return { sw: SW.FILE_NOT_FOUND };
      // Selecting the applet starts over: a BAC session ends (PACE's was set up for it).
      this.appletSelected = true;
      this.currentFile = null;
      this.challenge = null;
      if (!this.paceSession) this.sm = null;
      return wantsFci
        ? { data: encodeTlv(0x6f, encodeTlv(0x84, EMRTD_AID)), sw: SW.OK }
        : { sw: SW.OK };
    }
    if (cmd.p1 === 0x00 && (data.length === 0 || (data.length === 2 && fidOf(data) === MF_FID))) {
      return { sw: SW.INS_NOT_SUPPORTED }; // SELECT MF: 6D00, as real CCCD cards answer
    }
    if (cmd.p1 === 0x02 || cmd.p1 === 0x00) {
      if (data.length !== 2) return { sw: SW.WRONG_LENGTH };
      const fid = fidOf(data);
      if (!this.appletSelected && this.mfFiles.has(fid)) {
        this.currentFile = fid;
        return { sw: SW.OK };
      }
      if (this.appletSelected && fid === DG3_FID) return { sw: SW.SECURITY_STATUS };
      const file = this.appletSelected ? this.options.files.get(fid) : undefined;
      if (!file) return { sw: SW.FILE_NOT_FOUND };
      if (!this.sm) return { sw: SW.SECURITY_STATUS };
      this.currentFile = fid;
      if (!wantsFci) return { sw: SW.OK };
      return {
        data: encodeTlv(
          0x62,
          encodeTlv(0x80, new Uint8Array([file.length >> 8, file.length & 0xff])),
          encodeTlv(0x82, new Uint8Array([0x01])),
          encodeTlv(0x83, data),
        ),
        sw: SW.OK,
      };
    }
    return { sw: SW.INCORRECT_P1P2 };
  }

  private getChallenge(cmd: CommandApdu): Answer {
    if (!this.appletSelected) return { sw: SW.CONDITIONS_NOT_SATISFIED };
    if (cmd.le !== 8) return { sw: SW.WRONG_LENGTH };
    this.challenge = this.random(8);
    return { data: this.challenge, sw: SW.OK };
  }

  private externalAuthenticate(cmd: CommandApdu): Answer {
    const rndIc = this.challenge;
    this.challenge = null; // one try per challenge
    if (!rndIc) return { sw: SW.CONDITIONS_NOT_SATISFIED };
    if (cmd.data?.length !== 40) return { sw: SW.WRONG_LENGTH };
    const result = cardAuthAnswer(this.keys, rndIc, this.random(16), cmd.data);
    if (!result) return { sw: SW.SECURITY_STATUS };
    this.sm = sessionMessaging(result.session);
    this.paceSession = false;
    this.currentFile = null;
    return { data: result.answer, sw: SW.OK };
  }

  /** Switches to the PACE session once the last GENERAL AUTHENTICATE succeeded. */
  private paceSessionFrom(answer: PaceAnswer): Answer {
    if (answer.session) {
      this.sm = answer.session;
      this.paceSession = true;
      this.currentFile = null;
    }
    return { ...(answer.data ? { data: answer.data } : {}), sw: answer.sw };
  }

  private readBinary(
    cmd: CommandApdu,
    fitsResponse: number,
    files: ReadonlyMap<number, Uint8Array> = this.options.files,
  ): Answer {
    let fid: number | null;
    let offset: number;
    if (cmd.p1 & 0x80) {
      if (this.faults.noSfi) return { sw: SW.FUNCTION_NOT_SUPPORTED };
      const sfi = cmd.p1 & 0x1f;
      if ((cmd.p1 & 0x60) !== 0 || sfi === 0) return { sw: SW.INCORRECT_P1P2 };
      if (this.appletSelected && sfi === (DG3_FID & 0xff)) return { sw: SW.SECURITY_STATUS };
      fid = [...files.keys()].find((f) => (f & 0xff) === sfi && f >> 8 === 0x01) ?? null;
      if (fid === null) return { sw: SW.FILE_NOT_FOUND };
      this.currentFile = fid;
      offset = cmd.p2;
    } else {
      fid = this.currentFile;
      if (fid === null) return { sw: SW.NO_CURRENT_EF };
      offset = (cmd.p1 << 8) | cmd.p2;
    }
    const file = files.get(fid);
    if (!file) return { sw: SW.NO_CURRENT_EF };
    if (cmd.le === undefined) return { sw: SW.WRONG_LENGTH };
    if (this.faults.refuseLeAbove !== undefined && cmd.le > this.faults.refuseLeAbove) {
      return { sw: SW.WRONG_LENGTH };
    }
    if (offset >= file.length) return { sw: SW.WRONG_P1P2 };
    const remaining = file.length - offset;
    if (this.faults.exactLe && cmd.le > remaining && remaining <= 256) {
      return { sw: 0x6c00 | (remaining & 0xff) };
    }
    const n = Math.min(cmd.le, remaining, this.maxLe, fitsResponse);
    const data = file.subarray(offset, offset + n);
    return { data, sw: n < cmd.le && n === remaining ? SW.END_OF_FILE : SW.OK };
  }
}

function fidOf(data: Uint8Array): number {
  return (data[0]! << 8) | data[1]!;
}
