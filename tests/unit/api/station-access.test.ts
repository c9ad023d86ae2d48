/**
 * The station-mode allow-list through the handler table's entry point (dispatchRequest), which
 * every transport uses: what a kiosk, a desk, a room and a display may ask main for.
 */
import { describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../../src/main/api/dispatch';
import { STATION_REFUSED } from '../../../src/main/api/station-guard';
import { createMemoryLogger } from '../../../src/main/logging/file-logger';
import { EVENT_NAMES, REQUEST_NAMES } from '../../../src/shared/api-contract';
import { STATION_MODES } from '../../../src/shared/domain';
import {
  EVENT_ACCESS,
  REQUEST_ACCESS,
  mayReceive,
  requestsFor,
} from '../../../src/shared/station-access';
import { fakeHandlers } from './fake-handlers';

const MANUAL = {
  idNumber: '001085012345',
  fullName: 'Trần Thị Mô Phỏng',
  dateOfBirth: '1985-03-14',
  sex: 'F',
};

describe('station-mode allow-list', () => {
  it('names the modes of every request and event of the contract, and only known modes', () => {
    expect(Object.keys(REQUEST_ACCESS).sort()).toEqual([...REQUEST_NAMES].sort());
    expect(Object.keys(EVENT_ACCESS).sort()).toEqual([...EVENT_NAMES].sort());
    for (const modes of [...Object.values(REQUEST_ACCESS), ...Object.values(EVENT_ACCESS)]) {
      for (const mode of modes) expect(STATION_MODES).toContain(mode);
    }
  });

  it('a kiosk gets its own check-in steps only', () => {
    expect(requestsFor('kiosk')).toEqual([
      'app.info',
      'readers.list',
      'gateway.status',
      'checkin.current',
      'checkin.provideKey',
      'checkin.present',
      'checkin.withoutCard',
      'checkin.noDocuments',
      'checkin.choose',
      'checkin.faceResult',
      'face.instructionAudio',
      'checkin.retry',
      'checkin.reset',
      'checkin.reprint',
      'sim.catalog',
      'sim.insertCard',
      'sim.removeCard',
      'sim.scanQr',
      'sim.setGateway',
    ]);
    expect(mayReceive('kiosk', 'recheck.changed')).toBe(false);
    expect(mayReceive('kiosk', 'visits.changed')).toBe(false);
  });

  it('a display only reads; a room gets staff reading, not the check-in', () => {
    // The board and its spoken call: numbers (masked names at most), never the visit list.
    expect(requestsFor('display')).toEqual(['app.info', 'queue.board', 'queue.audio']);
    expect(mayReceive('display', 'checkin.state')).toBe(false);
    expect(mayReceive('display', 'queue.changed')).toBe(true);
    expect(requestsFor('room')).toEqual(expect.arrayContaining(['queue.callNext', 'queue.act']));
    expect(requestsFor('room')).toContain('visits.list');
    expect(requestsFor('room')).not.toContain('checkin.provideKey');
    expect(requestsFor('room')).not.toContain('visits.cancel');
    expect(requestsFor('room')).not.toContain('visits.sendOn');
  });

  it('the desk gets every staff function', () => {
    for (const name of [
      'visits.list',
      'visits.cancel',
      'visits.reprint',
      'visits.sendOn',
      'checkin.manualIdentity',
      'checkin.override',
      'recheck.resolve',
      'insurance.setChecking',
    ] as const) {
      expect(requestsFor('desk')).toContain(name);
    }
  });
});

describe('dispatch enforces the station mode', () => {
  const staffRequests = [
    ['visits.list', {}],
    ['visits.cancel', { visitId: 'v1', reason: 'nhầm khoa' }],
    ['visits.sendOn', { visitId: 'v1', department: 'KHAM', lane: 'normal' }],
    ['checkin.manualIdentity', MANUAL],
    ['checkin.override', { decision: 'accept-insurance' }],
  ] as const;

  it('a kiosk is refused the staff functions with a typed error, before any handler runs', async () => {
    const calls: { name: string; input: unknown }[] = [];
    const memory = createMemoryLogger('debug');
    for (const [name, input] of staffRequests) {
      const result = await dispatchRequest(fakeHandlers(calls), name, input, {
        mode: 'kiosk',
        logger: memory.logger,
      });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: STATION_REFUSED,
          message: {
            vi: 'Yêu cầu này không được phép trên máy tự phục vụ.',
            en: 'This request is not allowed on a kiosk station.',
          },
          detail: `${name} on kiosk`,
        },
      });
    }
    expect(calls).toEqual([]);
    // Logged with the request and the mode, never what was sent.
    expect(memory.lines).toHaveLength(staffRequests.length);
    const log = memory.lines.join('\n');
    expect(log).toContain('"request":"checkin.manualIdentity"');
    expect(log).toContain('"mode":"kiosk"');
    for (const secret of [MANUAL.idNumber, MANUAL.fullName, 'nhầm khoa']) {
      expect(log).not.toContain(secret);
    }
  });

  it('refuses before validating: a refused request learns nothing about its input', async () => {
    const result = await dispatchRequest(
      fakeHandlers(),
      'visits.cancel',
      { nonsense: true },
      { mode: 'kiosk' },
    );
    expect(result).toMatchObject({ ok: false, error: { code: STATION_REFUSED } });
  });

  it('a desk is served the same requests', async () => {
    const calls: { name: string; input: unknown }[] = [];
    for (const [name, input] of staffRequests) {
      const result = await dispatchRequest(fakeHandlers(calls), name, input, { mode: 'desk' });
      expect(result).toEqual({ ok: true, value: { echo: name } });
    }
    expect(calls.map((c) => c.name)).toEqual(staffRequests.map(([name]) => name));
  });

  it('a display may ask for app.info and nothing that touches a patient', async () => {
    const handlers = fakeHandlers();
    expect(await dispatchRequest(handlers, 'app.info', null, { mode: 'display' })).toMatchObject({
      ok: true,
    });
    for (const name of ['checkin.current', 'readers.list', 'sim.insertCard'] as const) {
      const input = name === 'sim.insertCard' ? { index: 1 } : null;
      expect(await dispatchRequest(handlers, name, input, { mode: 'display' })).toMatchObject({
        ok: false,
        error: { code: STATION_REFUSED },
      });
    }
  });
});
