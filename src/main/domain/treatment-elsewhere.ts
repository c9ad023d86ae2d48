/**
 * What the treatment history (Lskcb2025) means for a check-in: a stay at another facility with
 * no discharge (no `ngayRa`, no `tinhTrang`) is a patient still under treatment there. The desk
 * is warned; a kiosk sends them to the desk instead of giving a number (issue 22).
 */
import type {
  KioskErrorShape,
  StationMode,
  TreatmentHistory,
  TreatmentHistoryItem,
} from '../../shared/domain';
import { checkinErrors } from './checkin-errors';

/** The most recent stay elsewhere that has not ended, or null. */
export function openStayElsewhere(
  history: TreatmentHistory | null,
  facilityCode: string,
): TreatmentHistoryItem | null {
  if (!history || history.status !== 'answered') return null;
  const open = history.items.filter(
    (h) =>
      h.facilityCode !== facilityCode &&
      h.admittedAt !== null &&
      h.dischargedAt === null &&
      h.status === null,
  );
  open.sort((a, b) => (b.admittedAt ?? '').localeCompare(a.admittedAt ?? ''));
  return open[0] ?? null;
}

/** The staff decision an open stay elsewhere needs at this station: only a kiosk stops. */
export function stayElsewhereNeedsStaff(
  mode: StationMode,
  stay: TreatmentHistoryItem | null,
): KioskErrorShape | null {
  if (!stay || mode !== 'kiosk') return null;
  return checkinErrors.underTreatmentElsewhere(stay.facilityCode).toShape();
}
