import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/main/config/load-config';
import {
  checkCardReader,
  checkHis,
  checkSimulation,
  checkStore,
  checkTimeZone,
} from '../../../src/main/doctor/checks';
import { migrate } from '../../../src/main/store/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/main/store/migrations';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import { makePki } from '../card/fixtures/pki';
import { testCrl } from '../card/fixtures/test-crl';
import { testCscaPath } from '../../../src/sim/card/test-pki';
import { startFhirTestServer } from '../../support/his/fhir-test-server';

function config(file: unknown) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-doctor-'));
  // A real reader beside the default simulated lookup service is a test bench.
  writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({ allowSimulated: true, ...(file as object) }),
  );
  return loadConfig(dir).config;
}

describe('doctor: card reader', () => {
  it('is fine with the simulated reader and its test CSCA', () => {
    expect(checkCardReader(config({})).status).toBe('ok');
  });

  it('warns when real readers trust the public test CSCA', () => {
    const trusting = checkCardReader(config({ reader: { driver: 'pcsc', trustTestCsca: true } }));
    expect(trusting.status).toBe('warn');
    expect(trusting.detail).toMatch(/trustTestCsca/);
  });

  it('real readers use the shipped CCCD CSCA by default', () => {
    const shipped = checkCardReader(config({ reader: { driver: 'pcsc' } }));
    expect(shipped.status).toBe('ok');
    expect(shipped.detail).toMatch(/shipped CCCD CSCA/);
  });

  it('fails a CSCA folder that is missing or holds no certificate', () => {
    const missing = checkCardReader(
      config({ reader: { driver: 'pcsc', cscaFolder: '/nonexistent/csca' } }),
    );
    expect(missing).toMatchObject({ status: 'fail' });
    expect(missing.detail).toMatch(/does not exist/);
    const empty = mkdtempSync(path.join(os.tmpdir(), 'kiosk-csca-'));
    writeFileSync(path.join(empty, 'notes.txt'), 'not a certificate');
    const none = checkCardReader(config({ reader: { driver: 'pcsc', cscaFolder: empty } }));
    expect(none).toMatchObject({ status: 'fail' });
    expect(none.detail).toMatch(/no certificate/);
    const ready = checkCardReader(
      config({ reader: { driver: 'pcsc', cscaFolder: path.resolve('resources/csca') } }),
    );
    expect(ready.status).toBe('ok');
  });

  it('fails a CSCA folder whose certificate files are not certificates, also when trusting the test CSCA', () => {
    const broken = mkdtempSync(path.join(os.tmpdir(), 'kiosk-csca-'));
    // e.g. a proxy's error page saved under the certificate's name
    writeFileSync(path.join(broken, 'csca-vietnam-001.pem'), '<html>403 Forbidden</html>');
    const result = checkCardReader(config({ reader: { driver: 'pcsc', cscaFolder: broken } }));
    expect(result).toMatchObject({ status: 'fail' });
    expect(result.detail).toMatch(/no usable certificate/);
    const missing = checkCardReader(
      config({ reader: { driver: 'pcsc', cscaFolder: '/nonexistent/csca', trustTestCsca: true } }),
    );
    expect(missing).toMatchObject({ status: 'fail' });
  });

  it('warns about a CRL in the CSCA folder that no trusted CSCA signed (it is ignored)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-csca-'));
    copyFileSync(
      path.resolve('resources/csca/csca-vietnam-001.pem'),
      path.join(dir, 'csca-vietnam-001.pem'),
    );
    const stranger = await makePki('ec', 'Stranger');
    const crl = await x509.X509CrlGenerator.create({
      issuer: 'C=VN, CN=CSCA Vietnam',
      thisUpdate: new Date('2026-01-01T00:00:00Z'),
      nextUpdate: new Date('2027-01-01T00:00:00Z'),
      entries: [],
      signingKey: stranger.cscaKeys.privateKey,
      signingAlgorithm: stranger.signingAlgorithm,
    });
    writeFileSync(path.join(dir, 'csca-vietnam.crl'), new Uint8Array(crl.rawData));
    const result = checkCardReader(config({ reader: { driver: 'pcsc', cscaFolder: dir } }));
    expect(result.status).toBe('warn');
    expect(result.detail).toMatch(/csca-vietnam\.crl: CRL not signed by a trusted CSCA/);
  });

  it('warns about a trusted CRL whose next update has passed (it is still used)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-csca-'));
    copyFileSync(testCscaPath(), path.join(dir, 'csca-test.pem'));
    const crl = testCrl({
      thisUpdate: new Date('2026-01-01T00:00:00Z'),
      nextUpdate: new Date('2026-04-01T00:00:00Z'),
      serials: ['05'],
    });
    writeFileSync(path.join(dir, 'csca-test.crl'), crl);
    const cfg = config({ reader: { driver: 'pcsc', cscaFolder: dir } });
    expect(checkCardReader(cfg, new Date('2026-03-01T00:00:00Z')).status).toBe('ok');
    const late = checkCardReader(cfg, new Date('2026-12-01T00:00:00Z'));
    expect(late.status).toBe('warn');
    expect(late.detail).toMatch(/csca-test\.crl: CRL stale \(its next update was due 2026-04-01\)/);
  });
});

describe('doctor: time zone', () => {
  const at = new Date('2026-11-23T00:00:00Z');
  it('is fine when the machine keeps the hospital time (or a zone with the same offset)', () => {
    expect(checkTimeZone(config({}), at, 'Asia/Ho_Chi_Minh').status).toBe('ok');
    expect(checkTimeZone(config({}), at, 'Asia/Bangkok').status).toBe('ok');
  });

  it('warns when the machine is in another zone, naming both', () => {
    const r = checkTimeZone(config({}), at, 'UTC');
    expect(r.status).toBe('warn');
    expect(r.detail).toMatch(/UTC \(UTC\+0\).*Asia\/Ho_Chi_Minh \(UTC\+7\)/);
  });

  it('a configured zone that does not exist is refused by the configuration', () => {
    expect(() => config({ hospital: { timeZone: 'Asia/Hanoi_Typo' } })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});

describe('doctor: simulators', () => {
  it('warns whenever a simulator answers, and says which', () => {
    const all = checkSimulation(config({}));
    expect(all.status).toBe('warn');
    expect(all.detail).toMatch(/reader.*lookup service/);
    const bench = checkSimulation(config({ reader: { driver: 'pcsc' } }));
    expect(bench).toMatchObject({ status: 'warn' });
    expect(bench.detail).toContain('allowSimulated');
    const real = checkSimulation(
      config({
        allowSimulated: false,
        reader: { driver: 'pcsc' },
        insurance: {
          service: 'bhxh',
          baseUrl: 'https://egw.example.invalid',
          username: 'u',
          password: 'p',
          officer: { name: 'Lê Thị Kiểm Tra', idNumber: '001090000002' },
        },
      }),
    );
    expect(real.status).toBe('ok');
  });
});

describe('doctor: store (SQLite)', () => {
  const station = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-doctor-store-'));
    return { dir, file: path.join(dir, 'kiosk.sqlite'), config: loadConfig(dir).config };
  };

  it('is fine with the file at the latest schema, naming the file and the schema', async () => {
    const s = station();
    await openSqliteStore({ file: s.file }).close();
    expect(await checkStore(s.config, s.dir)).toEqual({
      name: 'store',
      status: 'ok',
      detail: `SQLite ${s.file}, schema ${LATEST_SCHEMA_VERSION}`,
    });
  });

  it('is fine with no file yet (the first start creates it), and creates none', async () => {
    const s = station();
    expect((await checkStore(s.config, s.dir)).status).toBe('ok');
    expect(existsSync(s.file)).toBe(false);
  });

  it('warns about an older schema (migrated at the next start) without migrating it', async () => {
    const s = station();
    const db = new Database(s.file);
    migrate(db, MIGRATIONS.slice(0, LATEST_SCHEMA_VERSION - 1), { file: s.file });
    db.close();
    const r = await checkStore(s.config, s.dir);
    expect(r.status).toBe('warn');
    expect(r.detail).toContain(`schema ${LATEST_SCHEMA_VERSION - 1} of ${LATEST_SCHEMA_VERSION}`);
    expect(r.detail).toContain('migrated at the next start');
    const after = new Database(s.file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION - 1);
    after.close();
  });

  it('fails a file written by a newer app (STORE_TOO_NEW)', async () => {
    const s = station();
    const db = new Database(s.file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const r = await checkStore(s.config, s.dir);
    expect(r.status).toBe('fail');
    expect(r.detail).toContain('STORE_TOO_NEW');
    expect(r.detail).toContain(`schema ${LATEST_SCHEMA_VERSION + 1}`);
  });

  it('fails a file that cannot be opened as a database', async () => {
    const s = station();
    writeFileSync(s.file, 'not a database, just text that is long enough to have a header');
    const r = await checkStore(s.config, s.dir);
    expect(r.status).toBe('fail');
    expect(r.detail).toContain('STORE_CORRUPT');
  });
});

describe('doctor: HIS', () => {
  it('says the hand-off is off when it is', async () => {
    expect(await checkHis(config({}))).toMatchObject({ name: 'HIS (FHIR)', status: 'ok' });
  });

  it('asks the HIS for /metadata and says how it signs in, never the credentials', async () => {
    const server = await startFhirTestServer();
    try {
      const his = {
        enabled: true,
        fhirBaseUrl: server.baseUrl,
        auth: { kind: 'bearer', bearerToken: 's3cret-token' },
      };
      const ok = await checkHis(config({ his }));
      expect(ok.status).toBe('ok');
      expect(ok.detail).toContain('bearer auth');
      expect(ok.detail).not.toContain('s3cret-token');
      expect(server.received.map((r) => r.url)).toContain('/fhir/metadata');
      server.setFault('500');
      expect((await checkHis(config({ his }))).status).toBe('fail');
    } finally {
      await server.close();
    }
  });

  it('fails an http address that is not this machine (the lookup service rule)', async () => {
    const c = config({});
    c.his = { ...c.his, enabled: true, fhirBaseUrl: 'http://his.example.invalid/fhir' };
    let asked = false;
    const result = await checkHis(c, async () => {
      asked = true;
      return { reachable: true, status: 200, detail: 'ok', ms: 1 };
    });
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('https://');
    expect(asked).toBe(false);
  });
});
