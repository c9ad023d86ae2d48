import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, maskSecrets } from '../../../src/main/config/load-config';
import { KioskError } from '../../../src/shared/errors';

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
});
