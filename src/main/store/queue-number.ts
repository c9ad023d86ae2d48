/**
 * The queue number people see and are called by: `<station>-<department>-<lane letter>-<seq>`,
 * e.g. `K01-KHAM-T-004` (fourth ordinary patient for general examination at station K01 today)
 * or `K02-NHI-E-012` (twelfth child under 6 for paediatrics at station K02).
 *
 * The station prefix keeps stations apart when they work offline, each with its own counter; the
 * lane letter comes from the Vietnamese word so that staff can call it out:
 *   T thường (ordinary), C cao tuổi (elderly), E trẻ em dưới 6 tuổi (child under 6),
 *   K khuyết tật (disability), P phụ nữ có thai (pregnant), U ưu tiên cấp cứu (urgent/emergency).
 * The counter restarts at 1 each day; it has at least three digits and grows past 999.
 *
 * On the hospital's server (PostgreSQL) all stations share one counter per department and lane,
 * so the number has no station: `KHAM-T-004` (`formatServerQueueNumber`); the visit still records
 * which station checked the person in.
 */
import type { Lane } from '../../shared/domain';

export const LANE_LETTERS: Readonly<Record<Lane, string>> = {
  normal: 'T',
  elderly: 'C',
  child: 'E',
  disability: 'K',
  pregnant: 'P',
  emergency: 'U',
};

export function formatServerQueueNumber(department: string, lane: Lane, seq: number): string {
  return `${department}-${LANE_LETTERS[lane]}-${String(seq).padStart(3, '0')}`;
}

export function formatQueueNumber(
  stationId: string,
  department: string,
  lane: Lane,
  seq: number,
): string {
  return `${stationId}-${formatServerQueueNumber(department, lane, seq)}`;
}
