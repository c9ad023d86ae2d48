/**
 * Where a station reads visits from on the hospital's server, and which of their columns: what
 * its role may read (./pg-grants.ts) decides it.
 * - a desk (and the owner): the whole table;
 * - a room: the columns its caller needs (number, department, lane, progress, the queue policy's
 *   order, and the name its doctor sees), on which alone its role has SELECT; never the ID or
 *   BHYT number, the date of birth, the insurance answer, the priority's reason;
 * - a display: the board's view `board_visits` (migration 0012), whose name is masked by the
 *   server, read here as the visit's name.
 * A kiosk reads its visits through its own functions (./pg-kiosk-store.ts).
 *
 * What a room's or a display's visit does not carry comes back empty (`WITHHELD`): no ID, no
 * date of birth, no insurance answer; these stations show none of it.
 */
import type { Visit } from '../../../shared/domain';
import { visitFromRow, type VisitRow } from '../rows';

export interface VisitReads {
  /** The relation read: `visits`, or a view of it. */
  from: string;
  /**
   * The select list, on `from`; a room's writes on `visits` return it too (a display writes
   * nothing: its role may not).
   */
  columns: string;
  toVisit(row: VisitRow): Visit;
}

/** The columns of `visits` a room's role may read (its grant, and its select list). */
export const ROOM_VISIT_COLUMNS: readonly string[] = [
  'id',
  'day',
  'department',
  'lane',
  'queue_seq',
  'queue_number',
  'patient_name',
  'created_at',
  'status',
  'progress',
  'progress_room',
  'progress_at',
  'call_count',
  'first_called_at',
  'called_room',
];

/** The columns of `board_visits` (migration 0012), the masked name read as the name. */
const BOARD_VISIT_COLUMNS = [
  'id',
  'day',
  'department',
  'lane',
  'queue_number',
  'masked_name AS patient_name',
  'status',
  'progress',
  'progress_room',
  'progress_at',
  'call_count',
];

/** A visit's columns a room or a display does not read, as empty values. */
const WITHHELD: VisitRow = {
  id: '',
  day: '',
  station_id: '',
  department: '',
  lane: 'normal',
  queue_seq: 0,
  queue_number: '',
  patient_id_number: null,
  patient_name: null,
  patient_dob: null,
  patient_sex: null,
  identity_source: '',
  insurance_json: JSON.stringify({
    source: 'pending',
    result: null,
    cachedAt: null,
    stale: false,
    note: null,
  }),
  created_at: '',
  status: 'active',
  cancelled_reason: null,
  flagged: false,
  print_status: 'not-printed',
  print_error_json: null,
  passive_auth: null,
  chip_auth: null,
  chip_auth_method: null,
  chip_accepted_by_staff: false,
};

function partialVisit(row: VisitRow): Visit {
  return visitFromRow({ ...WITHHELD, ...row });
}

export const TABLE_READS: VisitReads = { from: 'visits', columns: '*', toVisit: visitFromRow };

export const ROOM_READS: VisitReads = {
  from: 'visits',
  columns: ROOM_VISIT_COLUMNS.join(', '),
  toVisit: partialVisit,
};

export const BOARD_READS: VisitReads = {
  from: 'board_visits',
  columns: BOARD_VISIT_COLUMNS.join(', '),
  toVisit: partialVisit,
};
