/**
 * Which changes of a visit's progress a room may make. Pure; the store applies the answer inside
 * its transaction, so two rooms acting on one visit at once cannot both succeed.
 */
import type { RoomAction, VisitProgress } from '../../shared/domain';
import { kioskError, type KioskError } from '../../shared/errors';

interface Step {
  from: readonly VisitProgress[];
  to: VisitProgress;
  /** The number is said aloud again. */
  announces: boolean;
  /** Only the room that called the visit may do this. */
  sameRoom: boolean;
}

export const ROOM_ACTION_STEPS: Readonly<Record<RoomAction, Step>> = {
  'call-again': { from: ['called'], to: 'called', announces: true, sameRoom: true },
  skip: { from: ['called'], to: 'skipped', announces: false, sameRoom: true },
  'patient-in': { from: ['called'], to: 'in-room', announces: false, sameRoom: true },
  done: { from: ['in-room'], to: 'done', announces: false, sameRoom: true },
  // A skipped patient who turns up late is called again, by any room of the department.
  recall: { from: ['skipped'], to: 'called', announces: true, sameRoom: false },
};

export function transitionError(action: RoomAction, from: VisitProgress): KioskError {
  return kioskError(
    'QUEUE_TRANSITION_INVALID',
    `Không thể "${action}" một lượt khám đang ở trạng thái "${from}"`,
    `Cannot "${action}" a visit that is "${from}"`,
    { detail: `${action} from ${from}` },
  );
}

export function otherRoomError(room: string): KioskError {
  return kioskError(
    'QUEUE_OTHER_ROOM',
    `Lượt khám này do phòng ${room} gọi`,
    `This visit was called by room ${room}`,
    { detail: room },
  );
}

export function visitNotFoundError(): KioskError {
  return kioskError(
    'QUEUE_VISIT_NOT_FOUND',
    'Không tìm thấy lượt khám này',
    'This visit was not found',
  );
}

/** The new state, or a typed error saying why the room may not do it. */
export function applyRoomAction(
  action: RoomAction,
  current: { state: VisitProgress; room: string | null },
  room: string,
): { to: VisitProgress; announces: boolean } {
  const step = ROOM_ACTION_STEPS[action];
  if (!step.from.includes(current.state)) throw transitionError(action, current.state);
  if (step.sameRoom && current.room !== null && current.room !== room) {
    throw otherRoomError(current.room);
  }
  return { to: step.to, announces: step.announces };
}

/** "Nguyễn Văn An" → "Nguyễn V. A.": family name in full, the rest as initials. */
export function maskedName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const [family, ...rest] = words;
  return [family, ...rest.map((w) => `${[...w][0]!.toUpperCase()}.`)].join(' ');
}
