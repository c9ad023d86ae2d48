/**
 * From what the person or the QR scanner gives (AccessKeyInput) to the BAC keys to try, most
 * likely first. The MRZ information needs the card's expiry date, which a QR text or a typed
 * ID + date of birth do not carry; it follows from the Law on Identification's renewal ages
 * (14, 25, 40, 60: a card is valid until the next of those birthdays, a card issued within two
 * years before one is valid until the one after, and from 60 on there is no expiry). This
 * project's simulator writes `991231` into the MRZ of no-expiry cards; real cards may differ,
 * which is why the neighbouring candidates are tried as well.
 */
import type { AccessKeyInput, IsoDate } from '../../../shared/domain';
import { kioskError, type KioskError } from '../../../shared/errors';
import { parseTd1 } from './lds/dg1';
import { cccdDocumentNumber, composeMrzInfo, isoToYymmdd } from './mrz-info';
import { CAN_NUMBER, ID_NUMBER, isRealIsoDate, type CardQr } from '../../../shared/identity-input';
import { readPresentedInput } from '../../../shared/presented-input';

export interface BacCandidate {
  mrzInfo: string;
  /** Why this key (no personal data), e.g. "expiry from issue date". */
  reason: string;
}

export type QrData = CardQr;

export const RENEWAL_AGES = [14, 25, 40, 60] as const;
export const NO_EXPIRY_YYMMDD = '991231';
/** BAC attempts cost a re-select and two APDUs each; stop after this many. */
const MAX_CANDIDATES = 4;

export function keyInvalid(detailEn: string, vi: string): KioskError {
  return kioskError(
    'CARD_KEY_INVALID',
    `${vi} Vui lòng quét lại mã QR trên thẻ hoặc nhập lại.`,
    `${detailEn}. Scan the QR code on the card again or type it again.`,
    { detail: detailEn },
  );
}

/**
 * The CCCD QR, read through the one door for scanned text (src/shared/presented-input), so the
 * scanner's quirks are handled as at the kiosk; CARD_KEY_INVALID when it is not a CCCD QR (a
 * BHYT card QR opens no chip).
 */
export function parseQrText(text: string): QrData {
  const read = readPresentedInput(text);
  if (read.ok && read.value.kind === 'cccd-qr') return read.value.qr;
  const m = read.ok
    ? {
        vi: 'Mã QR không phải mã trên thẻ căn cước.',
        en: 'the QR text is not the one on a CCCD',
      }
    : read.error.message;
  throw keyInvalid(m.en, m.vi);
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The `age`-th birthday (29 February → 28 February in common years). */
export function birthday(dob: IsoDate, age: number): IsoDate {
  const y = Number(dob.slice(0, 4)) + age;
  const md = dob.slice(5) === '02-29' && !isLeap(y) ? '02-28' : dob.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** Expiry by the renewal rule for a card issued on `issue`; null = no expiry. */
export function expiryFromIssue(dob: IsoDate, issue: IsoDate): IsoDate | null {
  for (const age of RENEWAL_AGES) {
    if (issue < birthday(dob, age - 2)) return birthday(dob, age);
  }
  return null;
}

/**
 * Expiry dates to try for a card whose issue date is unknown, most likely first: the next
 * renewal birthday, then its neighbours (the one after, for a card renewed early; the one
 * before, for a card not yet renewed); no expiry (null) for holders from 58.
 */
export function likelyExpiries(dob: IsoDate, today: IsoDate): Array<IsoDate | null> {
  const next = RENEWAL_AGES.findIndex((age) => birthday(dob, age) > today);
  const at = (i: number): IsoDate | null =>
    i >= RENEWAL_AGES.length ? null : birthday(dob, RENEWAL_AGES[i]!);
  const age58 = birthday(dob, 58) <= today;
  if (next === -1) return [null, at(RENEWAL_AGES.length - 1)];
  const out: Array<IsoDate | null> = [at(next)];
  const renewedEarly = birthday(dob, RENEWAL_AGES[next]! - 2) <= today;
  const after = at(next + 1);
  const before = next > 0 ? at(next - 1) : undefined;
  if (renewedEarly) out.push(after);
  if (before !== undefined) out.push(before);
  // Renewing early is only possible within two years of the milestone; keep it as a last
  // resort otherwise, except "no expiry", which needs the holder to be 58 or older.
  if (!renewedEarly && (after !== null || age58)) out.push(after);
  if (age58 && !out.includes(null)) out.push(null);
  return out;
}

const candidate = (
  idNumber: string,
  dob: IsoDate,
  expiry: IsoDate | null,
  reason: string,
): BacCandidate => ({
  mrzInfo: composeMrzInfo(
    cccdDocumentNumber(idNumber),
    isoToYymmdd(dob),
    expiry ? isoToYymmdd(expiry) : NO_EXPIRY_YYMMDD,
  ),
  reason,
});

function fromIdAndDob(
  idNumber: string,
  dob: IsoDate,
  known: Array<{ expiry: IsoDate | null; reason: string }>,
  today: IsoDate,
): BacCandidate[] {
  const list = [
    ...known,
    ...likelyExpiries(dob, today).map((expiry) => ({
      expiry,
      reason: expiry ? 'expiry from the renewal ages' : 'no expiry (holder 58 or older)',
    })),
  ];
  // 29 February births: some issuers may print 1 March; try it after the rest.
  if (dob.slice(5) === '02-29') {
    for (const e of [...list]) {
      if (e.expiry?.endsWith('-02-28'))
        list.push({ expiry: `${e.expiry.slice(0, 4)}-03-01`, reason: 'birthday on 29 February' });
    }
  }
  const out: BacCandidate[] = [];
  for (const e of list) {
    const c = candidate(idNumber, dob, e.expiry, e.reason);
    if (!out.some((o) => o.mrzInfo === c.mrzInfo)) out.push(c);
  }
  return out.slice(0, MAX_CANDIDATES);
}

const idInvalid = (): KioskError =>
  keyInvalid('the ID number must have 12 digits', 'Số CCCD phải có 12 chữ số.');

/** The CAN of a CCCD: the last 6 digits of the 12-digit ID number (the CCCD reference). */
export const canOf = (idNumber: string): string => idNumber.slice(-6);

/** The PACE CAN `key` gives, or null (an MRZ without the 12-digit number gives none). */
export function accessCan(key: AccessKeyInput): string | null {
  switch (key.kind) {
    case 'can':
      if (!CAN_NUMBER.test(key.can)) {
        throw keyInvalid('the CAN must have 6 digits', 'Số CAN phải có 6 chữ số.');
      }
      return key.can;
    case 'id':
    case 'id-dob':
      if (!ID_NUMBER.test(key.idNumber)) throw idInvalid();
      return canOf(key.idNumber);
    case 'qr':
      return canOf(parseQrText(key.text).idNumber);
    case 'mrz': {
      const optional = key.text.replace(/\s+/g, '').toUpperCase().slice(15, 27);
      return ID_NUMBER.test(optional) ? canOf(optional) : null;
    }
  }
}

/** The chip passwords `key` gives: the CAN for PACE, MRZ keys for PACE and BAC, in order. */
export interface ChipPasswords {
  can: string | null;
  mrz: BacCandidate[];
}

/** Both kinds of password; CARD_KEY_INVALID for bad input, before any APDU. */
export function chipPasswords(key: AccessKeyInput, today: Date = new Date()): ChipPasswords {
  return { can: accessCan(key), mrz: accessKeyCandidates(key, today) };
}

/**
 * The BAC keys (MRZ information) to try for `key`, in order; none for the ID number or CAN
 * alone, which open only cards with PACE. Bad input is CARD_KEY_INVALID.
 */
export function accessKeyCandidates(key: AccessKeyInput, today: Date = new Date()): BacCandidate[] {
  const todayIso = today.toISOString().slice(0, 10);
  switch (key.kind) {
    case 'id':
    case 'can':
      accessCan(key);
      return [];
    case 'mrz': {
      let lines: string[];
      try {
        lines = parseTd1(key.text).lines;
      } catch {
        throw keyInvalid(
          'the MRZ must be 3 lines of 30 characters',
          'MRZ phải gồm 3 dòng, mỗi dòng 30 ký tự.',
        );
      }
      const doc = lines[0]!.slice(5, 14);
      return [
        {
          mrzInfo: composeMrzInfo(doc, lines[1]!.slice(0, 6), lines[1]!.slice(8, 14)),
          reason: 'full MRZ',
        },
      ];
    }
    case 'qr': {
      const qr = parseQrText(key.text);
      // A year-only date of birth gives no MRZ key: such a card opens only with PACE and the CAN.
      if (!isRealIsoDate(qr.dateOfBirth)) return [];
      const known = qr.dateOfIssue
        ? [
            {
              expiry: expiryFromIssue(qr.dateOfBirth, qr.dateOfIssue),
              reason: 'expiry from issue date',
            },
          ]
        : [];
      return fromIdAndDob(qr.idNumber, qr.dateOfBirth, known, todayIso);
    }
    case 'id-dob': {
      if (!ID_NUMBER.test(key.idNumber)) throw idInvalid();
      if (!isRealIsoDate(key.dateOfBirth)) {
        throw keyInvalid('the date of birth is not a valid date', 'Ngày sinh không hợp lệ.');
      }
      if (key.dateOfExpiry !== undefined && !isRealIsoDate(key.dateOfExpiry)) {
        throw keyInvalid('the date of expiry is not a valid date', 'Ngày hết hạn không hợp lệ.');
      }
      const known = key.dateOfExpiry
        ? [{ expiry: key.dateOfExpiry, reason: 'expiry as given' }]
        : [];
      return fromIdAndDob(key.idNumber, key.dateOfBirth, known, todayIso);
    }
  }
}
