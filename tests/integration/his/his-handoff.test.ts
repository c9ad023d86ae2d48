/**
 * The HIS hand-off end to end on each engine: visits checked in, swept into the outbox, sent by
 * the worker to a local FHIR endpoint, retried, refused and resent, and after a restart.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig, configSchema, type KioskConfig } from '../../../src/main/config/schema';
import { createHisClient } from '../../../src/main/his/his-client';
import {
  createHisWorker,
  sendVisit,
  type HisWorker,
} from '../../../src/main/his/his-outbox-worker';
import { startFhirTestServer, type FhirTestServer } from '../../support/his/fhir-test-server';
import { nullLogger } from '../../../src/main/logging/logger';
import type { KioskStore } from '../../../src/main/store/store-contract';
import { ENGINES, useEngine } from '../support/calling-his-engines';
import { sampleCheckIn } from '../support/sample-check-in';

// Noon local time on the sample visits' day: the sweep looks at today and yesterday.
const NOW = new Date(2026, 10, 23, 12, 0, 0);

describe.each(ENGINES)(
  'HIS hand-off through the outbox on %s, against a local FHIR endpoint',
  (kind) => {
    const { skip, current } = useEngine(kind);
    let server: FhirTestServer;
    let config: KioskConfig;
    let store: KioskStore;

    function worker(over: Partial<KioskConfig['his']> = {}): HisWorker {
      const his = { ...config.his, ...over };
      return createHisWorker({
        store,
        client: createHisClient(his),
        config: { ...config, his },
        logger: nullLogger,
        now: () => NOW,
      });
    }

    async function sampleVisitId(): Promise<string> {
      return (await store.listVisits({ date: '2026-11-23', includeCancelled: true }))[0]!.id;
    }

    beforeEach(async () => {
      if (skip) return;
      store = current().store;
      server = await startFhirTestServer();
      config = configSchema.parse({
        ...defaultConfig,
        his: {
          ...defaultConfig.his,
          enabled: true,
          fhirBaseUrl: server.baseUrl,
          requestTimeoutMs: 800,
          retryBaseMs: 1000,
        },
      });
    });

    afterEach(async () => {
      await server?.close();
    });

    it.skipIf(skip)(
      'each visit reaches the HIS once; sweeps and passes after that send nothing new',
      async () => {
        for (const i of [1, 3, 5]) await store.checkIn(sampleCheckIn(i));
        const w = worker();
        expect(await w.sweep()).toBe(3);
        const pass = await w.runOnce();
        expect(pass.accepted).toBe(3);
        expect(server.all('Patient')).toHaveLength(3);
        expect(server.all('Encounter')).toHaveLength(3);
        expect(await w.sweep()).toBe(0);
        expect((await w.runOnce()).accepted).toBe(0);
        expect(await store.hisOutbox.counts()).toEqual({ waiting: 0, refused: 0, sent: 3 });
        // The stored Encounter points at the stored Patient (urn:uuid resolved by the server).
        const enc = server.all('Encounter')[0] as { subject: { reference: string } };
        const patientIds = server.all('Patient').map((p) => `Patient/${p.id as string}`);
        expect(patientIds).toContain(enc.subject.reference);
      },
    );

    it.skipIf(skip)(
      'a cancellation is sent as a change of the same Encounter, not a second one',
      async () => {
        const { visit } = await store.checkIn(sampleCheckIn(1));
        const w = worker();
        await w.sweep();
        await w.runOnce();
        await store.cancelVisit(visit.id, 'test', NOW.toISOString());
        expect(await w.sweep()).toBe(1);
        expect((await w.runOnce()).accepted).toBe(1);
        const encounters = server.all('Encounter');
        expect(encounters).toHaveLength(1);
        expect(encounters[0]!.status).toBe('cancelled');
      },
    );

    it.skipIf(skip)(
      '500, 409 and a hang are retried later with backoff; nothing is lost',
      async () => {
        await store.checkIn(sampleCheckIn(1));
        const w = worker();
        await w.sweep();
        for (const fault of ['500', '409', 'hang'] as const) {
          server.setFault(fault);
          const pass = await w.runOnce({ visitId: await sampleVisitId() });
          expect(pass.deferred, fault).toBe(1);
          const after = await store.hisOutbox.get(await sampleVisitId());
          expect(after!.state).toBe('pending');
          expect(after!.lastStatus).toBe(fault === 'hang' ? null : Number(fault));
          expect(after!.nextAttemptAt > NOW.toISOString()).toBe(true);
        }
        server.setFault('ok');
        expect((await w.runOnce({ visitId: await sampleVisitId() })).accepted).toBe(1);
        expect(server.all('Encounter')).toHaveLength(1);
      },
    );

    it.skipIf(skip)(
      'a 422 refusal stays visible with the OperationOutcome text and can be resent',
      async () => {
        const { visit } = await store.checkIn(sampleCheckIn(2));
        const w = worker();
        await w.sweep();
        server.setFault('422');
        expect((await w.runOnce()).refused).toBe(1);
        const [refusal] = await store.hisOutbox.refusals();
        expect(refusal).toMatchObject({
          visitId: visit.id,
          status: 422,
          queueNumber: visit.queueNumber,
        });
        expect(refusal!.text).toContain('Department code unknown to the HIS');
        // A refused visit is not retried on its own ...
        server.setFault('ok');
        await w.sweep();
        expect((await w.runOnce()).accepted).toBe(0);
        // ... until staff resend it.
        expect(await store.hisOutbox.resend(visit.id, NOW.toISOString())).toBe(true);
        expect((await w.runOnce()).accepted).toBe(1);
        expect(await store.hisOutbox.refusals()).toEqual([]);
        expect(server.all('Encounter')).toHaveLength(1);
      },
    );

    it.skipIf(skip)(
      "a resource the validator refuses comes back as 422 with the validator's words",
      async () => {
        const client = createHisClient(config.his);
        const out = await client.sendTransaction({
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [
            {
              resource: { resourceType: 'Encounter', status: 'arrived' } as never,
              request: { method: 'POST', url: 'Encounter' },
            },
          ],
        });
        expect(out.kind).toBe('refused');
        expect(out.kind === 'refused' && out.status).toBe(422);
        expect(out.kind === 'refused' && out.text).toMatch(/class/i);
      },
    );

    it.skipIf(skip)(
      'after a restart between sending and recording, the resend does not duplicate',
      async () => {
        await store.checkIn(sampleCheckIn(1));
        await store.checkIn(sampleCheckIn(4));
        const w = worker();
        await w.sweep();
        // The HIS got everything, but the station "crashed" before recording the answers.
        const client = createHisClient(config.his);
        const items = await store.hisOutbox.claim({
          now: NOW.toISOString(),
          leaseUntil: NOW.toISOString(),
          limit: 10,
        });
        for (const item of items) {
          const visit = (await store.getVisit(item.visitId))!;
          const { buildVisitTransactions } =
            await import('../../../src/main/his/fhir/visit-bundle');
          await sendVisit(
            client,
            buildVisitTransactions({
              visit,
              identity: null,
              department: config.departments.find((d) => d.code === visit.department)!,
              facilityCode: config.hospital.facilityCode,
              appointmentId: null,
              systems: config.his.systems,
              progress: [],
            }),
          );
        }
        store = await current().reopen();
        const again = worker();
        await again.sweep();
        expect((await again.runOnce()).accepted).toBe(2);
        expect(server.all('Patient')).toHaveLength(2);
        expect(server.all('Encounter')).toHaveLength(2);
        expect(server.all('Coverage').length).toBeLessThanOrEqual(2);
      },
    );

    it.skipIf(skip)('basic and bearer credentials are sent as Authorization headers', async () => {
      await store.checkIn(sampleCheckIn(1));
      server.requireAuthorization(`Bearer s3cret`);
      const w = worker({
        auth: { kind: 'bearer', username: null, password: null, bearerToken: 's3cret' },
      });
      await w.sweep();
      expect((await w.runOnce()).accepted).toBe(1);
      server.requireAuthorization(`Basic ${Buffer.from('kiosk:pw').toString('base64')}`);
      const client = createHisClient({
        ...config.his,
        auth: { kind: 'basic', username: 'kiosk', password: 'pw', bearerToken: null },
      });
      expect((await client.ping(1000)).reachable).toBe(true);
    });
  },
);
