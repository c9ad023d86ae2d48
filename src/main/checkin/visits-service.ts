/** Today's (or any day's) visits for the desk: list and search, cancel, reprint. */
import { LANES, type Lane, type PrintOutcome, type Visit } from '../../shared/domain';
import type { Logger } from '../logging/logger';
import type { VisitFilter, VisitsService } from '../services-contract';
import { hospitalDay, isIsoDay } from '../../shared/hospital-day';
import type { VisitStore } from '../store/store-ports';
import { checkinErrors } from '../domain/checkin-errors';
import type { Listeners } from '../util/listeners';
import type { PrintVisit } from './print-visit';

export interface VisitsServiceOptions {
  store: VisitStore;
  logger: Logger;
  now: () => Date;
  /** The hospital's zone: "today" for the list and for reprints. */
  timeZone: string;
  printVisit: PrintVisit;
  /** The configured departments a ticket may be sent on to. */
  departments: readonly { code: string }[];
  /** The reception desk's queue (arrivals.reception.code), where desk tickets are numbered. */
  receptionCode: string;
  changed: Listeners<{ date: string }>;
  printChanged: Listeners<PrintOutcome>;
  onRechecksChanged: () => void;
}

/** Lower case without Vietnamese diacritics, so "nguyen van" finds "Nguyễn Văn". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

export function matchesQuery(visit: Visit, query: string): boolean {
  const q = foldForSearch(query.trim());
  if (!q) return true;
  return (
    foldForSearch(visit.patient.fullName).includes(q) ||
    visit.queueNumber.toLowerCase().includes(q) ||
    (q.length >= 4 && visit.patient.idNumber.includes(q)) ||
    (visit.insurance.result?.card?.number.toLowerCase().includes(q) ?? false)
  );
}

export function createVisitsService(o: VisitsServiceOptions): VisitsService {
  const log = o.logger.child({ svc: 'visits' });
  const today = (): string => hospitalDay(o.now(), o.timeZone);
  return {
    async list(filter: VisitFilter): Promise<Visit[]> {
      const date = filter.date ?? today();
      if (!isIsoDay(date)) {
        throw checkinErrors.badInput(
          'date',
          'Ngày phải có dạng YYYY-MM-DD.',
          'The date must be YYYY-MM-DD.',
        );
      }
      const visits = await o.store.listVisits({
        date,
        ...(filter.department ? { department: filter.department } : {}),
        includeCancelled: filter.includeCancelled ?? false,
      });
      return filter.query ? visits.filter((v) => matchesQuery(v, filter.query!)) : visits;
    },
    async cancel(visitId: string, reason: string): Promise<Visit> {
      const why = String(reason ?? '').trim();
      if (!why || why.length > 200) {
        throw checkinErrors.badInput(
          'reason',
          'Hãy ghi lý do hủy (tối đa 200 ký tự).',
          'Give a reason for cancelling (at most 200 characters).',
        );
      }
      const visit = await o.store.cancelVisit(visitId, why, o.now().toISOString());
      if (!visit) throw checkinErrors.visitNotFound(visitId);
      log.info('visit cancelled', { visitId });
      o.changed.emit({ date: visit.date });
      o.onRechecksChanged();
      return visit;
    },
    async reprint(visitId: string): Promise<PrintOutcome> {
      const visit = await o.store.getVisit(visitId);
      if (!visit) throw checkinErrors.visitNotFound(visitId);
      if (visit.status === 'cancelled') throw checkinErrors.visitCancelled(visitId);
      if (visit.date !== today()) throw checkinErrors.notToday(visit.date);
      const { outcome } = await o.printVisit(visit);
      log.info('reprint', { visitId, status: outcome.status });
      return outcome;
    },
    async sendOn(visitId: string, department: string, lane: Lane): Promise<Visit> {
      if (department === o.receptionCode || !o.departments.some((d) => d.code === department)) {
        throw checkinErrors.unknownDepartment(String(department));
      }
      if (!LANES.includes(lane)) throw checkinErrors.unknownLane(String(lane));
      const moved = await o.store.sendTicketOn(visitId, {
        from: o.receptionCode,
        department,
        lane,
      });
      if (!moved) throw checkinErrors.ticketNotSendable(visitId);
      log.info('ticket sent on', { visitId, department, lane });
      o.changed.emit({ date: moved.date });
      // The slip the patient holds names the reception desk: the new one, with the same number,
      // names the department and its room.
      const { visit } = await o.printVisit(moved);
      return visit;
    },
    onChanged: (listener) => o.changed.on(listener),
    onPrintChanged: (listener) => o.printChanged.on(listener),
  };
}
