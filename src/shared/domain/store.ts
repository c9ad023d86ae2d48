/** Where the station's data lives: its own file or the hospital's server. Pure types: importable from browser, Node and Electron alike. */
import type { KioskErrorShape } from '../errors';
import type { IsoDateTime } from './common';

export interface StoreStatus {
  /** "sqlite": the station's own file; "postgres": the hospital's server shared by stations. */
  engine: string;
  /**
   * false while the hospital's server cannot be reached: check-ins go on in the station's own
   * file with offline numbers (`K02-KHAM-O-003`). Always true for a SQLite-only station.
   */
  serverReachable: boolean;
  /** Since when the server has been unreachable (null while reachable). */
  offlineSince: IsoDateTime | null;
  /** Visits checked in offline that the server does not have yet. */
  waitingUpload: number;
  /** Why the last upload failed although the server answered (null: none failed). */
  uploadError: KioskErrorShape | null;
}
