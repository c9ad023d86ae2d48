/**
 * The reception-desk ticket staff are completing (issue 21): chosen in the visits list, sent
 * with the manual entry so the visit keeps its number. Holds only the visit's id and number.
 */
import { create } from 'zustand';

export interface TicketStoreState {
  ticket: { id: string; queueNumber: string } | null;
  choose(ticket: { id: string; queueNumber: string } | null): void;
}

export const useTicketStore = create<TicketStoreState>()((set) => ({
  ticket: null,
  choose(ticket) {
    set({ ticket });
  },
}));

/**
 * A ticket the desk completed that is still in the reception desk's queue and not yet called:
 * staff may send it on to a department (it keeps its number).
 */
export const isSendableTicket = (
  v: {
    status: string;
    department: string;
    patient: { fullName: string };
    progress?: { state: string };
  },
  receptionCode: string | undefined,
): boolean =>
  v.status === 'active' &&
  v.department === receptionCode &&
  Boolean(v.patient.fullName) &&
  (v.progress?.state ?? 'waiting') === 'waiting';

/** A ticket nobody has been put on yet: no name, no ID number, no card. */
export const isOpenTicket = (v: {
  status: string;
  patient: { idNumber: string; fullName: string; cardNumber?: string | null };
}): boolean =>
  v.status === 'active' && !v.patient.fullName && !v.patient.idNumber && !v.patient.cardNumber;
