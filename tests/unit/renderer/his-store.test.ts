import { beforeEach, describe, expect, it } from 'vitest';
import type { HisStatus } from '../../../src/shared/domain';
import { setKioskApiForTests } from '../../../src/renderer/src/api';
import { useHisStore } from '../../../src/renderer/src/stores/his-store';
import { FakeKioskApi } from './fake-api';

const refused: HisStatus = {
  enabled: true,
  reachable: null,
  waiting: 1,
  refused: 1,
  sent: 3,
  refusals: [
    {
      visitId: 'v-1',
      queueNumber: 'K01-KHAM-T-004',
      date: '2026-11-23',
      status: 422,
      text: 'error: Patient.birthDate is not a date (Patient.birthDate)',
      at: '2026-11-23T03:00:00Z',
    },
  ],
};

let api: FakeKioskApi;
beforeEach(() => {
  api = new FakeKioskApi();
  setKioskApiForTests(api);
  useHisStore.setState({ status: null, resending: null, error: null });
});

describe('HIS store (desk)', () => {
  it('loads the refusals with the HIS text', async () => {
    api.answer('his.status', refused);
    await useHisStore.getState().load();
    expect(useHisStore.getState().status?.refusals[0]?.text).toContain('birthDate');
  });

  it('resend asks main for that visit and shows the new status', async () => {
    useHisStore.setState({ status: refused });
    api.answer('his.resend', { ...refused, waiting: 0, refused: 0, sent: 4, refusals: [] });
    await useHisStore.getState().resend('v-1');
    expect(api.calls.at(-1)).toEqual({ name: 'his.resend', input: { visitId: 'v-1' } });
    expect(useHisStore.getState().status?.refusals).toEqual([]);
    expect(useHisStore.getState().resending).toBeNull();
  });

  it('a failed resend keeps the row and says why', async () => {
    useHisStore.setState({ status: refused });
    api.fail('his.resend', {
      code: 'HIS_VISIT_UNKNOWN',
      message: { vi: 'Không có lượt khám này', en: 'No such visit' },
    });
    await useHisStore.getState().resend('v-1');
    expect(useHisStore.getState().error?.code).toBe('HIS_VISIT_UNKNOWN');
    expect(useHisStore.getState().status?.refusals).toHaveLength(1);
  });
});
