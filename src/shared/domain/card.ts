/** The chip citizen ID card (CCCD): what a read gives and how far it was trusted. Pure types: importable from browser, Node and Electron alike. */
import type { IsoDate, Sex } from './common';

/** How the chip's BAC key is obtained. */
export type AccessKeyInput =
  | { kind: 'qr'; text: string }
  /** The 12-digit ID number alone: enough for cards with PACE (CAN = its last 6 digits). */
  | { kind: 'id'; idNumber: string }
  /** The 6-digit CAN (on CCCD: the last 6 digits of the ID number). */
  | { kind: 'can'; can: string }
  | { kind: 'id-dob'; idNumber: string; dateOfBirth: IsoDate; dateOfExpiry?: IsoDate }
  | { kind: 'mrz'; text: string };

export interface CardIdentity {
  idNumber: string;
  fullName: string;
  dateOfBirth: IsoDate | null;
  sex: Sex | null;
  nationality: string;
  ethnicity: string;
  religion: string;
  placeOfOrigin: string;
  placeOfResidence: string;
  personalIdentification: string;
  dateOfIssue: IsoDate | null;
  /** null when the card has no expiry ("Không thời hạn"). */
  dateOfExpiry: IsoDate | null;
  fatherName: string;
  motherName: string;
  spouseName: string;
  oldIdNumber: string;
}

export type PhotoFormat = 'jpeg' | 'jpeg2000' | 'unknown';

export type PassiveAuthStatus = 'valid' | 'invalid' | 'unverified';

export interface PassiveAuthResult {
  status: PassiveAuthStatus;
  /** Which check failed or why it is unverified; plain words, no personal data. */
  detail: string;
  failedCheck?: 'sod-format' | 'dg-hash' | 'signature' | 'certificate-chain';
  /** For a `certificate-chain` failure about the Document Signer: which rule it broke. */
  reason?: PassiveAuthReason;
  /**
   * The issuing CSCA's CRL was used but is not current (its next update has passed, or it is
   * dated in the future): a Document Signer revoked since may not be listed.
   */
  crlStale?: true;
}

/**
 * Why a Document Signer certificate cannot vouch for the card: not yet valid / expired when the
 * SOD was signed (its signing time, else the read time), issued outside its CSCA's validity,
 * the SOD signed outside the DS key's usage period, or revoked by its CSCA's CRL.
 */
export type PassiveAuthReason =
  | 'ds-not-yet-valid'
  | 'ds-expired'
  | 'ds-issued-outside-csca-validity'
  | 'ds-key-usage-period'
  | 'ds-revoked';

/**
 * Whether the chip proved it is the one the data was written to (ICAO 9303-11 §6): `genuine`
 * when Chip Authentication (DG14) or Active Authentication (DG15) succeeded, `failed` when the
 * chip could not prove it (a copy, or a broken chip), `not-offered` when the card has neither.
 */
export type ChipAuthStatus = 'genuine' | 'failed' | 'not-offered';

export interface ChipAuthResult {
  status: ChipAuthStatus;
  method: 'CA' | 'AA' | null;
  /** What was run or why it failed; plain words, no personal data. */
  detail: string;
}

export interface ReadStats {
  /** How the chip was opened: PACE with the CAN or the MRZ password, or BAC. */
  accessControl?: 'PACE-CAN' | 'PACE-MRZ' | 'BAC';
  apdus: number;
  bytesRead: number;
  ms: number;
}

export interface IdNumberCheck {
  consistent: boolean;
  /** e.g. "century/sex digit says female born 2000-2099 but the chip says male 1985" */
  problems: string[];
}

/** What a chip read produces (the CLI's `read --json` prints this, photo bytes as a count). */
export interface CardReadResult extends CardIdentity {
  mrz: string;
  photo: { format: PhotoFormat; bytes: number };
  passiveAuthentication: PassiveAuthResult;
  chipAuthentication: ChipAuthResult;
  stats: ReadStats;
  idNumberCheck: IdNumberCheck;
}

export type ReadPhase = 'connect' | 'authenticate' | 'identity' | 'photo' | 'verify';

export interface ReadProgress {
  phase: ReadPhase;
  /** 0..100 over the whole read */
  percent: number;
}

export type ReaderKind = 'pcsc' | 'simulated';
export type ReaderState = 'empty' | 'card-present' | 'reading' | 'unavailable';

export interface ReaderStatus {
  name: string;
  kind: ReaderKind;
  state: ReaderState;
  /** Hex ATR of the present card, when any. */
  atr?: string;
}
