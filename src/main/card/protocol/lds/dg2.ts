/**
 * DG2 (ICAO 9303-10 §4.7.2): the biometric information template group (7F61) holding one or
 * more templates (7F60) whose data block (5F2E, or 7F2E) is an ISO/IEC 19794-5 facial record
 * ('FAC\0'). We want the first face image's bytes and whether it is JPEG or JPEG 2000.
 */
import type { PhotoFormat } from '../../../../shared/domain';
import { badTlv, children, decodeSingleTlv, findTlv, type Tlv } from '../tlv';

export interface Dg2 {
  image: Uint8Array;
  format: PhotoFormat;
  width: number | null;
  height: number | null;
}

/** Image format by its first bytes (the record's own "image data type" is often wrong). */
export function imageFormat(bytes: Uint8Array): PhotoFormat {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  // JP2 file (signature box) or a raw JPEG 2000 codestream (SOC + SIZ markers).
  if (starts(0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20)) return 'jpeg2000';
  if (starts(0xff, 0x4f, 0xff, 0x51)) return 'jpeg2000';
  return 'unknown';
}

const u16 = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
const u32 = (b: Uint8Array, o: number) =>
  b[o]! * 0x1000000 + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);

/** The first image of an ISO/IEC 19794-5 record (2005 layout). */
export function parseFacialRecord(record: Uint8Array): Dg2 {
  const magic = String.fromCharCode(...record.subarray(0, 4));
  if (magic !== 'FAC\0' || record.length < 14 + 20 + 12) {
    throw badTlv('DG2 biometric data is not an ISO/IEC 19794-5 facial record');
  }
  const recordLength = u32(record, 8);
  if (recordLength > record.length) throw badTlv('DG2 facial record longer than its data block');
  const block = 14; // facial record header: 'FAC\0', version, length (4), count (2)
  const blockLength = u32(record, block);
  const featurePoints = u16(record, block + 4);
  const imageInfo = block + 20 + featurePoints * 8;
  const imageStart = imageInfo + 12;
  const imageEnd = block + blockLength;
  if (imageStart > record.length || imageEnd > record.length || imageEnd < imageStart) {
    throw badTlv('DG2 facial record lengths do not add up');
  }
  const image = record.subarray(imageStart, imageEnd);
  return {
    image,
    format: imageFormat(image),
    width: u16(record, imageInfo + 2),
    height: u16(record, imageInfo + 4),
  };
}

export function parseDg2(bytes: Uint8Array): Dg2 {
  const group = findTlv(children(decodeSingleTlv(bytes, 0x75)), 0x7f61);
  if (!group) throw badTlv('DG2 without a biometric information group (7F61)');
  const template = findTlv(children(group), 0x7f60);
  if (!template) throw badTlv('DG2 without a biometric template (7F60)');
  const parts: Tlv[] = children(template);
  const data = findTlv(parts, 0x5f2e) ?? findTlv(parts, 0x7f2e);
  if (!data) throw badTlv('DG2 without biometric data (5F2E)');
  return parseFacialRecord(data.value);
}
