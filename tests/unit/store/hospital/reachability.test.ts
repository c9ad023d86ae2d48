import { describe, expect, it } from 'vitest';
import { kioskError } from '../../../../src/shared/errors';
import {
  isServerUnreachable,
  reconnectDelayMs,
} from '../../../../src/main/store/hospital/reachability';
import { toStoreError } from '../../../../src/main/store/store-errors';
import {
  formatOfflineQueueNumber,
  formatQueueNumber,
  isOfflineQueueNumber,
} from '../../../../src/main/domain/queue-number';

const withCode = (code: string, message = 'x'): Error =>
  Object.assign(new Error(message), { code });

describe('server reachability decision', () => {
  it('goes offline on STORE_UNREACHABLE, as error or as shape', () => {
    const e = kioskError('STORE_UNREACHABLE', 'vi', 'en');
    expect(isServerUnreachable(e)).toBe(true);
    expect(isServerUnreachable(e.toShape())).toBe(true);
  });

  it('goes offline on refused, reset, timed out and unresolvable connections', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']) {
      expect(isServerUnreachable(withCode(code)), code).toBe(true);
    }
  });

  it('goes offline on the server shutting down or not accepting connections', () => {
    for (const code of ['08006', '08001', '57P01', '57P03', '53300']) {
      expect(isServerUnreachable(withCode(code)), code).toBe(true);
    }
  });

  it("goes offline on node-postgres's own connection messages", () => {
    expect(isServerUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isServerUnreachable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    const both = Object.assign(new Error(''), {
      errors: [withCode('ECONNREFUSED'), withCode('ECONNREFUSED')],
    });
    expect(isServerUnreachable(both)).toBe(true);
  });

  it('does not go offline on what staff must fix or what a retry solves on the server', () => {
    for (const code of ['STORE_FULL', 'STORE_DENIED', 'STORE_LOCKED', 'STORE_CLOSED'] as const) {
      expect(isServerUnreachable(kioskError(code, 'vi', 'en')), code).toBe(false);
    }
    // Wrong password, unique violation, serialisation failure, statement timeout.
    for (const code of ['28P01', '23505', '40001', '57014', 'SQLITE_FULL', 'EACCES']) {
      expect(isServerUnreachable(withCode(code)), code).toBe(false);
    }
    expect(isServerUnreachable(new Error('syntax error'))).toBe(false);
    expect(isServerUnreachable(null)).toBe(false);
  });
});

describe('one rule for "unreachable"', () => {
  // A raw failure that sends the station offline is the same one the store reports as
  // STORE_UNREACHABLE, and the other way round: a mismatch either hides a failure as offline
  // work or stops a check-in the station could have made offline.
  const failures: [string, unknown][] = [
    ...[
      'ECONNREFUSED',
      'ECONNRESET',
      'ECONNABORTED',
      'ETIMEDOUT',
      'EHOSTUNREACH',
      'EHOSTDOWN',
      'ENETUNREACH',
      'ENETDOWN',
      'ENOTFOUND',
      'EAI_AGAIN',
      'EPIPE',
      '08006',
      '08001',
      '57P01',
      '57P02',
      '57P03',
      '53300',
      '28P01',
      '23505',
      '40001',
      '57014',
      '42501',
      'SQLITE_FULL',
      'EACCES',
    ].map((code): [string, unknown] => [code, withCode(code)]),
    ['Connection terminated', new Error('Connection terminated unexpectedly')],
    ['connect refused message', new Error('connect ECONNREFUSED 10.0.0.5:5432')],
    ['query read timeout', new Error('Query read timeout')],
    [
      'every address refused',
      new AggregateError([withCode('ECONNREFUSED'), withCode('EHOSTUNREACH')]),
    ],
    [
      'one address refused, one denied',
      new AggregateError([withCode('ECONNREFUSED'), withCode('28P01')]),
    ],
    ['syntax error', new Error('syntax error')],
  ];

  it('the store calls unreachable exactly what sends a station offline', () => {
    for (const [name, err] of failures) {
      const mapped = toStoreError(err, 'test').code === 'STORE_UNREACHABLE';
      expect(mapped, name).toBe(isServerUnreachable(err));
    }
    // Both sides of the line are in the table.
    expect(failures.filter(([, e]) => isServerUnreachable(e)).length).toBeGreaterThan(10);
    expect(failures.filter(([, e]) => !isServerUnreachable(e)).length).toBeGreaterThan(5);
  });

  it('a dead end on every address, or a dropped network, is unreachable for the store too', () => {
    for (const err of [
      withCode('ECONNABORTED'),
      withCode('ENETDOWN'),
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]),
      new Error('connect ECONNREFUSED 10.0.0.5:5432'),
    ]) {
      expect(toStoreError(err, 'check-in').code).toBe('STORE_UNREACHABLE');
    }
  });
});

describe('reconnect backoff', () => {
  it('doubles from the base up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => reconnectDelayMs(n, 1000, 30_000))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect(reconnectDelayMs(10_000, 1000, 30_000)).toBe(30_000);
    expect(reconnectDelayMs(-3, 1000, 30_000)).toBe(1000);
  });
});

describe('offline queue numbers', () => {
  it('carry the station, the department and O, one counter for every lane', () => {
    expect(formatOfflineQueueNumber('K02', 'KHAM', 3)).toBe('K02-KHAM-O-003');
    expect(formatOfflineQueueNumber('K02', 'NHI', 1234)).toBe('K02-NHI-O-1234');
  });

  it('are told apart from station and server numbers', () => {
    expect(isOfflineQueueNumber('K02-KHAM-O-003')).toBe(true);
    expect(isOfflineQueueNumber(formatQueueNumber('K01', 'KHAM', 'normal', 4))).toBe(false);
    expect(isOfflineQueueNumber('KHAM-T-004')).toBe(false);
  });
});
