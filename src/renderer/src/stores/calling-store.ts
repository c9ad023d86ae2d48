/**
 * Calling patients in: the room this screen calls for, the visit it is dealing with, and the
 * board (for the waiting-room display and the caller's waiting count). Fed by `queue.changed`.
 */
import { create } from 'zustand';
import type { KioskErrorShape, QueueBoard, RoomAction, Visit } from '../../../shared/domain';
import { kioskApi } from '../api';
import { asErrorShape } from './error-shape';

export interface CallingStoreState {
  room: string | null;
  board: QueueBoard | null;
  /** The visit this caller called last (called or in the room), until done or skipped. */
  current: Visit | null;
  /** "Nobody is waiting" after the last Call next. */
  nobodyWaiting: boolean;
  busy: boolean;
  error: KioskErrorShape | null;

  setRoom(room: string | null): void;
  loadBoard(rooms?: string[]): Promise<void>;
  callNext(): Promise<void>;
  act(action: RoomAction, visitId?: string): Promise<void>;
}

export const useCallingStore = create<CallingStoreState>()((set, get) => {
  let boardSeq = 0;
  const run = async (body: () => Promise<void>): Promise<void> => {
    if (get().busy) return;
    set({ busy: true, error: null });
    try {
      await body();
    } catch (err) {
      set({ error: asErrorShape(err) });
    } finally {
      set({ busy: false });
    }
  };
  return {
    room: null,
    board: null,
    current: null,
    nobodyWaiting: false,
    busy: false,
    error: null,

    setRoom(room) {
      set({ room, current: null, nobodyWaiting: false, error: null });
    },
    async loadBoard(rooms) {
      const seq = ++boardSeq;
      try {
        const board = await kioskApi().request('queue.board', rooms?.length ? { rooms } : {});
        if (seq === boardSeq) set({ board });
      } catch (err) {
        if (seq === boardSeq) set({ error: asErrorShape(err) });
      }
    },
    async callNext() {
      const room = get().room;
      if (!room) return;
      await run(async () => {
        const visit = await kioskApi().request('queue.callNext', { room });
        set({ current: visit, nobodyWaiting: visit === null });
      });
    },
    async act(action, visitId) {
      const room = get().room;
      const id = visitId ?? get().current?.id;
      if (!room || !id) return;
      await run(async () => {
        const visit = await kioskApi().request('queue.act', { visitId: id, action, room });
        const state = visit.progress?.state;
        set({ current: state === 'called' || state === 'in-room' ? visit : null });
      });
    },
  };
});
