/**
 * EF.SOD for a simulated card (ICAO 9303-10 §4.6.2, 9303-12 §4.4): tag 0x77 around a CMS
 * ContentInfo/SignedData whose encapsulated content (type 2.23.136.1.1.1) is the DER of an
 * LDSSecurityObject listing the SHA-256 hash of each data group, signed (signed attributes:
 * content type + message digest, and a signing time when asked) by the TEST-ONLY Document Signer:
 * ECDSA with SHA-256 for its EC key (the test PKI's), RSA PKCS#1 v1.5 SHA-256 for an RSA key.
 */
import { sign } from 'node:crypto';
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContent,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
  id_signedData,
} from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Certificate } from '@peculiar/asn1-x509';
import { sha256 } from '../../main/card/protocol/crypto';
import {
  OID_CONTENT_TYPE_ATTR,
  OID_LDS_SECURITY_OBJECT,
  OID_MESSAGE_DIGEST_ATTR,
} from '../../main/card/protocol/lds/sod';
import { der, tlv } from './ber-writer';
import type { TestPki } from './test-pki';

const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
const OID_SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const OID_ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const OID_SIGNING_TIME_ATTR = '1.2.840.113549.1.9.5';

const buf = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** LDSSecurityObject v0 with SHA-256 hashes, data groups in ascending order. */
export function ldsSecurityObject(hashes: ReadonlyMap<number, Uint8Array>): Uint8Array {
  const entries = [...hashes.entries()].sort(([a], [b]) => a - b);
  return der.sequence(
    der.integer(0),
    der.sequence(der.oid(OID_SHA256)),
    der.sequence(...entries.map(([dg, h]) => der.sequence(der.integer(dg), der.octetString(h)))),
  );
}

export interface SodOptions {
  /**
   * Overwrite the first byte of this data group's hash after the SOD is signed (a tampered
   * card): passive authentication must then fail.
   */
  tamperDataGroup?: number;
  /** Adds the CMS signing-time attribute (passive authentication checks the DS at that time). */
  signingTime?: Date;
}

/** The SignerInfo's signature algorithm for the DS key (ECDSA's has no parameters field). */
function signatureAlgorithmFor(pki: TestPki): AlgorithmIdentifier {
  return pki.dsPrivateKey.asymmetricKeyType === 'ec'
    ? new AlgorithmIdentifier({ algorithm: OID_ECDSA_WITH_SHA256 })
    : new AlgorithmIdentifier({ algorithm: OID_SHA256_WITH_RSA, parameters: null });
}

/** EF.SOD bytes over `dataGroups` (number → file bytes). */
export function buildSod(
  dataGroups: ReadonlyMap<number, Uint8Array>,
  pki: TestPki,
  options: SodOptions = {},
): Uint8Array {
  const hashes = new Map([...dataGroups].map(([n, bytes]) => [n, sha256(bytes)]));
  const content = ldsSecurityObject(hashes);

  const signedAttrs = [
    new Attribute({
      attrType: OID_CONTENT_TYPE_ATTR,
      attrValues: [buf(der.oid(OID_LDS_SECURITY_OBJECT))],
    }),
    new Attribute({
      attrType: OID_MESSAGE_DIGEST_ATTR,
      attrValues: [buf(der.octetString(sha256(content)))],
    }),
  ];
  if (options.signingTime) {
    signedAttrs.push(
      new Attribute({
        attrType: OID_SIGNING_TIME_ATTR,
        attrValues: [buf(der.time(options.signingTime))],
      }),
    );
  }
  // The signature covers the DER of the attributes as a SET (tag 0x31), not as the [0] field;
  // DER orders a SET's elements by their encodings.
  // The SignerInfo below carries them in the same order.
  const ordered = signedAttrs
    .map((attribute) => ({ attribute, encoded: new Uint8Array(AsnConvert.serialize(attribute)) }))
    .sort((a, b) => Buffer.compare(a.encoded, b.encoded));
  const attrsDer = tlv(0x31, ...ordered.map((a) => a.encoded));
  // node:crypto's ECDSA signature is DER (r, s), what ecdsa-with-SHA256 carries.
  const signature = new Uint8Array(sign('sha256', attrsDer, pki.dsPrivateKey));

  const dsCert = AsnConvert.parse(buf(pki.dsCertificate), Certificate);
  let eContent = content;
  if (options.tamperDataGroup !== undefined) {
    eContent = tamperHash(content, hashes, options.tamperDataGroup);
  }

  const signedData = new SignedData({
    version: 3,
    digestAlgorithms: new DigestAlgorithmIdentifiers([
      new AlgorithmIdentifier({ algorithm: OID_SHA256 }),
    ]),
    encapContentInfo: new EncapsulatedContentInfo({
      eContentType: OID_LDS_SECURITY_OBJECT,
      eContent: new EncapsulatedContent({ single: new OctetString(buf(eContent)) }),
    }),
    certificates: new CertificateSet([new CertificateChoices({ certificate: dsCert })]),
    signerInfos: new SignerInfos([
      new SignerInfo({
        version: 1,
        sid: new SignerIdentifier({
          issuerAndSerialNumber: new IssuerAndSerialNumber({
            issuer: dsCert.tbsCertificate.issuer,
            serialNumber: dsCert.tbsCertificate.serialNumber,
          }),
        }),
        digestAlgorithm: new AlgorithmIdentifier({ algorithm: OID_SHA256 }),
        signedAttrs: ordered.map((a) => a.attribute),
        signatureAlgorithm: signatureAlgorithmFor(pki),
        signature: new OctetString(buf(signature)),
      }),
    ]),
  });
  const contentInfo = new ContentInfo({
    contentType: id_signedData,
    content: AsnConvert.serialize(signedData),
  });
  return tlv(0x77, new Uint8Array(AsnConvert.serialize(contentInfo)));
}

/** Flips the first byte of one data group's hash inside an encoded LDSSecurityObject. */
function tamperHash(content: Uint8Array, hashes: Map<number, Uint8Array>, dg: number): Uint8Array {
  const hash = hashes.get(dg);
  if (!hash) throw new RangeError(`no data group ${dg} to tamper with`);
  const out = new Uint8Array(content);
  const at = Buffer.from(out).indexOf(Buffer.from(hash));
  if (at < 0) throw new Error('hash not found in the security object');
  out[at] = out[at]! ^ 0xff;
  return out;
}
