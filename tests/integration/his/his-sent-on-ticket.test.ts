/**
 * A desk ticket (no papers, or an unknown typed number) is handed to the HIS while it waits at
 * the reception desk; once staff complete the identity and send it on to a clinic, the HIS hears
 * the new department on the same Encounter (the sweep's hash covers the department), and the
 * queue number it holds is unchanged. The receiver is the local FHIR test server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configSchema, defaultConfig, type KioskConfig } from '../../../src/main/config/schema';
import { createHisClient } from '../../../src/main/his/his-client';
import { createHisWorker } from '../../../src/main/his/his-outbox-worker';
import { nullLogger } from '../../../src/main/logging/logger';
import { openSqliteStore } from '../../../src/main/store/sqlite/sqlite-store';
import type { CheckInRequest, KioskStore } from '../../../src/main/store/store-contract';
import { sampleVisit } from '../../../src/sim/sample-visits';
import { startFhirTestServer, type FhirTestServer } from '../../support/his/fhir-test-server';
import { tempDir } from '../../unit/checkin/fakes';

const NOW = new Date(2026, 10, 23, 12, 0, 0);

let server: FhirTestServer;
let store: KioskStore;
let config: KioskConfig;

beforeEach(async () => {
  server = await startFhirTestServer();
  store = openSqliteStore({ file: `${tempDir('kiosk-his-sent-on-')}/kiosk.sqlite` });
  config = configSchema.parse({
    ...defaultConfig,
    his: { ...defaultConfig.his, enabled: true, fhirBaseUrl: server.baseUrl },
  });
});
afterEach(async () => {
  await store.close();
  await server.close();
});

describe('a desk ticket sent on to a clinic', () => {
  it('reaches the HIS with its new department on the same Encounter, its number unchanged', async () => {
    const v = sampleVisit(1);
    const reception = config.arrivals.reception.code;
    const clinic = config.departments[0]!.code;
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
    const { visit: ticket } = await store.checkIn(base);
    await store.completeTicket(ticket.id, {
      ...base,
      patient: v.patient,
      document: 'vneid-desk',
      insurance: v.insurance,
    });
    const worker = createHisWorker({
      store,
      client: createHisClient(config.his),
      config,
      logger: nullLogger,
      now: () => NOW,
    });
    await worker.sweep();
    expect((await worker.runOnce()).accepted).toBe(1);
    const codeOf = (e: unknown) =>
      (e as { serviceType?: { coding?: { code: string }[] } }).serviceType?.coding?.[0]?.code;
    expect(server.all('Encounter').map(codeOf)).toEqual([reception]);

    const sent = await store.sendTicketOn(ticket.id, {
      from: reception,
      department: clinic,
      lane: 'normal',
    });
    expect(sent).toMatchObject({ queueNumber: ticket.queueNumber, department: clinic });
    await worker.sweep();
    expect((await worker.runOnce()).accepted).toBe(1);
    // One Encounter, now in the clinic: updated, not a second one.
    expect(server.all('Encounter').map(codeOf)).toEqual([clinic]);
  });
});
