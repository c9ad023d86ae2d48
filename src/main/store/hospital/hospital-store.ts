/**
 * A station on the hospital's PostgreSQL server (store.engine "postgres") that keeps working when
 * the server goes away: the failover routing. Every call goes to the server while it answers
 * (./server-link.ts keeps the link: reachability, reconnect, upload, other stations' changes).
 * While it cannot be reached, the station works on its own SQLite file, opened with offline
 * numbers: check-ins go on as `K02-KHAM-O-003` (never colliding with the server's `KHAM-T-004`
 * nor with another station), reads come from the local file so the desk still works, and what
 * only the server can do fails as the server failed (STORE_UNREACHABLE). Changes to a visit made
 * offline stay with it on the file until the link uploads it; reads show the server's visits and
 * the offline ones it does not have yet. The staff actions and the failed-lookup evidence are
 * routed the same way (./failover-parts.ts).
 *
 * While offline the station sees only its own file, so "already checked in today" can only find
 * visits made on this station while offline (see checkIn). A person who also checked in online
 * elsewhere keeps both visits after the upload: the upload reports them, nothing is deleted.
 */
import { randomUUID } from 'node:crypto';
import type {
  CardIdentity,
  Discrepancy,
  InsuranceResult,
  KioskErrorShape,
  PrintStatus,
  StoreStatus,
  Visit,
  VisitProgressChange,
} from '../../../shared/domain';
import type { LookupEvidenceStore } from '../evidence-contract';
import type { AuditStore } from '../audit-contract';
import type { HisOutboxStore } from '../his-outbox-contract';
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
  RecheckItem,
  PurgeReport,
  PurgeRequest,
  RecentCall,
  RecheckApplication,
  RecheckApplied,
  RoomActionRequest,
  RoomActionResult,
  VisitQuery,
} from '../store-contract';
import { failoverAudit, failoverEvidence } from './failover-parts';
import { createSerial } from './serial';
import { ServerLink, type ServerLinkOptions, type ServerStore } from './server-link';

/** The server and how to reach it (./server-link.ts), and the station's own file. */
export interface HospitalStoreOptions extends Omit<ServerLinkOptions, 'waiting' | 'localTurn'> {
  /** The station's own file, opened with `queueNumbers: 'offline'`. */
  local: SqliteStore;
}

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

  private readonly local: SqliteStore;
  private readonly link: ServerLink;
  /** Local writes to offline visits and the upload take turns (./serial.ts). */
  private readonly localTurn = createSerial();
  private closed = false;

  constructor(o: HospitalStoreOptions) {
    const { local, ...server } = o;
    this.local = local;
    this.location = server.server.location;
    this.hisOutbox = server.server.hisOutbox;
    this.link = new ServerLink({
      ...server,
      waiting: local,
      localTurn: this.localTurn,
      logger: o.logger.child({ svc: 'hospital-store' }),
    });
    this.lookupEvidence = failoverEvidence(this.link, local);
    this.audit = failoverAudit(this.link, local);
  }

  // -- status (the link's) -----------------------------------------------------------------

  /** Whether the server answered the last call (false: working offline). */
  get serverReachable(): boolean {
    return this.link.reachable;
  }

  status(): Promise<StoreStatus> {
    return this.link.status();
  }

  /** Offline / back online / another offline visit / an upload: the desk's banner. */
  onStatus(listener: (status: StoreStatus) => void): () => void {
    return this.link.onStatus(listener);
  }

  /**
   * A day's visits changed elsewhere (another station, or this station's upload); `date` null:
   * changes may have been missed, refresh what is shown.
   */
  onVisitsChanged(listener: (change: { date: string | null }) => void): () => void {
    return this.link.onVisitsChanged(listener);
  }

  /** Uploads now if the server answers (tests, `store status`); the loop does it otherwise. */
  syncNow(): Promise<StoreStatus> {
    return this.link.syncNow();
  }

  // -- routing -----------------------------------------------------------------------------

  private serverOr<T>(
    onServer: (server: ServerStore) => Promise<T>,
    offline: () => Promise<T>,
  ): Promise<T> {
    return this.link.serverOr(onServer, offline);
  }

  private serverOnly<T>(onServer: (server: ServerStore) => Promise<T>): Promise<T> {
    return this.link.serverOnly(onServer);
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
      this.link.announce();
      return here.value;
    }
    return this.serverOnly(onServer);
  }

  // -- KioskStore ---------------------------------------------------------------------------

  /** The server's schema; offline it cannot be known (the station's file numbers its own). */
  async schemaVersion(): Promise<number> {
    return this.link.server.schemaVersion();
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
        if (result.created) this.link.announce();
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

  // The re-check queue lives on the server. Offline visits keep their re-checks on the station's
  // file until the upload moves them up; they are not repeated here meanwhile, because an answer
  // applied locally would have to be uploaded too (and its discrepancy with it).
  async claimRechecks(options: {
    now: string;
    leaseUntil: string;
    limit: number;
    ignoreSchedule?: boolean;
  }): Promise<RecheckItem[]> {
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

  async progressChanges(visitId: string): Promise<VisitProgressChange[]> {
    if (await this.local.offlineVisits.isPending(visitId)) {
      return this.local.progressChanges(visitId);
    }
    return this.serverOr(
      (server) => server.progressChanges(visitId),
      () => this.local.progressChanges(visitId),
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

  /**
   * Purges both, so that nothing personal outlives its time on the station either. The report
   * is the server's while it answers: the station's file then holds copies of the same data (the
   * caches are written to both, uploaded offline visits stay on the file), and adding its counts
   * would count one identity or visit twice. Offline, the report is the file's.
   */
  async purge(request: PurgeRequest): Promise<PurgeReport> {
    const here = await this.localTurn.run(() => this.local.purge(request));
    const there = await this.serverOr(
      (server) => server.purge(request),
      async (): Promise<PurgeReport | null> => null,
    );
    return there ?? here;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.link.close();
    await this.local.close();
  }
}
