/**
 * Codes 003/004 (reference §3): the patient checks in "with the new card" — once it has started
 * on the hospital's day. Before that, a 004's old card still covers today and is the one used.
 * Answers written by hand from the reference's field list.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/main/config/load-config';
import { mapAnswer, type MapContext } from '../../../src/main/insurance/map-answer';
import { cardAnswerSchema } from '../../../src/main/insurance/wire';
import { hospitalDay } from '../../../src/shared/hospital-day';
import { cardInUseOf } from '../../../src/shared/domain';

const rules = parseConfig({}, 'x.json').insurance.coverageRules;

function ctx(today: string): MapContext {
  return {
    today,
    checkedAt: `${today}T03:00:00.000Z`,
    facilityCode: '01001',
    facilityName: null,
    rules,
  };
}

// 004: old card valid to the end of the year, new card from 01/12/2026.
const ANSWER_004 = JSON.parse(`{"maKetQua":"004",
  "ghiChu":"Thẻ cũ còn giá trị sử dụng, chủ thẻ đã được cấp thẻ mới.",
  "maThe":"HC4011820044551","hoTen":"Đỗ Thị Thu","ngaySinh":"02/02/1982","gioiTinh":"Nữ",
  "diaChi":null,"maDKBD":"01001","cqBHXH":"BHXH TP Hà Nội","gtTheTu":"01/01/2026",
  "gtTheDen":"31/12/2026","maKV":null,"ngayDu5Nam":null,"maSoBHXH":"1820044551",
  "maTheCu":null,"maTheMoi":"HC4011820044552","gtTheTuMoi":"01/12/2026","gtTheDenMoi":"30/11/2027",
  "maDKBDMoi":"01002","tenDKBDMoi":"Bệnh viện Mô phỏng 2","dsLichSuKCB2018":null}`) as unknown;

// 003: old card ended 30/11/2026, new card from 01/12/2026.
const ANSWER_003 = JSON.parse(`{"maKetQua":"003",
  "ghiChu":"Thẻ cũ hết giá trị sử dụng, chủ thẻ đã được cấp thẻ mới.",
  "maThe":"DN4010800022331","hoTen":"Lý Văn Tư","ngaySinh":"1980","gioiTinh":"Nam",
  "maDKBD":"01001","gtTheTu":"01/12/2025","gtTheDen":"30/11/2026",
  "maTheMoi":"DN4010800022332","gtTheTuMoi":"01/12/2026","gtTheDenMoi":"30/11/2027",
  "maDKBDMoi":"01001","tenDKBDMoi":null}`) as unknown;

const map = (json: unknown, today: string) => mapAnswer(cardAnswerSchema.parse(json), ctx(today));

describe('003/004: the new card is used once it has started on the hospital day', () => {
  it('004 before the new card starts: the old card (still valid) is in use', () => {
    const r = map(ANSWER_004, '2026-11-30');
    expect(r.mayUseInsurance).toBe(true);
    expect(r.cardInUse).toMatchObject({ number: 'HC4011820044551', isReplacement: false });
    expect(r.assessment?.registeredHere).toBe(true);
    expect(cardInUseOf(r)?.number).toBe('HC4011820044551');
  });

  it('004 on the day the new card starts: the new card, its dates and facility', () => {
    const r = map(ANSWER_004, '2026-12-01');
    expect(r.mayUseInsurance).toBe(true);
    expect(r.cardInUse).toEqual({
      number: 'HC4011820044552',
      validFrom: '2026-12-01',
      validTo: '2027-11-30',
      registeredFacility: { code: '01002', name: 'Bệnh viện Mô phỏng 2' },
      isReplacement: true,
    });
    expect(r.assessment?.registeredHere).toBe(false);
  });

  it('003 with the new card started: the new card', () => {
    const r = map(ANSWER_003, '2026-12-05');
    expect(r.mayUseInsurance).toBe(true);
    expect(r.cardInUse?.number).toBe('DN4010800022332');
  });

  it('003 before the new card starts: the old card while it covers today, else not insured', () => {
    const r = map(ANSWER_003, '2026-11-30');
    // The old card still covers 30/11: the old one is used, valid.
    expect(r.cardInUse?.number).toBe('DN4010800022331');
    const gap = mapAnswer(
      cardAnswerSchema.parse({
        ...(ANSWER_003 as object),
        gtTheDen: '29/11/2026',
      }),
      ctx('2026-11-30'),
    );
    expect(gap.cardInUse?.number).toBe('DN4010800022332');
    expect(gap.mayUseInsurance).toBe(false);
    expect(gap.outcome).toBe('not-insured');
  });

  it("the hospital's day decides, not Vietnam's: 23:30 in Los Angeles on 30/11 is still the 30th", () => {
    const at = new Date('2026-12-01T07:30:00Z'); // 14:30 on 1/12 in Hanoi, 23:30 on 30/11 in LA
    expect(hospitalDay(at, 'Asia/Ho_Chi_Minh')).toBe('2026-12-01');
    const la = map(ANSWER_004, hospitalDay(at, 'America/Los_Angeles'));
    expect(la.cardInUse?.number).toBe('HC4011820044551');
  });
});
