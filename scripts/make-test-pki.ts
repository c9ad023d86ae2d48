/**
 * Generates the simulator's TEST-ONLY PKI into resources/test-pki/: a CSCA for country VN and a
 * Document Signer certificate + private key issued by it, on the algorithms of the real CCCD
 * CSCA (ECDSA P-384 with SHA-384; the DS key is ECDSA P-256). The simulated chip signs its EF.SOD
 * with the DS key so that passive authentication can run end to end without a real card; the
 * CSCA key is kept in tests/fixtures/test-pki (never under resources/) so that tests can sign
 * CRLs with it.
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

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'resources', 'test-pki');
// The CSCA key only signs test CRLs: it stays with the tests, never under resources/.
const testKeyDir = join(root, 'tests', 'fixtures', 'test-pki');

// As the national CSCA (the team's reference copy): P-384, certificates signed with SHA-384.
const CSCA_ALG = { name: 'ECDSA', namedCurve: 'P-384', hash: 'SHA-384' } as const;
const DS_ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

const CSCA_NAME =
  'C=VN, O=Simulated CCCD TEST ONLY - NOT TRUSTED, OU=Test PKI, CN=CSCA Viet Nam TEST ONLY';
const DS_NAME =
  'C=VN, O=Simulated CCCD TEST ONLY - NOT TRUSTED, OU=Test PKI, CN=Document Signer CCCD TEST ONLY';

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
}

async function main(): Promise<void> {
  const cscaKeys = await crypto.subtle.generateKey(CSCA_ALG, true, ['sign', 'verify']);
  const csca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: CSCA_NAME,
    notBefore: new Date('2024-01-01T00:00:00Z'),
    notAfter: new Date('2049-12-31T00:00:00Z'),
    keys: cscaKeys,
    signingAlgorithm: CSCA_ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(cscaKeys.publicKey),
    ],
  });

  const dsKeys = await crypto.subtle.generateKey(DS_ALG, true, ['sign', 'verify']);
  const ds = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: DS_NAME,
    issuer: csca.subject,
    notBefore: new Date('2024-01-01T00:00:00Z'),
    notAfter: new Date('2049-12-31T00:00:00Z'),
    publicKey: dsKeys.publicKey,
    signingKey: cscaKeys.privateKey,
    signingAlgorithm: CSCA_ALG,
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
  const cscaKey = await crypto.subtle.exportKey('pkcs8', cscaKeys.privateKey);
  mkdirSync(testKeyDir, { recursive: true });
  writeFileSync(join(testKeyDir, 'csca-test.key.pem'), pem('PRIVATE KEY', cscaKey));
  console.log(`test PKI written to ${outDir}`);
}

await main();
