import { describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../../src/main/api/dispatch';
import { createApiHandlers } from '../../../src/main/api/handlers';
import { INPUT_SCHEMAS } from '../../../src/main/api/input-schemas';
import {
  EVENT_NAMES,
  REQUEST_NAMES,
  isEventName,
  isRequestName,
} from '../../../src/shared/api-contract';
import { fakeHandlers } from './fake-handlers';
import { LANES, lanesFor } from '../../../src/shared/domain';

const DESK = { mode: 'desk' } as const;

describe('API contract', () => {
  it('has an input schema for every request and nothing else', () => {
    expect(Object.keys(INPUT_SCHEMAS).sort()).toEqual([...REQUEST_NAMES].sort());
  });

  it('the handler table answers every request of the contract', () => {
    const handlers = createApiHandlers({} as never);
    expect(Object.keys(handlers).sort()).toEqual([...REQUEST_NAMES].sort());
  });

  it('recognises names at run time', () => {
    expect(isRequestName('checkin.choose')).toBe(true);
    expect(isRequestName('checkin.__proto__')).toBe(false);
    expect(isEventName(EVENT_NAMES[0])).toBe(true);
    expect(isEventName('toString')).toBe(false);
  });

  it('dispatch validates and passes parsed input through', async () => {
    const calls: { name: string; input: unknown }[] = [];
    const handlers = fakeHandlers(calls);
    const ok = await dispatchRequest(
      handlers,
      'checkin.choose',
      {
        department: 'KHAM',
        lane: 'elderly',
      },
      DESK,
    );
    expect(ok).toEqual({ ok: true, value: { echo: 'checkin.choose' } });
    expect(calls.at(-1)).toEqual({
      name: 'checkin.choose',
      input: { department: 'KHAM', lane: 'elderly' },
    });

    const badLane = await dispatchRequest(
      handlers,
      'checkin.choose',
      {
        department: 'KHAM',
        lane: 'vip',
      },
      DESK,
    );
    expect(badLane).toMatchObject({ ok: false, error: { code: 'API_BAD_INPUT' } });
    const extra = await dispatchRequest(
      handlers,
      'visits.reprint',
      { visitId: 'v1', admin: true },
      DESK,
    );
    expect(extra).toMatchObject({ ok: false, error: { code: 'API_BAD_INPUT' } });
    const manual = await dispatchRequest(
      handlers,
      'checkin.manualIdentity',
      {
        idNumber: '00108501234',
        fullName: 'X',
        dateOfBirth: '1985-03-14',
        sex: 'M',
      },
      DESK,
    );
    expect(manual).toMatchObject({ ok: false, error: { code: 'API_BAD_INPUT' } });
    expect(JSON.stringify(manual)).toContain('idNumber');
  });

  it('turns unexpected exceptions into INTERNAL without leaking a stack', async () => {
    const handlers = fakeHandlers();
    (handlers as unknown as Record<string, () => Promise<never>>)['app.info'] = async () => {
      throw new Error('boom at /secret/path');
    };
    const result = await dispatchRequest(handlers, 'app.info', null, DESK);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('lanes per station', () => {
  it('a kiosk lists no emergency lane; staff stations list every lane', () => {
    expect(lanesFor('kiosk')).not.toContain('emergency');
    expect(lanesFor('kiosk')).toContain('elderly');
    expect(lanesFor('desk')).toEqual([...LANES]);
  });
});
