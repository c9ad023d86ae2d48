import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHisClient } from '../../../src/main/his/his-client';
import { startFhirTestServer, type FhirTestServer } from '../../support/his/fhir-test-server';
import { simIdentity } from '../../../src/sim/data/identities';
import { keyFor } from '../../unit/checkin/fakes';
import { createHarness, expectStep, type Harness } from '../../unit/checkin/harness';

// Noon in Hà Nội on the fixtures' day.
const NOW = new Date('2026-11-23T05:00:00Z');
const AN = simIdentity(1).card;

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8')) as Record<
    string,
    unknown
  >;

let server: FhirTestServer;
let h: Harness;

beforeEach(async () => {
  server = await startFhirTestServer();
});
afterEach(async () => {
  await h?.shutdown();
  await server.close();
});

function harness(budgetMs = 1500, baseUrl = server.baseUrl): Harness {
  return createHarness({
    now: NOW,
    config: (c) => {
      c.his.enabled = true;
      c.his.fhirBaseUrl = baseUrl;
      c.his.appointments = true;
      c.his.appointmentBudgetMs = budgetMs;
      // The HIS's own code for paediatrics (as in the fixture) is our NHI.
      c.his.appointmentDepartments = { K03: 'NHI' };
    },
  });
}

async function checkIn(harness: Harness): Promise<void> {
  harness.cards.insert(1);
  await harness.checkin.provideKey(keyFor(1));
}

describe('booked appointments at check-in', () => {
  it('a booking today: checked in to the booked department without choosing, time on the slip', async () => {
    const patient = server.seed(fixture('booked-patient.json'));
    expect((patient.identifier as { value: string }[])[0]!.value).toBe(AN.idNumber);
    server.seed(fixture('cancelled-appointment.json'));
    server.seed(fixture('booked-appointment.json'));
    h = harness();

    await checkIn(h);
    const done = expectStep(h.checkin.current(), 'done');
    expect(h.states.map((s) => s.step)).not.toContain('choose-department');
    expect(done.visit.department).toBe('NHI');
    expect(done.booking).toEqual({
      appointmentId: 'lh-20261123-0042',
      department: 'NHI',
      start: '2026-11-23T09:30:00+07:00',
    });
    // The slip printed at check-in carries the booked time.
    expect(h.printer.printed.at(-1)?.bookedStart).toBe('2026-11-23T09:30:00+07:00');
    // The visit's hand-off will reference the Appointment.
    expect((await h.store.hisOutbox.get(done.visit.id))?.appointmentId).toBe('lh-20261123-0042');
    // The HIS was asked by the CCCD identifier and today's date.
    const search = server.received.find((r) => r.url.includes('/Appointment?'));
    expect(decodeURIComponent(search!.url)).toContain(
      `patient.identifier=urn:cccd-kiosk:sid:cccd|${AN.idNumber}`,
    );
    expect(search!.url).toContain('date=2026-11-23');
  });

  it('no booking: the person chooses as usual', async () => {
    server.seed(fixture('booked-patient.json'));
    server.seed(fixture('cancelled-appointment.json'));
    h = harness();
    await checkIn(h);
    expectStep(h.checkin.current(), 'choose-department');
    const visit = await h.checkin.choose('KHAM', 'normal');
    expect(visit.department).toBe('KHAM');
    expect(expectStep(h.checkin.current(), 'done').booking).toBeNull();
    expect(h.printer.printed.at(-1)?.bookedStart).toBeUndefined();
  });

  it('a HIS that hangs changes nothing: choice screen within the budget', async () => {
    server.seed(fixture('booked-patient.json'));
    server.seed(fixture('booked-appointment.json'));
    server.setFault('hang');
    h = harness(300);
    const started = Date.now();
    await checkIn(h);
    expectStep(h.checkin.current(), 'choose-department');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('an unreachable HIS changes nothing for the patient', async () => {
    const closed = server.baseUrl;
    server.seed(fixture('booked-patient.json'));
    h = harness(1500, closed.replace(/:\d+/, ':1'));
    await checkIn(h);
    expectStep(h.checkin.current(), 'choose-department');
    const visit = await h.checkin.choose('KHAM', 'normal');
    expect(visit.queueNumber).toBe('K01-KHAM-T-001');
  });

  it('the client finds the fixture by identifier and day, and not on another day', async () => {
    server.seed(fixture('booked-patient.json'));
    server.seed(fixture('booked-appointment.json'));
    const client = createHisClient({
      fhirBaseUrl: server.baseUrl,
      auth: { kind: 'none', username: null, password: null, bearerToken: null },
      requestTimeoutMs: 2000,
    });
    const id = { system: 'urn:cccd-kiosk:sid:cccd', value: AN.idNumber };
    expect((await client.searchAppointments(id, '2026-11-23', 2000)).map((a) => a.id)).toEqual([
      'lh-20261123-0042',
    ]);
    expect(await client.searchAppointments(id, '2026-11-24', 2000)).toEqual([]);
  });
});
