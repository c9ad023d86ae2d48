/**
 * The desk with the app's real services (simulated reader and gateway, SQLite): staff actions
 * need a signed-in officer, the lookup carries her (the simulator records hoTenCb / cccdCb), and
 * the visit's history of staff actions lists what she did.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import { dispatchRequest } from '../../../src/main/api/dispatch';
import { loadConfig } from '../../../src/main/config/load-config';
import { nullLogger } from '../../../src/main/logging/logger';
import type { AuditEntry, RecheckSummary, Visit } from '../../../src/shared/domain';
import { simIdentity, simQrText } from '../../../src/sim/data/identities';
import type { SimGatewayHandle } from '../../../src/sim/insurance/sim-gateway';
import { startFhirTestServer, type FhirTestServer } from '../../support/his/fhir-test-server';

const OFFICER = { name: 'Trần Thị Lễ Tân', idNumber: '001190000123' };
const AN = simIdentity(1).card;

describe('desk staff actions with the real services', () => {
  let dataDir: string;
  let services: AppServices;
  let fhir: FhirTestServer;
  const call = async (name: string, input: unknown = null): Promise<unknown> => {
    const res = await dispatchRequest(services.handlers, name, input, { mode: 'desk' });
    if (!res.ok) throw Object.assign(new Error(res.error.code), { code: res.error.code });
    return res.value;
  };
  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
    for (let i = 0; i < 400; i++) {
      const found = await probe();
      if (found !== undefined) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`never saw ${what}`);
  };
  const until = async (step: string): Promise<void> => {
    for (let i = 0; i < 400; i++) {
      if (services.checkin.current().step === step) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`never reached ${step}: ${services.checkin.current().step}`);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-desk-audit-'));
    const { config } = loadConfig(dataDir);
    config.station.mode = 'desk';
    config.staff.signInRequired = true;
    // The HIS hand-off, so that staff can resend a visit to it.
    fhir = await startFhirTestServer();
    config.his.enabled = true;
    config.his.fhirBaseUrl = fhir.baseUrl;
    services = await createAppServices({ dataDir, config, logger: nullLogger });
  });
  afterAll(async () => {
    await services?.close();
    await fhir?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('without a signed-in officer, a staff action is refused and nothing is asked', async () => {
    await expect(
      call('checkin.manualIdentity', {
        idNumber: AN.idNumber,
        fullName: AN.fullName,
        dateOfBirth: AN.dateOfBirth,
        sex: 'M',
      }),
    ).rejects.toMatchObject({ code: 'CHECKIN_STAFF_SIGN_IN_REQUIRED' });
    expect(
      (services.simulatedGateway as SimGatewayHandle).received().filter((r) => r.call === 'check'),
    ).toEqual([]);
  });

  it('signed in: the lookup carries her, and the visit lists her actions', async () => {
    expect(await call('staff.signIn', OFFICER)).toMatchObject({ ...OFFICER, method: 'typed' });
    expect(services.currentOfficer()).toEqual(OFFICER);
    await call('checkin.manualIdentity', {
      idNumber: AN.idNumber,
      fullName: AN.fullName,
      dateOfBirth: AN.dateOfBirth,
      sex: 'M',
    });
    await until('choose-department');
    const visit = (await call('checkin.choose', { department: 'KHAM', lane: 'elderly' })) as Visit;
    await until('done');
    await call('visits.cancel', { visitId: visit.id, reason: 'nhầm khoa' });

    const checks = (services.simulatedGateway as SimGatewayHandle)
      .received()
      .filter((r) => r.call === 'check');
    expect(checks.at(-1)).toMatchObject({ hoTenCb: OFFICER.name, cccdCb: OFFICER.idNumber });

    const trail = (await call('audit.visit', { visitId: visit.id })) as AuditEntry[];
    expect(trail.map((e) => e.action)).toEqual(['manual-identity', 'lane-changed', 'cancel']);
    for (const e of trail) {
      expect(e).toMatchObject({
        officerName: OFFICER.name,
        officerIdNumber: OFFICER.idNumber,
        stationId: services.config.station.id,
        visitId: visit.id,
      });
    }
    expect(trail[1]!.detail).toBe('elderly');
    expect(trail[2]!.reason).toBe('nhầm khoa');
  });

  it('a desk ticket completed and sent on to a clinic keeps its number; the sending is recorded', async () => {
    const ticket = (await call('checkin.noDocuments')) as Visit;
    expect(ticket.department).toBe('TD');
    await call('checkin.reset');
    // Not yet: nobody is on the ticket.
    await expect(
      call('visits.sendOn', { visitId: ticket.id, department: 'NHI', lane: 'child' }),
    ).rejects.toMatchObject({ code: 'CHECKIN_TICKET_NOT_SENDABLE' });
    const person = simIdentity(5).card;
    await call('checkin.manualIdentity', {
      idNumber: person.idNumber,
      fullName: person.fullName,
      dateOfBirth: person.dateOfBirth,
      sex: person.sex,
      ticketVisitId: ticket.id,
    });
    await until('done');
    await expect(
      call('visits.sendOn', { visitId: ticket.id, department: 'TD', lane: 'normal' }),
    ).rejects.toMatchObject({ code: 'CHECKIN_UNKNOWN_DEPARTMENT' });
    const sent = (await call('visits.sendOn', {
      visitId: ticket.id,
      department: 'NHI',
      lane: 'child',
    })) as Visit;
    expect(sent).toMatchObject({
      id: ticket.id,
      queueNumber: ticket.queueNumber,
      department: 'NHI',
      lane: 'child',
      patient: { fullName: person.fullName },
    });
    // Once: it is no longer the reception desk's.
    await expect(
      call('visits.sendOn', { visitId: ticket.id, department: 'KHAM', lane: 'normal' }),
    ).rejects.toMatchObject({ code: 'CHECKIN_TICKET_NOT_SENDABLE' });
    const trail = (await call('audit.visit', { visitId: ticket.id })) as AuditEntry[];
    expect(trail.map((e) => e.action)).toEqual(['manual-identity', 'sent-on']);
    expect(trail[1]).toMatchObject({
      officerName: OFFICER.name,
      visitId: ticket.id,
      detail: 'NHI child',
    });
  });

  it('staff accepting a chip that failed its authenticity check is recorded, with who accepted it', async () => {
    await call('sim.insertCard', { index: 6 }); // tampered SOD
    await until('need-key');
    await call('checkin.provideKey', { kind: 'qr', text: simQrText(simIdentity(6)) });
    // Nothing is acted on before staff decide (issue 20): the check-in waits at the desk.
    await until('see-desk');
    await call('checkin.acceptChip', {});
    await until('choose-department');
    const visit = (await call('checkin.choose', { department: 'KHAM', lane: 'normal' })) as Visit;
    await until('done');
    await call('sim.removeCard');
    expect(visit.chipVerification).toMatchObject({
      acceptedByStaff: true,
      acceptedBy: { name: OFFICER.name, idNumber: OFFICER.idNumber },
    });
    const trail = (await call('audit.visit', { visitId: visit.id })) as AuditEntry[];
    expect(trail.map((e) => e.action)).toEqual(['accept-unverified-chip']);
    expect(trail.every((e) => e.officerIdNumber === OFFICER.idNumber)).toBe(true);
  });

  let reprinted: Visit;
  let resolved: Visit;

  it('reprint, HIS resend and a resolved discrepancy are recorded on the visit with who, where and when', async () => {
    // A patient checked in while the lookup service is down: the visit waits for its re-check.
    await call('sim.setGateway', { mode: 'down' });
    const van = simIdentity(8).card; // BHYT 010: the card has expired
    await call('checkin.manualIdentity', {
      idNumber: van.idNumber,
      fullName: van.fullName,
      dateOfBirth: van.dateOfBirth,
      sex: 'F',
    });
    await until('choose-department');
    resolved = (await call('checkin.choose', { department: 'KHAM', lane: 'normal' })) as Visit;
    await until('done');
    expect(resolved.insurance.source).toBe('pending');

    // The service is back: the next check-in's lookup succeeds, the re-check worker repeats Vân's,
    // and its answer (expired) disagrees with letting her through.
    await call('sim.setGateway', { mode: 'normal' });
    await call('sim.insertCard', { index: 2 });
    await until('need-key');
    await call('checkin.provideKey', { kind: 'qr', text: simQrText(simIdentity(2)) });
    await until('choose-department');
    reprinted = (await call('checkin.choose', { department: 'KHAM', lane: 'normal' })) as Visit;
    await until('done');
    await call('sim.removeCard');
    const discrepancy = await waitFor('the discrepancy', async () =>
      ((await call('recheck.summary')) as RecheckSummary).flagged.find(
        (d) => d.visitId === resolved.id,
      ),
    );

    const before = Date.now();
    await call('visits.reprint', { visitId: reprinted.id });
    await call('his.resend', { visitId: reprinted.id });
    await call('recheck.resolve', { discrepancyId: discrepancy.id });
    const after = Date.now();

    const trail = (await call('audit.visit', { visitId: reprinted.id })) as AuditEntry[];
    expect(trail.map((e) => e.action)).toEqual(['reprint', 'his-resend']);
    const resolvedTrail = (await call('audit.visit', { visitId: resolved.id })) as AuditEntry[];
    expect(resolvedTrail.map((e) => e.action)).toEqual(['manual-identity', 'discrepancy-resolved']);
    const resolution = resolvedTrail[1];
    expect(resolution).toMatchObject({ action: 'discrepancy-resolved', detail: discrepancy.id });
    for (const e of [...trail, resolution!]) {
      expect(e).toMatchObject({
        officerName: OFFICER.name,
        officerIdNumber: OFFICER.idNumber,
        stationId: services.config.station.id,
      });
      const at = Date.parse(e.at);
      expect(at).toBeGreaterThanOrEqual(before);
      expect(at).toBeLessThanOrEqual(after);
    }
    expect(trail.every((e) => e.visitId === reprinted.id)).toBe(true);
    expect(resolution!.visitId).toBe(resolved.id);
  });

  it('signed out, reprint, HIS resend and resolving are refused and nothing is recorded', async () => {
    const open = (await call('audit.visit', { visitId: reprinted.id })) as AuditEntry[];
    await call('staff.signOut');
    expect(services.currentOfficer()).toBeNull();
    const fhirRequests = fhir.received.length;
    for (const [name, input] of [
      ['visits.reprint', { visitId: reprinted.id }],
      ['his.resend', { visitId: reprinted.id }],
      ['recheck.resolve', { discrepancyId: 'any' }],
    ] as const) {
      await expect(call(name, input), name).rejects.toMatchObject({
        code: 'CHECKIN_STAFF_SIGN_IN_REQUIRED',
      });
    }
    // Reading the trail is for staff too: sign in again (sign-in and out are on no visit).
    await call('staff.signIn', OFFICER);
    expect(await call('audit.visit', { visitId: reprinted.id })).toEqual(open);
    expect(fhir.received.length).toBe(fhirRequests);
  });
});
