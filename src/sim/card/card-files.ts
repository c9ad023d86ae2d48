/**
 * The files on a simulated CCCD chip, built from a catalog identity: EF.COM, DG1 (TD1 MRZ),
 * DG2 (ISO 19794-5 face record around the pre-generated photo), DG13 (the Vietnam layout of
 * the CCCD reference) and EF.SOD signed by the TEST-ONLY Document Signer.
 */
import type { CardIdentity } from '../../shared/domain';
import type { SimIdentity } from '../data/identities';
import { dg14, dg15, type AuthenticityOffer } from './authenticity-files';
import { ascii, concat, der, tlv } from './ber-writer';
import type { SimChipKeys } from './chip-keys';
import { td1Lines } from './mrz-td1';
import { loadSimPhoto } from './sim-photos';
import { buildSod } from './sod';
import type { TestPki } from './test-pki';
import { CHIP_PROFILES, type ChipProfile } from './chip-profile';

export { mrzInfoFor } from './mrz-td1';

export const FID = {
  COM: 0x011e,
  SOD: 0x011d,
  DG1: 0x0101,
  DG2: 0x0102,
  DG3: 0x0103,
  DG13: 0x010d,
  DG14: 0x010e,
  DG15: 0x010f,
} as const;

/** LDS tags of the data groups, as listed in EF.COM (9303-10 table 34). */
const DG_TAG: Record<number, number> = { 1: 0x61, 2: 0x75, 3: 0x63, 13: 0x6d, 14: 0x6e, 15: 0x6f };

export interface CardFileOptions {
  /** Replace the catalog photo (tests use small or odd images). */
  photo?: { bytes: Uint8Array; format: 'jpeg' | 'jpeg2000'; width: number; height: number };
  /** DG14/DG15 with the public halves of these keys (./authenticity-files.ts). */
  authenticity?: { keys: SimChipKeys; offer: AuthenticityOffer };
  /** The chip's profile; default `real`. */
  profile?: ChipProfile;
}

export function efCom(dataGroups: number[]): Uint8Array {
  return tlv(
    0x60,
    tlv(0x5f01, ascii('0107')), // LDS 1.7
    tlv(0x5f36, ascii('040000')), // Unicode 4.0.0
    tlv(0x5c, new Uint8Array(dataGroups.map((n) => DG_TAG[n]!))),
  );
}

export function dg1(identity: SimIdentity): Uint8Array {
  return tlv(0x61, tlv(0x5f1f, ascii(td1Lines(identity).join(''))));
}

const u16 = (n: number) => new Uint8Array([(n >> 8) & 0xff, n & 0xff]);
const u32 = (n: number) =>
  new Uint8Array([(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);

/** ISO/IEC 19794-5:2005 facial record: one frontal image, no feature points. */
export function faceRecord(
  image: Uint8Array,
  meta: { format: 'jpeg' | 'jpeg2000'; width: number; height: number; sex: CardIdentity['sex'] },
): Uint8Array {
  const imageInfo = concat([
    new Uint8Array([0x01]), // face image type: full frontal
    new Uint8Array([meta.format === 'jpeg2000' ? 0x01 : 0x00]), // image data type
    u16(meta.width),
    u16(meta.height),
    new Uint8Array([0x01]), // colour space: 24-bit RGB
    new Uint8Array([0x02]), // source type: static photo, unknown source
    u16(0), // device type
    u16(0), // quality: unspecified
  ]);
  const facialInfoLength = 20;
  const blockLength = facialInfoLength + imageInfo.length + image.length;
  const facialInfo = concat([
    u32(blockLength),
    u16(0), // feature points
    new Uint8Array([meta.sex === 'M' ? 1 : meta.sex === 'F' ? 2 : 0]),
    new Uint8Array([0, 0]), // eye colour, hair colour: unspecified
    new Uint8Array([0, 0, 0]), // feature mask
    u16(0), // expression
    new Uint8Array([0, 0, 0, 0, 0, 0]), // pose angle and its uncertainty
  ]);
  const header = concat([
    ascii('FAC\0'),
    ascii('010\0'),
    u32(14 + blockLength),
    u16(1), // number of facial images
  ]);
  return concat([header, facialInfo, imageInfo, image]);
}

export function dg2(identity: SimIdentity, options: CardFileOptions = {}): Uint8Array {
  const photo = options.photo ?? {
    bytes: loadSimPhoto(identity),
    format: identity.photo,
    width: 240,
    height: 320,
  };
  const record = faceRecord(photo.bytes, { ...photo, sex: identity.card.sex });
  const header = tlv(
    0xa1,
    tlv(0x80, new Uint8Array([0x01, 0x01])), // ICAO header version 1.1
    tlv(0x81, new Uint8Array([0x02])), // biometric type: facial features
    tlv(0x87, new Uint8Array([0x01, 0x01])), // format owner: ISO/IEC JTC 1/SC 37
    tlv(0x88, new Uint8Array([0x00, 0x08])), // format type: face image
  );
  return tlv(
    0x75,
    tlv(0x7f61, tlv(0x02, new Uint8Array([0x01])), tlv(0x7f60, header, tlv(0x5f2e, record))),
  );
}

/** `1985-03-14` → `14/03/1985`; empty when unknown. */
export function dmy(iso: string | null): string {
  return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
}

export const NO_EXPIRY_TEXT = 'Không thời hạn';

/** OID 1.0.10646.1.0.8 of the real cards' DG13 wrapper (the CCCD reference). */
const DG13_OID = '1.0.10646.1.0.8';

/** Field 16's 16 characters (meaning unconfirmed on real cards): a made-up serial. */
export function dg13Serial(idNumber: string): string {
  return `C${idNumber}VNM`;
}

/**
 * DG13 as real cards lay it out (the CCCD reference): 6D { SEQUENCE { INTEGER 1, OID
 * 1.0.10646.1.0.8, SET { SEQUENCE { INTEGER n, value } ... } } }, with the string types of the
 * field table, 14 present but empty for a single person, 15 (the old ID) absent when there was
 * none, and 16 a 16-character serial.
 */
export function dg13(card: CardIdentity): Uint8Array {
  const text = (n: number, value: string) => der.sequence(der.integer(n), der.utf8String(value));
  const printable = (n: number, value: string) =>
    der.sequence(der.integer(n), der.printableString(value));
  const fields = [
    printable(1, card.idNumber),
    text(2, card.fullName),
    printable(3, dmy(card.dateOfBirth)),
    text(4, card.sex === 'F' ? 'Nữ' : card.sex === 'M' ? 'Nam' : ''),
    text(5, card.nationality),
    text(6, card.ethnicity),
    text(7, card.religion),
    text(8, card.placeOfOrigin),
    text(9, card.placeOfResidence),
    text(10, card.personalIdentification),
    printable(11, dmy(card.dateOfIssue)),
    text(12, card.dateOfExpiry ? dmy(card.dateOfExpiry) : NO_EXPIRY_TEXT),
    der.sequence(
      der.integer(13),
      der.sequence(der.utf8String(card.fatherName), der.utf8String(card.motherName)),
    ),
    card.spouseName
      ? der.sequence(der.integer(14), der.sequence(der.utf8String(card.spouseName)))
      : der.sequence(der.integer(14)),
    ...(card.oldIdNumber ? [printable(15, card.oldIdNumber)] : []),
    printable(16, dg13Serial(card.idNumber)),
  ];
  return tlv(0x6d, der.sequence(der.integer(1), der.oid(DG13_OID), der.set(...fields)));
}

/**
 * DG3 stands for the fingerprints: its bytes only feed the SOD's hash, since the chip never
 * serves them (6982) and no reader here could read them. A biometric group template with no
 * instances (7F61 { 02 01 00 }).
 */
const DG3_PLACEHOLDER = tlv(0x63, tlv(0x7f61, tlv(0x02, new Uint8Array([0]))));

/** Every file of the simulated chip, by FID. */
export function buildCardFiles(
  identity: SimIdentity,
  pki: TestPki,
  options: CardFileOptions = {},
): Map<number, Uint8Array> {
  const profile = options.profile ?? CHIP_PROFILES.real;
  const groups = new Map<number, Uint8Array>([
    [1, dg1(identity)],
    [2, dg2(identity, options)],
    // Today's cards carry fingerprints (answering 6982 without EAC); the legacy chip does not.
    ...(profile.name === 'legacy' ? [] : [[3, DG3_PLACEHOLDER] as [number, Uint8Array]]),
    [13, dg13(identity.card)],
  ]);
  const auth = options.authenticity;
  const caFile = auth && dg14(auth.keys, auth.offer);
  const aaFile = auth && dg15(auth.keys, auth.offer);
  if (caFile) groups.set(14, caFile);
  if (aaFile) groups.set(15, aaFile);
  const numbers = [...groups.keys()].sort((a, b) => a - b);
  const sorted = new Map(numbers.map((n) => [n, groups.get(n)!]));
  const sod = buildSod(sorted, pki, identity.sodTampered ? { tamperDataGroup: 1 } : {});
  return new Map([
    [FID.COM, efCom(numbers)],
    ...numbers.map((n) => [0x0100 + n, sorted.get(n)!] as [number, Uint8Array]),
    [FID.SOD, sod],
  ]);
}
