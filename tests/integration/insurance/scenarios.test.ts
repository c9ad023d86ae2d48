import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_IDENTITIES, type SimIdentity } from '../../../src/sim/data/identities';
import type { InsuranceOutcome } from '../../../src/shared/domain';
import { rig, type Rig } from './helpers';

const EXPECTED: Record<string, { code: string; outcome: InsuranceOutcome; may: boolean }> = {
  valid: { code: '000', outcome: 'insured', may: true },
  'child-under-6': { code: '000', outcome: 'insured', may: true },
  defence: { code: '001', outcome: 'insured-with-notes', may: true },
  police: { code: '002', outcome: 'insured-with-notes', may: true },
  'replaced-old-expired': { code: '003', outcome: 'replaced-card', may: true },
  'replaced-old-valid': { code: '004', outcome: 'replaced-card', may: true },
  expired: { code: '010', outcome: 'not-insured', may: false },
  'no-card': { code: '050', outcome: 'not-insured', may: false },
  revoked: { code: '110', outcome: 'not-insured', may: false },
  reduced: { code: '120', outcome: 'not-insured', may: false },
  'reduced-moved': { code: '121', outcome: 'not-insured', may: false },
  'child-no-card': { code: '130', outcome: 'not-insured', may: false },
  'wrong-name': { code: '060', outcome: 're-enter', may: false },
  'wrong-dob': { code: '070', outcome: 're-enter', may: false },
  'wrong-facility': { code: '090', outcome: 're-enter', may: false },
};

const chipQuery = (p: SimIdentity) => ({
  idNumber: p.card.idNumber,
  fullName: p.card.fullName,
  dateOfBirth: p.card.dateOfBirth!,
});

for (const apiVersion of ['2024', '2018'] as const) {
  describe(`every catalog scenario over HTTP (API ${apiVersion})`, () => {
    let r: Rig;
    beforeAll(async () => {
      r = await rig({ apiVersion });
    });
    afterAll(async () => r.close());

    for (const person of SIM_IDENTITIES) {
      it(`#${person.index} ${person.insurance.scenario}: by CCCD number with the chip's name and DOB`, async () => {
        const want = EXPECTED[person.insurance.scenario]!;
        const res = await r.service.lookup(chipQuery(person));
        expect(res.code).toBe(want.code);
        expect(res.outcome).toBe(want.outcome);
        expect(res.mayUseInsurance).toBe(want.may);
        expect(res.message.vi.length).toBeGreaterThan(5);
        expect(res.message.en.length).toBeGreaterThan(5);
        if (want.may) {
          expect(res.card?.number).toBe(person.insurance.cardNumber);
          expect(res.card?.validTo).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(res.assessment?.validToday).toBe(true);
          expect(res.card?.registeredFacility?.code).toBe(person.insurance.facilityCode);
          expect(res.assessment?.registeredHere).toBe(person.insurance.facilityCode === '01001');
        }
      });
    }

    it('the register spelling of a name and the register DOB give 000 (wrong-name, wrong-dob)', async () => {
      for (const p of SIM_IDENTITIES.filter(
        (i) => i.insurance.registeredName || i.insurance.registeredDob,
      )) {
        const res = await r.service.lookup({
          cardNumber: p.insurance.cardNumber!,
          fullName: p.insurance.registeredName ?? p.card.fullName,
          dateOfBirth: p.insurance.registeredDob ?? p.card.dateOfBirth!,
        });
        expect(res.code).toBe('000');
        expect(res.mayUseInsurance).toBe(true);
      }
    });

    it('looks up by the 15-character card number, with the year of birth only', async () => {
      const p = SIM_IDENTITIES[0]!;
      const res = await r.service.lookup({
        cardNumber: p.insurance.cardNumber!,
        fullName: p.card.fullName,
        dateOfBirth: p.card.dateOfBirth!.slice(0, 4),
      });
      expect(res.code).toBe('000');
      expect(res.card).toMatchObject({
        number: 'DN4010123456781',
        holderName: 'Nguyễn Văn An',
        dateOfBirth: '1985-03-14',
        sex: 'M',
        benefitLevel: 4,
        coveragePercent: 80,
        socialInsuranceNumber: '0123456781',
        fiveYearsContinuousFrom: '2020-01-01',
      });
      expect(res.assessment).toMatchObject({ group: 'DN', printedLevel: 4, province: '01' });
    });

    it('a name typed without diacritics matches', async () => {
      const res = await r.service.lookup({
        idNumber: '001085012345',
        fullName: 'nguyen van an',
        dateOfBirth: '1985-03-14',
      });
      expect(res.code).toBe('000');
    });

    it('an unknown person is 050 and a card code with a wrong province / benefit digit is 052 / 053', async () => {
      const unknown = await r.service.lookup({
        idNumber: '001099999999',
        fullName: 'Không Có Ai',
        dateOfBirth: '1999-01-01',
      });
      expect(unknown).toMatchObject({
        code: '050',
        outcome: 'not-insured',
        mayUseInsurance: false,
      });
      const q = { fullName: 'Nguyễn Văn An', dateOfBirth: '1985-03-14' };
      expect((await r.service.lookup({ ...q, cardNumber: 'DN4020123456781' })).code).toBe('052');
      expect((await r.service.lookup({ ...q, cardNumber: 'DN3010123456781' })).code).toBe('053');
      expect((await r.service.lookup({ ...q, cardNumber: 'HS4010123456781' })).code).toBe('051');
    });

    it('replaced cards carry the new card; the child card is level 1 at 100 %', async () => {
      const replaced = await r.service.lookup(chipQuery(SIM_IDENTITIES[8]!));
      expect(replaced.replacement).toMatchObject({
        number: 'DN4010800022332',
        registeredFacility: { code: '01001' },
      });
      expect(String(replaced.replacement?.validFrom) <= '2026-11-23').toBe(true);
      expect(String(replaced.card?.validTo) < '2026-11-23').toBe(true);
      const child = await r.service.lookup(chipQuery(SIM_IDENTITIES[12]!));
      expect(child.card).toMatchObject({ benefitLevel: 1, coveragePercent: 100 });
      const k2 = await r.service.lookup(chipQuery(SIM_IDENTITIES[18]!));
      expect(k2.card?.areaCode).toBe('K2');
    });

    it(`treatment history ${apiVersion === '2018' ? 'is mapped from dsLichSuKCB2018' : 'is empty (moved to Lskcb2025)'}`, async () => {
      const res = await r.service.lookup(chipQuery(SIM_IDENTITIES[1]!));
      if (apiVersion === '2018') {
        expect(res.history).toHaveLength(2);
        expect(res.history[0]).toMatchObject({
          facilityCode: '79025',
          admittedAt: '2025-03-15T08:10:00+07:00',
          dischargedAt: '2025-03-15T10:30:00+07:00',
          diagnosis: 'Viêm họng cấp',
          status: 'discharged',
          result: 'improved',
          reason: 'right-route',
        });
      } else {
        expect(res.history).toEqual([]);
      }
    });
  });
}
