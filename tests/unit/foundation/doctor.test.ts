import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/main/config/load-config';
import { checkCardReader } from '../../../src/main/doctor/checks';

function config(file: unknown) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-doctor-'));
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(file));
  return loadConfig(dir).config;
}

describe('doctor: card reader', () => {
  it('is fine with the simulated reader and its test CSCA', () => {
    expect(checkCardReader(config({})).status).toBe('ok');
  });

  it('warns when real readers trust the public test CSCA, or have no CSCA at all', () => {
    const trusting = checkCardReader(config({ reader: { driver: 'pcsc', trustTestCsca: true } }));
    expect(trusting.status).toBe('warn');
    expect(trusting.detail).toMatch(/trustTestCsca/);
    const noCsca = checkCardReader(config({ reader: { driver: 'pcsc' } }));
    expect(noCsca).toMatchObject({ status: 'warn' });
    expect(noCsca.detail).toMatch(/unverified/);
    const ready = checkCardReader(config({ reader: { driver: 'pcsc', cscaFolder: '/etc/csca' } }));
    expect(ready.status).toBe('ok');
  });
});
