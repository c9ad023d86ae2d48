/**
 * A config.json written before a key was renamed still works: the old name is read as the new
 * one, and `doctor` says which name to use (src/main/config/renamed-keys.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../../src/main/config/load-config';
import { runDoctor } from '../../../src/main/doctor/run-doctor';

function dataDirWith(file: unknown): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-renamed-'));
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(file), { mode: 0o600 });
  return dir;
}

const OLD_STORE = {
  outboxIntervalSeconds: 120,
  outboxRetryBaseSeconds: 45,
  outboxRetryMaxSeconds: 900,
};

describe('renamed configuration keys', () => {
  it("reads the re-check queue's old outbox* keys as the new recheck* keys", () => {
    const loaded = loadConfig(dataDirWith({ store: OLD_STORE }));
    expect(loaded.config.store).toMatchObject({
      recheckIntervalSeconds: 120,
      recheckRetryBaseSeconds: 45,
      recheckRetryMaxSeconds: 900,
    });
    expect(loaded.config.store).not.toHaveProperty('outboxIntervalSeconds');
    expect(loaded.renamedKeys).toEqual([
      { from: 'store.outboxIntervalSeconds', to: 'store.recheckIntervalSeconds', ignored: false },
      { from: 'store.outboxRetryBaseSeconds', to: 'store.recheckRetryBaseSeconds', ignored: false },
      { from: 'store.outboxRetryMaxSeconds', to: 'store.recheckRetryMaxSeconds', ignored: false },
    ]);
  });

  it('the new name wins when a file holds both', () => {
    const loaded = loadConfig(
      dataDirWith({ store: { outboxIntervalSeconds: 120, recheckIntervalSeconds: 300 } }),
    );
    expect(loaded.config.store.recheckIntervalSeconds).toBe(300);
    expect(loaded.renamedKeys).toEqual([
      { from: 'store.outboxIntervalSeconds', to: 'store.recheckIntervalSeconds', ignored: true },
    ]);
  });

  it('an old name is checked as strictly as the new one', () => {
    expect(() => parseConfig({ store: { outboxRetryMaxSeconds: 1 } }, 'x.json')).toThrow(
      /store\.recheckRetryMaxSeconds/,
    );
  });

  it('a file with only new names has nothing renamed', () => {
    expect(loadConfig(dataDirWith({ store: { recheckIntervalSeconds: 90 } })).renamedKeys).toEqual(
      [],
    );
  });

  it('doctor warns "renamed, use …" for each old name, and only then', async () => {
    const old = await runDoctor(dataDirWith({ store: { outboxIntervalSeconds: 120 } }));
    expect(old.checks.find((c) => c.name === 'configuration keys')).toEqual({
      name: 'configuration keys',
      status: 'warn',
      detail: 'store.outboxIntervalSeconds renamed, use store.recheckIntervalSeconds',
    });
    const current = await runDoctor(dataDirWith({ store: { recheckIntervalSeconds: 120 } }));
    expect(current.checks.find((c) => c.name === 'configuration keys')).toBeUndefined();
  });
});
