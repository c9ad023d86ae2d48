/**
 * EF.CardAccess (ICAO 9303-11 §9.2.11): a SET OF SecurityInfo read before the applet is selected.
 * Each SecurityInfo is SEQUENCE { protocol OID, requiredData, optionalData }; a PACEInfo has
 * protocol id-PACE-*, version INTEGER (2) and an optional parameterId INTEGER (the standardized
 * domain parameters, e.g. 13 = brainpoolP256r1). Other SecurityInfos (chip authentication,
 * terminal authentication...) are skipped, as are entries this parser cannot make sense of:
 * a card's odd entry must not stop the reader from finding the one it can use.
 */
import { PACE_CURVES } from './ec-curve';
import { PACE_ECDH_GM_AES_128 } from './pace-crypto';
import { badTlv, bytesEqual, decodeSingleTlv, decodeTlvList, encodeTlv, type Tlv } from './tlv';

/** id-PACE = 0.4.0.127.0.7.2.2.4 (BSI TR-03110-3 A.1.1.1), as DER content bytes. */
const ID_PACE = new Uint8Array([0x04, 0x00, 0x7f, 0x00, 0x07, 0x02, 0x02, 0x04]);

export interface PaceInfo {
  /** OID content bytes (without the 06 tag and length). */
  oid: Uint8Array;
  /** Dotted form, for messages. */
  oidText: string;
  version: number;
  parameterId: number | null;
}

/** Dotted text of DER OID content bytes. */
export function oidToString(bytes: Uint8Array): string {
  const arcs: number[] = [];
  let v = 0;
  for (const b of bytes) {
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(v);
      v = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

function smallInteger(t: Tlv | undefined): number | null {
  if (!t || t.tag !== 0x02 || t.length < 1 || t.length > 4) return null;
  let v = 0;
  for (const b of t.value) v = v * 256 + b;
  return v;
}

/** The PACEInfos listed in EF.CardAccess; CARD_BAD_TLV when the file is not a SET OF. */
export function parseCardAccess(bytes: Uint8Array): PaceInfo[] {
  const set = decodeSingleTlv(bytes, 0x31);
  const out: PaceInfo[] = [];
  for (const entry of decodeTlvList(set.value)) {
    if (entry.tag !== 0x30) continue;
    let fields: Tlv[];
    try {
      fields = decodeTlvList(entry.value);
    } catch {
      continue;
    }
    const oid = fields[0];
    if (!oid || oid.tag !== 0x06) continue;
    const isPace =
      oid.length === ID_PACE.length + 2 &&
      bytesEqual(oid.value.subarray(0, ID_PACE.length), ID_PACE);
    const version = smallInteger(fields[1]);
    if (!isPace || version === null) continue;
    const oidBytes = new Uint8Array(oid.value);
    out.push({
      oid: oidBytes,
      oidText: oidToString(oidBytes),
      version,
      parameterId: smallInteger(fields[2]),
    });
  }
  return out;
}

/**
 * The PACEInfo this reader can run: ECDH Generic Mapping with AES-128, version 2, on
 * brainpoolP256r1 or NIST P-256. Null when the card offers none of those (use BAC).
 */
export function selectPaceInfo(infos: readonly PaceInfo[]): PaceInfo | null {
  return (
    infos.find(
      (i) =>
        bytesEqual(i.oid, PACE_ECDH_GM_AES_128) &&
        i.version === 2 &&
        i.parameterId !== null &&
        PACE_CURVES.has(i.parameterId),
    ) ?? null
  );
}

/** EF.CardAccess holding one PACEInfo (the simulated chip's file, and tests). */
export function encodeCardAccess(oid: Uint8Array, parameterId: number): Uint8Array {
  if (parameterId < 0 || parameterId > 127) throw badTlv(`parameterId ${parameterId} out of range`);
  return encodeTlv(
    0x31,
    encodeTlv(
      0x30,
      encodeTlv(0x06, oid),
      encodeTlv(0x02, new Uint8Array([2])),
      encodeTlv(0x02, new Uint8Array([parameterId])),
    ),
  );
}
