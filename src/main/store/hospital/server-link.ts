/**
 * The station's link to the hospital's PostgreSQL server: whether it answers, going offline when
 * a call finds it unreachable (./reachability.ts decides), the reconnect loop with backoff that
 * probes it, the upload of what was made offline once it answers again (./offline-upload.ts: the
 * offline visits, then the staff actions), the feed of other stations' changes, and the status
 * the desk's banner shows. Which call goes where while it is away is not decided here: the
 * failover store (./hospital-store.ts) asks `serverOr` / `serverOnly` for each.
 */
import type { KioskErrorShape, StoreStatus } from '../../../shared/domain';
import { toErrorShape } from '../../../shared/errors';
import { createListeners } from '../../util/listeners';
import type { Logger } from '../../logging/logger';
import type { AuditStore, OfflineAuditImporter } from '../audit-contract';
import type { OfflineVisitImporter } from '../offline-visits-contract';
import type { SqliteStore } from '../sqlite/sqlite-store';
import type { KioskStore } from '../store-contract';
import { uploadOfflineAudit, uploadOfflineVisits } from './offline-upload';
import { isServerUnreachable, reconnectDelayMs } from './reachability';
import type { Serial } from './serial';

export type ServerStore = KioskStore &
  OfflineVisitImporter & { readonly audit: AuditStore & OfflineAuditImporter };

/** Something that tells this station about other stations' changes (LISTEN/NOTIFY). */
export interface ChangeFeed {
  close(): Promise<void>;
}

export const RECONNECT_DEFAULTS = { baseMs: 1000, maxMs: 30_000 } as const;

export interface ServerLinkOptions {
  server: ServerStore;
  /** What the station made offline and waits for upload (its own file's two queues). */
  waiting: Pick<SqliteStore, 'offlineVisits' | 'offlineAudit'>;
  /** Shared with the failover store: the upload takes its turn with local writes (./serial.ts). */
  localTurn: Serial;
  logger: Logger;
  now?: () => Date;
  /** Backoff between attempts to reach the server again (default 1 s doubling to 30 s). */
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  /**
   * Starts the feed of other stations' changes; `onChange(day)` per change, `onChange(null)` when
   * some may have been missed (the feed reconnected).
   */
  watchChanges?: (onChange: (day: string | null) => void) => ChangeFeed;
}

export class ServerLink {
  readonly server: ServerStore;
  private readonly waiting: ServerLinkOptions['waiting'];
  private readonly localTurn: Serial;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly statusListeners = createListeners<StoreStatus>();
  private readonly changeListeners = createListeners<{ date: string | null }>();
  private readonly feed: ChangeFeed | null;

  private online = true;
  private offlineSince: string | null = null;
  /** The failure that took the server away, rethrown by what cannot be done offline. */
  private offlineError: unknown = null;
  private uploadError: KioskErrorShape | null = null;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private closed = false;
  private probed = false;

  constructor(o: ServerLinkOptions) {
    this.server = o.server;
    this.waiting = o.waiting;
    this.localTurn = o.localTurn;
    this.log = o.logger;
    this.now = o.now ?? (() => new Date());
    this.baseMs = o.reconnectBaseMs ?? RECONNECT_DEFAULTS.baseMs;
    this.maxMs = o.reconnectMaxMs ?? RECONNECT_DEFAULTS.maxMs;
    this.feed = o.watchChanges?.((date) => this.changeListeners.emit({ date })) ?? null;
    // Is the server there, and are there offline visits left by an earlier run (closed or cut
    // off before the server came back)?
    this.schedule(0);
  }

  // -- status ------------------------------------------------------------------------------

  /** Whether the server answered the last call (false: working offline). */
  get reachable(): boolean {
    return this.online;
  }

  async status(): Promise<StoreStatus> {
    return {
      engine: 'postgres',
      serverReachable: this.online,
      offlineSince: this.offlineSince,
      waitingUpload: await this.waiting.offlineVisits.pendingCount(),
      uploadError: this.uploadError,
    };
  }

  onStatus(listener: (status: StoreStatus) => void): () => void {
    return this.statusListeners.on(listener);
  }

  onVisitsChanged(listener: (change: { date: string | null }) => void): () => void {
    return this.changeListeners.on(listener);
  }

  /** Tells the status listeners (the desk's banner) what is true now. */
  announce(): void {
    if (this.closed) return;
    this.status().then(
      (status) => this.statusListeners.emit(status),
      (err: unknown) => this.log.warn('store status failed', { code: toErrorShape(err).code }),
    );
  }

  // -- calls -------------------------------------------------------------------------------

  /**
   * The server's answer while it answers; when it cannot be reached, the station goes offline
   * and `offline` answers (or rethrows when the thing cannot be done without the server).
   */
  async serverOr<T>(
    onServer: (server: ServerStore) => Promise<T>,
    offline: () => Promise<T>,
  ): Promise<T> {
    if (!this.online) return offline();
    try {
      return await onServer(this.server);
    } catch (err) {
      if (!isServerUnreachable(err)) throw err;
      this.goOffline(err);
      return offline();
    }
  }

  /** What only the server can do: offline it fails as the server failed (STORE_UNREACHABLE). */
  async serverOnly<T>(onServer: (server: ServerStore) => Promise<T>): Promise<T> {
    return this.serverOr(onServer, async () => {
      throw this.offlineError;
    });
  }

  // -- going offline and coming back --------------------------------------------------------

  private goOffline(err: unknown): void {
    this.offlineError = err;
    if (!this.online) return;
    this.online = false;
    this.offlineSince = this.now().toISOString();
    this.log.warn('hospital server unreachable: working offline', {
      code: toErrorShape(err).code,
      server: this.server.location,
    });
    this.attempt = 0;
    this.schedule(reconnectDelayMs(0, this.baseMs, this.maxMs));
    this.announce();
  }

  private schedule(delayMs: number): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.ticking = this.tick().finally(() => {
        this.ticking = null;
      });
    }, delayMs);
    this.timer.unref?.();
  }

  private retryLater(): void {
    this.attempt += 1;
    this.schedule(reconnectDelayMs(this.attempt, this.baseMs, this.maxMs));
  }

  /** One attempt: reach the server, upload what waits, and be online again. */
  private async tick(): Promise<void> {
    if (this.closed) return;
    try {
      // The first attempt always asks the server, so that a station starting while it is away
      // says so at once rather than at its first check-in.
      const first = !this.probed;
      this.probed = true;
      if (!first && this.online && !(await this.waitingUpload())) {
        this.attempt = 0;
        return;
      }
      await this.server.schemaVersion();
      const days = await this.localTurn.run(() =>
        uploadOfflineVisits({
          local: this.waiting.offlineVisits,
          server: this.server,
          at: () => this.now().toISOString(),
          logger: this.log,
        }),
      );
      await this.localTurn.run(() =>
        uploadOfflineAudit({
          local: this.waiting.offlineAudit,
          server: this.server.audit,
          at: () => this.now().toISOString(),
          logger: this.log,
        }),
      );
      this.uploadError = null;
      this.backOnline();
      for (const date of days) this.changeListeners.emit({ date });
      // Written on the file while this upload ran, before the station was back online: they go
      // up with the next attempt rather than waiting for the server to go away again.
      if (await this.waitingUpload()) this.schedule(reconnectDelayMs(0, this.baseMs, this.maxMs));
    } catch (err) {
      if (this.closed) return;
      if (isServerUnreachable(err)) {
        this.goOffline(err);
      } else {
        // The server answers but refused the upload: shared numbers again (nothing is gained by
        // staying offline), the visits stay waiting, the desk shows why, and it is tried again.
        this.uploadError = toErrorShape(err);
        this.log.error('offline visits upload failed', { code: this.uploadError.code });
        this.backOnline();
      }
      this.retryLater();
    }
  }

  private async waitingUpload(): Promise<boolean> {
    return (
      (await this.waiting.offlineVisits.pendingCount()) > 0 ||
      (await this.waiting.offlineAudit.pendingCount()) > 0
    );
  }

  private backOnline(): void {
    if (this.online) {
      this.announce();
      return;
    }
    this.online = true;
    this.offlineSince = null;
    this.offlineError = null;
    this.attempt = 0;
    this.log.info('hospital server reachable again: shared numbers', {
      server: this.server.location,
    });
    this.announce();
  }

  /** Uploads now if the server answers (tests, `store status`); the loop does it otherwise. */
  async syncNow(): Promise<StoreStatus> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.ticking;
    this.ticking = this.tick().finally(() => {
      this.ticking = null;
    });
    await this.ticking;
    return this.status();
  }

  /** Stops the loop and the feed and closes the server; the station's file is the caller's. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking?.catch(() => undefined);
    this.statusListeners.clear();
    this.changeListeners.clear();
    await this.feed?.close().catch(() => undefined);
    await this.server.close().catch(() => undefined);
  }
}
