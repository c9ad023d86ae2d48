/**
 * Every patient who walks in (issue 21), through the check-in machine: a BHYT card QR (a child
 * with no CCCD), a typed number alone (returning patient or desk ticket), no papers, the
 * priority the law gives, and what was shown kept on the visit. QR strings are written by hand
 * from the team's QR-formats reference §7 (made-up people), not by any writer of ours.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InsuranceQuery, InsuranceResult } from '../../../src/shared/domain';
import { insuranceResult } from './fakes';
import { createHarness, expectStep, type Harness } from './harness';

// §7: child card (TE, level 1) with the parent's name in field 10.
const CHILD_QR =
  'TE1790123456780|4e677579e1bb856e2042c3a9205468e1bbad|01/06/2022|2|53e1bb91203120c490c6b0e1bb9d6e67205468e1bbad2c205068c6b0e1bb9d6e672042e1babf6e204e6768c3a92c205175e1baad6e20312c2054502048e1bb93204368c3ad204d696e68|79 - 001|01/06/2022|31/05/2028|10/06/2022|79010123456780|4e677579e1bb856e2056c4836e205468e1bbad|5|-|0000000000000000-7102|$\r\n';
// §7: 2021-model card, 10-digit code, 17 parts.
const QR17 =
  '7912345678|5472e1baa76e205468e1bb8b204de1baab75|03/02/1995|2|-|79 - 001|01/01/2025|-|05/01/2025|79017912345678|-|4| 01/01/2030|0000000000000000-1202|4|5175e1baad6e20312c205468c3a06e68207068e1bb912048e1bb93204368c3ad204d696e68|$';
// §7: year-only date of birth.
const ELDER_QR =
  'HT3790123456781|4cc3aa2056c4836e204de1baab75|1950|1|58c3a3205468e1bbad2c20487579e1bb876e2043e1bba7204368692c2054502048e1bb93204368c3ad204d696e68|79 - 001|01/01/2020|31/12/2020|20/12/2019|79010123456781|-|4|01/01/2015|0000000000000000-7102|$';

const NOW = new Date('2026-12-07T02:00:00.000Z'); // 09:00 in Hồ Chí Minh City

/** The service confirming the asked card, as the gateway answers a 10-digit code: the full one. */
function confirms(fullCode: string, over: Partial<InsuranceResult> = {}) {
  return (q: InsuranceQuery): InsuranceResult => {
    const base = insuranceResult();
    return {
      ...base,
      card: {
        ...base.card!,
        number: fullCode,
        holderName: q.fullName,
        socialInsuranceNumber: fullCode.slice(5),
      },
      ...over,
    };
  };
}

let h: Harness;
afterEach(async () => {
  await h?.shutdown();
});

describe('BHYT card QR', () => {
  it("a child with no CCCD: lookup by the card with the QR's name and birth, child lane, guardian on the slip", async () => {
    h = createHarness({ now: NOW });
    h.insurance.mode = { kind: 'answer', result: confirms('TE1790123456780') };
    await h.checkin.present(CHILD_QR);
    const choice = expectStep(h.checkin.current(), 'choose-department');
    expect(h.insurance.queries).toEqual([
      { cardNumber: 'TE1790123456780', fullName: 'Nguyễn Bé Thử', dateOfBirth: '2022-06-01' },
    ]);
    expect(choice.patient).toMatchObject({ idNumber: '', fullName: 'Nguyễn Bé Thử', source: 'qr' });
    expect(choice.priority).toEqual({ lane: 'child', reason: { vi: '4 tuổi', en: '4 years old' } });

    const visit = await h.checkin.choose('KHAM', 'child');
    expect(visit.patient.cardNumber).toBe('TE1790123456780');
    expect(visit.identitySource).toBe('qr');
    expect(visit.document).toBe('bhyt-qr');
    expect(visit.priority?.reason.vi).toBe('4 tuổi');
    expect(h.printer.printed.at(-1)?.guardianName).toBe('Nguyễn Văn Thử');
    expect(visit.chipVerification).toBeNull();

    // Kept on the visit: the desk's reprint, read back from the store, still names the guardian.
    expect((await h.store.getVisit(visit.id))?.guardianName).toBe('Nguyễn Văn Thử');
    const reprint = await h.visits.reprint(visit.id);
    expect(reprint.status).toBe('printed');
    expect(h.printer.printed).toHaveLength(2);
    expect(h.printer.printed.at(-1)?.guardianName).toBe('Nguyễn Văn Thử');
  });

  it("a 10-digit card goes on the visit as the answer's current 15-character code", async () => {
    h = createHarness({ now: NOW });
    h.insurance.mode = { kind: 'answer', result: confirms('GD4797912345678') };
    await h.checkin.present(QR17);
    expect(h.insurance.queries[0]).toEqual({
      cardNumber: '7912345678',
      fullName: 'Trần Thị Mẫu',
      dateOfBirth: '1995-02-03',
    });
    const visit = await h.checkin.choose('KHAM', 'normal');
    expect(visit.patient.cardNumber).toBe('GD4797912345678');
  });

  it('003/004: the new card once it has started on the hospital day, the old one before', async () => {
    const replaced = (validFrom: string) =>
      confirms('GD4797912345678', {
        code: '004',
        outcome: 'replaced-card',
        replacement: {
          number: 'GD2797912345678',
          validFrom,
          validTo: null,
          registeredFacility: null,
        },
      });
    h = createHarness({ now: NOW });
    h.insurance.mode = { kind: 'answer', result: replaced('2026-12-07') };
    await h.checkin.present(QR17);
    expect((await h.checkin.choose('KHAM', 'normal')).patient.cardNumber).toBe('GD2797912345678');
    await h.shutdown();

    h = createHarness({ now: NOW });
    h.insurance.mode = { kind: 'answer', result: replaced('2026-12-08') };
    await h.checkin.present(QR17);
    expect((await h.checkin.choose('KHAM', 'normal')).patient.cardNumber).toBe('GD4797912345678');
  });

  it('a year-only birth from 75: the elderly lane with the reason; a CC card: merit', async () => {
    h = createHarness({ now: NOW });
    h.insurance.mode = { kind: 'answer', result: confirms('HT3790123456781') };
    await h.checkin.present(ELDER_QR);
    const choice = expectStep(h.checkin.current(), 'choose-department');
    expect(choice.priority).toEqual({
      lane: 'elderly',
      reason: { vi: '75–76 tuổi', en: '75–76 years old' },
    });
    // The person may still choose another lane; the law's reason stays on the visit.
    const visit = await h.checkin.choose('KHAM', 'disability');
    expect(visit.lane).toBe('disability');
    expect(visit.priority?.lane).toBe('elderly');
  });

  it('bad text is one typed error and changes nothing', async () => {
    h = createHarness({ now: NOW });
    await expect(h.checkin.present(CHILD_QR.replace('|$', '|'))).rejects.toMatchObject({
      code: 'INPUT_BHYT_QR_UNFINISHED',
    });
    await expect(h.checkin.present('https://vneid.gov.vn/x')).rejects.toMatchObject({
      code: 'INPUT_VNEID_QR',
    });
    expect(h.checkin.current().step).toBe('idle');
    expect(h.insurance.queries).toEqual([]);
  });
});

describe('a typed number alone', () => {
  it('an unknown number gets a desk ticket in the reception queue, never a dead end', async () => {
    h = createHarness({ now: NOW });
    await h.checkin.present('79 1234 5678');
    const done = expectStep(h.checkin.current(), 'done');
    expect(done.deskTicket).toBe(true);
    expect(done.visit.department).toBe('TD');
    expect(done.visit.queueNumber).toBe('K01-TD-T-001');
    expect(done.visit.document).toBe('typed-social-insurance');
    expect(done.visit.patient).toMatchObject({ idNumber: '', fullName: '' });
    expect(h.insurance.queries).toEqual([]);
    expect(h.printer.printed).toHaveLength(1);
  });

  it('a returning patient the service confirmed is found by either number, and asked afresh', async () => {
    h = createHarness({ now: NOW });
    h.insurance.mode = { kind: 'answer', result: confirms('TE1790123456780') };
    await h.checkin.present(CHILD_QR);
    await h.checkin.choose('KHAM', 'child');
    h.checkin.reset();

    await h.checkin.present('TE1 79 0123456780');
    const byCode = expectStep(h.checkin.current(), 'choose-department');
    expect(byCode.patient).toMatchObject({ fullName: 'Nguyễn Bé Thử', source: 'typed' });
    h.checkin.reset();
    await h.checkin.present('0123456780');
    expect(expectStep(h.checkin.current(), 'choose-department').patient.fullName).toBe(
      'Nguyễn Bé Thử',
    );
    expect(h.insurance.queries).toHaveLength(3);
    expect(h.insurance.queries[2]).toEqual({
      cardNumber: 'TE1790123456780',
      fullName: 'Nguyễn Bé Thử',
      dateOfBirth: '2022-06-01',
    });
    const visit = await h.checkin.choose('NHI', 'child');
    expect(visit.document).toBe('typed-social-insurance');
  });

  it('a QR the service did not confirm is not remembered: its number alone is a desk ticket', async () => {
    h = createHarness({ now: NOW });
    h.insurance.mode = {
      kind: 'answer',
      result: () => insuranceResult('re-enter', false, '060'),
    };
    await h.checkin.present(CHILD_QR);
    h.checkin.reset();
    await h.checkin.present('TE1790123456780');
    expect(expectStep(h.checkin.current(), 'done').deskTicket).toBe(true);
  });

  it('a typed ID number with no card: "without the card" gives a desk ticket when unknown', async () => {
    h = createHarness({ now: NOW });
    await h.checkin.present('079090001234');
    expectStep(h.checkin.current(), 'need-card');
    await h.checkin.withoutCard();
    const done = expectStep(h.checkin.current(), 'done');
    expect(done.deskTicket).toBe(true);
    expect(done.visit.document).toBe('typed-cccd');
  });
});

describe('no papers', () => {
  it('"No documents" gives a numbered ticket in the reception queue', async () => {
    h = createHarness({ now: NOW });
    const first = await h.checkin.noDocuments();
    h.checkin.reset();
    const second = await h.checkin.noDocuments();
    expect([first.queueNumber, second.queueNumber]).toEqual(['K01-TD-T-001', 'K01-TD-T-002']);
    expect(first.document).toBe('none');
    expect(first.insurance.source).toBe('disabled');
  });

  it('the desk completes the ticket by manual entry: same visit, same number, the person on it', async () => {
    h = createHarness({ now: NOW });
    const ticket = await h.checkin.noDocuments();
    h.checkin.reset();
    const person = {
      idNumber: '079090001234',
      fullName: 'Nguyễn Văn Thử',
      dateOfBirth: '1990-08-15',
      sex: 'M' as const,
    };
    await h.checkin.manualIdentity({
      ...person,
      document: 'vneid-desk',
      ticketVisitId: ticket.id,
    });
    const done = expectStep(h.checkin.current(), 'done');
    expect(done.visit).toMatchObject({
      id: ticket.id,
      queueNumber: ticket.queueNumber,
      document: 'vneid-desk',
      identitySource: 'typed',
      patient: { idNumber: person.idNumber, fullName: person.fullName },
      insurance: { source: 'online' },
    });
    expect(h.insurance.queries).toEqual([
      { idNumber: person.idNumber, fullName: person.fullName, dateOfBirth: person.dateOfBirth },
    ]);
    expect(await h.store.listVisits({ date: ticket.date })).toHaveLength(1);
    // A ticket already completed is nobody's to complete again.
    h.checkin.reset();
    await expect(
      h.checkin.manualIdentity({ ...person, ticketVisitId: ticket.id }),
    ).rejects.toMatchObject({ code: 'CHECKIN_VISIT_NOT_FOUND' });
  });
});
