/**
 * Main's enforcement of the station-mode table (src/shared/station-access.ts). Every transport
 * (the web host, the Electron IPC bridge) asks here before a request reaches a handler and before
 * an event reaches a screen. A refusal is a typed error; the log names the request and the mode,
 * never the input (it may hold an ID number or a name).
 */
import type { EventName, RequestName } from '../../shared/api-contract';
import type { StationMode } from '../../shared/domain';
import { kioskError, type KioskErrorShape } from '../../shared/errors';
import { mayReceive, mayRequest } from '../../shared/station-access';
import type { Logger } from '../logging/logger';

export const STATION_REFUSED = 'API_NOT_FOR_STATION';

const MODE_VI: Record<StationMode, string> = {
  kiosk: 'máy tự phục vụ',
  desk: 'bàn tiếp đón',
  room: 'phòng khám',
  display: 'màn hình phòng chờ',
};

export function stationRefusal(name: RequestName, mode: StationMode): KioskErrorShape {
  return kioskError(
    STATION_REFUSED,
    `Yêu cầu này không được phép trên ${MODE_VI[mode]}.`,
    `This request is not allowed on a ${mode} station.`,
    { detail: `${name} on ${mode}` },
  ).toShape();
}

/** Null when the station may make the request; otherwise the refusal, logged. */
export function refuseForStation(
  name: RequestName,
  mode: StationMode,
  logger?: Logger,
): KioskErrorShape | null {
  if (mayRequest(mode, name)) return null;
  logger?.warn('request refused for station mode', { request: name, mode });
  return stationRefusal(name, mode);
}

/** Whether a pushed event may go to a screen of this station mode. */
export function eventForStation(name: EventName, mode: StationMode): boolean {
  return mayReceive(mode, name);
}
