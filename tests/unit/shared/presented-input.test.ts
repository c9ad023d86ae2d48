/**
 * The one door for typed and scanned identity text (src/shared/presented-input). Every QR string
 * here is written by hand from /work/shared/reference/qr-formats.md: §7's made-up people verbatim,
 * and the layouts of §1.4 and §3 for the others. None comes from the simulator's writer.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeHexText,
  readPresentedInput,
  type PresentedInput,
} from '../../../src/shared/presented-input';

// §7: BHYT, 15-char code, 15 parts (layout of samples 1–2).
const BHYT15 =
  'GD4790123456789|4e677579e1bb856e2056c4836e205468e1bbad|15/08/1990|1|53e1bb91203120c490c6b0e1bb9d6e67205468e1bbad2c205068c6b0e1bb9d6e672042e1babf6e204e6768c3a92c205175e1baad6e20312c2054502048e1bb93204368c3ad204d696e68|79 - 001|01/01/2020|31/12/2020|20/12/2019|79010123456789|-|4|01/01/2025|0000000000000000-7102|$';
// §7: BHYT, 10-digit code, 17 parts (2021 model; the leading space in field 12 is the card's).
const BHYT17 =
  '7912345678|5472e1baa76e205468e1bb8b204de1baab75|03/02/1995|2|-|79 - 001|01/01/2025|-|05/01/2025|79017912345678|-|4| 01/01/2030|0000000000000000-1202|4|5175e1baad6e20312c205468c3a06e68207068e1bb912048e1bb93204368c3ad204d696e68|$';
// §7: child card with the parent's name in field 10.
const CHILD =
  'TE1790123456780|4e677579e1bb856e2042c3a9205468e1bbad|01/06/2019|2|53e1bb91203120c490c6b0e1bb9d6e67205468e1bbad2c205068c6b0e1bb9d6e672042e1babf6e204e6768c3a92c205175e1baad6e20312c2054502048e1bb93204368c3ad204d696e68|79 - 001|01/06/2019|31/05/2025|10/06/2019|79010123456780|4e677579e1bb856e2056c4836e205468e1bbad|5|-|0000000000000000-7102|$';
// §7: year-only date of birth.
const YEAR_ONLY =
  'HT3790123456781|4cc3aa2056c4836e204de1baab75|1950|1|58c3a3205468e1bbad2c20487579e1bb876e2043e1bba7204368692c2054502048e1bb93204368c3ad204d696e68|79 - 001|01/01/2020|31/12/2020|20/12/2019|79010123456781|-|4|01/01/2015|0000000000000000-7102|$';
// 10 parts (fields 0–8 and `$`), the layout of the 2019 `HS…` sample in §1.3; a made-up pupil.
const BHYT10 =
  'HS4790123456782|5472e1baa76e205468e1bb8b204de1baab75|12/09/2008|2|-|79 - 001|01/09/2019|30/09/2020|15/08/2019|$';
// §7 BHYT17 as typed through a Telex IME (aa → â): fields 1 and 15 damaged by hand.
const BHYT17_TELEX =
  '7912345678|5472e1bâ76e205468e1bb8b204de1bâb75|03/02/1995|2|-|79 - 001|01/01/2025|-|05/01/2025|79017912345678|-|4| 01/01/2030|0000000000000000-1202|4|5175e1bâd6e20312c205468c3a06e68207068e1bb912048e1bb93204368c3ad204d696e68|$';
// The same, upper-cased by the kiosk after the IME (Â for AA).
const BHYT17_TELEX_UPPER =
  '7912345678|5472E1BÂ76E205468E1BB8B204DE1BÂB75|03/02/1995|2|-|79 - 001|01/01/2025|-|05/01/2025|79017912345678|-|4| 01/01/2030|0000000000000000-1202|4|5175E1BÂD6E20312C205468C3A06E68207068E1BB912048E1BB93204368C3AD204D696E68|$';
// §7: CCCD 2021 model, 7 parts; thẻ căn cước, 11 parts without an old CMND.
const CCCD7 =
  '079090001234|025123456|Nguyễn Văn Thử|15081990|Nam|Số 1 Đường Thử, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|20052021';
const CCCD11 =
  '001195012345||Trần Thị Mẫu|03021995|Nữ|Số 5 Ngõ Thử, Phường Láng Hạ, Quận Đống Đa, Hà Nội|10102024||||';

function ok(text: string): PresentedInput {
  const read = readPresentedInput(text);
  if (!read.ok) throw new Error(`expected a value, got ${read.error.code} (${read.error.detail})`);
  return read.value;
}
const codeOf = (text: string): string | null => {
  const read = readPresentedInput(text);
  return read.ok ? null : read.error.code;
};

describe('BHYT card QR', () => {
  it('reads the 15-part card with a 15-character code', () => {
    expect(ok(BHYT15)).toEqual({
      kind: 'bhyt-qr',
      card: {
        cardCode: 'GD4790123456789',
        groupCode: 'GD',
        socialInsuranceNumber: '0123456789',
        fullName: 'Nguyễn Văn Thử',
        dateOfBirth: '1990-08-15',
        sex: 'M',
        address: 'Số 1 Đường Thử, Phường Bến Nghé, Quận 1, TP Hồ Chí Minh',
        primaryCareFacility: '79001',
        validFrom: '2020-01-01',
        validTo: '2020-12-31',
        issuedOn: '2019-12-20',
        managementCode: '79010123456789',
        guardianName: null,
        livingAreaField: '4',
        fiveYearsFrom: '2025-01-01',
        checkString: '0000000000000000-7102',
        placeOfIssue: null,
        parts: 15,
      },
    });
  });

  it('reads the 17-part 2021-model card: 10-digit code, no address, no end date, place of issue', () => {
    const v = ok(BHYT17);
    expect(v.kind).toBe('bhyt-qr');
    if (v.kind !== 'bhyt-qr') return;
    expect(v.card).toMatchObject({
      cardCode: '7912345678',
      groupCode: null,
      socialInsuranceNumber: '7912345678',
      fullName: 'Trần Thị Mẫu',
      dateOfBirth: '1995-02-03',
      sex: 'F',
      address: null,
      validTo: null,
      fiveYearsFrom: '2030-01-01', // the card's leading space is not a problem
      checkString: '0000000000000000-1202',
      placeOfIssue: 'Quận 1, Thành phố Hồ Chí Minh',
      parts: 17,
    });
  });

  it("reads a child's card with the guardian's name", () => {
    const v = ok(CHILD);
    expect(v.kind === 'bhyt-qr' && v.card).toMatchObject({
      cardCode: 'TE1790123456780',
      groupCode: 'TE',
      fullName: 'Nguyễn Bé Thử',
      dateOfBirth: '2019-06-01',
      guardianName: 'Nguyễn Văn Thử',
      livingAreaField: '5',
      fiveYearsFrom: null,
    });
  });

  it('keeps a year-only date of birth as the year', () => {
    const v = ok(YEAR_ONLY);
    expect(v.kind === 'bhyt-qr' && v.card).toMatchObject({
      fullName: 'Lê Văn Mẫu',
      dateOfBirth: '1950',
      address: 'Xã Thử, Huyện Củ Chi, TP Hồ Chí Minh',
    });
  });

  it('reads the 10-part card, which has no field 9 and no check string', () => {
    const v = ok(BHYT10);
    expect(v.kind === 'bhyt-qr' && v.card).toMatchObject({
      cardCode: 'HS4790123456782',
      fullName: 'Trần Thị Mẫu',
      managementCode: null,
      socialInsuranceNumber: null,
      checkString: null,
      parts: 10,
    });
  });

  it('reads a scan upper-cased as a whole (hex digits in capitals)', () => {
    const v = ok(BHYT15.toUpperCase());
    expect(v.kind === 'bhyt-qr' && v.card.fullName).toBe('Nguyễn Văn Thử');
  });

  it('reads hex rewritten by a Telex IME, in lower and upper case', () => {
    for (const text of [BHYT17_TELEX, BHYT17_TELEX_UPPER]) {
      const v = ok(text);
      expect(v.kind === 'bhyt-qr' && v.card).toMatchObject({
        fullName: 'Trần Thị Mẫu',
        placeOfIssue: 'Quận 1, Thành phố Hồ Chí Minh',
      });
    }
  });

  it('undoes the Telex rewrites of the reference: aa → â, dd → đ, ee → ê, af → à', () => {
    expect(decodeHexText('5175e1bâ36e67')).toBe('Quảng'); // §7's own example
    expect(decodeHexText('c4đ')).toBe(decodeHexText('c4dd'));
    expect(decodeHexText('c3ê')).toBe(decodeHexText('c3ee'));
    expect(decodeHexText('c3à')).toBe('ï'); // c3 af
    expect(decodeHexText('e1bầ')).toBe(decodeHexText('e1baaf')); // aa + f
  });

  it('ignores the scanner quirks: Enter as CR, LF, CR LF or none, a BOM, NUL padding, spaces', () => {
    for (const text of [
      `${BHYT15}\r`,
      `${BHYT15}\n`,
      `${BHYT15}\r\n`,
      `\uFEFF${BHYT15}`,
      `${BHYT15}\u0000\u0000\u0000`,
      `  ${BHYT15}  \r\n`,
    ]) {
      expect(ok(text)).toEqual(ok(BHYT15));
    }
  });

  it('keeps the check string as printed and never checks it', () => {
    const forged = BHYT15.replace('0000000000000000-7102', 'zz-not-a-check-string');
    const v = ok(forged);
    expect(v.kind === 'bhyt-qr' && v.card.checkString).toBe('zz-not-a-check-string');
  });

  it('says what is wrong with a bad BHYT QR', () => {
    expect(codeOf(BHYT15.replace('|$', '|'))).toBe('INPUT_BHYT_QR_UNFINISHED');
    expect(codeOf(BHYT15.slice(0, 60))).toBe('INPUT_BHYT_QR_UNFINISHED');
    expect(codeOf('GD4790123456789|4e67|15/08/1990|1|$')).toBe('INPUT_BHYT_QR_FIELDS');
    expect(codeOf(BHYT15.replace('GD4790123456789', 'GD47901234'))).toBe('INPUT_BHYT_QR_CODE');
    expect(codeOf(BHYT15.replace('4e677579e1bb856e', 'zz677579e1bb856e'))).toBe(
      'INPUT_BHYT_QR_NAME',
    );
    // Odd length, and bytes that are not UTF-8 (a lone continuation byte).
    expect(codeOf(BHYT15.replace('4e677579', '4e67757'))).toBe('INPUT_BHYT_QR_NAME');
    expect(codeOf(BHYT15.replace('4e677579', '4e6775bb'))).toBe('INPUT_BHYT_QR_NAME');
    expect(codeOf(BHYT15.replace('15/08/1990', '31/02/1990'))).toBe('INPUT_BHYT_QR_DOB');
    expect(codeOf(BHYT15.replace('15/08/1990|1|', '15/08/1990|3|'))).toBe('INPUT_BHYT_QR_SEX');
  });
});

describe('CCCD and thẻ căn cước QR', () => {
  it('reads 7 and 11 fields', () => {
    expect(ok(CCCD7)).toMatchObject({
      kind: 'cccd-qr',
      qr: { idNumber: '079090001234', oldIdNumber: '025123456', dateOfBirth: '1990-08-15' },
    });
    expect(ok(`${CCCD11}\r\n`)).toMatchObject({
      kind: 'cccd-qr',
      text: CCCD11,
      qr: { idNumber: '001195012345', oldIdNumber: '', fullName: 'Trần Thị Mẫu', sex: 'F' },
    });
  });

  it('reads a CCCD QR upper-cased by the kiosk, with a BOM', () => {
    expect(ok(`\uFEFF${CCCD7.toUpperCase()}`)).toMatchObject({
      kind: 'cccd-qr',
      qr: { idNumber: '079090001234', fullName: 'NGUYỄN VĂN THỬ', sex: 'M' },
    });
  });

  it('refuses fewer than 7 fields and a bad date, saying which', () => {
    expect(codeOf(CCCD7.split('|').slice(0, 6).join('|'))).toBe('INPUT_CCCD_QR_FIELDS');
    expect(codeOf(CCCD7.split('|').slice(0, 2).join('|'))).toBe('INPUT_CCCD_QR_FIELDS');
    expect(codeOf(CCCD7.replace('15081990', '32131990'))).toBe('INPUT_CCCD_QR_DOB');
  });
});

describe('typed numbers', () => {
  it('routes by length: 12 digits CCCD, 15 characters BHYT code, 10 digits social insurance', () => {
    expect(ok('079090001234')).toEqual({ kind: 'typed-cccd', idNumber: '079090001234' });
    expect(ok('gd4 79 0123456789')).toEqual({
      kind: 'typed-bhyt',
      cardCode: 'GD4790123456789',
      groupCode: 'GD',
    });
    expect(ok('7912345678')).toEqual({
      kind: 'typed-social-insurance',
      socialInsuranceNumber: '7912345678',
    });
    expect(ok(' 0790-9000-1234\r')).toEqual({ kind: 'typed-cccd', idNumber: '079090001234' });
  });

  it('says what is wrong with a typed number', () => {
    expect(codeOf('025123456')).toBe('INPUT_TYPED_OLD_CMND');
    expect(codeOf('12345')).toBe('INPUT_TYPED_LENGTH');
    expect(codeOf('0790900012345')).toBe('INPUT_TYPED_LENGTH');
    expect(codeOf('GD479012345')).toBe('INPUT_TYPED_BHYT');
    expect(codeOf('')).toBe('INPUT_EMPTY');
    expect(codeOf(' \r\n')).toBe('INPUT_EMPTY');
  });
});

describe('not card text', () => {
  it('refuses a VNeID QR with what to do instead, and never reads it as a card', () => {
    const read = readPresentedInput('https://vneid.gov.vn/qr/abc123def456');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error.code).toBe('INPUT_VNEID_QR');
    expect(!read.ok && read.error.message.vi).toContain('quầy tiếp đón');
  });

  it('refuses other text as not a card', () => {
    expect(codeOf('hello world')).toBe('INPUT_NOT_A_CARD');
    expect(codeOf('a|b|c')).toBe('INPUT_NOT_A_CARD');
    expect(codeOf('x'.repeat(5000))).toBe('INPUT_TOO_LONG');
  });

  it('gives every error in Vietnamese and English, without the scanned value', () => {
    const read = readPresentedInput(BHYT15.replace('15/08/1990', '31/02/1990'));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.message.vi.length).toBeGreaterThan(10);
    expect(read.error.message.en.length).toBeGreaterThan(10);
    expect(JSON.stringify(read.error)).not.toContain('31/02/1990');
    expect(JSON.stringify(read.error)).not.toContain('GD4790123456789');
  });
});
