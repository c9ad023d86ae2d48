/**
 * The spoken call for a queue number and a room, as configured (`queue.speech`, `queue.rooms`).
 * Used by the display's audio request and by `queue say`.
 */
import type { KioskConfig } from '../config/schema';
import { inDataDir } from '../config/load-config';
import { kioskError } from '../../shared/errors';
import { callAudio } from './speech/call-audio';
import { callText, parseQueueNumber, type CallText } from './speech/call-text';

export type QueueConfig = KioskConfig['queue'];
export type RoomConfig = QueueConfig['rooms'][number];

export function findRoom(queue: QueueConfig, code: string): RoomConfig {
  const room = queue.rooms.find((r) => r.code === code.toUpperCase());
  if (!room) {
    throw kioskError(
      'QUEUE_UNKNOWN_ROOM',
      `Không có phòng "${code}" trong cấu hình (queue.rooms)`,
      `No room "${code}" in the configuration (queue.rooms)`,
      { detail: code },
    );
  }
  return room;
}

export function spokenCallText(
  queue: QueueConfig,
  queueNumber: string,
  roomCode: string,
): CallText {
  const room = findRoom(queue, roomCode);
  if (!parseQueueNumber(queueNumber)) {
    throw kioskError(
      'QUEUE_NUMBER_INVALID',
      `"${queueNumber}" không phải số thứ tự (ví dụ K01-KHAM-T-004)`,
      `"${queueNumber}" is not a queue number (e.g. K01-KHAM-T-004)`,
    );
  }
  return callText(queueNumber, room.code, {
    departmentWords: queue.speech.departmentWords,
    roomWords: room.spoken,
    zeroTens: queue.speech.zeroTens,
  });
}

/** One WAV: chime, Vietnamese, then English when configured. */
export async function spokenCallWav(
  config: KioskConfig,
  dataDir: string,
  queueNumber: string,
  roomCode: string,
): Promise<Buffer> {
  const { speech } = config.queue;
  return callAudio(spokenCallText(config.queue, queueNumber, roomCode), {
    voice: speech.voice,
    wordsPerMinute: speech.wordsPerMinute,
    english: speech.english,
    clipsFolder: speech.clipsFolder ? inDataDir(dataDir, speech.clipsFolder) : null,
  });
}
