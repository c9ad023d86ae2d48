/**
 * A station on the hospital's PostgreSQL server (store.engine "postgres") that keeps working when
 * the server goes away. Every call goes to the server while it answers. When it cannot be reached
 * (./reachability.ts decides), the station switches to its own SQLite file, opened with offline
 * numbers: check-ins go on as `K02-KHAM-O-003` (never colliding with the server's `KHAM-T-004`
 * nor with another station), reads come from the local file so the desk still works, and the
 * desk is told (status). A reconnect loop with backoff probes the server; once it answers, the
 * offline visits are uploaded with their own ids and numbers (the server skips ids it already
 * has, so a repeated or interrupted upload never duplicates), marked uploaded only after the
 * server committed, and the station goes back to the shared numbers. Staff actions recorded
 * meanwhile go up after them the same way, each once by the uid it was given when recorded.
 *
 * While offline the station sees only its own file, so "already checked in today" can only find
 * visits made on this station while offline (see checkIn). A person who also checked in online
 * elsewhere keeps both visits after the upload: the upload reports them, nothing is deleted.
 */
import { randomUUID } from 'node:crypto';
import type {
  AuditEntry,
  CardIdentity,
  Discrepancy,
  InsuranceResult,
  KioskErrorShape,
  PrintStatus,
  StoreStatus,
  Visit,
} from '../../../shared/domain';
import { toErrorShape } from '../../../shared/errors';
import { createListeners } from '../../util/listeners';
import type { Logger } from '../../logging/logger';
import type { LookupEvidenceStore } from '../evidence-contract';
import type { AuditStore, OfflineAuditImporter } from '../audit-contract';
import type { HisOutboxStore } from '../his-outbox-contract';
import type { OfflineVisitImporter } from '../offline-visits-contract';
import type { SqliteStore } from '../sqlite/sqlite-store';
import type {
  CachedIdentity,
  KnownPatient,
  CachedLookup,
  CallNextRequest,
  CheckInRequest,
  TicketMove,
  CheckInResult,
  KioskStore,
  OutboxItem,
  PurgeReport,
  PurgeRequest,
  RecentCall,
  RecheckApplication,
  RecheckApplied,
  RoomActionRequest,
  RoomActionResult,
  VisitQuery,
} from '../store-contract';
import { isServerUnreachable, reconnectDelayMs } from './reachability';
import { createSerial } from './serial';
import { uploadOfflineAudit, uploadOfflineVisits } from './offline-upload';

export type ServerStore = KioskStore &
  OfflineVisitImporter & { readonly audit: AuditStore & OfflineAuditImporter };

/** Something that tells this station about other stations' changes (LISTEN/NOTIFY). */
export interface ChangeFeed {
  close(): Promise<void>;
}

export interface HospitalStoreOptions {
  server: ServerStore;
  /** The station's own file, opened with `queueNumbers: 'offline'`. */
  local: SqliteStore;
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

export const RECONNECT_DEFAULTS = { baseMs: 1000, maxMs: 30_000 } as const;

const byTimeThenNumber = (a: Visit, b: Visit): number =>
  a.createdAt.localeCompare(b.createdAt) || a.queueNumber.localeCompare(b.queueNumber);

/** The server's visits, plus this station's offline ones the server does not have yet. */
function merged(server: Visit[], local: Visit[]): Visit[] {
  const ids = new Set(server.map((v) => v.id));
  return [...server, ...local.filter((v) => !ids.has(v.id))].sort(byTimeThenNumber);
}

export class HospitalStore implements KioskStore {
  readonly kind = 'postgres';
  readonly location: string;
  readonly hisOutbox: HisOutboxStore;
  readonly lookupEvidence: LookupEvidenceStore;
  readonly audit: AuditStore;

  private readonly server: ServerStore;
  private readonly local: SqliteStore;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly baseMs: number;
  private readonly maxMs: number;
  /** Local writes to offline visits and the upload take turns (./serial.ts). */
  private readonly localTurn = createSerial();
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

  constructor(o: HospitalStoreOptions) {
    this.server = o.server;
    this.local = o.local;
    this.location = o.server.location;
    this.log = o.logger.child({ svc: 'hospital-store' });
    this.now = o.now ?? (() => new Date());
    this.baseMs = o.reconnectBaseMs ?? RECONNECT_DEFAULTS.baseMs;
    this.maxMs = o.reconnectMaxMs ?? RECONNECT_DEFAULTS.maxMs;
    this.hisOutbox = o.server.hisOutbox;
    this.lookupEvidence = this.failoverEvidence();
    this.audit = this.failoverAudit();
    this.feed = o.watchChanges?.((date) => this.changeListeners.emit({ date })) ?? null;
    // Is the server there, and are there offline visits left by an earlier run (closed or cut
    // off before the server came back)?
    this.schedule(0);
  }

  // -- status ------------------------------------------------------------------------------

  /** Whether the server answered the last call (false: working offline). */
  get serverReachable(): boolean {
    return this.online;
  }

  async status(): Promise<StoreStatus> {
    return {
      engine: 'postgres',
      serverReachable: this.online,
      offlineSince: this.offlineSince,
      waitingUpload: await this.local.offlineVisits.pendingCount(),
      uploadError: this.uploadError,
    };
  }

  /** Offline / back online / another offline visit / an upload: the desk's banner. */
  onStatus(listener: (status: StoreStatus) => void): () => void {
    return this.statusListeners.on(listener);
  }

  /**
   * A day's visits changed elsewhere (another station, or this station's upload); `date` null:
   * changes may have been missed, refresh what is shown.
   */
  onVisitsChanged(listener: (change: { date: string | null }) => void): () => void {
    return this.changeListeners.on(listener);
  }

  private announce(): void {
    if (this.closed) return;
    this.status().then(
      (status) => this.statusListeners.emit(status),
      (err: unknown) => this.log.warn('store status failed', { code: toErrorShape(err).code }),
    );
  }

  // -- going offline and coming back --------------------------------------------------------

  private goOffline(err: unknown): void {
    this.offlineError = err;
    if (!this.online) return;
    this.online = false;
    this.offlineSince = this.now().toISOString();
    this.log.warn('hospital server unreachable: working offline', {
      code: toErrorShape(err).code,
      server: this.location,
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
          local: this.local.offlineVisits,
          server: this.server,
          at: () => this.now().toISOString(),
          logger: this.log,
        }),
      );
      await this.localTurn.run(() =>
        uploadOfflineAudit({
          local: this.local.offlineAudit,
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
      (await this.local.offlineVisits.pendingCount()) > 0 ||
      (await this.local.offlineAudit.pendingCount()) > 0
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
    this.log.info('hospital server reachable again: shared numbers', { server: this.location });
    this.announce();
  }

  /**
   * The server's answer while it answers; when it cannot be reached, the station goes offline
   * and `offline` answers (or rethrows when the thing cannot be done without the server).
   */
  private async serverOr<T>(
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

  private async serverOnly<T>(onServer: (server: ServerStore) => Promise<T>): Promise<T> {
    return this.serverOr(onServer, async () => {
      throw this.offlineError;
    });
  }

  /** Changes to a visit still waiting for upload stay on the station's file; the rest go up. */
  private async onVisit<T>(
    id: string,
    local: () => Promise<T>,
    onServer: (server: ServerStore) => Promise<T>,
  ): Promise<T> {
    const here = await this.localTurn.run(async () =>
      (await this.local.offlineVisits.isPending(id)) ? { value: await local() } : null,
    );
    if (here) {
      this.announce();
      return here.value;
    }
    return this.serverOnly(onServer);
  }

  // -- KioskStore ---------------------------------------------------------------------------

  async schemaVersion(): Promise<number> {
    return this.server.schemaVersion();
  }

  async checkIn(checkIn: CheckInRequest): Promise<CheckInResult> {
    // One id for both tries: when the server committed this check-in but its answer was lost,
    // the offline visit made next has the same id, and its upload replaces the server's unprinted
    // one instead of adding a second visit (../postgres/pg-offline-import.ts).
    const request = { ...checkIn, visitId: checkIn.visitId ?? randomUUID() };
    return this.serverOr(
      (server) => server.checkIn(request),
      async () => {
        // Offline, "already checked in today" can only look at this station's file: a person
        // who checked in online (or at another station) today gets a second visit here. The
        // upload keeps both and reports them (OfflineImportReport.alsoCheckedInOnline).
        const result = await this.localTurn.run(() => this.local.checkIn(request));
        if (result.created) this.announce();
        return result;
      },
    );
  }

  async getVisit(id: string): Promise<Visit | null> {
    if (await this.local.offlineVisits.isPending(id)) return this.local.getVisit(id);
    return this.serverOr(
      (server) => server.getVisit(id),
      () => this.local.getVisit(id),
    );
  }

  async listVisits(query: VisitQuery): Promise<Visit[]> {
    const local = await this.local.listVisits(query);
    return this.serverOr(
      async (server) => merged(await server.listVisits(query), local),
      async () => local,
    );
  }

  async visitsOfPerson(date: string, idNumber: string): Promise<Visit[]> {
    const local = await this.local.visitsOfPerson(date, idNumber);
    return this.serverOr(
      async (server) => merged(await server.visitsOfPerson(date, idNumber), local),
      async () => local,
    );
  }

  async completeTicket(visitId: string, request: CheckInRequest): Promise<Visit | null> {
    return this.onVisit(
      visitId,
      () => this.local.completeTicket(visitId, request),
      (server) => server.completeTicket(visitId, request),
    );
  }

  async sendTicketOn(visitId: string, move: TicketMove): Promise<Visit | null> {
    return this.onVisit(
      visitId,
      () => this.local.sendTicketOn(visitId, move),
      (server) => server.sendTicketOn(visitId, move),
    );
  }

  async cancelVisit(id: string, reason: string, at: string): Promise<Visit | null> {
    return this.onVisit(
      id,
      () => this.local.cancelVisit(id, reason, at),
      (server) => server.cancelVisit(id, reason, at),
    );
  }

  async recordPrint(
    id: string,
    status: PrintStatus,
    error: KioskErrorShape | null,
    at: string,
  ): Promise<Visit | null> {
    return this.onVisit(
      id,
      () => this.local.recordPrint(id, status, error, at),
      (server) => server.recordPrint(id, status, error, at),
    );
  }

  async failInterruptedPrints(error: KioskErrorShape): Promise<number> {
    const here = await this.localTurn.run(() => this.local.failInterruptedPrints(error));
    const there = await this.serverOr(
      (server) => server.failInterruptedPrints(error),
      async () => 0,
    );
    return here + there;
  }

  // Caches: kept on both, so that an offline decision has this station's latest answers and the
  // server shares them with the other stations; the newer of the two is the answer.
  async saveIdentity(identity: CardIdentity, readAt: string): Promise<void> {
    await this.local.saveIdentity(identity, readAt);
    await this.serverOr(
      (server) => server.saveIdentity(identity, readAt),
      async () => undefined,
    );
  }

  async getIdentity(idNumber: string): Promise<CachedIdentity | null> {
    return this.newerCached(
      await this.local.getIdentity(idNumber),
      (server) => server.getIdentity(idNumber),
      (cached) => cached.readAt,
    );
  }

  async saveLookup(idNumber: string, result: InsuranceResult, fetchedAt: string): Promise<void> {
    await this.local.saveLookup(idNumber, result, fetchedAt);
    await this.serverOr(
      (server) => server.saveLookup(idNumber, result, fetchedAt),
      async () => undefined,
    );
  }

  async rememberPatient(keys: string[], patient: KnownPatient, seenAt: string): Promise<void> {
    await this.local.rememberPatient(keys, patient, seenAt);
    await this.serverOr(
      (server) => server.rememberPatient(keys, patient, seenAt),
      async () => undefined,
    );
  }

  async findPatient(key: string): Promise<{ patient: KnownPatient; seenAt: string } | null> {
    return this.newerCached(
      await this.local.findPatient(key),
      (server) => server.findPatient(key),
      (found) => found.seenAt,
    );
  }

  async getLookup(idNumber: string): Promise<CachedLookup | null> {
    return this.newerCached(
      await this.local.getLookup(idNumber),
      (server) => server.getLookup(idNumber),
      (cached) => cached.fetchedAt,
    );
  }

  private async newerCached<T>(
    here: T | null,
    onServer: (server: ServerStore) => Promise<T | null>,
    time: (cached: T) => string,
  ): Promise<T | null> {
    const there = await this.serverOr(onServer, async () => null);
    if (!there || !here) return there ?? here;
    return time(here) > time(there) ? here : there;
  }

  // The outbox lives on the server. Offline visits keep their re-checks on the station's file
  // until the upload moves them up; they are not repeated here meanwhile, because an answer
  // applied locally would have to be uploaded too (and its discrepancy with it).
  async claimRechecks(options: {
    now: string;
    leaseUntil: string;
    limit: number;
    ignoreSchedule?: boolean;
  }): Promise<OutboxItem[]> {
    return this.serverOr(
      (server) => server.claimRechecks(options),
      async () => [],
    );
  }

  async deferRecheck(id: number, nextAttemptAt: string, error: string): Promise<void> {
    return this.serverOnly((server) => server.deferRecheck(id, nextAttemptAt, error));
  }

  async dropRecheck(id: number): Promise<void> {
    return this.serverOnly((server) => server.dropRecheck(id));
  }

  async applyRecheck(application: RecheckApplication): Promise<RecheckApplied> {
    return this.serverOnly((server) => server.applyRecheck(application));
  }

  async pendingRechecks(): Promise<number> {
    const local = await this.local.pendingRechecks();
    return this.serverOr(
      async (server) => (await server.pendingRechecks()) + local,
      async () => local,
    );
  }

  async discrepancies(options?: { includeResolved?: boolean }): Promise<Discrepancy[]> {
    return this.serverOr(
      (server) => server.discrepancies(options),
      () => this.local.discrepancies(options),
    );
  }

  async resolveDiscrepancy(id: string, at: string): Promise<boolean> {
    return this.serverOnly((server) => server.resolveDiscrepancy(id, at));
  }

  // Calling: on the server while it answers; offline, a room on this station calls this
  // station's offline visits (their progress goes up with them).
  async callNext(request: CallNextRequest): Promise<Visit | null> {
    return this.serverOr(
      (server) => server.callNext(request),
      () => this.localTurn.run(() => this.local.callNext(request)),
    );
  }

  async roomAction(request: RoomActionRequest): Promise<RoomActionResult> {
    return this.onVisit(
      request.visitId,
      () => this.local.roomAction(request),
      (server) => server.roomAction(request),
    );
  }

  async recentCalls(query: {
    date: string;
    rooms: readonly string[];
    limit: number;
  }): Promise<RecentCall[]> {
    return this.serverOr(
      (server) => server.recentCalls(query),
      () => this.local.recentCalls(query),
    );
  }

  async waitingCounts(
    date: string,
    departments: readonly string[],
  ): Promise<Record<string, number>> {
    return this.serverOr(
      (server) => server.waitingCounts(date, departments),
      () => this.local.waitingCounts(date, departments),
    );
  }

  async purge(request: PurgeRequest): Promise<PurgeReport> {
    const here = await this.localTurn.run(() => this.local.purge(request));
    const there = await this.serverOr(
      (server) => server.purge(request),
      async (): Promise<PurgeReport | null> => null,
    );
    if (!there) return here;
    return {
      visitsAnonymised: here.visitsAnonymised + there.visitsAnonymised,
      identitiesDeleted: here.identitiesDeleted + there.identitiesDeleted,
      lookupsDeleted: here.lookupsDeleted + there.lookupsDeleted,
      outboxDeleted: here.outboxDeleted + there.outboxDeleted,
      discrepanciesDeleted: here.discrepanciesDeleted + there.discrepanciesDeleted,
    };
  }

  private async pendingHereOr<T>(
    visitId: string,
    here: () => Promise<T>,
    there: () => Promise<T>,
  ): Promise<T> {
    if (await this.local.offlineVisits.isPending(visitId)) return here();
    return this.serverOnly(there);
  }

  /**
   * Staff actions go to the server while it answers and into the station's own file while it
   * does not; the upload takes those up (by uid, once: ./offline-upload.ts). Reads show both,
   * an entry on both (uploaded, or committed on the server without an answer) once.
   */
  private failoverAudit(): AuditStore {
    const server = this.server.audit;
    const local = this.local.audit;
    const both = async (read: (s: AuditStore) => Promise<AuditEntry[]>): Promise<AuditEntry[]> => {
      const here = await read(local);
      const there = await this.serverOr(
        () => read(server),
        async () => [],
      );
      const onServer = new Set(there.map((e) => e.uid));
      return [...there, ...here.filter((e) => !onServer.has(e.uid))].sort((a, b) =>
        a.at.localeCompare(b.at),
      );
    };
    return {
      append: (entry) =>
        this.serverOr(
          () => server.append(entry),
          () => local.append(entry),
        ),
      between: (from, to) => both((s) => s.between(from, to)),
      forVisit: (visitId) => both((s) => s.forVisit(visitId)),
    };
  }

  /** Evidence of an offline visit stays with it on the station's file; the rest on the server. */
  private failoverEvidence(): LookupEvidenceStore {
    const server = this.server.lookupEvidence;
    const local = this.local.lookupEvidence;
    return {
      record: (visitId, evidence) =>
        this.pendingHereOr(
          visitId,
          () => local.record(visitId, evidence),
          () => server.record(visitId, evidence),
        ),
      recordRecheck: (visitId, recheck) =>
        this.pendingHereOr(
          visitId,
          () => local.recordRecheck(visitId, recheck),
          () => server.recordRecheck(visitId, recheck),
        ),
      between: (from, to) =>
        this.serverOr(
          () => server.between(from, to),
          () => local.between(from, to),
        ),
      count: (from, to) =>
        this.serverOr(
          () => server.count(from, to),
          () => local.count(from, to),
        ),
    };
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
    await this.local.close();
  }
}
