/** What the screens need to know about this station, from the configuration. */
import { faceCheckApplies } from './domain/face-decision';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppInfo } from '../shared/domain';
import { lanesFor } from '../shared/domain';
import { inDataDir } from './config/load-config';
import type { KioskConfig } from './config/schema';
import { simulatedParts } from './config/simulated-parts';

const LOGO_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/** The logo as a data: URL (the CSP allows images only from the app or data: URLs). */
export function logoDataUrl(config: KioskConfig, dataDir: string): string | null {
  const logo = config.hospital.logoPath;
  if (!logo) return null;
  const type = LOGO_TYPES[path.extname(logo).toLowerCase()];
  if (!type) return null;
  try {
    return `data:${type};base64,${readFileSync(inDataDir(dataDir, logo)).toString('base64')}`;
  } catch {
    // A missing logo must not stop check-in: the screens show the hospital's name alone.
    return null;
  }
}

export function buildAppInfo(input: {
  config: KioskConfig;
  version: string;
  logoDataUrl: string | null;
  insuranceChecking: boolean;
}): AppInfo {
  const { config } = input;
  return {
    version: input.version,
    stationId: config.station.id,
    mode: config.station.mode,
    language: config.station.language,
    hospital: {
      name: config.hospital.name,
      logoDataUrl: input.logoDataUrl,
      timeZone: config.hospital.timeZone,
    },
    departments: config.departments,
    reception: config.arrivals.reception,
    lanes: lanesFor(config.station.mode),
    simulated: simulatedParts(config),
    kiosk: {
      idleTimeoutSeconds: config.station.idleTimeoutSeconds,
      doneReturnSeconds: config.station.doneReturnSeconds,
    },
    insuranceChecking: input.insuranceChecking,
    queue: {
      rooms: config.queue.rooms.map((r) => ({
        code: r.code,
        name: r.name,
        departments: [...r.departments],
      })),
      room: config.queue.room,
      displayRooms: [...config.queue.display.rooms],
      sound: config.queue.display.sound,
    },
    face: {
      policy: config.face.policy,
      enabled: faceCheckApplies(
        { policy: config.face.policy, mode: config.station.mode },
        config.face.atDesk,
      ),
      cameraSeconds: config.face.cameraSeconds,
      speak: config.face.speak,
    },
  };
}
