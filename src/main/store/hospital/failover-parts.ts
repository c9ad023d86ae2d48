/**
 * The failover routing of the store's two parts that keep records beside the visits: the staff
 * actions (audit) and the failed-lookup evidence. Calls go to the server while it answers and to
 * the station's own file while it does not (./server-link.ts), as the visits' calls do in
 * ./hospital-store.ts.
 */
import type { AuditEntry } from '../../../shared/domain';
import type { AuditStore } from '../audit-contract';
import type { LookupEvidenceStore } from '../evidence-contract';
import type { SqliteStore } from '../sqlite/sqlite-store';
import type { ServerLink } from './server-link';

/**
 * Staff actions go to the server while it answers and into the station's own file while it
 * does not; the upload takes those up (by uid, once: ./offline-upload.ts). Reads show both,
 * an entry on both (uploaded, or committed on the server without an answer) once.
 */
export function failoverAudit(link: ServerLink, local: SqliteStore): AuditStore {
  const both = async (read: (s: AuditStore) => Promise<AuditEntry[]>): Promise<AuditEntry[]> => {
    const here = await read(local.audit);
    const there = await link.serverOr(
      (server) => read(server.audit),
      async () => [],
    );
    const onServer = new Set(there.map((e) => e.uid));
    return [...there, ...here.filter((e) => !onServer.has(e.uid))].sort((a, b) =>
      a.at.localeCompare(b.at),
    );
  };
  return {
    append: (entry) =>
      link.serverOr(
        (server) => server.audit.append(entry),
        () => local.audit.append(entry),
      ),
    between: (from, to) => both((s) => s.between(from, to)),
    forVisit: (visitId) => both((s) => s.forVisit(visitId)),
  };
}

/** Evidence of an offline visit stays with it on the station's file; the rest on the server. */
export function failoverEvidence(link: ServerLink, local: SqliteStore): LookupEvidenceStore {
  const pendingHereOr = async <T>(
    visitId: string,
    here: () => Promise<T>,
    there: (server: LookupEvidenceStore) => Promise<T>,
  ): Promise<T> => {
    if (await local.offlineVisits.isPending(visitId)) return here();
    return link.serverOnly((server) => there(server.lookupEvidence));
  };
  return {
    record: (visitId, evidence) =>
      pendingHereOr(
        visitId,
        () => local.lookupEvidence.record(visitId, evidence),
        (server) => server.record(visitId, evidence),
      ),
    recordRecheck: (visitId, recheck) =>
      pendingHereOr(
        visitId,
        () => local.lookupEvidence.recordRecheck(visitId, recheck),
        (server) => server.recordRecheck(visitId, recheck),
      ),
    between: (from, to) =>
      link.serverOr(
        (server) => server.lookupEvidence.between(from, to),
        () => local.lookupEvidence.between(from, to),
      ),
    count: (from, to) =>
      link.serverOr(
        (server) => server.lookupEvidence.count(from, to),
        () => local.lookupEvidence.count(from, to),
      ),
  };
}
