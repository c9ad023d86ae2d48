/**
 * Passive authentication (ICAO 9303-11 §5.1): (1) every data group read hashes to the value in
 * EF.SOD; (2) the SOD's signature verifies with the Document Signer certificate it carries,
 * including the signed attributes (content type, message digest of the security object);
 * (3) the DS certificate was issued by a trusted CSCA, is not revoked by its CRL, and could sign
 * the SOD when it did (pki/ds-validity.ts: valid at the signing time, else the read time). The
 * result is `valid` only when all three hold; a failed check is `invalid` naming it; without any configured CSCA a card whose own
 * checks pass is `unverified`. A card whose hashes do not match is never `valid`.
 */
import { verify as verifySignature, X509Certificate, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Certificate } from '@peculiar/asn1-x509';
import { AsnConvert } from '@peculiar/asn1-schema';
import type { PassiveAuthReason, PassiveAuthResult } from '../../../shared/domain';
import { digest } from './crypto';
import { crlDateProblem, parseCrl, serialKey } from './pki/crl';
import { certificatePeriod, dsValidityProblem } from './pki/ds-validity';
import {
  HASH_BY_OID,
  OID_CONTENT_TYPE_ATTR,
  OID_LDS_SECURITY_OBJECT,
  OID_MESSAGE_DIGEST_ATTR,
  oidToString,
  parseSod,
  type AlgorithmRef,
  type Sod,
} from './lds/sod';
import { bytesEqual, children, decodeSingleTlv, decodeTlv, toHex } from './tlv';

export interface PassiveAuthInput {
  /** EF.SOD bytes as read. */
  sod: Uint8Array;
  /** Data-group number → bytes as read (only the groups that were read). */
  dataGroups: ReadonlyMap<number, Uint8Array>;
  /** Trusted CSCA certificates; empty → at best `unverified`. */
  anchors: readonly X509Certificate[];
  /** Serial numbers revoked by CRLs each signed by one of `anchors`. */
  revoked?: readonly Revocations[];
  /** The read time: the DS certificate must be valid then when the SOD has no signing time. */
  now?: Date;
}

const invalid = (
  failedCheck: NonNullable<PassiveAuthResult['failedCheck']>,
  detail: string,
  reason?: PassiveAuthReason,
): PassiveAuthResult => ({ status: 'invalid', failedCheck, detail, ...(reason ? { reason } : {}) });

// ---------------------------------------------------------------------------------------------
// Trust anchors

/** What one trusted CSCA's CRL revokes: serial numbers as upper-case hex without leading zeros. */
export interface Revocations {
  issuer: X509Certificate;
  serials: ReadonlySet<string>;
  /** The file it came from (name only), and its dates: a stale CRL is used but reported. */
  name: string;
  thisUpdate: Date;
  nextUpdate: Date | null;
}

export interface TrustAnchors {
  anchors: X509Certificate[];
  /** From the CRLs in the folder that a trusted CSCA signed. */
  revoked: Revocations[];
  /** Files that could not be read or parsed, or CRLs ignored (names only). */
  problems: string[];
}

const CERT_EXT = new Set(['.pem', '.crt', '.cer', '.der', '.crl']);
const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
// `X509 CRL` is the RFC 7468 label; some tools write `CRL`.
const PEM_CRL = /-----BEGIN (?:X509 )?CRL-----([\s\S]+?)-----END (?:X509 )?CRL-----/g;

interface FileContents {
  certificates: X509Certificate[];
  crls: Uint8Array[];
}

function contentsOfFile(file: string): FileContents {
  const bytes = readFileSync(file);
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN ')) {
    const contents = {
      certificates: (text.match(PEM_CERT) ?? []).map((pem) => new X509Certificate(pem)),
      crls: [...text.matchAll(PEM_CRL)].map(
        (m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')),
      ),
    };
    if (!contents.certificates.length && !contents.crls.length) throw new Error('no PEM block');
    return contents;
  }
  if (path.extname(file).toLowerCase() === '.crl') return { certificates: [], crls: [bytes] };
  return { certificates: [new X509Certificate(bytes)], crls: [] };
}

/**
 * The serials a CRL revokes, when one of `anchors` signed it (the anchor whose key verifies the
 * signature over the tbsCertList bytes as read); null when none did: a CRL anyone could have
 * written must not decide what is trusted.
 */
function trustedRevocations(
  der: Uint8Array,
  name: string,
  anchors: readonly X509Certificate[],
): Revocations | null {
  const crl = parseCrl(der);
  const issuer = anchors.find(
    (a) =>
      verifyWithAlgorithm(a.publicKey, crl.signatureAlgorithm, null, crl.tbs, crl.signature) ===
      true,
  );
  if (!issuer) return null;
  return {
    issuer,
    serials: new Set(crl.revokedSerials),
    name,
    thisUpdate: crl.thisUpdate,
    nextUpdate: crl.nextUpdate,
  };
}

/** Trusted CRLs whose dates say they are not current at `now` (doctor names them). */
export function staleCrls(revoked: readonly Revocations[], now: Date): string[] {
  return revoked.flatMap((r) => {
    const problem = crlDateProblem(r, now);
    return problem ? [`${r.name}: CRL ${problem}`] : [];
  });
}

/**
 * Loads CSCA certificates from files and folders (DER or PEM, several per PEM file; folders are
 * read one level deep, files by extension .pem/.crt/.cer/.der).
 */
export function loadTrustAnchors(paths: readonly string[]): TrustAnchors {
  // Re-parsing every certificate on every card read is wasted work: the folder is only listed
  // and stat'ed, and parsed again when a file was added, removed or changed.
  const signature = folderSignature(paths);
  if (cache && cache.signature === signature) return cache.value;
  const value = readTrustAnchors(paths);
  cache = { signature, value };
  return value;
}

let cache: { signature: string; value: TrustAnchors } | null = null;

function folderSignature(paths: readonly string[]): string {
  const parts: string[] = [];
  for (const p of paths) {
    try {
      const st = statSync(p);
      parts.push(`${p}:${st.mtimeMs}:${st.size}`);
      if (st.isDirectory()) {
        for (const f of readdirSync(p).sort()) {
          const fst = statSync(path.join(p, f));
          parts.push(`${f}:${fst.mtimeMs}:${fst.size}`);
        }
      }
    } catch {
      parts.push(`${p}:missing`);
    }
  }
  return parts.join('|');
}

function readTrustAnchors(paths: readonly string[]): TrustAnchors {
  const anchors: X509Certificate[] = [];
  const crls: Array<{ name: string; der: Uint8Array }> = [];
  const problems: string[] = [];
  for (const p of paths) {
    let files: string[];
    try {
      files = statSync(p).isDirectory()
        ? readdirSync(p)
            .filter((f) => CERT_EXT.has(path.extname(f).toLowerCase()))
            .sort()
            .map((f) => path.join(p, f))
        : [p];
    } catch {
      problems.push(`${p}: not readable`);
      continue;
    }
    for (const f of files) {
      try {
        const contents = contentsOfFile(f);
        anchors.push(...contents.certificates);
        crls.push(...contents.crls.map((der) => ({ name: path.basename(f), der })));
      } catch {
        problems.push(`${path.basename(f)}: not a certificate`);
      }
    }
  }
  const revoked: Revocations[] = [];
  for (const { name, der } of crls) {
    let found: Revocations | null;
    try {
      found = trustedRevocations(der, name, anchors);
    } catch {
      problems.push(`${name}: not a CRL`);
      continue;
    }
    if (found) revoked.push(found);
    else problems.push(`${name}: CRL not signed by a trusted CSCA, ignored`);
  }
  return { anchors, revoked, problems };
}

// ---------------------------------------------------------------------------------------------
// Signature

const RSA_WITH: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};
const ECDSA_WITH: Record<string, string> = {
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
/** BSI TR-03111 plain ECDSA (r || s), used by some issuers. */
const PLAIN_ECDSA_WITH: Record<string, string> = {
  '0.4.0.127.0.7.1.1.4.1.1': 'sha1',
  '0.4.0.127.0.7.1.1.4.1.2': 'sha224',
  '0.4.0.127.0.7.1.1.4.1.3': 'sha256',
  '0.4.0.127.0.7.1.1.4.1.4': 'sha384',
  '0.4.0.127.0.7.1.1.4.1.5': 'sha512',
};
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const RSASSA_PSS = '1.2.840.113549.1.1.10';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';

/** RSASSA-PSS-params: [0] hash, [1] MGF (assumed MGF1 with the same hash), [2] salt length. */
function pssParameters(params: Uint8Array | null): { hash: string; saltLength: number } | null {
  let hash = 'sha1';
  let saltLength = 20;
  if (params && params.length > 2) {
    for (const field of children(decodeSingleTlv(params, 0x30))) {
      if (field.tag === 0xa0) {
        const oid = children(decodeTlv(field.value))[0];
        const name = oid && HASH_BY_OID[oidToString(oid.value)];
        if (!name) return null;
        hash = name;
      } else if (field.tag === 0xa2) {
        const n = decodeTlv(field.value);
        saltLength = [...n.value].reduce((v, b) => v * 256 + b, 0);
      }
    }
  }
  return { hash, saltLength };
}

/** Verifies `signature` over `data` as the SignerInfo's algorithm says; null = unsupported. */
export function verifyWithAlgorithm(
  key: KeyObject,
  algorithm: AlgorithmRef,
  digestAlgorithm: string | null,
  data: Uint8Array,
  signature: Uint8Array,
): boolean | null {
  const { oid } = algorithm;
  try {
    if (oid === RSASSA_PSS) {
      const pss = pssParameters(algorithm.parameters);
      if (!pss) return null;
      return verifySignature(
        pss.hash,
        data,
        { key, padding: 6, saltLength: pss.saltLength },
        signature,
      );
    }
    const rsaHash = RSA_WITH[oid] ?? (oid === RSA_ENCRYPTION ? digestAlgorithm : undefined);
    if (rsaHash) return verifySignature(rsaHash, data, { key, padding: 1 }, signature);
    const ecHash = ECDSA_WITH[oid] ?? (oid === EC_PUBLIC_KEY ? digestAlgorithm : undefined);
    if (ecHash) return verifySignature(ecHash, data, { key, dsaEncoding: 'der' }, signature);
    const plainHash = PLAIN_ECDSA_WITH[oid];
    if (plainHash)
      return verifySignature(plainHash, data, { key, dsaEncoding: 'ieee-p1363' }, signature);
    return null;
  } catch {
    return false;
  }
}

/** The certificate in the SOD that the SignerInfo names (or the only one). */
function signerCertificate(sod: Sod): X509Certificate | null {
  const { issuerAndSerial, subjectKeyIdentifier } = sod.signer;
  for (const der of sod.certificates) {
    const cert = AsnConvert.parse(
      der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer,
      Certificate,
    );
    const tbs = cert.tbsCertificate;
    if (issuerAndSerial) {
      const issuer = new Uint8Array(AsnConvert.serialize(tbs.issuer));
      if (
        bytesEqual(issuer, issuerAndSerial.issuerDer) &&
        bytesEqual(new Uint8Array(tbs.serialNumber), issuerAndSerial.serial)
      ) {
        return new X509Certificate(der);
      }
    } else if (subjectKeyIdentifier) {
      const x = new X509Certificate(der);
      const ski = tbs.extensions?.find((e) => e.extnID === '2.5.29.14');
      if (ski && toHex(new Uint8Array(ski.extnValue.buffer)).endsWith(toHex(subjectKeyIdentifier)))
        return x;
    }
  }
  return sod.certificates.length === 1 ? new X509Certificate(sod.certificates[0]!) : null;
}

function checkSignature(sod: Sod, ds: X509Certificate): string | null {
  const { signer } = sod;
  const digestName = HASH_BY_OID[signer.digestAlgorithm.oid] ?? null;
  if (!digestName) return `digest algorithm ${signer.digestAlgorithm.oid} not supported`;
  let signed = sod.eContent;
  if (signer.signedAttributes) {
    const contentType = signer.attributes.get(OID_CONTENT_TYPE_ATTR);
    if (
      !contentType ||
      oidToString(decodeSingleTlv(contentType, 0x06).value) !== sod.eContentType
    ) {
      return 'signed content-type attribute does not match the content';
    }
    const md = signer.attributes.get(OID_MESSAGE_DIGEST_ATTR);
    const expected = digest(digestName, sod.eContent);
    if (!md || !bytesEqual(decodeSingleTlv(md, 0x04).value, expected)) {
      return 'signed message digest does not match the security object';
    }
    signed = signer.signedAttributes;
  }
  const ok = verifyWithAlgorithm(
    ds.publicKey,
    signer.signatureAlgorithm,
    digestName,
    signed,
    signer.signature,
  );
  if (ok === null) return `signature algorithm ${signer.signatureAlgorithm.oid} not supported`;
  return ok ? null : 'SOD signature does not verify with the Document Signer key';
}

// ---------------------------------------------------------------------------------------------

export function passiveAuthenticate(input: PassiveAuthInput): PassiveAuthResult {
  let sod: Sod;
  try {
    sod = parseSod(input.sod);
  } catch (err) {
    return invalid(
      'sod-format',
      `EF.SOD could not be parsed (${(err as { detail?: string }).detail ?? 'format'})`,
    );
  }
  if (sod.eContentType !== OID_LDS_SECURITY_OBJECT) {
    return invalid(
      'sod-format',
      `SOD content type ${sod.eContentType} is not an LDS security object`,
    );
  }
  const hashName = sod.securityObject.hashAlgorithm;
  if (!hashName)
    return invalid(
      'sod-format',
      `hash algorithm ${sod.securityObject.hashAlgorithmOid} not supported`,
    );

  // 1. Data-group hashes: first, and decisive.
  const checked: number[] = [];
  for (const [dg, bytes] of [...input.dataGroups].sort(([a], [b]) => a - b)) {
    const expected = sod.securityObject.hashes.get(dg);
    if (!expected) return invalid('dg-hash', `DG${dg} is not listed in the SOD`);
    if (!bytesEqual(digest(hashName, bytes), expected)) {
      return invalid('dg-hash', `DG${dg} does not match its hash in the SOD`);
    }
    checked.push(dg);
  }
  const groups = checked.map((n) => `DG${n}`).join(', ') || 'no data groups';

  // 2. The SOD's own signature.
  let ds: X509Certificate | null;
  try {
    ds = signerCertificate(sod);
  } catch {
    ds = null;
  }
  if (!ds) return invalid('signature', 'no usable Document Signer certificate in the SOD');
  let signatureProblem: string | null;
  try {
    signatureProblem = checkSignature(sod, ds);
  } catch {
    signatureProblem = 'signed attributes are malformed';
  }
  if (signatureProblem) return invalid('signature', signatureProblem);

  // 3. The Document Signer chains to a trusted CSCA.
  if (input.anchors.length === 0) {
    return {
      status: 'unverified',
      detail: `hashes of ${groups} and the SOD signature check out, but no CSCA certificate is configured`,
    };
  }
  const issuer = input.anchors.find((a) => {
    try {
      return ds.checkIssued(a) && ds.verify(a.publicKey);
    } catch {
      return false;
    }
  });
  if (!issuer) {
    return invalid(
      'certificate-chain',
      'the Document Signer certificate was not issued by any configured CSCA',
    );
  }
  const now = input.now ?? new Date();
  // A CSCA's CRL that is out of date is still used (it is the best list there is) but said.
  const crls = (input.revoked ?? []).filter((r) => r.issuer === issuer);
  const stale =
    crls.length > 0 && crls.every((r) => crlDateProblem(r, now) !== null)
      ? crls.map((r) => `${r.name} ${crlDateProblem(r, now)}`).join(', ')
      : null;
  const withCrlNote = (result: PassiveAuthResult): PassiveAuthResult =>
    stale
      ? {
          ...result,
          detail: `${result.detail}; the CSCA's CRL is not current: ${stale}`,
          crlStale: true,
        }
      : result;
  const serial = serialKey(ds.serialNumber);
  if (crls.some((r) => r.serials.has(serial))) {
    return withCrlNote(
      invalid(
        'certificate-chain',
        "the Document Signer certificate is revoked (listed in its CSCA's CRL)",
        'ds-revoked',
      ),
    );
  }
  const validity = dsValidityProblem({
    ds: certificatePeriod(ds),
    csca: certificatePeriod(issuer),
    signingTime: sod.signer.signingTime,
    readTime: now,
  });
  if (validity) {
    return withCrlNote(invalid('certificate-chain', validity.detail, validity.reason));
  }
  return withCrlNote({
    status: 'valid',
    detail: `hashes of ${groups}, SOD signature and CSCA chain verified`,
  });
}
