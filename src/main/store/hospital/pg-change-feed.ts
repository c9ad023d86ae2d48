/**
 * Other stations' changes, as they commit: every PostgreSQL write that changes visits runs
 * `pg_notify('kiosk_visits', <day>)` in its transaction (../postgres/pg-pool.ts), and this feed
 * LISTENs on one dedicated connection (a pooled one would be handed to queries and lose it).
 * The app turns each notification into its `visits.changed`/`queue.changed` events, so the
 * other desks and boards refresh within a second instead of waiting for a poll.
 *
 * When the connection drops (server restart, network) it is made again with backoff; what was
 * notified meanwhile is lost, so after every (re)connection `onChange(null)` asks for a refresh of
 * whatever is on screen.
 */
import pg from 'pg';
import { toErrorShape } from '../../../shared/errors';
import { maskUrlPassword } from '../../config/load-config';
import type { Logger } from '../../logging/logger';
import type { ChangeFeed } from './server-link';
import { reconnectDelayMs } from './reachability';
import { pgConnection } from '../postgres/pg-pool';
import type { PgTlsFiles } from '../../config/pg-tls';

export const VISITS_CHANNEL = 'kiosk_visits';

export interface PgChangeFeedOptions {
  url: string;
  /** TLS as the pool has it (../../config/pg-tls.ts). */
  tls?: PgTlsFiles;
  /** A day's visits changed (`null`: after a reconnection, anything may have). */
  onChange: (day: string | null) => void;
  logger: Logger;
  connectTimeoutMs?: number;
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  applicationName?: string;
  /**
   * The connection is asked `SELECT 1` this often and counted lost when no answer comes within
   * the same time (default 10 s). A LISTEN connection only receives: a path that died without a
   * word (cable, switch, firewall) would otherwise leave it deaf for the hours TCP takes to tell.
   */
  heartbeatMs?: number;
}

export interface PgChangeFeed extends ChangeFeed {
  /** Whether the LISTEN connection is up now. */
  readonly listening: boolean;
  /** Resolves once listening (the first time); for tests and start-up ordering. */
  readonly ready: Promise<void>;
}

export function listenForVisitChanges(o: PgChangeFeedOptions): PgChangeFeed {
  const server = maskUrlPassword(o.url);
  const log = o.logger.child({ svc: 'pg-change-feed' });
  const baseMs = o.reconnectBaseMs ?? 1000;
  const maxMs = o.reconnectMaxMs ?? 30_000;
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let attempt = 0;
  /** Set after the first LISTEN: the next one follows a drop, and a refresh is due. */
  let reconnected = false;
  let timer: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  const heartbeatMs = o.heartbeatMs ?? 10_000;
  const stopHeartbeat = (): void => {
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
  };
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const dropped = (c: pg.Client, err?: unknown): void => {
    if (client !== c) return; // an old client's late event
    client = null;
    stopHeartbeat();
    if (listening) {
      log.warn('change feed lost its connection', {
        code: err ? toErrorShape(err).code : 'ended',
        server,
      });
    }
    listening = false;
    c.removeAllListeners();
    c.on('error', () => undefined); // a dead client may still report; nobody needs it
    c.end().catch(() => undefined);
    schedule();
  };

  const schedule = (): void => {
    if (closed || timer) return;
    const delay = reconnectDelayMs(attempt, baseMs, maxMs);
    attempt += 1;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    timer.unref?.();
  };

  const connect = async (): Promise<void> => {
    if (closed) return;
    let plan;
    try {
      plan = pgConnection(o);
    } catch (err) {
      // A TLS file that cannot be read: the store's pool says so too; try again later.
      log.warn('change feed cannot connect', { code: toErrorShape(err).code, server });
      schedule();
      return;
    }
    const c = new pg.Client({
      connectionString: plan.url,
      ssl: plan.ssl,
      connectionTimeoutMillis: o.connectTimeoutMs ?? 5000,
      keepAlive: true,
      // The heartbeat's limit (below); LISTEN answers at once too.
      query_timeout: heartbeatMs,
      application_name: o.applicationName ?? 'cccd-checkin-kiosk (changes)',
    });
    client = c;
    c.on('error', (err) => dropped(c, err));
    c.on('end', () => dropped(c));
    c.on('notification', (msg) => {
      if (msg.channel === VISITS_CHANNEL) o.onChange(msg.payload || null);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${VISITS_CHANNEL}`);
    } catch (err) {
      dropped(c, err);
      return;
    }
    if (closed || client !== c) return;
    listening = true;
    attempt = 0;
    let asking = false;
    heartbeat = setInterval(() => {
      if (asking) return;
      asking = true;
      c.query('SELECT 1').then(
        () => {
          asking = false;
        },
        (err: unknown) => dropped(c, err),
      );
    }, heartbeatMs);
    heartbeat.unref?.();
    log.info('listening for other stations’ changes', { server });
    markReady();
    if (reconnected) o.onChange(null);
    reconnected = true;
  };

  void connect();

  return {
    get listening() {
      return listening;
    },
    ready,
    async close() {
      closed = true;
      stopHeartbeat();
      if (timer) clearTimeout(timer);
      timer = null;
      const c = client;
      client = null;
      listening = false;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}
