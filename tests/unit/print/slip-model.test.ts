import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/main/config/load-config';
import { buildSlipModel, formatDateTime, maskCardNumber } from '../../../src/main/print/slip-model';
import { sampleVisit } from '../../../src/sim/sample-visits';
import { SIM_IDENTITIES } from '../../../src/sim/data/identities';

/** A station with a real reader and the real service: its slips carry no "simulated" notice. */
const REAL = {
  reader: { driver: 'pcsc' },
  insurance: {
    service: 'bhxh',
    baseUrl: 'https://egw.example.invalid',
    username: '01001_BV',
    password: 'x',
    officer: { name: 'Lê Thị Kiểm Tra', idNumber: '001090000002' },
  },
};
const config = (printer: Record<string, unknown> = {}, station: Record<string, unknown> = REAL) =>
  parseConfig(
    { ...station, printer: { timeZone: 'Asia/Ho_Chi_Minh', ...printer } },
    'test-config.json',
  );

const build = (visit = sampleVisit(1), cfg = config()) =>
  buildSlipModel(visit, cfg, { logoDataUrl: null });

describe('slip model', () => {
  it('a booked visit shows the booked time in the hospital zone first; others have no such line', () => {
    const booked = build({ ...sampleVisit(1), bookedStart: '2026-11-23T09:30:00+07:00' });
    expect(booked.footer[0]).toMatchObject({
      label: { vi: 'Giờ hẹn khám' },
      value: '09:30 23/11/2026',
    });
    expect(JSON.stringify(build().footer)).not.toContain('Giờ hẹn khám');
  });

  it('masks the insurance number except the group prefix and the last 4', () => {
    expect(maskCardNumber('DN4010123456781')).toBe('DN40•••••••6781');
    expect(maskCardNumber('TE1010220030301')).toBe('TE10•••••••0301');
    expect(maskCardNumber('12345678')).toBe('••••5678');
    expect(maskCardNumber('123')).toBe('•••');
  });

  it('carries the name and year of birth, never the ID number or the full date of birth', () => {
    for (const identity of SIM_IDENTITIES) {
      const visit = sampleVisit(identity.index, { insuranceSource: 'online' });
      const text = JSON.stringify(build(visit));
      expect(text).toContain(identity.card.fullName);
      expect(text).not.toContain(identity.card.idNumber);
      const dob = identity.card.dateOfBirth!;
      const [y, m, d] = dob.split('-');
      for (const form of [dob, `${d}/${m}/${y}`, `${d}${m}${y}`]) expect(text).not.toContain(form);
      if (identity.insurance.cardNumber) {
        expect(text).not.toContain(identity.insurance.cardNumber);
        expect(text).toContain(identity.insurance.cardNumber.slice(-4));
      }
      expect(build(visit).patient[1]!.value).toBe(y);
    }
  });

  it("a child's card end date (the day before the sixth birthday) prints as its year only", () => {
    const child = SIM_IDENTITIES.find((i) => i.insurance.scenario === 'child-under-6')!;
    const m = build(sampleVisit(child.index, { insuranceSource: 'online' }));
    const validity = m.insurance.fields.find((f) => f.label.vi === 'Hạn thẻ đến')!;
    expect(child.insurance.validTo).toBe('2028-03-02'); // born 2022-03-03
    expect(validity.value).toBe('2028');
    expect(JSON.stringify(m)).not.toContain('02/03/2028');
    // Any other end date prints whole.
    expect(build(sampleVisit(1)).insurance.fields[1]!.value).toBe('31/12/2026');
  });

  it('shows department, room and directions from the configuration', () => {
    const m = build();
    expect(m.department.name).toEqual({ vi: 'Khám bệnh đa khoa', en: 'General examination' });
    expect(m.department.room.vi).toBe('Phòng 101, tầng 1');
    expect(m.department.directions?.vi).toBe('Đi thẳng, rẽ trái');
    expect(m.hospital.name.vi).toBe('Bệnh viện Đa khoa Mô phỏng');
  });

  it('prints the department code when the department is no longer configured', () => {
    const m = build({ ...sampleVisit(1), department: 'GONE' });
    expect(m.department.name.vi).toBe('GONE');
    expect(m.department.directions).toBeNull();
  });

  it('marks priority lanes in words, normal lane plainly', () => {
    expect(build(sampleVisit(1)).lane).toMatchObject({ id: 'normal', priority: false });
    const elderly = build(sampleVisit(3));
    expect(elderly.lane).toMatchObject({ id: 'elderly', priority: true });
    expect(elderly.lane.label.vi).toContain('ƯU TIÊN');
    expect(elderly.lane.label.en).toContain('PRIORITY');
    expect(build(sampleVisit(1, { lane: 'emergency' })).lane.label.vi).toBe('CẤP CỨU');
  });

  it('insured online: card masked, validity and coverage, no notice', () => {
    const m = build(sampleVisit(1));
    expect(m.insurance.covered).toBe(true);
    expect(m.insurance.notices).toEqual([]);
    expect(m.insurance.fields.map((f) => f.value)).toEqual([
      'DN40•••••••6781',
      '31/12/2026',
      '80%',
    ]);
  });

  it('says so when the result came from the offline cache, with when it was checked', () => {
    const m = build(sampleVisit(1, { insuranceSource: 'cache' }));
    expect(m.insurance.notices[0]).toEqual({
      kind: 'offline',
      text: {
        vi: 'Kết quả BHYT ngoại tuyến, kiểm tra lúc 16:40 22/11',
        en: 'Offline insurance result, checked at 16:40 22/11',
      },
    });
    const stale = build(sampleVisit(1, { insuranceSource: 'cache', stale: true }));
    expect(stale.insurance.notices.map((n) => n.kind)).toEqual(['offline', 'stale']);
  });

  it('self-pay and pending visits get a clear line and no card details', () => {
    const selfPay = build(sampleVisit(18));
    expect(selfPay.insurance).toMatchObject({ covered: false, fields: [] });
    expect(selfPay.insurance.notices[0]!.kind).toBe('self-pay');
    expect(selfPay.insurance.notices[0]!.text.vi).toContain('tự chi trả');

    const pending = build(sampleVisit(16));
    expect(pending.insurance.covered).toBe(false);
    expect(pending.insurance.notices[0]!.kind).toBe('pending');

    const expired = build(sampleVisit(8, { insuranceSource: 'online' }));
    expect(expired.insurance.covered).toBe(false);
    expect(expired.insurance.notices.map((n) => n.kind)).toContain('not-covered');
  });

  it('a stale cached result on a slip was confirmed by staff: the slip says so', () => {
    const m = build(sampleVisit(1, { insuranceSource: 'cache', stale: true }));
    const stale = m.insurance.notices.find((n) => n.kind === 'stale')!;
    expect(stale.text.vi).toContain('Nhân viên đã xác nhận');
    expect(stale.text.en).toBe('Old insurance result · Confirmed by staff');
  });

  it('staff accepting the insurance prints it as covered, never also "no insurance cover"', () => {
    const visit = sampleVisit(8, { insuranceSource: 'staff-override' }); // answer: not valid
    expect(visit.insurance.result?.mayUseInsurance).toBe(false);
    const m = build(visit);
    expect(m.insurance.covered).toBe(true);
    expect(m.insurance.notices.map((n) => n.kind)).toEqual(['staff-confirmed']);
  });

  it('a replaced card prints the new card the patient uses now', () => {
    const visit = sampleVisit(1);
    visit.insurance.result = {
      ...visit.insurance.result!,
      outcome: 'replaced-card',
      replacement: {
        number: 'DN4010199998888',
        validFrom: '2026-06-01',
        validTo: '2027-05-31',
        registeredFacility: null,
      },
    };
    const values = build(visit).insurance.fields.map((f) => f.value);
    expect(values).toEqual(['DN40•••••••8888', '31/05/2027', '80%']);
  });

  it('a cancelled visit says so', () => {
    const m = build({ ...sampleVisit(1), status: 'cancelled', cancelledReason: 'x' });
    expect(m.insurance.notices[0]!.kind).toBe('cancelled');
  });

  it('Vietnamese only when the language is vi', () => {
    const m = build(sampleVisit(1), config({ language: 'vi' }));
    const texts = [
      m.title,
      m.queue.label,
      m.lane.label,
      m.closing,
      ...m.patient.map((f) => f.label),
    ];
    for (const t of texts) expect(t.en).toBeNull();
    expect(build().title.en).toBe('Check-in slip');
  });

  it('check-in time and station in the footer, in the configured time zone', () => {
    const m = build(sampleVisit(1, { createdAt: '2026-11-23T01:15:00.000Z' }));
    expect(m.footer.map((f) => f.value)).toEqual(['08:15 23/11/2026', 'K01']);
    expect(formatDateTime('not a date', null, true)).toBe('—');
  });

  it('the QR code holds the visit id and nothing else', () => {
    const visit = sampleVisit(2);
    const m = build(visit);
    expect(m.qr.payload).toBe(visit.id);
    const ref = QRCode.create(visit.id, { errorCorrectionLevel: 'M' });
    expect(m.qr.size).toBe(ref.modules.size);
    const flat = m.qr.dark.flat().map((d) => (d ? 1 : 0));
    expect(flat).toEqual(Array.from(ref.modules.data));
  });

  it('refuses a visit without id or queue number with a typed error', () => {
    expect(() => build({ ...sampleVisit(1), id: '' })).toThrow(/PRINT_BAD_INPUT/);
    expect(() => build({ ...sampleVisit(1), queueNumber: '' })).toThrow(/PRINT_BAD_INPUT/);
  });

  it('a slip made with a simulator says MÔ PHỎNG / SIMULATED first, in both languages', () => {
    for (const simulated of [{}, { reader: { driver: 'pcsc' }, allowSimulated: true }]) {
      const m = build(sampleVisit(1), config({ language: 'vi' }, simulated));
      expect(m.insurance.notices[0]?.kind).toBe('simulated');
      expect(m.insurance.notices[0]?.text.vi).toContain('MÔ PHỎNG / SIMULATED');
    }
    expect(build(sampleVisit(1), config()).insurance.notices.map((n) => n.kind)).not.toContain(
      'simulated',
    );
  });
});
