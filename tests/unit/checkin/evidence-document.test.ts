/**
 * The failed-lookup evidence (QĐ 2555/QĐ-BYT) says what the person showed (issue 21 item 8): a
 * lookup asked from a BHYT QR or a typed number is weaker proof than one from a verified chip.
 * Kept in the store's record, read back, and exported as CSV and in the PDF's HTML. The QR text is
 * written by hand from the QR-formats reference §7 (a made-up child).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { evidenceToCsv, evidenceToHtml } from '../../../src/main/evidence/evidence-export';
import {
  evidenceFromRow,
  evidenceInsertValues,
  type EvidenceRow,
} from '../../../src/main/store/evidence-rows';
import { hospitalDay } from '../../../src/shared/hospital-day';
import { createHarness, expectStep, type Harness } from './harness';

const CHILD_QR =
  'TE1790123456780|4e677579e1bb856e2042c3a9205468e1bbad|01/06/2022|2|53e1bb91203120c490c6b0e1bb9d6e67205468e1bbad2c205068c6b0e1bb9d6e672042e1babf6e204e6768c3a92c205175e1baad6e20312c2054502048e1bb93204368c3ad204d696e68|79 - 001|01/06/2022|31/05/2028|10/06/2022|79010123456780|4e677579e1bb856e2056c4836e205468e1bbad|5|-|0000000000000000-7102|$\r\n';

const NOW = new Date('2026-12-07T02:00:00.000Z');
const TZ = 'Asia/Ho_Chi_Minh';

let h: Harness;
afterEach(async () => {
  await h?.shutdown();
});

describe('failed-lookup evidence: the document shown', () => {
  it('a BHYT QR check-in while the service is down keeps "bhyt-qr" with the evidence and in the CSV', async () => {
    h = createHarness({ now: NOW });
    h.insurance.mode = { kind: 'down' };
    await h.checkin.present(CHILD_QR);
    expectStep(await h.waitFor('choose-department'), 'choose-department');
    const visit = await h.checkin.choose('KHAM', 'child');
    expect(visit.document).toBe('bhyt-qr');

    const day = hospitalDay(NOW, TZ);
    const [record, ...more] = await h.store.lookupEvidence.between(day, day);
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      visitId: visit.id,
      document: 'bhyt-qr',
      query: {
        cardNumber: 'TE1790123456780',
        fullName: 'Nguyễn Bé Thử',
        dateOfBirth: '2022-06-01',
      },
    });
    // The document is not part of what was asked of the service.
    expect(record!.query).not.toHaveProperty('document');

    const [header, row] = evidenceToCsv([record!], TZ)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const columns = header!.split(',');
    expect(columns).toContain('document');
    expect(row!.split(',')[columns.indexOf('document')]).toBe('bhyt-qr');
    const html = evidenceToHtml(
      [record!],
      { from: day, to: day },
      {
        name: 'BV',
        facilityCode: '79001',
        timeZone: TZ,
      },
    );
    expect(html).toMatch(/Document shown<\/th><td>bhyt-qr</);
  });

  it('records kept before the document was recorded read back without one; a stray value is not a document', () => {
    const row = (queryJson: string): EvidenceRow => ({
      id: 1,
      visit_id: 'v1',
      queue_number: 'K01-KHAM-N-001',
      asked_at: NOW.toISOString(),
      query_json: queryJson,
      endpoint: 'simulated/api/egw/KQNhanLichSuKCB2024',
      failure: 'no-answer',
      http_status: null,
      error_code: 'INSURANCE_TIMEOUT',
      duration_ms: 10,
      recheck_at: null,
      recheck_code: null,
      recheck_outcome: null,
    });
    const query = { idNumber: '001099000123', fullName: 'Người Thử', dateOfBirth: '1970-01-01' };
    const old = evidenceFromRow(row(JSON.stringify(query)));
    expect(old.query).toEqual(query);
    expect(old).not.toHaveProperty('document');
    expect(evidenceToCsv([old], TZ).split('\r\n')[1]!.split(',')[2]).toBe('');

    const stray = evidenceFromRow(row(JSON.stringify({ ...query, document: 'passport' })));
    expect(stray.query).toEqual(query);
    expect(stray).not.toHaveProperty('document');

    // What is written is what is read back.
    const values = evidenceInsertValues('v1', {
      askedAt: NOW.toISOString(),
      query,
      endpoint: 'x',
      failure: 'no-answer',
      httpStatus: null,
      errorCode: 'INSURANCE_TIMEOUT',
      durationMs: 1,
      document: 'typed-cccd',
    });
    expect(evidenceFromRow(row(values[2] as string))).toMatchObject({
      query,
      document: 'typed-cccd',
    });
  });
});
