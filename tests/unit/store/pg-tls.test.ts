/**
 * The hospital server's TLS rule as pure decisions over the configuration: any host that is not
 * this machine gets TLS with the server's certificate verified against the configured CA, and
 * the URL can never switch verification off (node-postgres reads `sslmode` from it itself).
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/main/config/load-config';
import { pgConnection } from '../../../src/main/store/postgres/pg-pool';
import {
  describePgTls,
  isLoopbackHost,
  pgTlsProblem,
  pgUrlHost,
  planPgTls,
} from '../../../src/main/config/pg-tls';

const read = (file: string): string => `PEM of ${file}`;

function configWith(postgres: Record<string, unknown>) {
  return () => parseConfig({ store: { engine: 'postgres', postgres } }, '/tmp/config.json');
}

describe('which hosts are this machine', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.3.2.1', true],
    ['::1', true],
    ['localhost', true],
    ['/var/run/postgresql', true],
    ['db.bv.local', false],
    ['10.20.0.5', false],
    ['128.0.0.1', false],
    ['localhost.evil.example', false],
    ['::ffff:10.0.0.1', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('reads the host from the URL, a bracketed IPv6 address and ?host= (unix socket) too', () => {
    expect(pgUrlHost('postgres://k01@db.bv.local:5432/kiosk')).toBe('db.bv.local');
    expect(pgUrlHost('postgres://k01@[::1]:5432/kiosk')).toBe('::1');
    expect(pgUrlHost('postgres://k01@db.bv.local/kiosk?host=/run/postgresql')).toBe(
      '/run/postgresql',
    );
  });
});

describe('the configuration refuses an unverified connection to another machine', () => {
  it('a non-loopback host without store.postgres.caFile: CONFIG_INVALID naming the field, vi and en', () => {
    let thrown: unknown;
    try {
      configWith({ url: 'postgres://k01@db.bv.local:5432/kiosk' })();
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({
      code: 'CONFIG_INVALID',
      localized: {
        vi: expect.stringContaining('store.postgres.caFile'),
        en: expect.stringContaining('store.postgres.caFile'),
      },
    });
  });

  it.each([
    'postgres://k01@db.bv.local:5432/kiosk?sslmode=no-verify',
    'postgres://k01@db.bv.local:5432/kiosk?sslmode=disable',
    'postgres://k01@db.bv.local:5432/kiosk?ssl=true',
    'postgres://k01@db.bv.local:5432/kiosk?sslmode=require&sslrootcert=/tmp/ca.pem',
  ])('%s is refused even with a CA file, naming store.postgres.url', (url) => {
    expect(configWith({ url, caFile: '/etc/kiosk/ca.pem' })).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        localized: expect.objectContaining({
          en: expect.stringMatching(/store\.postgres\.url.*remove ssl/),
        }),
      }),
    );
  });

  it('an owner URL that is not verified is refused as store.postgres.ownerUrl', () => {
    expect(
      configWith({
        url: 'postgres://k01@127.0.0.1:5432/kiosk',
        ownerUrl: 'postgres://kiosk_owner@db.bv.local:5432/kiosk',
      }),
    ).toThrow(
      expect.objectContaining({
        localized: expect.objectContaining({
          en: expect.stringContaining('store.postgres.caFile'),
        }),
      }),
    );
    expect(
      configWith({
        url: 'postgres://k01@127.0.0.1:5432/kiosk',
        ownerUrl: 'postgres://kiosk_owner@127.0.0.1:5432/kiosk?sslmode=no-verify',
      }),
    ).toThrow(
      expect.objectContaining({
        localized: expect.objectContaining({
          en: expect.stringContaining('store.postgres.ownerUrl'),
        }),
      }),
    );
  });

  it('there is no way to turn verification off: rejectUnauthorized is not a field', () => {
    expect(
      configWith({
        url: 'postgres://k01@db.bv.local:5432/kiosk',
        caFile: '/etc/kiosk/ca.pem',
        rejectUnauthorized: false,
      }),
    ).toThrow(
      expect.objectContaining({
        localized: expect.objectContaining({ en: expect.stringContaining('rejectUnauthorized') }),
      }),
    );
  });

  it('a client certificate needs its key', () => {
    expect(pgTlsProblem('postgres://k@db/kiosk', { caFile: 'ca', certFile: 'c' })).toMatchObject({
      field: 'store.postgres.keyFile',
    });
  });

  it('loopback may go without TLS; another host with a CA is accepted', () => {
    expect(configWith({ url: 'postgres://k01@127.0.0.1:5432/kiosk' })).not.toThrow();
    expect(configWith({ url: 'postgres://k01@localhost/kiosk' })).not.toThrow();
    expect(
      configWith({ url: 'postgres://k01@db.bv.local:5432/kiosk', caFile: '/etc/kiosk/ca.pem' }),
    ).not.toThrow();
  });
});

describe('what node-postgres is given', () => {
  it('verified TLS with the CA, rejectUnauthorized and the host as servername', () => {
    const plan = planPgTls(
      'postgres://k01@db.bv.local:5432/kiosk',
      { caFile: 'ca.pem', certFile: 'c.pem', keyFile: 'k.pem' },
      read,
    );
    expect(plan.ssl).toEqual({
      ca: 'PEM of ca.pem',
      cert: 'PEM of c.pem',
      key: 'PEM of k.pem',
      rejectUnauthorized: true,
      servername: 'db.bv.local',
    });
    expect(describePgTls(plan.summary)).toBe('TLS, server certificate verified (db.bv.local)');
  });

  it('an IP address is checked as itself (no SNI name)', () => {
    const plan = planPgTls('postgres://k01@10.20.0.5/kiosk', { caFile: 'ca.pem' }, read);
    expect(plan.ssl).toEqual({ ca: 'PEM of ca.pem', rejectUnauthorized: true });
  });

  it('loopback without a CA: no TLS, said so', () => {
    const plan = planPgTls('postgres://k01@127.0.0.1/kiosk', {}, read);
    expect(plan.ssl).toBe(false);
    expect(describePgTls(plan.summary)).toBe('no TLS (loopback 127.0.0.1)');
  });

  it('a URL with sslmode would override the verified setting inside node-postgres; the plan cannot be built with one', () => {
    // Why the URL is refused: node-postgres lets the URL's sslmode win over `ssl`.
    const url = 'postgres://k01@db.bv.local/kiosk?sslmode=no-verify';
    const client = new pg.Client({
      connectionString: url,
      ssl: { ca: 'x', rejectUnauthorized: true },
    });
    const params = (client as unknown as { connectionParameters: { ssl: unknown } })
      .connectionParameters;
    expect(params.ssl).toMatchObject({ rejectUnauthorized: false });
    expect(() => planPgTls(url, { caFile: 'ca.pem' }, read)).toThrow(/store\.postgres\.url/);
  });
});

describe('the pool reads the PEM files', () => {
  it('a CA file that cannot be read is STORE_TLS, the URL password masked', () => {
    let thrown: unknown;
    try {
      pgConnection({
        url: 'postgres://k01:secret-pw@db.bv.local/kiosk',
        tls: { caFile: '/nonexistent/ca.pem' },
      });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ code: 'STORE_TLS', detail: 'TLS file: ENOENT' });
    expect(JSON.stringify(thrown)).not.toContain('secret-pw');
  });
});
