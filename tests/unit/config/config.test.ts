import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, maskSecrets } from '../../../src/main/config/load-config';
import { KioskError } from '../../../src/shared/errors';
import { initialConfig } from '../../../src/cli/commands/config';

function dirWith(content?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-config-'));
  if (content !== undefined) writeFileSync(path.join(dir, 'config.json'), content);
  return dir;
}

function loadError(content: string): KioskError {
  try {
    loadConfig(dirWith(content));
  } catch (err) {
    if (err instanceof KioskError) return err;
    throw err;
  }
  throw new Error('expected the configuration to be refused');
}

/** The real lookup service's fields, with a made-up account and officer. */
const REAL_SERVICE = {
  service: 'bhxh',
  baseUrl: 'https://egw.example.invalid',
  username: 'u',
  password: 'p',
};
const OFFICER = { name: 'Lê Thị Kiểm Tra', idNumber: '001090000002' };

describe('configuration', () => {
  it('defaults to the simulated reader and lookup service when no file exists', () => {
    const loaded = loadConfig(dirWith());
    expect(loaded.fromFile).toBe(false);
    expect(loaded.config.reader.driver).toBe('simulated');
    expect(loaded.config.insurance.service).toBe('simulated');
    expect(loaded.path.endsWith('config.json')).toBe(true);
  });

  it('merges a partial file over the defaults', () => {
    const loaded = loadConfig(dirWith(JSON.stringify({ station: { id: 'D02', mode: 'desk' } })));
    expect(loaded.config.station.id).toBe('D02');
    expect(loaded.config.station.mode).toBe('desk');
    expect(loaded.config.station.language).toBe('vi');
    expect(loaded.config.departments.length).toBeGreaterThan(0);
  });

  it('refuses a file that is not JSON', () => {
    const err = loadError('{ "station": ');
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.localized.en).toMatch(/not valid JSON/);
  });

  it('a JSON syntax error says where, and never quotes the file (it may hold the password)', () => {
    const unquoted = loadError('{\n  "insurance": {\n    "password": MySecretPw1\n  }\n}');
    const trailingComma = loadError('{\n  "insurance": { "password": "MySecretPw2", }\n}');
    const cut = loadError('{ "insurance": { "password": "MySecretPw3"');
    for (const err of [unquoted, trailingComma, cut]) {
      expect(err.code).toBe('CONFIG_INVALID');
      expect(err.localized.en).toMatch(/not valid JSON/);
      expect(JSON.stringify(err.toShape())).not.toMatch(/MySecretPw|assword/);
    }
    expect(trailingComma.localized.en).toMatch(/line 2, column \d+/);
  });

  it('refuses a lookup-service address that is not http(s)', () => {
    const err = loadError(JSON.stringify({ insurance: { baseUrl: 'ftp://egw.example.invalid' } }));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.localized.en).toContain('insurance.baseUrl');
  });

  it('trusts the public test CSCA by default only with the simulated reader', () => {
    expect(loadConfig(dirWith()).config.reader.trustTestCsca).toBe(true);
    const pcsc = loadConfig(
      dirWith(JSON.stringify({ reader: { driver: 'pcsc' }, allowSimulated: true })),
    );
    expect(pcsc.config.reader.trustTestCsca).toBe(false);
    const onPurpose = loadConfig(
      dirWith(
        JSON.stringify({ reader: { driver: 'pcsc', trustTestCsca: true }, allowSimulated: true }),
      ),
    );
    expect(onPurpose.config.reader.trustTestCsca).toBe(true);
    // The file `config --init` writes leaves it out, so editing the driver is enough.
    const init = initialConfig() as { reader: Record<string, unknown> };
    expect(init.reader).not.toHaveProperty('trustTestCsca');
    const edited = { ...init, allowSimulated: true, reader: { ...init.reader, driver: 'pcsc' } };
    expect(loadConfig(dirWith(JSON.stringify(edited))).config.reader.trustTestCsca).toBe(false);
    expect(loadConfig(dirWith(JSON.stringify(init))).config.reader.trustTestCsca).toBe(true);
  });

  it('names the field that is wrong', () => {
    const err = loadError(JSON.stringify({ station: { id: 'lower-case!' } }));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.localized.en).toContain('station.id');
    expect(err.localized.vi).toContain('station.id');
  });

  it('refuses unknown keys instead of ignoring a typo', () => {
    const err = loadError(JSON.stringify({ reader: { drvier: 'pcsc' } }));
    expect(err.localized.en).toMatch(/reader/);
  });

  it('checks fields that depend on each other', () => {
    const err = loadError(JSON.stringify({ insurance: { service: 'bhxh' } }));
    expect(err.localized.en).toContain('insurance.baseUrl');
    const printer = loadError(JSON.stringify({ printer: { driver: 'escpos' } }));
    expect(printer.localized.en).toContain('printer.escpos.host');
  });

  it('masks secrets when printing', () => {
    const loaded = loadConfig(
      dirWith(
        JSON.stringify({
          // The default officer is the placeholder: a test bench.
          allowSimulated: true,
          insurance: {
            service: 'bhxh',
            baseUrl: 'https://egw.example.invalid',
            username: '01001_BV',
            password: 'hunter2-secret',
          },
        }),
      ),
    );
    const printed = JSON.stringify(maskSecrets(loaded.config));
    expect(printed).not.toContain('hunter2-secret');
    expect(printed).toContain('"password":"***"');
    expect(loaded.config.insurance.password).toBe('hunter2-secret');
  });

  it('refuses a real reader with the simulated lookup service, naming allowSimulated', () => {
    const err = loadError(JSON.stringify({ reader: { driver: 'pcsc' } }));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.localized.en).toContain('field "allowSimulated"');
    const bench = { reader: { driver: 'pcsc' }, allowSimulated: true };
    expect(loadConfig(dirWith(JSON.stringify(bench))).config.allowSimulated).toBe(true);
  });

  it('refuses the real service with the placeholder officer, or over plain http', () => {
    const real = REAL_SERVICE;
    const reader = { driver: 'pcsc' };
    const placeholder = loadError(JSON.stringify({ reader, insurance: real }));
    expect(placeholder.localized.en).toContain('field "allowSimulated"');
    expect(placeholder.localized.en).toContain('Nguyễn Văn Thử');
    const officer = OFFICER;
    const http = loadError(
      JSON.stringify({
        reader,
        insurance: { ...real, officer, baseUrl: 'http://egw.example.invalid' },
      }),
    );
    expect(http.localized.en).toContain('field "insurance.baseUrl"');
    for (const baseUrl of [
      'https://egw.example.invalid',
      'http://127.0.0.1:8080',
      'http://localhost:1',
    ]) {
      const ok = loadConfig(
        dirWith(JSON.stringify({ reader, insurance: { ...real, officer, baseUrl } })),
      );
      expect(ok.config.insurance.baseUrl).toBe(baseUrl);
    }
  });

  it('refuses the simulated reader with the real service, naming allowSimulated', () => {
    const insurance = { ...REAL_SERVICE, officer: OFFICER };
    const err = loadError(JSON.stringify({ insurance }));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.localized.en).toContain('field "allowSimulated"');
    expect(err.localized.en).toContain('simulated card reader');
    const bench = { insurance, allowSimulated: true };
    expect(loadConfig(dirWith(JSON.stringify(bench))).config.reader.driver).toBe('simulated');
  });

  it('refuses trusting the test CSCA with a real reader and the real service, naming the field', () => {
    const insurance = { ...REAL_SERVICE, officer: OFFICER };
    const reader = { driver: 'pcsc', trustTestCsca: true };
    const err = loadError(JSON.stringify({ reader, insurance }));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.localized.en).toContain('field "reader.trustTestCsca"');
    expect(err.localized.en).toContain('allowSimulated');
    // A test bench says so; without the test CSCA a real station starts.
    const bench = loadConfig(dirWith(JSON.stringify({ reader, insurance, allowSimulated: true })));
    expect(bench.config.reader.trustTestCsca).toBe(true);
    const real = loadConfig(dirWith(JSON.stringify({ reader: { driver: 'pcsc' }, insurance })));
    expect(real.config.reader.trustTestCsca).toBe(false);
  });

  it('the HIS takes https, or http only to this machine, as the lookup service does', () => {
    const his = (fhirBaseUrl: string) => ({
      his: {
        enabled: true,
        fhirBaseUrl,
        auth: { kind: 'basic', username: 'kiosk', password: 'p' },
      },
    });
    for (const url of ['http://his.example.invalid/fhir', 'http://10.0.0.5/fhir', 'ftp://x/']) {
      const err = loadError(JSON.stringify(his(url)));
      expect(err.code).toBe('CONFIG_INVALID');
      expect(err.localized.en).toContain('field "his.fhirBaseUrl"');
    }
    for (const url of [
      'https://his.example.invalid/fhir',
      'http://127.0.0.1:8080/fhir',
      'http://localhost/fhir',
      'http://[::1]:9/fhir',
    ]) {
      expect(loadConfig(dirWith(JSON.stringify(his(url)))).config.his.fhirBaseUrl).toBe(url);
    }
  });
});
