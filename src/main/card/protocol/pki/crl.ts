/**
 * An X.509 CRL taken apart by position (RFC 5280 §5.1):
 *
 *   CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue BIT STRING }
 *   TBSCertList ::= SEQUENCE { version INTEGER OPTIONAL, signature AlgorithmIdentifier,
 *     issuer Name, thisUpdate Time, nextUpdate Time OPTIONAL,
 *     revokedCertificates SEQUENCE OF SEQUENCE { userCertificate INTEGER, revocationDate Time,
 *       crlEntryExtensions OPTIONAL } OPTIONAL, crlExtensions [0] OPTIONAL }
 *
 * Read here with the strict TLV decoder rather than a schema library: a CRL without nextUpdate
 * (allowed, and what some CSCAs issue) must still revoke what it lists, and each optional field
 * is told apart by its tag, never by guessing which optional came first.
 */
import type { AlgorithmRef } from '../lds/sod';
import { oidToString } from '../lds/sod';
import { badTlv, children, decodeSingleTlv, type Tlv } from '../tlv';
import { asn1Time, isTimeTag } from './asn1-time';

export interface Crl {
  /** The tbsCertList bytes as read: what the signature covers. */
  tbs: Uint8Array;
  signatureAlgorithm: AlgorithmRef;
  signature: Uint8Array;
  thisUpdate: Date;
  /** Null when the CRL does not say when the next one is due. */
  nextUpdate: Date | null;
  /** Revoked serial numbers as upper-case hex without leading zeros. */
  revokedSerials: string[];
}

/** The whole encoding (header + value) of a decoded TLV. */
const encodingOf = (t: Tlv): Uint8Array =>
  new Uint8Array(t.value.buffer, t.value.byteOffset - t.headerLength, t.totalLength);

export const serialKey = (hex: string): string => hex.toUpperCase().replace(/^0+(?=.)/, '');

function algorithmOf(t: Tlv | undefined, what: string): AlgorithmRef {
  if (!t || t.tag !== 0x30) throw badTlv(`${what}: AlgorithmIdentifier expected`);
  const [oid, params] = children(t);
  if (!oid || oid.tag !== 0x06) throw badTlv(`${what}: algorithm OID expected`);
  return { oid: oidToString(oid.value), parameters: params ? encodingOf(params) : null };
}

export function parseCrl(der: Uint8Array): Crl {
  const [tbsTlv, algTlv, sigTlv, ...rest] = children(decodeSingleTlv(der, 0x30));
  if (!tbsTlv || tbsTlv.tag !== 0x30 || rest.length) throw badTlv('CRL: three fields expected');
  if (!sigTlv || sigTlv.tag !== 0x03 || sigTlv.value[0] !== 0)
    throw badTlv('CRL: signature BIT STRING expected');

  const fields = children(tbsTlv);
  let i = 0;
  if (fields[i]?.tag === 0x02) i++; // version (v2); absent in v1
  algorithmOf(fields[i++], 'CRL signature');
  if (fields[i++]?.tag !== 0x30) throw badTlv('CRL: issuer Name expected');
  const thisTlv = fields[i++];
  if (!thisTlv || !isTimeTag(thisTlv.tag)) throw badTlv('CRL: thisUpdate expected');
  const thisUpdate = asn1Time(thisTlv);
  let nextUpdate: Date | null = null;
  if (fields[i] && isTimeTag(fields[i]!.tag)) nextUpdate = asn1Time(fields[i++]!);
  const revokedSerials: string[] = [];
  if (fields[i]?.tag === 0x30) {
    for (const entry of children(fields[i++]!)) {
      const serial = entry.tag === 0x30 ? children(entry)[0] : undefined;
      if (!serial || serial.tag !== 0x02) throw badTlv('CRL: revoked serial number expected');
      revokedSerials.push(serialKey(Buffer.from(serial.value).toString('hex')));
    }
  }
  if (fields[i]?.tag === 0xa0) i++;
  if (i !== fields.length) throw badTlv('CRL: unexpected field in tbsCertList');

  return {
    tbs: encodingOf(tbsTlv),
    signatureAlgorithm: algorithmOf(algTlv, 'CRL'),
    signature: sigTlv.value.subarray(1),
    thisUpdate,
    nextUpdate,
    revokedSerials,
  };
}

/** Why a CRL's dates make it stale at `now`, or null when it is current. */
export function crlDateProblem(
  crl: Pick<Crl, 'thisUpdate' | 'nextUpdate'>,
  now: Date,
): string | null {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (crl.thisUpdate > now) return `issued in the future (thisUpdate ${day(crl.thisUpdate)})`;
  if (crl.nextUpdate && crl.nextUpdate < now)
    return `stale (its next update was due ${day(crl.nextUpdate)})`;
  return null;
}
