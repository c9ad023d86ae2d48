/**
 * SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) as found in DG14 (Chip Authentication key) and DG15
 * (Active Authentication key): an elliptic-curve key on a curve this reader knows — named by
 * OID or spelled out as explicit ECParameters (RFC 3279 §2.3.5), which many eMRTD chips do —
 * or an RSA key (kept as DER for node:crypto). Anything else is reported as unsupported.
 */
import { oidToString } from '../card-access';
import {
  BRAINPOOL_P256R1,
  decodePoint,
  NIST_P256,
  type AffinePoint,
  type Curve,
} from '../ec-curve';
import { badTlv, bytesEqual, children, decodeSingleTlv, type Tlv } from '../tlv';
import { bytesToBigint } from '../ec-curve';

export type ChipPublicKey =
  | { kind: 'ec'; curve: Curve; point: AffinePoint; spki: Uint8Array }
  | { kind: 'rsa'; spki: Uint8Array }
  | { kind: 'unsupported'; algorithm: string; spki: Uint8Array };

export const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  /** id-PK-ECDH (BSI TR-03110-3 A.1.1.2): some chips name the CA key's algorithm this way. */
  pkEcdh: '0.4.0.127.0.7.2.2.1.2',
} as const;

const NAMED_CURVES: ReadonlyMap<string, Curve> = new Map([
  ['1.3.36.3.3.2.8.1.1.7', BRAINPOOL_P256R1],
  ['1.2.840.10045.3.1.7', NIST_P256],
]);

function unsignedInteger(t: Tlv | undefined, what: string): bigint {
  if (!t || t.tag !== 0x02) throw badTlv(`${what}: INTEGER expected`);
  return bytesToBigint(t.value);
}

/** The curve of explicit ECParameters, matched on p, a, b and n against the known curves. */
function explicitCurve(params: Tlv): Curve | null {
  const [, fieldId, curveDef, , order] = children(params);
  if (!fieldId || !curveDef) throw badTlv('explicit EC parameters incomplete');
  const p = unsignedInteger(children(fieldId)[1], 'EC prime');
  const [a, b] = children(curveDef);
  if (!a || !b || a.tag !== 0x04 || b.tag !== 0x04) throw badTlv('EC curve coefficients');
  const n = unsignedInteger(order, 'EC order');
  const [aValue, bValue] = [bytesToBigint(a.value), bytesToBigint(b.value)];
  for (const curve of NAMED_CURVES.values()) {
    if (curve.p === p && curve.a === aValue && curve.b === bValue && curve.n === n) return curve;
  }
  return null;
}

/** Parses a DER SubjectPublicKeyInfo. CARD_BAD_TLV when it is not one. */
export function parseSubjectPublicKeyInfo(spki: Uint8Array): ChipPublicKey {
  const top = decodeSingleTlv(spki, 0x30);
  const [algorithm, bits] = children(top);
  if (!algorithm || algorithm.tag !== 0x30 || !bits || bits.tag !== 0x03) {
    throw badTlv('SubjectPublicKeyInfo: algorithm and BIT STRING expected');
  }
  const [oid, params] = children(algorithm);
  if (!oid || oid.tag !== 0x06) throw badTlv('SubjectPublicKeyInfo: algorithm OID expected');
  const algorithmOid = oidToString(oid.value);
  const copy = new Uint8Array(spki.subarray(0, top.totalLength));
  if (algorithmOid === OID.rsaEncryption) return { kind: 'rsa', spki: copy };
  if (algorithmOid !== OID.ecPublicKey && algorithmOid !== OID.pkEcdh) {
    return { kind: 'unsupported', algorithm: algorithmOid, spki: copy };
  }
  let curve: Curve | null = null;
  if (params?.tag === 0x06) curve = NAMED_CURVES.get(oidToString(params.value)) ?? null;
  else if (params?.tag === 0x30) curve = explicitCurve(params);
  if (!curve) return { kind: 'unsupported', algorithm: `${algorithmOid} (curve)`, spki: copy };
  // BIT STRING: one byte of unused bits (0), then the uncompressed point.
  if (bits.value[0] !== 0) throw badTlv('public key BIT STRING with unused bits');
  const point = decodePoint(curve, bits.value.subarray(1));
  if (!point) throw badTlv(`public key is not a point on ${curve.name}`);
  return { kind: 'ec', curve, point, spki: copy };
}

/** Whether two parsed keys are the same key (tests, and checking a DG14 against EF.CardAccess). */
export function samePublicKey(a: ChipPublicKey, b: ChipPublicKey): boolean {
  return bytesEqual(a.spki, b.spki);
}
