import { afterEach, describe, expect, it } from 'vitest';
import { createCompositionRoot, type CompositionRoot } from '../../src/main/composition-root';
import { nullLogger } from '../../src/main/logging/logger';
import { FakeCards, FakeInsurance, FakePrinter, tempDir, testConfig } from './checkin/fakes';

let root: CompositionRoot | undefined;
afterEach(async () => {
  await root?.close();
  root = undefined;
});

const open = (): CompositionRoot =>
  (root = createCompositionRoot({
    dataDir: tempDir('kiosk-root-'),
    config: testConfig(),
    logger: nullLogger,
  }));

describe('composition root', () => {
  it('opens the store once and hands that store to the services it builds', async () => {
    const r = open();
    const store = await r.store();
    expect(await r.store()).toBe(store);
    const services = await r.checkin({
      cards: new FakeCards(),
      insurance: new FakeInsurance(),
      printer: new FakePrinter(),
      background: false,
    });
    expect(await r.checkin()).toBe(services);
    await services.checkin.manualIdentity({
      idNumber: '001085012345',
      fullName: 'Nguyễn Văn Thử',
      dateOfBirth: '1985-03-14',
      sex: 'M',
    });
    const visit = await services.checkin.choose('KHAM', 'normal');
    // The visit is in the root's store, and calling (built later) sees it waiting there.
    expect(await store.getVisit(visit.id)).toMatchObject({ queueNumber: visit.queueNumber });
    const calling = await r.calling();
    expect(await calling.callNext('101')).toMatchObject({ id: visit.id });
  });

  it('closes the store it opened when it closes', async () => {
    const r = open();
    const store = await r.store();
    await r.close();
    await expect(store.listVisits({ date: '2026-11-23' })).rejects.toThrow(
      expect.objectContaining({ code: 'STORE_CLOSED' }),
    );
  });

  it('has no HIS hand-off while his.enabled is off', async () => {
    expect(await open().his()).toBeNull();
  });
});
