/**
 * What a command doing the desk's work needs: the check-in machine and visits service with no
 * reader, and the desk's staff actions with the same audit trail and the same records as the desk
 * (src/main/staff/staff-actions.ts), done by the configured checking officer
 * (`insurance.officer`), the one `checkin --accept-chip` records as having accepted a chip. The
 * command line has no sign-in: whoever may run it on the station acts for that officer.
 */
import type { CompositionRoot } from '../main/composition-root';
import type { CardReaderServiceHandle } from '../main/card/reader-service';
import { createCardReaderService } from '../main/card/reader-service';
import type { CheckinServices } from '../main/checkin/create-checkin-services';
import type { SlipPrinter } from '../main/services-contract';
import { createAuditTrail } from '../main/staff/audit-trail';
import { createStaffActions, type StaffActions } from '../main/staff/staff-actions';
import type { StaffOverride } from '../shared/domain';

/** The staff decisions `--override` takes (StaffOverride). */
export const OVERRIDES: readonly StaffOverride[] = [
  'self-pay',
  'use-cached',
  'insurance-pending',
  'accept-insurance',
];

/** Without --print no slip comes out; the visit says "not-printed". */
export const noPrinter: SlipPrinter = {
  print: async (visit) => ({ visitId: visit.id, status: 'not-printed', error: null }),
  close: async () => {},
};

export interface DeskServices {
  services: CheckinServices;
  staff: StaffActions;
}

/**
 * The check-in machine and the visits service with no reader (nothing here reads a card), the
 * configured printer with `print` (else none), and the desk's staff actions; all closed after.
 */
export async function withDeskServices<T>(
  root: CompositionRoot,
  print: boolean,
  use: (desk: DeskServices) => Promise<T>,
): Promise<T> {
  const { config, logger } = root;
  const cards: CardReaderServiceHandle = createCardReaderService({
    config: config.reader,
    logger,
    sources: { simulated: false, pcsc: false },
  });
  let staff: StaffActions | null = null;
  try {
    const services = await root.checkin({
      cards,
      printer: print ? root.printer() : noPrinter,
      readerName: null,
      background: false,
    });
    const now = (): Date => new Date();
    const officer = config.insurance.officer;
    const audit = createAuditTrail({
      store: await root.store(),
      stationId: config.station.id,
      timeZone: config.hospital.timeZone,
      officer: () => officer,
      now,
      logger,
    });
    staff = createStaffActions({
      sessions: { forStaffAction: () => officer },
      audit,
      checkin: services.checkin,
      now,
    });
    return await use({ services, staff });
  } finally {
    staff?.close();
    await cards.close();
  }
}
