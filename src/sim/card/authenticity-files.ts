/**
 * DG14 and DG15 of a simulated chip (ICAO 9303-10 §4.7.14-15, 9303-11 §9.2): the Chip
 * Authentication public key with id-CA-ECDH-AES-CBC-CMAC-128 version 1 (the entry real CCCD
 * EF.CardAccess files list), the Active Authentication info (ECDSA, plain, SHA-256) and the
 * Active Authentication public key. Keys are written as SubjectPublicKeyInfo with a named curve.
 */
import { ID_AA, ID_CA_ECDH_AES_128 } from '../../main/card/protocol/lds/dg14';
import { OID } from '../../main/card/protocol/lds/public-key';
import { encodePoint, type AffinePoint, type Curve } from '../../main/card/protocol/ec-curve';
import { der, tlv } from './ber-writer';
import type { SimChipKeys } from './chip-keys';

const ID_PK_ECDH = '0.4.0.127.0.7.2.2.1.2';
const ECDSA_PLAIN_SHA256 = '0.4.0.127.0.7.1.1.4.1.3';
const BRAINPOOL_P256R1_OID = '1.3.36.3.3.2.8.1.1.7';

/** Which proofs the simulated chip offers. */
export interface AuthenticityOffer {
  ca: boolean;
  aa: boolean;
}

export function ecSubjectPublicKeyInfo(curve: Curve, point: AffinePoint): Uint8Array {
  if (curve.name !== 'brainpoolP256r1') throw new RangeError(`no OID written for ${curve.name}`);
  return der.sequence(
    der.sequence(der.oid(OID.ecPublicKey), der.oid(BRAINPOOL_P256R1_OID)),
    tlv(0x03, new Uint8Array([0x00, ...encodePoint(curve, point)])),
  );
}

/** DG14 with the entries of `offer`; null when it offers nothing. */
export function dg14(keys: SimChipKeys, offer: AuthenticityOffer): Uint8Array | null {
  const infos: Uint8Array[] = [];
  if (offer.ca) {
    infos.push(
      der.sequence(der.oid(ID_PK_ECDH), ecSubjectPublicKeyInfo(keys.curve, keys.caPublicKey)),
      der.sequence(der.oid(ID_CA_ECDH_AES_128), der.integer(1)),
    );
  }
  if (offer.aa) {
    infos.push(der.sequence(der.oid(ID_AA), der.integer(1), der.oid(ECDSA_PLAIN_SHA256)));
  }
  return infos.length ? tlv(0x6e, tlv(0x31, ...infos)) : null;
}

/** DG15 (the Active Authentication key); null when AA is not offered. */
export function dg15(keys: SimChipKeys, offer: AuthenticityOffer): Uint8Array | null {
  return offer.aa ? tlv(0x6f, ecSubjectPublicKeyInfo(keys.curve, keys.aaPublicKey)) : null;
}
