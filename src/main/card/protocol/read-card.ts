/**
 * Reads a CCCD chip over any CardChannel: open it (./open-chip.ts: PACE with the CAN, PACE with
 * the MRZ, then BAC),
 * then DG1 + DG13 first (the screen can show the person), EF.COM, DG2 (the photo), EF.SOD and
 * passive authentication. Every failure is a KioskError whose code says what to do.
 */
import type { X509Certificate } from 'node:crypto';
import type {
  AccessKeyInput,
  CardIdentity,
  CardReadResult,
  PassiveAuthResult,
  PhotoFormat,
  ReadPhase,
  ReadProgress,
} from '../../../shared/domain';
import { KioskError } from '../../../shared/errors';
import type { CardReadOutput } from '../../services-contract';
import { chipPasswords } from './access-key';
import type { BacRandom } from './bac';
import type { CardChannel } from './card-channel';
import { CardConnection } from './connection';
import { protocolErrors } from './errors';
import { readEf, type FileReaderState } from './file-reader';
import { checkIdNumber } from './id-number-check';
import { parseDg1, type Dg1 } from './lds/dg1';
import { parseDg13 } from './lds/dg13';
import { parseDg2 } from './lds/dg2';
import { parseEfCom } from './lds/ef-com';
import { parseSod } from './lds/sod';
import { authenticateChipWithFiles, type ChipAuthOptions } from './chip-auth';
import { openChip } from './open-chip';
import { loadTrustAnchors, passiveAuthenticate } from './passive-auth';

/** File identifiers of the eMRTD applet (ICAO 9303-10 table 36). */
export const EF = {
  COM: 0x011e,
  SOD: 0x011d,
  DG1: 0x0101,
  DG2: 0x0102,
  DG13: 0x010d,
  DG14: 0x010e,
  DG15: 0x010f,
} as const;

/** What `onIdentity` receives: the person from DG1 + DG13, before photo and verification. */
export type IdentityRead = CardIdentity & Pick<CardReadResult, 'mrz' | 'idNumberCheck'>;

export interface ReadCardOptions {
  /** Timeout of each APDU in ms (the channel gets it; a backstop timer enforces it). */
  timeoutMs: number;
  /**
   * Files or folders of trusted CSCA certificates (DER or PEM). Empty or absent: passive
   * authentication can at best be `unverified`.
   */
  trustAnchors?: readonly string[];
  /** Already loaded CSCA certificates (tests, or a caller that caches them); added to the above. */
  anchors?: readonly X509Certificate[];
  /** Progress over the whole read: connect → authenticate → identity → photo → verify. */
  onProgress?: (progress: ReadProgress) => void;
  /** Called once DG1 and DG13 are read, before the photo: the screen can show the person. */
  onIdentity?: (identity: IdentityRead) => void;
  /** Aborting rejects with CARD_READ_CANCELLED at the next APDU. */
  signal?: AbortSignal;
  /** Skip DG2 (the photo); passive authentication then covers DG1 and DG13. Default false. */
  skipPhoto?: boolean;
  /** Read EF.COM (one APDU; tells whether DG2 exists). Default true. */
  readEfCom?: boolean;
  /** Largest file accepted (a TLV declaring more is CARD_BAD_TLV). Default 256 KiB. */
  maxFileSize?: number;
  /** "Today" for deriving the card's expiry from the renewal ages (tests). */
  now?: Date;
  /** Fixed BAC terminal randoms (tests only). */
  bacRandom?: BacRandom;
  /**
   * Look for PACE in EF.CardAccess before selecting the applet and use it (CAN, then MRZ) when
   * the card offers ECDH-GM-AES-128, falling back to BAC otherwise (costs one APDU on a BAC-only
   * card). Default true, as real CCCD cards expect; false = BAC only.
   */
  pace?: boolean;
  /**
   * Read DG14/DG15 when EF.COM or the SOD lists them and prove the chip genuine (./chip-auth.ts).
   * Default true; `false` reports `not-offered` without the extra APDUs.
   */
  chipAuthentication?: boolean;
  /** Fixed CA/AA randoms (tests only). */
  chipAuthRandom?: ChipAuthOptions;
}

const DEFAULT_MAX_FILE = 256 * 1024;

function progress(options: ReadCardOptions, phase: ReadPhase, percent: number): void {
  options.onProgress?.({ phase, percent });
}

function identityFrom(dg13: CardIdentity, dg1: Dg1): CardIdentity {
  // DG13 is the source; DG1 fills what DG13 lacks (an empty DG13 field stays empty otherwise).
  const mrzDate = (yymmdd: string): string | null => {
    if (!/^\d{6}$/.test(yymmdd)) return null;
    const yy = Number(yymmdd.slice(0, 2));
    const century = yy > new Date().getUTCFullYear() % 100 ? 1900 : 2000;
    return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  };
  return {
    ...dg13,
    idNumber: dg13.idNumber,
    dateOfBirth: dg13.dateOfBirth ?? mrzDate(dg1.dateOfBirth),
    sex: dg13.sex ?? dg1.sex,
  };
}

/** Data-group numbers the SOD holds hashes for; null when it cannot be parsed (PA says why). */
function signedDataGroups(sod: Uint8Array): ReadonlySet<number> | null {
  try {
    return new Set(parseSod(sod).securityObject.hashes.keys());
  } catch {
    return null;
  }
}

function asKioskError(err: unknown): unknown {
  if (err instanceof KioskError) return err;
  return protocolErrors.protocol(
    err instanceof Error ? `${err.name}: ${err.message}` : 'read failed',
    err,
  );
}

/**
 * Reads the CCCD on `channel` with the access key `key`.
 *
 * Rejects with a KioskError: CARD_KEY_INVALID (bad key input, before any APDU), CARD_NOT_CCCD
 * (no eMRTD applet or no DG13), CARD_DATA_NO_ID / CARD_DATA_MISMATCH (DG13 without a 12-digit
 * ID number, or one that differs from DG1's), CARD_WRONG_KEY (every candidate key refused), CARD_REMOVED /
 * CARD_TIMEOUT / CARD_NO_CARD (from the channel), CARD_BAD_TLV, CARD_SM_MAC, CARD_PROTOCOL,
 * CARD_READ_CANCELLED (signal aborted).
 */
export async function readCard(
  channel: CardChannel,
  key: AccessKeyInput,
  options: ReadCardOptions,
): Promise<CardReadOutput> {
  const started = performance.now();
  // Bad key input fails here, before the card is touched.
  const passwords = chipPasswords(key, options.now);
  const conn = new CardConnection(channel, {
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const state: FileReaderState = { sfi: true };
  const fileOptions = { maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE };
  let bytesRead = 0;
  const read = async (fid: number): Promise<Uint8Array | null> => {
    const bytes = await readEf(conn, fid, state, fileOptions);
    bytesRead += bytes?.length ?? 0;
    return bytes;
  };

  try {
    progress(options, 'connect', 0);
    const accessControl = await openChip(conn, passwords, {
      pace: options.pace ?? true,
      ...(options.bacRandom ? { bacRandom: options.bacRandom } : {}),
    });
    progress(options, 'authenticate', 10);

    progress(options, 'identity', 30);
    const dg1Bytes = await read(EF.DG1);
    if (!dg1Bytes) throw protocolErrors.notCccd('no DG1 on the chip');
    const dg13Bytes = await read(EF.DG13);
    if (!dg13Bytes)
      throw protocolErrors.notCccd('no DG13 on the chip: not a Vietnamese citizen ID');
    const dg1 = parseDg1(dg1Bytes);
    const dg13 = parseDg13(dg13Bytes);
    // Never a patient shown with garbage: DG13 must name the person by a 12-digit number, and
    // the MRZ's number (when it has one) must be the same.
    if (!/^\d{12}$/.test(dg13.identity.idNumber)) {
      throw protocolErrors.dataNoId(
        `DG13 field 1 is ${dg13.identity.idNumber.length ? 'not 12 digits' : 'missing'}`,
      );
    }
    if (dg1.idNumber && dg1.idNumber !== dg13.identity.idNumber) {
      throw protocolErrors.dataMismatch('the ID number in DG1 (MRZ) differs from DG13 field 1');
    }
    const identity = identityFrom(dg13.identity, dg1);
    const idNumberCheck = checkIdNumber(identity.idNumber, identity.dateOfBirth, identity.sex);
    if (dg1.idNumberCheckDigit === 'invalid') {
      idNumberCheck.consistent = false;
      idNumberCheck.problems.push('the check digit of the ID number in the MRZ is wrong');
    }
    const partial: IdentityRead = { ...identity, mrz: dg1.mrz, idNumberCheck };
    progress(options, 'identity', 50);
    options.onIdentity?.(partial);

    const groups = new Map<number, Uint8Array>([
      [1, dg1Bytes],
      [13, dg13Bytes],
    ]);
    let listed: number[] | null = null;
    if (options.readEfCom ?? true) {
      const com = await read(EF.COM);
      listed = com ? parseEfCom(com).dataGroups : null;
    }

    let photo: Uint8Array | null = null;
    let format: PhotoFormat = 'unknown';
    if (!options.skipPhoto && (listed === null || listed.includes(2))) {
      progress(options, 'photo', 55);
      const dg2Bytes = await read(EF.DG2);
      if (dg2Bytes) {
        groups.set(2, dg2Bytes);
        const dg2 = parseDg2(dg2Bytes);
        photo = new Uint8Array(dg2.image);
        format = dg2.format;
      }
      progress(options, 'photo', 80);
    }

    progress(options, 'verify', 85);
    const sodBytes = await read(EF.SOD);
    // DG14/DG15 are hashed in the SOD like the others, so passive authentication covers the keys.
    // Whether they exist is taken from the signed SOD as well as EF.COM: EF.COM is not signed,
    // and a copy that drops DG14/DG15 from it must not pass as a chip that offers no proof.
    const checkChip = options.chipAuthentication ?? true;
    const signed = sodBytes ? signedDataGroups(sodBytes) : null;
    const offers = (dg: number): boolean =>
      checkChip && ((listed?.includes(dg) ?? false) || (signed?.has(dg) ?? false));
    const dg14Bytes = offers(14) ? await read(EF.DG14) : null;
    const dg15Bytes = offers(15) ? await read(EF.DG15) : null;
    if (dg14Bytes) groups.set(14, dg14Bytes);
    if (dg15Bytes) groups.set(15, dg15Bytes);
    let passiveAuthentication: PassiveAuthResult;
    if (!sodBytes) {
      passiveAuthentication = {
        status: 'invalid',
        failedCheck: 'sod-format',
        detail: 'no EF.SOD on the chip',
      };
    } else {
      const loaded = loadTrustAnchors(options.trustAnchors ?? []);
      passiveAuthentication = passiveAuthenticate({
        sod: sodBytes,
        dataGroups: groups,
        anchors: [...loaded.anchors, ...(options.anchors ?? [])],
        revoked: loaded.revoked,
        ...(options.now ? { now: options.now } : {}),
      });
      if (passiveAuthentication.status !== 'valid' && loaded.problems.length) {
        // A misconfigured CSCA folder must not look like "no CSCA configured".
        passiveAuthentication.detail += `; CSCA files not usable: ${loaded.problems.join(', ')}`;
      }
    }
    // Last: a failed proof leaves the secure channel broken, after everything is read.
    // A key file the SOD vouches for that the chip will not give: a copy hiding its proof.
    const withheld = checkChip
      ? [14, 15].filter((dg) => signed?.has(dg) && !(dg === 14 ? dg14Bytes : dg15Bytes))
      : [];
    const chipAuthentication: CardReadResult['chipAuthentication'] =
      withheld.length > 0
        ? {
            status: 'failed',
            method: withheld[0] === 14 ? 'CA' : 'AA',
            detail: `${withheld.map((dg) => `DG${dg}`).join(' and ')} listed in the SOD but not on the chip`,
          }
        : dg14Bytes || dg15Bytes
          ? await authenticateChipWithFiles(conn, dg14Bytes, dg15Bytes, options.chipAuthRandom)
          : ({
              status: 'not-offered',
              method: null,
              detail: checkChip ? 'neither EF.COM nor the SOD lists DG14 or DG15' : 'not checked',
            } as const);
    progress(options, 'verify', 100);

    const result: CardReadResult = {
      ...partial,
      photo: { format, bytes: photo?.length ?? 0 },
      passiveAuthentication,
      chipAuthentication,
      stats: {
        accessControl,
        apdus: conn.stats.apdus,
        bytesRead,
        ms: Math.round(performance.now() - started),
      },
    };
    return { result, photo };
  } catch (err) {
    throw asKioskError(err);
  }
}
