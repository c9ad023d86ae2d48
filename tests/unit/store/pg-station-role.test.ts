/**
 * Pure decisions around a station's role on the hospital server: which background work each kind
 * of station runs there, and what doctor says of the role and TLS a station connects with.
 */
import { describe, expect, it } from 'vitest';
import { storeAccessCheck } from '../../../src/main/doctor/checks';
import { stationDuties } from '../../../src/main/domain/station-duties';
import { ROLE_GRANTS } from '../../../src/main/store/postgres/pg-grants';
import { serverAccess } from '../../../src/main/store/open-store';
import type { StoreHealth } from '../../../src/main/store/store-health';

function health(over: Partial<StoreHealth>): StoreHealth {
  return {
    engine: 'postgres',
    location: 'postgres://k01@db.bv.local:5432/kiosk',
    reachable: true,
    schemaVersion: 5,
    latestSchemaVersion: 5,
    migrationPending: false,
    offlineVisitsWaiting: 0,
    offlineAuditWaiting: 0,
    error: null,
    role: { name: 'k01', kinds: ['kiosk'], owner: false },
    tls: {
      tls: true,
      verified: true,
      host: 'db.bv.local',
      loopback: false,
      inUse: true,
      text: 'TLS, server certificate verified (db.bv.local)',
    },
    ...over,
  };
}

describe('background work on the hospital server', () => {
  it('re-checks, purge and HIS hand-off run on desks only; every station does all on its own file', () => {
    expect(stationDuties('kiosk', 'postgres')).toEqual({
      runRechecks: false,
      purge: false,
      hisHandOff: false,
      interruptedPrints: true,
      boardWatch: false,
      recheckSummary: false,
    });
    expect(stationDuties('desk', 'postgres')).toMatchObject({
      runRechecks: true,
      purge: true,
      hisHandOff: true,
    });
    expect(stationDuties('display', 'postgres')).toMatchObject({
      purge: false,
      interruptedPrints: false,
      boardWatch: true,
    });
    for (const mode of ['kiosk', 'desk', 'room', 'display'] as const) {
      expect(Object.values(stationDuties(mode, 'sqlite')).every(Boolean)).toBe(true);
    }
  });
});

describe("the kiosk's grants", () => {
  it('never SELECT on a table but the schema version, nor UPDATE, DELETE or TRUNCATE', () => {
    for (const sql of ROLE_GRANTS.kiosk) {
      if (/GRANT SELECT/.test(sql)) expect(sql).toMatch(/ON public\.schema_version TO/);
      expect(sql).not.toMatch(/UPDATE|DELETE|TRUNCATE|ALL/);
    }
  });
});

describe("the rooms' and displays' grants", () => {
  it('a display never reads visits itself; a room reads them by column, none of them an identity', () => {
    for (const sql of ROLE_GRANTS.display) {
      expect(sql).not.toMatch(/public\.visits\b/);
      expect(sql).not.toMatch(/UPDATE|INSERT|DELETE|TRUNCATE|ALL/);
    }
    const roomReads = ROLE_GRANTS.room.filter((sql) => /ON public\.visits TO/.test(sql));
    expect(roomReads).toHaveLength(2);
    for (const sql of roomReads) {
      expect(sql).toMatch(/^GRANT (SELECT|UPDATE) \(/);
      expect(sql).not.toMatch(/patient_(id_number|dob|sex|card_number)|insurance|priority|chip/);
    }
  });

  it('each station mode opens the server with its own kind of access', () => {
    expect((['kiosk', 'desk', 'room', 'display'] as const).map(serverAccess)).toEqual([
      'kiosk',
      'tables',
      'room',
      'display',
    ]);
  });
});

describe("doctor's store role line", () => {
  it('a kiosk role in its group over verified TLS: ok, naming both', () => {
    expect(storeAccessCheck(health({}), 'kiosk')).toEqual({
      name: 'store role',
      status: 'ok',
      detail: 'role k01 (kiosk_station); TLS, server certificate verified (db.bv.local)',
    });
  });

  it('the owner over the network fails; on loopback it warns', () => {
    const owner = { name: 'kiosk_owner', kinds: [], owner: true };
    expect(storeAccessCheck(health({ role: owner }), 'desk')?.status).toBe('fail');
    const loopback = health({
      role: owner,
      tls: {
        tls: false,
        verified: false,
        host: '127.0.0.1',
        loopback: true,
        inUse: false,
        text: 'no TLS (loopback 127.0.0.1)',
      },
    });
    expect(storeAccessCheck(loopback, 'desk')).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('no TLS (loopback 127.0.0.1)'),
    });
  });

  it('a kiosk whose role holds the desk rights too fails; a desk role on a kiosk fails', () => {
    const both = health({ role: { name: 'k01', kinds: ['kiosk', 'desk'], owner: false } });
    expect(storeAccessCheck(both, 'kiosk')?.status).toBe('fail');
    const desk = health({ role: { name: 'q1', kinds: ['desk'], owner: false } });
    expect(storeAccessCheck(desk, 'kiosk')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('not a member of kiosk_station'),
    });
  });

  it('a session without TLS when TLS was configured fails; SQLite has no such line', () => {
    const clear = health({
      tls: {
        tls: true,
        verified: true,
        host: 'db.bv.local',
        loopback: false,
        inUse: false,
        text: 'TLS, server certificate verified (db.bv.local)',
      },
    });
    expect(storeAccessCheck(clear, 'kiosk')?.status).toBe('fail');
    expect(storeAccessCheck(health({ engine: 'sqlite' }), 'kiosk')).toBeNull();
  });
});
