import { describe, expect, it } from 'vitest';
import type { Department, Visit, VisitProgress } from '../../../src/shared/domain';
import type { Bundle, Coverage, Encounter, Patient } from '../../../src/main/his/fhir/fhir-types';
import { DEFAULT_IDENTIFIER_SYSTEMS as SYS } from '../../../src/main/his/fhir/identifier-systems';
import {
  buildVisitTransactions,
  type VisitHandoffInput,
} from '../../../src/main/his/fhir/visit-bundle';
import { applyFhirPathPatch } from '../../support/his/fhirpath-patch-apply';
import { validateR4 } from '../../support/his/r4-validator';
import { sampleVisit } from '../../../src/sim/sample-visits';
import { SIM_IDENTITIES } from '../../../src/sim/data/identities';

const KHAM: Department = {
  code: 'KHAM',
  name: { vi: 'Khám bệnh đa khoa', en: 'General examination' },
  room: { vi: 'Phòng 101', en: 'Room 101' },
  directions: null,
};

function input(index: number, extra: Partial<VisitHandoffInput> = {}): VisitHandoffInput {
  const card = SIM_IDENTITIES[index - 1]!.card;
  return {
    visit: sampleVisit(index),
    identity: { placeOfResidence: card.placeOfResidence, oldIdNumber: card.oldIdNumber },
    department: KHAM,
    facilityCode: '01001',
    appointmentId: null,
    systems: SYS,
    progress: [],
    ...extra,
  };
}

/** The first transaction carries each resource whole (the conditional creates). */
const buildVisitBundle = (i: VisitHandoffInput): Bundle => buildVisitTransactions(i).ensure;

describe('visit as a FHIR R4 transaction', () => {
  it('every catalog identity gives a bundle the medplum R4 validator accepts, entry by entry', () => {
    for (const id of SIM_IDENTITIES) {
      const { ensure, update } = buildVisitTransactions(input(id.index));
      for (const bundle of [ensure, update]) {
        expect(validateR4(bundle), `identity ${id.index}`).toEqual([]);
        for (const e of bundle.entry ?? []) {
          const what = `identity ${id.index} ${e.request!.method} ${e.resource!.resourceType}`;
          expect(validateR4(e.resource!), what).toEqual([]);
        }
      }
    }
  });

  it('the validator is not a rubber stamp: a wrong type, an unknown element and a missing element are refused', () => {
    const bundle = buildVisitBundle(input(1));
    const enc = bundle.entry!.find((e) => e.resource!.resourceType === 'Encounter')!.resource!;
    expect(validateR4({ ...enc, status: 5 } as unknown as Encounter).length).toBeGreaterThan(0);
    expect(validateR4({ ...enc, queue: 'K01-001' } as unknown as Encounter).length).toBeGreaterThan(
      0,
    );
    expect(
      validateR4({ resourceType: 'Coverage', status: 'active' } as Coverage).length,
    ).toBeGreaterThan(0);
  });

  it('Patient: CCCD identifier with its system, name split family-first, birth date, gender, address', () => {
    const bundle = buildVisitBundle(input(1));
    const [pe] = bundle.entry!;
    const p = pe!.resource as Patient;
    expect(p.identifier![0]).toMatchObject({ system: SYS.cccd, value: '001085012345' });
    expect(p.name![0]).toMatchObject({
      text: 'Nguyễn Văn An',
      family: 'Nguyễn',
      given: ['Văn', 'An'],
    });
    expect(p.birthDate).toBe('1985-03-14');
    expect(p.gender).toBe('male');
    expect(p.address![0]!.text).toContain('Phố Giả Định');
    expect(pe!.request).toEqual({
      method: 'POST',
      url: 'Patient',
      ifNoneExist: `identifier=${encodeURIComponent(`${SYS.cccd}|001085012345`)}`,
    });
  });

  it('the old ID number becomes a second identifier with use "old"', () => {
    const withOld = SIM_IDENTITIES.find((i) => i.card.oldIdNumber)!;
    const p = buildVisitBundle(input(withOld.index)).entry![0]!.resource as Patient;
    expect(p.identifier).toHaveLength(2);
    expect(p.identifier![1]).toMatchObject({
      use: 'old',
      system: SYS.oldId,
      value: withOld.card.oldIdNumber,
    });
  });

  it('Coverage: card number, period, level as a plan class, percentage and facility as extensions, payor BHXH', () => {
    const bundle = buildVisitBundle(input(1));
    const entry = bundle.entry!.find((e) => e.resource!.resourceType === 'Coverage')!;
    const c = entry.resource as Coverage;
    expect(c.identifier![0]).toMatchObject({ system: SYS.insuranceCard, value: 'DN4010123456781' });
    expect(c.period).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(c.class![0]!.value).toBe('4');
    expect(c.extension).toContainEqual({
      url: `${SYS.extensionBase}/bhyt-coverage-percent`,
      valueDecimal: 80,
    });
    expect(c.extension).toContainEqual({
      url: `${SYS.extensionBase}/bhyt-registered-facility`,
      valueIdentifier: { system: SYS.facility, value: '01001' },
    });
    expect(c.payor[0]!.display).toContain('BHXH');
    expect(c.beneficiary.reference).toBe(bundle.entry![0]!.fullUrl);
    expect(entry.request!.ifNoneExist).toBe(
      `identifier=${encodeURIComponent(`${SYS.insuranceCard}|DN4010123456781`)}`,
    );
  });

  it('Encounter: the document shown as an extension with an absolute URL, and R4-valid', () => {
    const bundle = buildVisitBundle(
      input(1, { visit: { ...sampleVisit(1), document: 'bhyt-qr' } }),
    );
    const enc = bundle.entry!.find((e) => e.resource!.resourceType === 'Encounter')!
      .resource as Encounter;
    expect(enc.extension).toEqual([{ url: expect.any(String), valueCode: 'bhyt-qr' }]);
    // FHIR: an extension's url names its StructureDefinition; an absolute http(s) URL, not a URN.
    expect(new URL(enc.extension![0]!.url).protocol).toBe('https:');
    expect(validateR4(enc)).toEqual([]);
    expect(validateR4(bundle)).toEqual([]);
    // A visit from before documents were recorded carries none.
    const old = buildVisitBundle(input(1)).entry!.find(
      (e) => e.resource!.resourceType === 'Encounter',
    )!.resource as Encounter;
    expect(old.extension).toBeUndefined();
  });

  it('no Coverage for a visit without a card', () => {
    const visit = {
      ...sampleVisit(1),
      insurance: { ...sampleVisit(1).insurance, source: 'self-pay' as const, result: null },
    };
    const bundle = buildVisitBundle(input(1, { visit }));
    expect(bundle.entry!.map((e) => e.resource!.resourceType)).toEqual(['Patient', 'Encounter']);
  });

  it('Encounter: arrived, AMB, department, lane priority, queue number, start, appointment; cancelled later', () => {
    const visit = sampleVisit(1, { lane: 'emergency' });
    const bundle = buildVisitBundle(input(1, { visit, appointmentId: 'appt-7' }));
    const entry = bundle.entry!.at(-1)!;
    const e = entry.resource as Encounter;
    expect(e.status).toBe('arrived');
    expect(e.class.code).toBe('AMB');
    expect(e.serviceType!.coding![0]).toMatchObject({ system: SYS.department, code: 'KHAM' });
    expect(e.priority!.coding![0]!.code).toBe('EM');
    expect(e.identifier).toContainEqual(
      expect.objectContaining({ system: SYS.queueNumber, value: visit.queueNumber }),
    );
    expect(e.period!.start).toBe(visit.createdAt);
    expect(e.appointment).toEqual([{ reference: 'Appointment/appt-7' }]);
    expect(e.subject!.reference).toBe(bundle.entry![0]!.fullUrl);
    expect(entry.request!.ifNoneExist).toBe(
      `identifier=${encodeURIComponent(`${SYS.visit}|${visit.id}`)}`,
    );

    const cancelled = buildVisitBundle(input(1, { visit: { ...visit, status: 'cancelled' } }));
    expect((cancelled.entry!.at(-1)!.resource as Encounter).status).toBe('cancelled');
    expect(cancelled.entry!.at(-1)!.request).toEqual(entry.request);
  });

  it("Encounter follows the room's progress: called/skipped still arrived, in the room in-progress, done finished with its end", () => {
    const visit = sampleVisit(2);
    const at = '2026-11-23T09:15:00+07:00';
    const cases = [
      ['waiting', 'arrived'],
      ['called', 'arrived'],
      ['skipped', 'arrived'],
      ['in-room', 'in-progress'],
      ['done', 'finished'],
    ] as const;
    for (const [state, expected] of cases) {
      const progressed = { ...visit, progress: { state, room: '101', at, calls: 1 } };
      const bundle = buildVisitBundle(input(2, { visit: progressed }));
      const e = bundle.entry!.at(-1)!.resource as Encounter;
      expect(e.status, state).toBe(expected);
      expect(e.period, state).toEqual(
        state === 'done' ? { start: visit.createdAt, end: at } : { start: visit.createdAt },
      );
      expect(validateR4(e), state).toEqual([]);
    }
  });

  it('the same visit gives the same bundle (a resend is byte-identical)', () => {
    expect(JSON.stringify(buildVisitBundle(input(3)))).toBe(
      JSON.stringify(buildVisitBundle(input(3))),
    );
  });
});

describe('Coverage.status is the state of the record (R4 fm-status), not "may use today"', () => {
  function coverageFor(code: string, outcome: string, over: { validTo?: string } = {}): Coverage {
    const base = sampleVisit(1);
    const result = base.insurance.result!;
    const visit = {
      ...base,
      insurance: {
        ...base.insurance,
        result: {
          ...result,
          code,
          outcome: outcome as typeof result.outcome,
          mayUseInsurance: false,
          card: { ...result.card!, ...over },
        },
      },
    };
    const bundle = buildVisitBundle(input(1, { visit }));
    return bundle.entry!.find((e) => e.resource!.resourceType === 'Coverage')!.resource as Coverage;
  }

  it('an expired card (010) is an active Coverage whose period has ended', () => {
    const c = coverageFor('010', 'not-insured', { validTo: '2025-12-31' });
    expect(c.status).toBe('active');
    expect(c.period!.end).toBe('2025-12-31');
  });

  it('a confirmed card whose dates do not cover today is still active', () => {
    expect(coverageFor('000', 'insured', { validTo: '2025-12-31' }).status).toBe('active');
  });

  it('a card BHXH withdrew (revoked 110, reduced 120-124) is cancelled', () => {
    for (const code of ['110', '120', '121', '122', '123', '124']) {
      expect(coverageFor(code, 'not-insured').status, code).toBe('cancelled');
    }
  });

  it('a card the lookup did not confirm (not found, re-enter, service error) is a draft', () => {
    for (const [code, outcome] of [
      ['050', 'not-insured'],
      ['060', 're-enter'],
      ['500', 'retry-later'],
      ['999', 'unknown-code'],
    ] as const) {
      expect(coverageFor(code, outcome).status, code).toBe('draft');
    }
  });
});

describe('Encounter.statusHistory: the statuses the visit held before its current one (R4)', () => {
  const checkedIn = '2026-11-23T01:15:00.000Z';
  const visit = sampleVisit(2, { createdAt: checkedIn });
  const t = (minute: number) => new Date(Date.parse(checkedIn) + minute * 60_000).toISOString();
  const progressed = (state: VisitProgress, minute: number): Visit => ({
    ...visit,
    progress: { state, room: '101', at: t(minute), calls: 1 },
  });
  const encounterOf = (i: VisitHandoffInput): Encounter =>
    buildVisitBundle(i).entry!.at(-1)!.resource as Encounter;

  /**
   * R4 Encounter.statusHistory, as the specification words it: a list of past statuses (the
   * current one is Encounter.status, never in the history), each with a status and a period
   * (both 1..1), a period's start not after its end (per-1). Ours are also in order and
   * contiguous, the last ending when the current status began. Returns what breaks the rule.
   */
  function pastStatusRule(e: Encounter, currentSince: string | null): string[] {
    const out: string[] = [];
    const h = e.statusHistory ?? [];
    h.forEach((entry, i) => {
      if (!entry.status || !entry.period?.start) out.push(`${i}: status and period.start needed`);
      const { start, end } = entry.period ?? {};
      if (start && end && Date.parse(start) > Date.parse(end)) out.push(`${i}: ends before start`);
      const next = h[i + 1];
      if (next && end !== next.period.start) out.push(`${i}: does not end when ${i + 1} starts`);
    });
    const last = h.at(-1);
    if (last?.status === e.status) out.push(`the current status ${e.status} is in the history`);
    if (last && currentSince && last.period.end !== currentSince) {
      out.push(`the last past status does not end when ${e.status} began`);
    }
    return out;
  }

  it('patient in then done: arrived, then in-progress, each with its period; finished is the status', () => {
    const e = encounterOf(
      input(2, {
        visit: progressed('done', 12),
        progress: [
          { state: 'called', at: t(5) },
          { state: 'in-room', at: t(6) },
          { state: 'done', at: t(12) },
        ],
      }),
    );
    expect(e.status).toBe('finished');
    expect(e.statusHistory).toEqual([
      { id: 'kiosk-status-1', status: 'arrived', period: { start: checkedIn, end: t(6) } },
      { id: 'kiosk-status-2', status: 'in-progress', period: { start: t(6), end: t(12) } },
    ]);
    expect(pastStatusRule(e, t(12))).toEqual([]);
    expect(validateR4(e)).toEqual([]);
    // Still waiting, it had no other status before: no statusHistory at all.
    const waiting = encounterOf(input(2, { visit, progress: [] }));
    expect(waiting.status).toBe('arrived');
    expect(waiting.statusHistory).toBeUndefined();
  });

  it('called, skipped and called again stay one arrived entry; a cancellation ends the last', () => {
    const e = encounterOf(
      input(2, {
        visit: { ...progressed('called', 9), status: 'cancelled' },
        progress: [
          { state: 'called', at: t(5) },
          { state: 'skipped', at: t(7) },
          { state: 'called', at: t(9) },
          { state: 'cancelled', at: t(20) },
        ],
      }),
    );
    expect(e.status).toBe('cancelled');
    expect(e.statusHistory).toEqual([
      { id: 'kiosk-status-1', status: 'arrived', period: { start: checkedIn, end: t(20) } },
    ]);
    expect(pastStatusRule(e, t(20))).toEqual([]);
    expect(validateR4(e)).toEqual([]);
  });

  it('a change timed before check-in by another clock still gives periods whose start is not after their end', () => {
    const e = encounterOf(
      input(2, { visit: progressed('in-room', -2), progress: [{ state: 'in-room', at: t(-2) }] }),
    );
    expect(e.statusHistory).toEqual([
      { id: 'kiosk-status-1', status: 'arrived', period: { start: checkedIn, end: checkedIn } },
    ]);
    expect(pastStatusRule(e, null)).toEqual([]);
  });

  it('the rule itself is not a rubber stamp: the current status in the history, or a gap, is caught', () => {
    const e = encounterOf(
      input(2, {
        visit: progressed('in-room', 6),
        progress: [{ state: 'in-room', at: t(6) }],
      }),
    );
    expect(pastStatusRule(e, t(6))).toEqual([]);
    const withCurrent: Encounter = {
      ...e,
      statusHistory: [...e.statusHistory!, { status: 'in-progress', period: { start: t(6) } }],
    };
    expect(pastStatusRule(withCurrent, null)).toContain(
      'the current status in-progress is in the history',
    );
    expect(pastStatusRule(e, t(7))).toHaveLength(1);
  });

  it("the update patch writes the kiosk's entries once each and keeps one the HIS added", () => {
    const i = input(2, {
      visit: progressed('done', 12),
      progress: [
        { state: 'in-room', at: t(6) },
        { state: 'done', at: t(12) },
      ],
    });
    const { ensure, update } = buildVisitTransactions(i);
    const created = ensure.entry!.at(-1)!.resource as Encounter;
    const his = { status: 'triaged', period: { start: t(1), end: t(2) } };
    let stored: Record<string, unknown> = {
      ...created,
      status: 'arrived',
      statusHistory: [his],
    };
    const patch = update.entry!.at(-1)!.resource as unknown as Record<string, unknown>;
    expect(validateR4(patch as never)).toEqual([]);
    stored = applyFhirPathPatch(stored, patch);
    stored = applyFhirPathPatch(stored, patch);
    expect(stored.status).toBe('finished');
    expect(stored.statusHistory).toEqual([his, ...created.statusHistory!]);
    expect(validateR4(stored as never)).toEqual([]);
  });
});
