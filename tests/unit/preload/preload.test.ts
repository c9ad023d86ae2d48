import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { KioskBridge } from '../../../src/shared/api-contract';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (_channel: string, _input: unknown) => ({ ok: true, value: 'pong' }));
let eventHandler: ((event: unknown, name: unknown, payload: unknown) => void) | null = null;

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => {
      exposed[key] = value;
    },
  },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => invoke(channel, input),
    on: (channel: string, handler: typeof eventHandler) => {
      if (channel === 'kiosk:event') eventHandler = handler;
    },
  },
}));

describe('preload bridge', () => {
  let bridge: KioskBridge;
  beforeAll(async () => {
    await import('../../../src/preload/index');
    bridge = exposed.kiosk as KioskBridge;
  });

  it('exposes exactly one object, window.kiosk, on the IPC transport', () => {
    expect(Object.keys(exposed)).toEqual(['kiosk']);
    expect(bridge.transport).toBe('electron-ipc');
    expect(Object.keys(bridge).sort()).toEqual(['on', 'request', 'transport']);
  });

  it('forwards a known request to its own channel', async () => {
    const result = await bridge.request('app.info', null);
    expect(result).toEqual({ ok: true, value: 'pong' });
    expect(invoke).toHaveBeenCalledWith('kiosk:request:app.info', null);
  });

  it('refuses a name outside the contract without touching IPC', async () => {
    invoke.mockClear();
    const result = await bridge.request('fs.readFile' as never, '/etc/passwd');
    expect(result).toMatchObject({ ok: false, error: { code: 'API_UNKNOWN_REQUEST' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('delivers contract events to their listeners only, and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = bridge.on('visits.changed', (p) => seen.push(p));
    eventHandler?.({}, 'visits.changed', { date: '2026-11-23' });
    eventHandler?.({}, 'not.an.event', { date: 'x' });
    eventHandler?.({}, 'checkin.state', { step: 'idle' });
    off();
    eventHandler?.({}, 'visits.changed', { date: '2026-11-24' });
    expect(seen).toEqual([{ date: '2026-11-23' }]);
    expect(bridge.on('nope' as never, () => undefined)).toBeTypeOf('function');
  });
});
