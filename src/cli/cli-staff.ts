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
import type { CheckinState, KioskErrorShape, StaffOverride } from '../shared/domain';
import { KioskError, kioskError } from '../shared/errors';

/** The staff decisions `--override` takes (StaffOverride). */
export const OVERRIDES: readonly StaffOverride[] = [
  'self-pay',
  'use-cached',
  'insurance-pending',
  'accept-insurance',
];

const usage = (vi: string, en: string) => kioskError('USAGE_INVALID', vi, en);

/** An option's value checked against its list (`--lane`, `--override`, `--document`, ...). */
export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw usage(
      `${name}: một trong ${allowed.join(', ')}`,
      `${name} must be one of ${allowed.join(', ')}`,
    );
  }
  return value as T;
}

/** The check-in asked for a staff decision and the command was given none. */
export function needsStaffError(needsStaff: KioskErrorShape): KioskError {
  return kioskError(
    'CHECKIN_NEEDS_STAFF',
    `${needsStaff.message.vi} (dùng --override <quyết định>)`,
    `${needsStaff.message.en} (give --override <decision>: ${OVERRIDES.join('|')})`,
    { detail: needsStaff.code },
  );
}

/** A state the flow stopped in, as the error the operator should see. */
export function stoppedAt(state: CheckinState): KioskError {
  switch (state.step) {
    case 'error':
      return new KioskError(state.error);
    case 'see-desk':
      return new KioskError({
        ...state.problem,
        message: {
          vi: `${state.problem.message.vi} (dùng --accept-chip sau khi đã kiểm tra thẻ)`,
          en: `${state.problem.message.en} (give --accept-chip once the card was checked)`,
        },
      });
    case 'need-key':
      return state.lastError
        ? new KioskError(state.lastError)
        : kioskError('CARD_WRONG_KEY', 'Cần khóa truy cập chip.', 'The chip key is needed.');
    case 'need-card':
      return kioskError(
        'CARD_NO_CARD',
        'Không có thẻ trên đầu đọc.',
        'There is no card on the reader.',
      );
    default:
      return kioskError(
        'CHECKIN_WRONG_STEP',
        'Dừng ở bước không mong đợi.',
        `Stopped at step ${state.step}.`,
      );
  }
}

/** The visit stands; the operator learns that the slip did not come out (exit 3). */
export function warnIfSlipFailed(state: CheckinState): void {
  if (state.step === 'done' && state.printError) {
    process.stderr.write(`warning ${state.printError.code}: ${state.printError.message.en}\n`);
    process.exitCode = 3;
  }
}

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
