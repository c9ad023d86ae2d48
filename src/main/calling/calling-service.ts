/**
 * Calling patients in, for the room's caller, the desk, the waiting-room board and the CLI:
 * the store does the transactional part, this service adds the configuration (rooms, policy,
 * what the board shows), today's date and the events that screens listen to.
 */
import type { BoardCall, QueueBoard, RoomAction, Visit } from '../../shared/domain';
import { kioskError } from '../../shared/errors';
import type { KioskConfig } from '../config/schema';
import { hospitalDay } from '../../shared/hospital-day';
import type { RecentCall } from '../store/store-contract';
import type { CallingStore } from '../store/store-ports';
import { findRoom, spokenCallWav, type RoomConfig } from './call-speech';
import type { QueuePolicy } from '../domain/queue-policy';
import { maskedName, visitNotFoundError } from '../domain/visit-progress';

export interface CallingServiceOptions {
  config: KioskConfig;
  dataDir: string;
  store: CallingStore;
  now?: () => Date;
}

export interface CallingService {
  /** Calls the next patient of the room (optionally one department only); null: nobody waits. */
  callNext(room: string, department?: string): Promise<Visit | null>;
  act(visitId: string, action: RoomAction, room: string): Promise<Visit>;
  /** The board for these rooms (default: `queue.display.rooms`, or every room). */
  board(rooms?: readonly string[]): Promise<QueueBoard>;
  /** The spoken call of a visit as a WAV, for the display to play. */
  audio(visitId: string, room: string): Promise<Buffer>;
  /** Something changed in the queue (here; other processes are seen by `watch`). */
  onChanged(listener: () => void): () => void;
}

function policyOf(config: KioskConfig): QueuePolicy {
  return config.queue.policy as QueuePolicy;
}

function departmentError(department: string, room: string): Error {
  return kioskError(
    'QUEUE_DEPARTMENT_NOT_IN_ROOM',
    `Phòng ${room} không gọi bệnh nhân của khoa ${department}`,
    `Room ${room} does not call patients of department ${department}`,
    { detail: `${department} / ${room}` },
  );
}

export function createCallingService(o: CallingServiceOptions): CallingService {
  const { config, store } = o;
  const now = o.now ?? (() => new Date());
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const l of [...listeners]) l();
  };
  const boardRooms = (codes?: readonly string[]): RoomConfig[] => {
    const wanted = codes?.length ? codes : config.queue.display.rooms;
    return wanted.length ? wanted.map((c) => findRoom(config.queue, c)) : config.queue.rooms;
  };
  const boardCall = (c: RecentCall): BoardCall => ({
    visitId: c.visit.id,
    queueNumber: c.visit.queueNumber,
    department: c.visit.department,
    room: c.room,
    roomName: findRoom(config.queue, c.room).name,
    calledAt: c.at,
    calls: c.visit.progress?.calls ?? 1,
    maskedName:
      config.queue.display.maskedNames && c.visit.patient.fullName
        ? maskedName(c.visit.patient.fullName)
        : null,
  });

  return {
    async callNext(roomCode, department) {
      const room = findRoom(config.queue, roomCode);
      if (department && !room.departments.includes(department)) {
        throw departmentError(department, room.code);
      }
      const at = now();
      const visit = await store.callNext({
        date: hospitalDay(at, config.hospital.timeZone),
        room: room.code,
        departments: department ? [department] : room.departments,
        stationId: config.station.id,
        // The time of the call is read by the store inside its transaction (see ChangeTime).
        at: () => now().toISOString(),
        policy: policyOf(config),
      });
      if (visit) changed();
      return visit;
    },

    async act(visitId, action, roomCode) {
      const room = findRoom(config.queue, roomCode);
      const { visit } = await store.roomAction({
        visitId,
        action,
        room: room.code,
        stationId: config.station.id,
        at: () => now().toISOString(),
      });
      changed();
      return visit;
    },

    async board(codes) {
      const rooms = boardRooms(codes);
      const date = hospitalDay(now(), config.hospital.timeZone);
      const recentWanted = config.queue.display.recent;
      // "Call again" repeats a visit in the event list: read enough to fill the board anyway.
      const calls = await store.recentCalls({
        date,
        rooms: rooms.map((r) => r.code),
        limit: (recentWanted + rooms.length + 1) * 4,
      });
      const seen = new Set<string>();
      const distinct = calls.filter((c) => !seen.has(c.visit.id) && seen.add(c.visit.id));
      const departments = [...new Set(rooms.flatMap((r) => r.departments))];
      const waiting = await store.waitingCounts(date, departments);
      const all = distinct.map(boardCall);
      return {
        date,
        rooms: rooms.map((r) => {
          const current = distinct.find(
            (c) => c.visit.progress?.state === 'called' && c.visit.progress.room === r.code,
          );
          return {
            code: r.code,
            name: r.name,
            calling: current ? boardCall(current) : null,
            waiting: r.departments.reduce((n, d) => n + (waiting[d] ?? 0), 0),
          };
        }),
        latest: all[0] ?? null,
        recent: all.slice(1, 1 + recentWanted),
      };
    },

    async audio(visitId, roomCode) {
      const visit = await store.getVisit(visitId);
      if (!visit) {
        throw visitNotFoundError();
      }
      return spokenCallWav(config, o.dataDir, visit.queueNumber, roomCode);
    },

    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
