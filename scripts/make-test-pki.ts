/**
 * Generates the simulator's TEST-ONLY PKI into resources/test-pki/: a CSCA for country VN and a
 * Document Signer certificate + private key issued by it. The simulated chip signs its EF.SOD
 * with the DS key so that passive authentication can run end to end without a real card.
 *
 *   npx tsx scripts/make-test-pki.ts            # writes resources/test-pki/*
 *
 * Run once; the output is committed. Running it again makes new keys (the old SODs stay valid
 * only against the old certificates, so the simulator re-signs at build time from these files).
 * Nothing here is trusted by a real deployment: the names say TEST ONLY on purpose.
 */
import { webcrypto } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as x509 from '@peculiar/x509';

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'test-pki');

const alg = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;

const CSCA_NAME =
  'C=VN, O=Simulated CCCD TEST ONLY - NOT TRUSTED, OU=Test PKI, CN=CSCA Viet Nam TEST ONLY';
const DS_NAME =
  'C=VN, O=Simulated CCCD TEST ONLY - NOT TRUSTED, OU=Test PKI, CN=Document Signer CCCD TEST ONLY';

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
}

async function main(): Promise<void> {
  const cscaKeys = await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const csca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: CSCA_NAME,
    notBefore: new Date('2024-01-01T00:00:00Z'),
    notAfter: new Date('2049-12-31T00:00:00Z'),
    keys: cscaKeys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(cscaKeys.publicKey),
    ],
  });

  const dsKeys = await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const ds = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: DS_NAME,
    issuer: csca.subject,
    notBefore: new Date('2024-01-01T00:00:00Z'),
    notAfter: new Date('2049-12-31T00:00:00Z'),
    publicKey: dsKeys.publicKey,
    signingKey: cscaKeys.privateKey,
    signingAlgorithm: alg,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      await x509.AuthorityKeyIdentifierExtension.create(csca, false),
      await x509.SubjectKeyIdentifierExtension.create(dsKeys.publicKey),
    ],
  });

  if (!(await ds.verify({ publicKey: csca.publicKey, signatureOnly: true }))) {
    throw new Error('generated DS certificate does not verify against the CSCA');
  }

  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'csca-test.pem'), csca.toString('pem') + '\n');
  writeFileSync(join(outDir, 'ds-test.pem'), ds.toString('pem') + '\n');
  const dsKey = await crypto.subtle.exportKey('pkcs8', dsKeys.privateKey);
  writeFileSync(join(outDir, 'ds-test.key.pem'), pem('PRIVATE KEY', dsKey));
  console.log(`test PKI written to ${outDir}`);
}

await main();
