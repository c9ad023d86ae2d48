/**
 * DG14 (ICAO 9303-10 §4.7.14, 9303-11 §9.2): tag 6E around a SET OF SecurityInfo. This reader
 * uses three kinds:
 * - ChipAuthenticationInfo: SEQUENCE { id-CA-* OID, version INTEGER, keyId INTEGER OPTIONAL }
 * - ChipAuthenticationPublicKeyInfo: SEQUENCE { id-PK-* OID, SubjectPublicKeyInfo, keyId OPTIONAL }
 * - ActiveAuthenticationInfo: SEQUENCE { id-AA OID, version INTEGER, signatureAlgorithm OID }
 * Other entries (PACEInfo, TerminalAuthenticationInfo, ...) and entries that do not parse are
 * skipped: one odd entry must not hide the key the reader can use.
 */
import { oidToString } from '../card-access';
import { children, decodeSingleTlv, decodeTlvList, type Tlv } from '../tlv';
import { parseSubjectPublicKeyInfo, type ChipPublicKey } from './public-key';

/** id-CA-ECDH-AES-CBC-CMAC-128 (BSI TR-03110-3 A.1.1.2), the CA protocol CCCD chips offer. */
export const ID_CA_ECDH_AES_128 = '0.4.0.127.0.7.2.2.3.2.2';
const ID_PK = '0.4.0.127.0.7.2.2.1.';
const ID_CA = '0.4.0.127.0.7.2.2.3.';
/** id-icao-mrtd-security-aaProtocolObject (9303-11 §9.2.6). */
export const ID_AA = '2.23.136.1.1.5';

export interface ChipAuthenticationInfo {
  oid: string;
  version: number;
  keyId: number | null;
}

export interface ChipAuthenticationKey {
  key: ChipPublicKey;
  keyId: number | null;
}

export interface Dg14 {
  chipAuthentication: ChipAuthenticationInfo[];
  chipAuthenticationKeys: ChipAuthenticationKey[];
  /** The signature algorithm OID for Active Authentication with ECDSA; null when absent. */
  activeAuthentication: { version: number; signatureAlgorithm: string | null } | null;
}

function smallInteger(t: Tlv | undefined): number | null {
  if (!t || t.tag !== 0x02 || t.length < 1 || t.length > 4) return null;
  let v = 0;
  for (const b of t.value) v = v * 256 + b;
  return v;
}

/** Parses DG14; CARD_BAD_TLV when it is not 6E { SET OF ... }. */
export function parseDg14(bytes: Uint8Array): Dg14 {
  const set = decodeSingleTlv(decodeSingleTlv(bytes, 0x6e).value, 0x31);
  const out: Dg14 = {
    chipAuthentication: [],
    chipAuthenticationKeys: [],
    activeAuthentication: null,
  };
  for (const entry of decodeTlvList(set.value)) {
    if (entry.tag !== 0x30) continue;
    try {
      const [oid, second, third] = children(entry);
      if (!oid || oid.tag !== 0x06) continue;
      const protocol = oidToString(oid.value);
      if (protocol.startsWith(ID_CA)) {
        const version = smallInteger(second);
        if (version !== null) {
          out.chipAuthentication.push({ oid: protocol, version, keyId: smallInteger(third) });
        }
      } else if (protocol.startsWith(ID_PK) && second?.tag === 0x30) {
        const spki = entry.value.subarray(second.offset, second.offset + second.totalLength);
        out.chipAuthenticationKeys.push({
          key: parseSubjectPublicKeyInfo(spki),
          keyId: smallInteger(third),
        });
      } else if (protocol === ID_AA) {
        const version = smallInteger(second);
        if (version !== null) {
          out.activeAuthentication = {
            version,
            signatureAlgorithm: third?.tag === 0x06 ? oidToString(third.value) : null,
          };
        }
      }
    } catch {
      continue;
    }
  }
  return out;
}
