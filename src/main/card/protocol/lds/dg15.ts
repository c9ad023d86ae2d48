/**
 * DG15 (ICAO 9303-10 §4.7.15): tag 6F around the Active Authentication public key as a DER
 * SubjectPublicKeyInfo (RSA, or EC whose signature algorithm DG14 names).
 */
import { decodeSingleTlv } from '../tlv';
import { parseSubjectPublicKeyInfo, type ChipPublicKey } from './public-key';

export function parseDg15(bytes: Uint8Array): ChipPublicKey {
  return parseSubjectPublicKeyInfo(decodeSingleTlv(bytes, 0x6f).value);
}
