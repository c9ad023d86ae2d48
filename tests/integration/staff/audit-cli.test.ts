/**
 * `audit --from --to --out file.csv` on each engine: the staff actions of those hospital days,
 * read back with a CSV reader written for the test.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../unit/checkin/fakes';
import { ENGINES, useEngine } from '../support/calling-his-engines';
import { runCliHarness } from '../support/run-cli';

const HARNESS = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'his',
  'cli-harness.ts',
);

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF), for this test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe.each(ENGINES)('audit export on %s', (kind) => {
  const { skip, current } = useEngine(kind);
  it.skipIf(skip)(
    'lists the staff actions of the days asked, oldest first',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir('kiosk-audit-cli-');
      fs.writeFileSync(
        path.join(dir, 'config.json'),
        JSON.stringify({ store: current().storeConfig }),
      );
      const base = {
        officerName: 'Trần Thị Lễ Tân',
        officerIdNumber: '001190000123',
        stationId: 'D01',
        detail: null,
      };
      const { audit } = current().store;
      await audit.append({
        ...base,
        uid: randomUUID(),
        at: '2026-11-23T01:00:00.000Z',
        day: '2026-11-23',
        action: 'sign-in',
        visitId: null,
        reason: null,
        detail: 'card',
      });
      await audit.append({
        ...base,
        uid: randomUUID(),
        at: '2026-11-23T02:00:00.000Z',
        day: '2026-11-23',
        action: 'cancel',
        visitId: 'v-1',
        reason: 'nhầm khoa, "ghi chú"',
      });
      await audit.append({
        ...base,
        uid: randomUUID(),
        at: '2026-11-25T02:00:00.000Z',
        day: '2026-11-25',
        action: 'reprint',
        visitId: 'v-2',
        reason: null,
      });
      const out = path.join(dir, 'audit.csv');
      const r = await runCliHarness(HARNESS, dir, [
        'audit',
        '--from',
        '2026-11-23',
        '--to',
        '2026-11-24',
        '--out',
        out,
      ]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/2 staff action\(s\) written/);
      const text = fs.readFileSync(out, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = parseCsv(text.slice(1));
      expect(header).toEqual([
        'day',
        'at',
        'action',
        'officer_name',
        'officer_id_number',
        'station',
        'visit_id',
        'reason',
        'detail',
      ]);
      expect(rows.map((x) => [x[2], x[3], x[4], x[6], x[7]])).toEqual([
        ['sign-in', 'Trần Thị Lễ Tân', '001190000123', '', ''],
        ['cancel', 'Trần Thị Lễ Tân', '001190000123', 'v-1', 'nhầm khoa, "ghi chú"'],
      ]);
      const bad = await runCliHarness(HARNESS, dir, [
        'audit',
        '--from',
        '2026-11-24',
        '--to',
        '2026-11-23',
        '--out',
        out,
      ]);
      expect(bad.code).toBe(2);
    },
  );
});
