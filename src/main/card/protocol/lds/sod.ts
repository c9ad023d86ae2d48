/**
 * EF.SOD (ICAO 9303-10 §4.6.2, 9303-12 §4.4): tag 77 around a CMS ContentInfo of SignedData
 * whose encapsulated content (type 2.23.136.1.1.1) is the LDSSecurityObject, the list of
 * data-group hashes. This module only takes it apart; passive-auth.ts judges it.
 */
import { ContentInfo, SignedData, id_signedData, type SignerInfo } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { asn1Time } from '../pki/asn1-time';
import { badTlv, children, decodeSingleTlv, decodeTlvList, encodeTlv, type Tlv } from '../tlv';

export const OID_LDS_SECURITY_OBJECT = '2.23.136.1.1.1';
export const OID_CONTENT_TYPE_ATTR = '1.2.840.113549.1.9.3';
export const OID_MESSAGE_DIGEST_ATTR = '1.2.840.113549.1.9.4';
export const OID_SIGNING_TIME_ATTR = '1.2.840.113549.1.9.5';

/** Hash algorithm OIDs → node:crypto names. */
export const HASH_BY_OID: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export interface AlgorithmRef {
  oid: string;
  /** DER of the parameters, when present (RSA-PSS needs them). */
  parameters: Uint8Array | null;
}

export interface LdsSecurityObject {
  version: number;
  /** node:crypto name of the hash used for the data groups, or null when unknown. */
  hashAlgorithm: string | null;
  hashAlgorithmOid: string;
  /** Data-group number → hash. */
  hashes: Map<number, Uint8Array>;
}

export interface Sod {
  eContentType: string;
  /** DER of the LDSSecurityObject, exactly as signed over. */
  eContent: Uint8Array;
  securityObject: LdsSecurityObject;
  signer: {
    digestAlgorithm: AlgorithmRef;
    signatureAlgorithm: AlgorithmRef;
    signature: Uint8Array;
    /** DER of the signed attributes as a SET (what the signature covers), or null. */
    signedAttributes: Uint8Array | null;
    /** Signed attribute type OID → its first value's DER. */
    attributes: Map<string, Uint8Array>;
    /** The signing-time attribute, null when the SOD has none. */
    signingTime: Date | null;
    /** How the DS certificate is named. */
    issuerAndSerial: { issuerDer: Uint8Array; serial: Uint8Array } | null;
    subjectKeyIdentifier: Uint8Array | null;
  };
  /** DER of each certificate carried in the SOD (normally the Document Signer's). */
  certificates: Uint8Array[];
}

const u8 = (b: ArrayBuffer | ArrayBufferView): Uint8Array =>
  b instanceof ArrayBuffer
    ? new Uint8Array(b)
    : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

const ab = (b: Uint8Array): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

function integer(t: Tlv | undefined, what: string): number {
  if (!t || t.tag !== 0x02 || t.length < 1 || t.length > 4)
    throw badTlv(`${what}: INTEGER expected`);
  let n = 0;
  for (const b of t.value) n = n * 256 + b;
  return n;
}

function oidToString(value: Uint8Array): string {
  const arcs: number[] = [];
  let v = 0;
  for (const b of value) {
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(v);
      v = 0;
    }
  }
  if (arcs.length === 0) throw badTlv('empty OBJECT IDENTIFIER');
  const first = arcs[0]!;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs.slice(1)].join('.');
}

/** LDSSecurityObject ::= SEQUENCE { version, hashAlgorithm, dataGroupHashValues, [ldsVersionInfo] } */
export function parseLdsSecurityObject(der: Uint8Array): LdsSecurityObject {
  const items = children(decodeSingleTlv(der, 0x30));
  const version = integer(items[0], 'LDSSecurityObject version');
  const alg = items[1];
  if (!alg || alg.tag !== 0x30) throw badTlv('LDSSecurityObject: hash algorithm expected');
  const oidTlv = children(alg)[0];
  if (!oidTlv || oidTlv.tag !== 0x06)
    throw badTlv('LDSSecurityObject: hash algorithm OID expected');
  const hashAlgorithmOid = oidToString(oidTlv.value);
  const list = items[2];
  if (!list || list.tag !== 0x30) throw badTlv('LDSSecurityObject: data-group hashes expected');
  const hashes = new Map<number, Uint8Array>();
  for (const entry of children(list)) {
    const [n, h] = children(entry);
    if (!h || h.tag !== 0x04) throw badTlv('LDSSecurityObject: hash OCTET STRING expected');
    hashes.set(integer(n, 'data-group number'), new Uint8Array(h.value));
  }
  return {
    version,
    hashAlgorithm: HASH_BY_OID[hashAlgorithmOid] ?? null,
    hashAlgorithmOid,
    hashes,
  };
}

function algorithm(a: { algorithm: string; parameters?: ArrayBuffer | null }): AlgorithmRef {
  return { oid: a.algorithm, parameters: a.parameters ? u8(a.parameters) : null };
}

/** The eContent OCTET STRING's bytes (a BER constructed OCTET STRING is joined). */
function encapsulatedBytes(signed: SignedData): Uint8Array {
  const content = signed.encapContentInfo.eContent;
  if (content?.single) return u8(content.single.buffer);
  if (content?.any) {
    const parts = decodeTlvList(u8(content.any)).flatMap((t) =>
      t.constructed ? decodeTlvList(t.value) : [t],
    );
    return new Uint8Array(parts.flatMap((t) => [...t.value]));
  }
  throw badTlv('SOD without encapsulated content');
}

/** The DER the signature covers: the [0] IMPLICIT signed attributes re-tagged as SET (0x31). */
function signedAttributesDer(signer: SignerInfo): Uint8Array | null {
  if (!signer.signedAttrs) return null;
  if (!signer.signedAttrsRaw) {
    // Parsed without the raw view: re-encode (exact for DER input, which CMS requires here).
    return encodeTlv(
      0x31,
      ...signer.signedAttrs.map((a) => new Uint8Array(AsnConvert.serialize(a))),
    );
  }
  const raw = new Uint8Array(u8(signer.signedAttrsRaw));
  raw[0] = 0x31;
  return raw;
}

export function parseSod(bytes: Uint8Array): Sod {
  const outer = decodeSingleTlv(bytes, 0x77);
  let signed: SignedData;
  try {
    const info = AsnConvert.parse(ab(outer.value), ContentInfo);
    if (info.contentType !== id_signedData) throw new Error(`content type ${info.contentType}`);
    signed = AsnConvert.parse(info.content, SignedData);
  } catch (err) {
    throw badTlv(`EF.SOD is not CMS SignedData: ${(err as Error).message}`);
  }
  const signer = signed.signerInfos[0];
  if (!signer) throw badTlv('SOD without a signer');
  const eContent = encapsulatedBytes(signed);
  const attributes = new Map<string, Uint8Array>();
  for (const a of signer.signedAttrs ?? []) {
    const first = a.attrValues[0];
    if (first) attributes.set(a.attrType, u8(first));
  }
  const ias = signer.sid.issuerAndSerialNumber;
  const signingTimeDer = attributes.get(OID_SIGNING_TIME_ATTR);
  return {
    eContentType: signed.encapContentInfo.eContentType,
    eContent,
    securityObject: parseLdsSecurityObject(eContent),
    signer: {
      digestAlgorithm: algorithm(signer.digestAlgorithm),
      signatureAlgorithm: algorithm(signer.signatureAlgorithm),
      signature: u8(signer.signature.buffer),
      signedAttributes: signedAttributesDer(signer),
      attributes,
      signingTime: signingTimeDer ? asn1Time(decodeSingleTlv(signingTimeDer)) : null,
      issuerAndSerial: ias
        ? {
            issuerDer: new Uint8Array(AsnConvert.serialize(ias.issuer)),
            serial: u8(ias.serialNumber),
          }
        : null,
      subjectKeyIdentifier: signer.sid.subjectKeyIdentifier
        ? u8(signer.sid.subjectKeyIdentifier.buffer)
        : null,
    },
    certificates: (signed.certificates ?? [])
      .filter((c) => c.certificate)
      .map((c) => new Uint8Array(AsnConvert.serialize(c.certificate!))),
  };
}

export { oidToString };
