/**
 * The queue number people see and are called by: `<station>-<department>-<lane letter>-<seq>`,
 * e.g. `K01-KHAM-T-004` (fourth ordinary patient for general examination at station K01 today)
 * or `K02-NHI-E-012` (twelfth child under 6 for paediatrics at station K02).
 *
 * The station prefix keeps stations apart when they work offline, each with its own counter; the
 * lane letter comes from the Vietnamese word so that staff can call it out:
 *   T thường (ordinary), C cao tuổi (elderly), E trẻ em dưới 6 tuổi (child under 6),
 *   K khuyết tật (disability), P phụ nữ có thai (pregnant), U ưu tiên cấp cứu (urgent/emergency),
 *   N người có công (merit).
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
  merit: 'N', // người có công
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

/** The lane-free letter of numbers given while the hospital's server could not be reached. */
export const OFFLINE_LETTER = 'O';

/**
 * A number given by a station working on its own SQLite because the hospital's PostgreSQL server
 * could not be reached: `K02-KHAM-O-003`. The station prefix and the `O` keep it apart from the
 * server's shared numbers (`KHAM-T-004`, no station) and from every other station's offline
 * numbers, so a slip printed offline never needs renumbering when the visit is uploaded. One
 * counter per station, department and day (no lane: the lane is still recorded on the visit).
 */
export function formatOfflineQueueNumber(
  stationId: string,
  department: string,
  seq: number,
): string {
  return `${stationId}-${department}-${OFFLINE_LETTER}-${String(seq).padStart(3, '0')}`;
}

/** Whether a queue number was given offline (see formatOfflineQueueNumber). */
export function isOfflineQueueNumber(queueNumber: string): boolean {
  return new RegExp(`-${OFFLINE_LETTER}-\\d{3,}$`).test(queueNumber);
}
