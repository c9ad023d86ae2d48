/**
 * EF.COM (ICAO 9303-10 §4.6.1): LDS and Unicode versions and the list of data groups present,
 * as their tags.
 */
import { badTlv, children, decodeSingleTlv, findTlv } from '../tlv';

/** LDS data-group tags (9303-10 table 34) → data-group numbers. */
const DG_BY_TAG: Record<number, number> = {
  0x61: 1,
  0x75: 2,
  0x63: 3,
  0x76: 4,
  0x65: 5,
  0x66: 6,
  0x67: 7,
  0x68: 8,
  0x69: 9,
  0x6a: 10,
  0x6b: 11,
  0x6c: 12,
  0x6d: 13,
  0x6e: 14,
  0x6f: 15,
  0x70: 16,
};

export interface EfCom {
  /** e.g. "0107" (LDS 1.7) */
  ldsVersion: string;
  unicodeVersion: string;
  /** Data-group numbers in the order listed. Unknown tags are skipped. */
  dataGroups: number[];
}

const ascii = (b: Uint8Array): string => String.fromCharCode(...b);

export function parseEfCom(bytes: Uint8Array): EfCom {
  const items = children(decodeSingleTlv(bytes, 0x60));
  const list = findTlv(items, 0x5c);
  if (!list) throw badTlv('EF.COM without a data-group list (5C)');
  return {
    ldsVersion: ascii(findTlv(items, 0x5f01)?.value ?? new Uint8Array(0)),
    unicodeVersion: ascii(findTlv(items, 0x5f36)?.value ?? new Uint8Array(0)),
    dataGroups: [...list.value]
      .map((t) => DG_BY_TAG[t])
      .filter((n): n is number => n !== undefined),
  };
}
