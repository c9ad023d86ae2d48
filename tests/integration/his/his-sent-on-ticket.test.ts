/**
 * A desk ticket (no papers, or an unknown typed number) is handed to the HIS while it waits at
 * the reception desk; once staff complete the identity and send it on to a clinic, the HIS hears
 * the new department on the same Encounter (the sweep's hash covers the department), and the
 * queue number it holds is unchanged. The receiver is the local FHIR test server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckInRequest } from '../../../src/main/store/store-contract';
import { sampleVisit } from '../../../src/sim/sample-visits';
import { openHisTestbed, type HisTestbed } from './his-testbed';

let bed: HisTestbed;
beforeEach(async () => {
  bed = await openHisTestbed('sent-on');
});
afterEach(() => bed.close());

describe('a desk ticket sent on to a clinic', () => {
  it('reaches the HIS with its new department on the same Encounter, its number unchanged', async () => {
    const v = sampleVisit(1);
    const reception = bed.config.arrivals.reception.code;
    const clinic = bed.config.departments[0]!.code;
    const base: CheckInRequest = {
      date: v.date,
      stationId: v.stationId,
      department: reception,
      lane: 'normal',
      patient: { idNumber: '', fullName: '', dateOfBirth: null, sex: null },
      identitySource: 'typed',
      document: 'none',
      insurance: { source: 'pending', result: null, cachedAt: null, stale: false, note: null },
      createdAt: v.createdAt,
      recheck: null,
    };
    const { visit: ticket } = await bed.store.checkIn(base);
    await bed.store.completeTicket(ticket.id, {
      ...base,
      patient: v.patient,
      document: 'vneid-desk',
      insurance: v.insurance,
    });
    const worker = bed.worker();
    await worker.sweep();
    expect((await worker.runOnce()).accepted).toBe(1);
    const codeOf = (e: unknown) =>
      (e as { serviceType?: { coding?: { code: string }[] } }).serviceType?.coding?.[0]?.code;
    expect(bed.server.all('Encounter').map(codeOf)).toEqual([reception]);

    const sent = await bed.store.sendTicketOn(ticket.id, {
      from: reception,
      department: clinic,
      lane: 'normal',
    });
    expect(sent).toMatchObject({ queueNumber: ticket.queueNumber, department: clinic });
    await worker.sweep();
    expect((await worker.runOnce()).accepted).toBe(1);
    // One Encounter, now in the clinic: updated, not a second one.
    expect(bed.server.all('Encounter').map(codeOf)).toEqual([clinic]);
  });
});
