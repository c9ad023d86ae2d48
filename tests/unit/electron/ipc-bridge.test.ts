/** The IPC bridge's plain functions: the station mode decides requests and events alike. */
import { describe, expect, it } from 'vitest';
import { STATION_REFUSED } from '../../../src/main/api/station-guard';
import { answerIpcRequest, ipcEventFor } from '../../../src/main/electron/ipc-bridge';
import { nullLogger } from '../../../src/main/logging/logger';
import { fakeHandlers } from '../api/fake-handlers';

describe('IPC bridge', () => {
  it('a kiosk window is refused the staff functions; a desk window is served', async () => {
    const kiosk = { handlers: fakeHandlers(), mode: 'kiosk' as const, logger: nullLogger };
    const desk = { ...kiosk, mode: 'desk' as const };
    const input = { visitId: 'v1', reason: 'nhầm khoa' };
    expect(await answerIpcRequest(kiosk, true, 'visits.cancel', input)).toMatchObject({
      ok: false,
      error: { code: STATION_REFUSED },
    });
    expect(await answerIpcRequest(desk, true, 'visits.cancel', input)).toEqual({
      ok: true,
      value: { echo: 'visits.cancel' },
    });
    expect(
      await answerIpcRequest(kiosk, true, 'checkin.choose', { department: 'KHAM', lane: 'normal' }),
    ).toEqual({
      ok: true,
      value: { echo: 'checkin.choose' },
    });
  });

  it('an untrusted sender gets nothing, whatever the mode', async () => {
    const calls: { name: string; input: unknown }[] = [];
    const desk = { handlers: fakeHandlers(calls), mode: 'desk' as const, logger: nullLogger };
    expect(await answerIpcRequest(desk, false, 'app.info', null)).toMatchObject({
      ok: false,
      error: { code: 'API_FORBIDDEN' },
    });
    expect(calls).toEqual([]);
  });

  it('pushes a kiosk its check-in but not the staff re-check queue', () => {
    expect(ipcEventFor('kiosk', 'recheck.changed', { pending: 1, flagged: [] })).toBeNull();
    expect(ipcEventFor('desk', 'recheck.changed', { pending: 1, flagged: [] })).toEqual([
      'recheck.changed',
      { pending: 1, flagged: [] },
    ]);
    expect(ipcEventFor('kiosk', 'checkin.state', { step: 'idle' })).not.toBeNull();
    expect(ipcEventFor('display', 'checkin.state', { step: 'idle' })).toBeNull();
  });
});
