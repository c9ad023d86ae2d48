/** The application and its station kinds. Pure types: importable from browser, Node and Electron alike. */
import type { LocalizedText } from '../errors';
import type { SimulatedParts } from '../simulated-station';
import type { QueueRoom } from './calling';
import type { Language } from './common';
import type { FaceCheckSettings } from './face';
import type { Department, Lane } from './visit';

/**
 * What a station is for: `kiosk` (patient self-service), `desk` (reception staff), `room` (a
 * clinic room's caller), `display` (waiting-room board, read-only). Main decides from it which
 * requests a screen may make (src/shared/station-access.ts).
 */
export const STATION_MODES = ['kiosk', 'desk', 'room', 'display'] as const;
export type StationMode = (typeof STATION_MODES)[number];

export interface AppInfo {
  version: string;
  stationId: string;
  mode: StationMode;
  language: Language;
  /** `timeZone`: hospital.timeZone (IANA); the screens show times on its clock. */
  hospital: { name: LocalizedText; logoDataUrl: string | null; timeZone: string };
  departments: Department[];
  /** The reception desk's queue, where desk tickets are numbered (absent from older hosts). */
  reception?: { code: string; name: LocalizedText };
  lanes: Lane[];
  simulated: SimulatedParts;
  kiosk: { idleTimeoutSeconds: number; doneReturnSeconds: number };
  /** Staff switch: insurance checking on or off */
  insuranceChecking: boolean;
  /** Calling patients in (absent from older hosts). */
  queue?: {
    rooms: QueueRoom[];
    /** The room this station calls for; null: chosen on screen. */
    room: string | null;
    /** The rooms a display shows (all when empty). */
    displayRooms: string[];
    /** The display plays the spoken call. */
    sound: boolean;
  };
  /** The face check of the chip photo (absent from older hosts: no check). */
  face?: FaceCheckSettings;
}

export interface SimCardSummary {
  index: number;
  label: string;
  fullName: string;
  /** The CCCD QR on the card front; null for a child known only by the BHYT card (no chip). */
  qrText: string | null;
  /** The BHYT card QR in both card models (the 15-character code, the 2021 model); null: no card. */
  bhytQr: { code15: string; model2021: string } | null;
  /** A chip to insert (SIM_IDENTITIES); false for a BHYT-card-only child. */
  chip: boolean;
  notes: string[];
}
