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

/** A ticket nobody has been put on yet: no name, no ID number, no card. */
export const isOpenTicket = (v: {
  status: string;
  patient: { idNumber: string; fullName: string; cardNumber?: string | null };
}): boolean =>
  v.status === 'active' && !v.patient.fullName && !v.patient.idNumber && !v.patient.cardNumber;
