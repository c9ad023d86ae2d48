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
