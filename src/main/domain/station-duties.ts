/**
 * Which background work a station runs besides its screen's requests. On its own SQLite file a
 * station does all of it (nobody else will). On the hospital's server the shared work — working
 * through the re-check queue, the privacy purge, the HIS hand-off — is the reception desks' (their
 * role may do it: src/main/store/postgres/pg-grants.ts); a kiosk, a room or a display leaves it to
 * them, and their roles could not do it anyway. Marking its own interrupted prints is every
 * printing station's (kiosk and desk); watching the queue board is for the stations that show it.
 */
import type { StationMode } from '../../shared/domain';
import { mayRequest } from '../../shared/station-access';

export interface StationDuties {
  runRechecks: boolean;
  purge: boolean;
  hisHandOff: boolean;
  interruptedPrints: boolean;
  boardWatch: boolean;
  /** Counting the re-check queue for the desk's re-check event (a kiosk's role may not read it). */
  recheckSummary: boolean;
}

export function stationDuties(mode: StationMode, engine: 'sqlite' | 'postgres'): StationDuties {
  if (engine === 'sqlite') {
    return {
      runRechecks: true,
      purge: true,
      hisHandOff: true,
      interruptedPrints: true,
      boardWatch: true,
      recheckSummary: true,
    };
  }
  const desk = mode === 'desk';
  return {
    runRechecks: desk,
    purge: desk,
    hisHandOff: desk,
    interruptedPrints: mode === 'kiosk' || desk,
    boardWatch: mayRequest(mode, 'queue.board'),
    recheckSummary: desk,
  };
}
