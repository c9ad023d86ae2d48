import { beforeEach, describe, expect, it } from 'vitest';
import type { SignedInOfficer } from '../../../src/shared/domain';
import { setKioskApiForTests } from '../../../src/renderer/src/api';
import staffEn from '../../../src/renderer/src/i18n/staff.en.json';
import staffVi from '../../../src/renderer/src/i18n/staff.vi.json';
import { i18n } from '../../../src/renderer/src/i18n';
import { useStaffStore } from '../../../src/renderer/src/stores/staff-store';
import { FakeKioskApi } from './fake-api';

const OFFICER: SignedInOfficer = {
  name: 'Trần Thị Lễ Tân',
  idNumber: '001190000123',
  method: 'card',
  signedInAt: '2026-11-23T01:00:00.000Z',
  lastActivityAt: '2026-11-23T01:00:00.000Z',
};

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

let api: FakeKioskApi;
beforeEach(() => {
  api = new FakeKioskApi();
  setKioskApiForTests(api);
  useStaffStore.setState({ officer: null, busy: false, error: null, audit: null });
});

describe('staff store (desk officer)', () => {
  it('signs in by card with the ID number as the chip key, or the QR text', async () => {
    api.answer('staff.signInWithCard', OFFICER);
    expect(
      await useStaffStore.getState().signInWithCard({ kind: 'id', idNumber: OFFICER.idNumber }),
    ).toBe(true);
    expect(useStaffStore.getState().officer).toEqual(OFFICER);
    expect(api.calls.at(-1)).toEqual({
      name: 'staff.signInWithCard',
      input: { key: { kind: 'id', idNumber: OFFICER.idNumber } },
    });
  });

  it("a refused sign-in shows main's typed error and signs nobody in", async () => {
    api.fail('staff.signInWithCard', {
      code: 'STAFF_CHIP_NOT_VERIFIED',
      message: { vi: 'x', en: 'not authenticated' },
    });
    expect(await useStaffStore.getState().signInWithCard({ kind: 'can', can: '123456' })).toBe(
      false,
    );
    expect(useStaffStore.getState().officer).toBeNull();
    expect(useStaffStore.getState().error?.code).toBe('STAFF_CHIP_NOT_VERIFIED');
  });

  it("main's sign-out (idle, end of day) clears the officer and the open visit history", async () => {
    api.answer('audit.visit', []);
    useStaffStore.setState({ officer: OFFICER });
    await useStaffStore.getState().showAudit('v-1');
    expect(useStaffStore.getState().audit).toEqual({ visitId: 'v-1', entries: [], error: null });
    useStaffStore.getState().apply(null);
    expect(useStaffStore.getState()).toMatchObject({ officer: null, audit: null });
  });

  it('the staff texts exist in both languages and reach the translation', () => {
    expect(keys(staffVi).sort()).toEqual(keys(staffEn).sort());
    expect(i18n.getFixedT('en')('desk.officer.signOut')).toBe('Sign out');
    expect(i18n.getFixedT('vi')('desk.audit.actions.cancel')).toBe('Hủy lượt');
    // The base texts are still there after the merge.
    expect(i18n.getFixedT('en')('desk.checkin.title')).not.toBe('desk.checkin.title');
  });
});
