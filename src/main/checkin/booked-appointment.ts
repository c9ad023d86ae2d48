/**
 * Booked appointments (issue 14): at check-in the HIS is asked for the person's Appointments
 * today by their CCCD identifier. A usable booking sends them to the booked department without
 * choosing; anything else (no booking, no answer in time, an answer we cannot use) is "no
 * booking", so the HIS never holds up a check-in.
 */
import type { BookedAppointment } from '../../shared/domain';
import type { HisConfig } from '../config/sections/his';
import type { KioskConfig } from '../config/schema';
import { createHisClient, type HisClient } from '../his/his-client';
import type { Appointment } from '../his/fhir/fhir-types';
import type { Logger } from '../logging/logger';

/** Looks up today's booking of one person; resolves null rather than throwing. */
export type FindBooking = (
  idNumber: string,
  date: string,
  signal: AbortSignal,
) => Promise<BookedAppointment | null>;

/** Appointment statuses that still mean "expected today" (FHIR R4 appointmentstatus). */
const EXPECTED = new Set(['proposed', 'pending', 'booked', 'arrived', 'checked-in']);

/**
 * The booking to check in for, from the HIS's Appointments: an expected one whose serviceType
 * (or specialty, mapped by `his.appointmentDepartments`) names one of our departments; the
 * earliest of them. Null when none fits.
 */
export function bookingFrom(
  appointments: readonly Appointment[],
  departmentCodes: readonly string[],
  mapping: Readonly<Record<string, string>>,
): BookedAppointment | null {
  const known = new Set(departmentCodes);
  const departmentOf = (a: Appointment): string | null => {
    const codes = [...(a.serviceType ?? []), ...(a.specialty ?? [])].flatMap((c) =>
      (c.coding ?? []).map((x) => x.code),
    );
    for (const code of codes) {
      if (!code) continue;
      const mapped = mapping[code] ?? code;
      if (known.has(mapped)) return mapped;
    }
    return null;
  };
  const candidates = appointments
    .filter((a) => a.id && a.start && EXPECTED.has(a.status))
    .map((a) => ({ a, department: departmentOf(a) }))
    .filter((c): c is { a: Appointment; department: string } => c.department !== null)
    .sort((x, y) => Date.parse(x.a.start!) - Date.parse(y.a.start!));
  const first = candidates[0];
  if (!first) return null;
  return { appointmentId: first.a.id!, department: first.department, start: first.a.start! };
}

export function createBookingFinder(o: {
  client: Pick<HisClient, 'searchAppointments'>;
  his: Pick<HisConfig, 'appointmentBudgetMs' | 'appointmentDepartments' | 'systems'>;
  departmentCodes: readonly string[];
  logger: Logger;
}): FindBooking {
  const log = o.logger.child({ svc: 'checkin-booking' });
  return async (idNumber, date, signal) => {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), o.his.appointmentBudgetMs);
      signal.addEventListener('abort', () => resolve(null), { once: true });
    });
    const search = o.client
      .searchAppointments(
        { system: o.his.systems.cccd, value: idNumber },
        date,
        o.his.appointmentBudgetMs,
      )
      .then((found) => bookingFrom(found, o.departmentCodes, o.his.appointmentDepartments))
      .catch((err: unknown) => {
        // Only the kind of failure: the identifier is personal data and stays out of the log.
        log.warn('appointment search failed', { error: (err as Error).name });
        return null;
      });
    try {
      const booking = await Promise.race([search, giveUp]);
      log.info('appointment search', { found: booking !== null, ms: Date.now() - started });
      return booking;
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The finder this configuration asks for: null unless the HIS is on with `his.appointments`. */
export function bookingFinderFor(
  config: Pick<KioskConfig, 'his' | 'departments'>,
  logger: Logger,
): FindBooking | null {
  const his = config.his;
  if (!his.enabled || !his.appointments || !his.fhirBaseUrl) return null;
  return createBookingFinder({
    client: createHisClient(his),
    his,
    departmentCodes: config.departments.map((d) => d.code),
    logger,
  });
}
