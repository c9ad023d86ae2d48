/**
 * Which visits are reception-desk tickets (issue 21) and what the desk may do with them: one rule
 * for the desk's screen and the command line. A ticket is numbered in the reception desk's queue
 * (`arrivals.reception`) with nobody on it; the desk completes the identity in place, then may
 * send it on to a clinic while it still waits (the store checks the same when it moves it).
 */

/** The parts of a visit the rules read (the renderer's and main's visits both have them). */
export interface TicketLike {
  status: string;
  department: string;
  patient: { idNumber: string; fullName: string; cardNumber?: string | null };
  progress?: { state: string };
}

/** A ticket nobody has been put on yet: in the reception queue, no name, no ID number, no card. */
export const isOpenTicket = (v: TicketLike, receptionCode: string | undefined): boolean =>
  v.status === 'active' &&
  v.department === receptionCode &&
  !v.patient.fullName &&
  !v.patient.idNumber &&
  !v.patient.cardNumber;

/**
 * A ticket the desk completed that is still in the reception desk's queue and not yet called:
 * staff may send it on to a department (it keeps its number).
 */
export const isSendableTicket = (v: TicketLike, receptionCode: string | undefined): boolean =>
  v.status === 'active' &&
  v.department === receptionCode &&
  Boolean(v.patient.fullName) &&
  (v.progress?.state ?? 'waiting') === 'waiting';
