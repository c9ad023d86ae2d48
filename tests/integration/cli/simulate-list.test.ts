/** `simulate list`: the made-up identities with what opens each card, from the real CLI. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIM_IDENTITIES, simQrText } from '../../../src/sim/data/identities';
import { tempDir } from '../../unit/checkin/fakes';

const TSX = path.resolve('node_modules/.bin/tsx');

describe('simulate list', () => {
  it(
    'lists every catalog identity with its index, ID number, date of birth and QR text',
    { timeout: 120_000 },
    () => {
      const r = spawnSync(TSX, ['src/cli/main.ts', 'simulate', 'list', '--json'], {
        encoding: 'utf8',
        env: { ...process.env, KIOSK_DATA_DIR: tempDir('kiosk-sim-list-') },
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const list = JSON.parse(r.stdout) as {
        index: number;
        idNumber: string;
        dateOfBirth: string | null;
        insurance: string;
        qr: string;
      }[];
      expect(list).toHaveLength(SIM_IDENTITIES.length);
      for (const id of SIM_IDENTITIES) {
        const row = list.find((l) => l.index === id.index)!;
        expect(row.idNumber).toBe(id.card.idNumber);
        expect(row.dateOfBirth).toBe(id.card.dateOfBirth);
        expect(row.insurance).toBe(id.insurance.scenario);
        expect(row.qr).toBe(simQrText(id));
      }
    },
  );
});
