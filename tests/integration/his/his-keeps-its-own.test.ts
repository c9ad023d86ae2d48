/**
 * What a strict HIS does with our hand-off: it refuses an extension whose url is a URN (R4:
 * a URL), and what it added to the Patient, Coverage and Encounter itself (its record number,
 * a phone, a note) survives our resends and later changes (conditional create + FHIRPath Patch of
 * only the kiosk's elements). The receiver is the local FHIR test server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildVisitTransactions } from '../../../src/main/his/fhir/visit-bundle';
import { createHisClient } from '../../../src/main/his/his-client';
import { HIS_NOW, openHisTestbed, sampleCheckIn, type HisTestbed } from './his-testbed';

const HIS_MRN = { system: 'https://his.benhvien.example/sid/mrn', value: 'BN-000777' };
const HIS_PHONE = { system: 'phone', value: '0900000000', use: 'mobile' };

let bed: HisTestbed;
beforeEach(async () => {
  bed = await openHisTestbed('own');
});
afterEach(() => bed.close());

describe('a strict HIS', () => {
  it('refuses a URN extension url with 422 and accepts the canonical URL we send', async () => {
    const { visit } = await bed.store.checkIn(sampleCheckIn(1));
    const input = {
      visit,
      identity: null,
      department: bed.config.departments.find((d) => d.code === visit.department)!,
      facilityCode: bed.config.hospital.facilityCode,
      appointmentId: null,
      systems: bed.config.his.systems,
      progress: [],
    };
    const client = createHisClient(bed.config.his);
    const urn = buildVisitTransactions({
      ...input,
      systems: { ...bed.config.his.systems, extensionBase: 'urn:cccd-kiosk:extension' },
    });
    const refused = await client.sendTransaction(urn.ensure);
    expect(refused).toMatchObject({ kind: 'refused', status: 422 });
    expect(refused.kind === 'refused' && refused.text).toContain('Extension.url');
    expect(bed.server.all('Coverage')).toEqual([]);

    expect((await client.sendTransaction(buildVisitTransactions(input).ensure)).kind).toBe(
      'accepted',
    );
  });

  it("keeps the HIS's own identifier and phone on the Patient through a resend and a cancellation", async () => {
    const { visit } = await bed.store.checkIn(sampleCheckIn(1));
    // The HIS already knows the person: its record number and a phone, no address.
    bed.server.seed({
      resourceType: 'Patient',
      identifier: [{ system: bed.config.his.systems.cccd, value: visit.patient.idNumber }, HIS_MRN],
      name: [{ use: 'usual', text: 'An (HIS)' }],
      telecom: [HIS_PHONE],
    });
    const w = bed.worker();
    await w.sweep();
    expect((await w.runOnce()).accepted).toBe(1);
    // The HIS adds a note of its own to the Encounter and a network to the Coverage.
    const enc = bed.server.all('Encounter')[0]!;
    const hisStatus = { status: 'triaged', period: { start: '2026-11-23T08:20:00+07:00' } };
    bed.server.seed({
      ...enc,
      reasonCode: [{ text: 'HIS triage note' }],
      statusHistory: [hisStatus],
    });
    const cov = bed.server.all('Coverage')[0]!;
    bed.server.seed({ ...cov, network: 'HIS network' });

    await bed.store.cancelVisit(visit.id, 'test', HIS_NOW.toISOString());
    await w.sweep();
    expect((await w.runOnce()).accepted).toBe(1);
    expect(await bed.store.hisOutbox.resend(visit.id, HIS_NOW.toISOString())).toBe(true);
    expect((await w.runOnce()).accepted).toBe(1);

    const patients = bed.server.all('Patient');
    expect(patients).toHaveLength(1);
    const p = patients[0] as Record<string, unknown>;
    // Still the HIS's ...
    expect(p.identifier).toContainEqual(HIS_MRN);
    expect(p.telecom).toEqual([HIS_PHONE]);
    expect(p.name).toContainEqual({ use: 'usual', text: 'An (HIS)' });
    // ... and the kiosk's, written once each (no duplicates after three sends).
    const official = (p.name as { use: string }[]).filter((n) => n.use === 'official');
    expect(official).toHaveLength(1);
    expect(p.birthDate).toBe(visit.patient.dateOfBirth);
    const encounter = bed.server.all('Encounter')[0] as Record<string, unknown>;
    expect(encounter.status).toBe('cancelled');
    expect(encounter.reasonCode).toEqual([{ text: 'HIS triage note' }]);
    // The HIS's own status history entry stays beside the kiosk's, which is there once.
    expect(encounter.statusHistory).toEqual([
      hisStatus,
      expect.objectContaining({ id: 'kiosk-status-1', status: 'arrived' }),
    ]);
    const coverage = bed.server.all('Coverage')[0] as Record<string, unknown>;
    expect(coverage.network).toBe('HIS network');
    expect(coverage.extension).toHaveLength(2);
    expect(bed.server.all('Coverage')).toHaveLength(1);
    expect(bed.server.all('Encounter')).toHaveLength(1);
  });

  it('refuses one transaction that creates and patches the same resource (R4 overlap rule)', async () => {
    const { visit } = await bed.store.checkIn(sampleCheckIn(1));
    const { ensure, update } = buildVisitTransactions({
      visit,
      identity: null,
      department: bed.config.departments.find((d) => d.code === visit.department)!,
      facilityCode: bed.config.hospital.facilityCode,
      appointmentId: null,
      systems: bed.config.his.systems,
      progress: [],
    });
    const client = createHisClient(bed.config.his);
    const both = { ...ensure, entry: [...ensure.entry!, ...update.entry!] };
    expect(await client.sendTransaction(both)).toMatchObject({ kind: 'refused', status: 400 });
  });
});
