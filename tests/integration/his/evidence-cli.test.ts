/**
 * Evidence of failed lookups (QĐ 2555/QĐ-BYT) end to end: a CLI check-in while the lookup
 * service is unreachable keeps the evidence with the visit; a later re-check's answer completes
 * it; `evidence` exports it as CSV (read back here) and PDF (read back with pdftotext). On each
 * engine: the station's file, and the hospital's PostgreSQL server (a throwaway cluster).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simIdentity, simQrText } from '../../../src/sim/data/identities';
import { hospitalDay } from '../../../src/shared/hospital-day';
import type { Visit } from '../../../src/shared/domain';
import { tempDir } from '../../unit/checkin/fakes';
import { ENGINES, useEngine } from '../support/calling-his-engines';
import { runCliHarness } from '../support/run-cli';

const HARNESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli-harness.ts');

const cli = (dataDir: string, args: string[]) => runCliHarness(HARNESS, dataDir, args);

/** RFC 4180 reader, written for this test (quoted fields, doubled quotes, CRLF). */
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

describe.each(ENGINES)('evidence of failed lookups on %s', (kind) => {
  const { skip, current } = useEngine(kind);
  it.skipIf(skip)(
    'kept at check-in, completed by the re-check, exported as CSV and PDF',
    { timeout: 180_000 },
    async () => {
      const dir = tempDir('kiosk-evidence-');
      fs.writeFileSync(
        path.join(dir, 'config.json'),
        JSON.stringify({
          store: current().storeConfig,
          // The default officer is the placeholder: a test bench.
          allowSimulated: true,
          insurance: {
            service: 'bhxh',
            baseUrl: 'http://127.0.0.1:9',
            username: '01001_BV',
            password: 'very-secret-pw',
            requestTimeoutMs: 1000,
            checkinBudgetMs: 1500,
            retryCount: 0,
          },
        }),
      );
      const r = await cli(dir, [
        'checkin',
        '--reader',
        'Simulated CCCD Reader 0',
        '--qr',
        simQrText(simIdentity(1)),
        '--sim-identity',
        '1',
        '--department',
        'KHAM',
        '--json',
      ]);
      expect(r.stderr).toBe('');
      const { visit } = JSON.parse(r.stdout) as { visit: Visit };
      expect(visit.insurance.source).toBe('pending');

      // The later re-check (what the re-check worker writes when the service answers).
      const { lookupEvidence } = current().store;
      await lookupEvidence.recordRecheck(visit.id, {
        at: new Date().toISOString(),
        code: '000',
        outcome: 'insured',
      });
      expect(await lookupEvidence.count(visit.date, visit.date)).toBe(1);

      const day = hospitalDay(new Date(), 'Asia/Ho_Chi_Minh');
      const csvFile = path.join(dir, 'evidence.csv');
      const out = await cli(dir, ['evidence', '--from', day, '--to', day, '--out', csvFile]);
      expect(out.stderr).toBe('');
      const text = fs.readFileSync(csvFile, 'utf8');
      expect(text).not.toContain('very-secret-pw');
      expect(text).not.toContain('01001_BV');
      const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
      expect(rows).toHaveLength(1);
      const rec = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]));
      expect(rec).toMatchObject({
        queue_number: visit.queueNumber,
        // What the person showed: the chip, opened with the key from the CCCD QR.
        document: 'chip',
        id_number: simIdentity(1).card.idNumber,
        full_name: simIdentity(1).card.fullName,
        endpoint: 'http://127.0.0.1:9/api/egw/KQNhanLichSuKCB2024',
        failure: 'no-answer',
        recheck_code: '000',
        recheck_outcome: 'insured',
      });
      expect(rec.error_code).toMatch(/^(INSURANCE_|CHECKIN_)/);
      expect(Number(rec.duration_ms)).toBeGreaterThanOrEqual(0);
      expect(rec.asked_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

      const pdfFile = path.join(dir, 'evidence.pdf');
      const pdf = await cli(dir, ['evidence', '--from', day, '--to', day, '--out', pdfFile]);
      expect(pdf.stderr).toBe('');
      const pdfText = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
      expect(pdfText).toContain('2555');
      expect(pdfText).toContain(visit.queueNumber);
      expect(pdfText).not.toContain('very-secret-pw');

      const bad = await cli(dir, ['evidence', '--from', day, '--to', day, '--out', 'x.txt']);
      expect(bad.code).toBe(2);
    },
  );
});
