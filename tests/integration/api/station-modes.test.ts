/**
 * The app's real services behind two web hosts: a kiosk-mode one refuses the staff functions
 * with the typed refusal, a desk-mode one serves them; and each stream carries only its mode's
 * events.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import { STATION_REFUSED } from '../../../src/main/api/station-guard';
import { loadConfig } from '../../../src/main/config/load-config';
import { nullLogger } from '../../../src/main/logging/logger';
import { startWebHost, type WebHost } from '../../../src/main/web-host/server';
import { readEvents } from '../../../src/renderer/src/api/http-transport';
import type { CheckinState, StationMode } from '../../../src/shared/domain';
import { simIdentity, simQrText } from '../../../src/sim/data/identities';

const STAFF_REQUESTS: [string, unknown][] = [
  ['visits.list', {}],
  ['visits.cancel', { visitId: 'no-such-visit', reason: 'nhầm khoa' }],
  [
    'checkin.manualIdentity',
    {
      idNumber: '001085012345',
      fullName: 'Trần Thị Mô Phỏng',
      dateOfBirth: '1985-03-14',
      sex: 'F',
    },
  ],
  ['checkin.override', { decision: 'accept-insurance' }],
];

async function post(host: WebHost, name: string, input: unknown): Promise<unknown> {
  const res = await fetch(`${host.origin}/api/request/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kiosk-secret': host.secret },
    body: JSON.stringify(input),
  });
  return res.json();
}

describe('station modes over the web host, with the real services', () => {
  let dataDir: string;
  let services: AppServices;
  let staticDir: string;
  const hosts: WebHost[] = [];

  async function serve(mode: StationMode): Promise<WebHost> {
    const host = await startWebHost({
      handlers: services.handlers,
      mode,
      events: services.events,
      staticDir,
      logger: nullLogger,
    });
    hosts.push(host);
    return host;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-modes-'));
    staticDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-static-'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    const { config } = loadConfig(dataDir);
    services = await createAppServices({ dataDir, config, logger: nullLogger });
  });
  afterAll(async () => {
    for (const host of hosts) await host.close();
    await services?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('a kiosk-mode host answers the staff functions with the typed refusal', async () => {
    const kiosk = await serve('kiosk');
    for (const [name, input] of STAFF_REQUESTS) {
      expect(await post(kiosk, name, input)).toMatchObject({
        ok: false,
        error: {
          code: STATION_REFUSED,
          message: { vi: expect.stringContaining('máy tự phục vụ'), en: expect.any(String) },
        },
      });
    }
    // Its own steps still work.
    expect(await post(kiosk, 'checkin.current', null)).toEqual({
      ok: true,
      value: { step: 'idle' },
    });
  });

  it('a desk-mode host serves them (each reaches its service)', async () => {
    const desk = await serve('desk');
    const [list, cancel, manual, override] = await Promise.all(
      STAFF_REQUESTS.map(([name, input]) => post(desk, name, input)),
    );
    expect(list).toEqual({ ok: true, value: [] });
    // The service itself answers: no such visit, no check-in to override.
    expect(cancel).toMatchObject({ ok: false });
    expect((cancel as { error: { code: string } }).error.code).not.toBe(STATION_REFUSED);
    expect(manual).toEqual({ ok: true, value: null });
    expect(override).toMatchObject({ ok: false });
    expect((override as { error: { code: string } }).error.code).not.toBe(STATION_REFUSED);
    await post(desk, 'checkin.reset', null);
  });

  it('a desk resolving an unknown flagged item hears the typed error, and the host lives on', async () => {
    const desk = await serve('desk');
    expect(await post(desk, 'recheck.resolve', { discrepancyId: 'no-such-item' })).toMatchObject({
      ok: false,
      error: {
        code: 'CHECKIN_DISCREPANCY_NOT_FOUND',
        message: { vi: expect.any(String), en: expect.any(String) },
      },
    });
    // Let an unawaited rejection surface (it would end the web host's process).
    await new Promise((r) => setTimeout(r, 50));
    expect(await post(desk, 'recheck.summary', null)).toMatchObject({ ok: true });
  });

  it('a kiosk is never told the full CCCD, BHYT or social-insurance number; main keeps them', async () => {
    const person = simIdentity(1);
    const cardNumber = person.insurance.cardNumber!;
    const socialInsurance = cardNumber.slice(5);
    const checkIn = async (host: WebHost): Promise<string> => {
      expect(await post(host, 'checkin.reset', null)).toMatchObject({ ok: true });
      expect(await post(host, 'sim.insertCard', { index: 1 })).toMatchObject({ ok: true });
      await post(host, 'checkin.provideKey', { kind: 'qr', text: simQrText(person) });
      const current = (await post(host, 'checkin.current', null)) as { value: CheckinState };
      expect(current.value.step).toBe('choose-department');
      return JSON.stringify(current.value);
    };
    const kiosk = await checkIn(await serve('kiosk'));
    expect(kiosk).toContain(person.card.fullName); // what the screen shows
    for (const hidden of [person.card.idNumber, cardNumber, socialInsurance]) {
      expect(kiosk).not.toContain(hidden);
    }
    // Main keeps them (this station's configuration is a kiosk; a desk station's is not trimmed).
    const inMain = JSON.stringify(services.checkin.current());
    expect(inMain).toContain(person.card.idNumber);
    expect(inMain).toContain(cardNumber);
    services.checkin.reset();
  });

  it('a kiosk prints the slip on its done screen again once, not more', async () => {
    const kiosk = await serve('kiosk');
    const person = simIdentity(2);
    await post(kiosk, 'checkin.reset', null);
    await post(kiosk, 'sim.insertCard', { index: 2 });
    await post(kiosk, 'checkin.provideKey', { kind: 'qr', text: simQrText(person) });
    expect(
      await post(kiosk, 'checkin.choose', { department: 'KHAM', lane: 'normal' }),
    ).toMatchObject({ ok: true });
    expect(await post(kiosk, 'checkin.reprint', null)).toMatchObject({ ok: true });
    expect(await post(kiosk, 'checkin.reprint', null)).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN_REPRINT_LIMIT', message: { vi: expect.any(String) } },
    });
    services.checkin.reset();
  });

  it("a kiosk's event stream never carries the staff's re-check queue or visit list", async () => {
    const kiosk = await serve('kiosk');
    const controller = new AbortController();
    const response = await fetch(`${kiosk.origin}/api/events`, {
      headers: { 'x-kiosk-secret': kiosk.secret },
      signal: controller.signal,
    });
    const received: string[] = [];
    const reading = readEvents(response.body!, (name) => {
      received.push(name);
      if (name === 'readers.changed' && received.includes('print.changed')) controller.abort();
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    services.events.emit('recheck.changed', { pending: 3, flagged: [] });
    services.events.emit('visits.changed', { date: '2026-11-23' });
    services.events.emit('print.changed', { visitId: 'v', status: 'printed', error: null });
    services.events.emit('readers.changed', []);
    await reading;
    expect(received).toContain('checkin.state');
    expect(received).toContain('print.changed');
    expect(received).not.toContain('recheck.changed');
    expect(received).not.toContain('visits.changed');
  });
});
