import { describe, expect, it } from 'vitest';
import type { Visit } from '../../../src/shared/domain';
import { csvField, visitsToCsv } from '../../../src/main/store/csv-export';
import { insuranceResult } from '../checkin/fakes';

function visit(over: Partial<Visit> = {}): Visit {
  return {
    id: 'v1',
    date: '2026-11-23',
    stationId: 'K01',
    department: 'KHAM',
    lane: 'elderly',
    queueNumber: 'K01-KHAM-C-004',
    queueSeq: 4,
    patient: {
      idNumber: '001085012345',
      fullName: 'Nguyễn Văn "Tèo", Jr',
      dateOfBirth: '1950-01-02',
      sex: 'M',
    },
    identitySource: 'chip',
    chipVerification: null,
    insurance: {
      source: 'cache',
      result: insuranceResult(),
      cachedAt: '2026-11-22T01:00:00.000Z',
      stale: false,
      note: null,
    },
    createdAt: '2026-11-23T01:02:03.000Z',
    status: 'active',
    cancelledReason: null,
    printStatus: 'printed',
    printError: null,
    flagged: false,
    ...over,
  };
}

/** A minimal RFC 4180 reader, to check the writer from the other side. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('UTF-8 with BOM, CRLF, RFC 4180 quoting; round-trips', () => {
    const text = visitsToCsv(
      [visit(), visit({ id: 'v2', cancelledReason: 'dòng 1\ndòng 2', status: 'cancelled' })],
      { timeZone: 'Asia/Ho_Chi_Minh' },
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows).toHaveLength(3);
    const header = rows[0]!;
    const col = (r: string[], name: string) => r[header.indexOf(name)];
    expect(col(rows[1]!, 'full_name')).toBe('Nguyễn Văn "Tèo", Jr');
    expect(col(rows[1]!, 'queue_number')).toBe('K01-KHAM-C-004');
    expect(col(rows[1]!, 'bhyt_card_number')).toBe('DN4010123456781');
    expect(col(rows[1]!, 'insurance_source')).toBe('cache');
    expect(col(rows[2]!, 'cancelled_reason')).toBe('dòng 1\ndòng 2');
    // Times as the hospital's clocks show them, whatever the machine's zone.
    expect(col(rows[1]!, 'checked_in_at')).toBe('2026-11-23 08:02:03');
    expect(col(rows[1]!, 'cached_at')).toBe('2026-11-22 08:00:00');
    expect(rows.every((r) => r.length === header.length)).toBe(true);
  });

  it('leaves the CCCD number out unless asked', () => {
    const timeZone = 'Asia/Ho_Chi_Minh';
    expect(visitsToCsv([visit()], { timeZone })).not.toContain('001085012345');
    const withId = visitsToCsv([visit()], { timeZone, includeIdNumber: true });
    const rows = parseCsv(withId.slice(1));
    expect(rows[1]![rows[0]!.indexOf('id_number')]).toBe('001085012345');
  });

  it('defuses spreadsheet formulas and leaves plain values alone', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField(80)).toBe('80');
    expect(csvField(true)).toBe('true');
  });
});
