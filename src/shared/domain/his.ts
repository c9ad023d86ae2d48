/** Hand-off to the hospital's HIS. Pure types: importable from browser, Node and Electron alike. */
import type { IsoDate, IsoDateTime } from './common';

/** A visit the HIS refused (4xx), with what its OperationOutcome said; staff can resend it. */
export interface HisRefusal {
  visitId: string;
  queueNumber: string;
  date: IsoDate;
  status: number | null;
  text: string;
  at: IsoDateTime;
}

export interface HisStatus {
  enabled: boolean;
  /** null when not asked (disabled, or the status was read without a ping). */
  reachable: boolean | null;
  /** Visits the HIS has not accepted yet (between attempts included). */
  waiting: number;
  refused: number;
  sent: number;
  refusals: HisRefusal[];
}
