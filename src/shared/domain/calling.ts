/** Calling patients in: progress of a visit, rooms and the waiting-room board. Pure types: importable from browser, Node and Electron alike. */
import type { LocalizedText } from '../errors';
import type { IsoDate, IsoDateTime } from './common';

/** waiting → called → in-room → done; skipped (no-show, may be recalled); cancelled. */
export type VisitProgress = 'waiting' | 'called' | 'in-room' | 'done' | 'skipped' | 'cancelled';

export interface VisitProgressInfo {
  state: VisitProgress;
  /** The room that made the latest change (null while waiting). */
  room: string | null;
  /** When the latest change was made (null while waiting). */
  at: IsoDateTime | null;
  /** How many times the number was called out (call again and recall count). */
  calls: number;
}

/**
 * One recorded change of a visit's progress (a call, a room's action, its cancellation), as the
 * store keeps it in visit_progress_events: what it became and when.
 */
export interface VisitProgressChange {
  state: VisitProgress;
  at: IsoDateTime;
}

/** What a room can do with a visit; `call-next` picks the visit by the queue policy. */
export const ROOM_ACTIONS = ['call-again', 'skip', 'patient-in', 'done', 'recall'] as const;
export type RoomAction = (typeof ROOM_ACTIONS)[number];

/** A clinic room as the screens need it. */
export interface QueueRoom {
  code: string;
  name: LocalizedText;
  departments: string[];
}

/** One call as shown on the waiting-room board: numbers only unless masked names are on. */
export interface BoardCall {
  visitId: string;
  queueNumber: string;
  department: string;
  room: string;
  roomName: LocalizedText;
  calledAt: IsoDateTime;
  /** Grows with each "call again": the display replays the sound when it changes. */
  calls: number;
  /** e.g. `Nguyễn V. A.`, only when `queue.display.maskedNames` is on. */
  maskedName: string | null;
}

export interface BoardRoom {
  code: string;
  name: LocalizedText;
  /** The number this room called last and has not yet taken in, skipped or finished. */
  calling: BoardCall | null;
  waiting: number;
}

export interface QueueBoard {
  date: IsoDate;
  rooms: BoardRoom[];
  /** The most recent call among the board's rooms, shown large. */
  latest: BoardCall | null;
  /** Earlier calls, newest first. */
  recent: BoardCall[];
}
