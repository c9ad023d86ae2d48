import type { CompositionRoot } from '../../main/composition-root';
import {
  LANES,
  type BookedAppointment,
  type Lane,
  type StaffOverride,
  type Visit,
} from '../../shared/domain';
import { kioskError } from '../../shared/errors';
import {
  accessKeyFromOptions,
  addKeyOptions,
  cliReaderService,
  parseSimIdentity,
  presentedFrom,
  settleReaders,
  type KeyOptions,
} from '../card-cli';
import {
  needsStaffError,
  noPrinter,
  oneOf,
  OVERRIDES,
  stoppedAt,
  warnIfSlipFailed,
  withDeskServices,
} from '../cli-staff';
import { withRoot, type CliContext } from '../context';
import { runCommand, type RegisterCommand } from '../output';
import { receptionOf, visitLine } from './visits';

interface CheckinOpts extends KeyOptions {
  /** Needed only when a chip is read (not for a BHYT card QR or --card). */
  reader?: string;
  /** A typed BHYT card code (15) or social-insurance number (10). */
  card?: string;
  /** Needed unless a HIS booking chooses the department (his.appointments). */
  department?: string;
  lane?: string;
  simIdentity?: string;
  override?: string;
  acceptChip?: boolean;
  /** "Không có giấy tờ / No documents": a number in the reception desk's queue. */
  documents?: boolean;
  print?: boolean;
  json?: boolean;
}

const usage = (vi: string, en: string) => kioskError('USAGE_INVALID', vi, en);

function checkOptions(
  opts: CheckinOpts,
  departments: string[],
): { lane: Lane | null; override: StaffOverride | null } {
  if (opts.department !== undefined && !departments.includes(opts.department)) {
    throw usage(
      `--department: một trong ${departments.join(', ')}`,
      `--department must be one of ${departments.join(', ')}`,
    );
  }
  return {
    lane: opts.lane === undefined ? null : oneOf<Lane>('--lane', opts.lane, LANES),
    override:
      opts.override === undefined
        ? null
        : oneOf<StaffOverride>('--override', opts.override, OVERRIDES),
  };
}

interface CheckinOutput {
  visit: Visit;
  /** true: the person already had this visit today; the existing number was given again. */
  reprint: boolean;
  /** The HIS booking that chose the department, when one did. */
  booking: BookedAppointment | null;
  /** A number in the reception desk's queue (an unknown typed number). */
  deskTicket: boolean;
}

/**
 * Text that checks in without a chip: a BHYT card QR (`--qr …|$`) or `--card`; null when the
 * options name a chip key instead. Bad text is its typed INPUT_* error.
 */
function textWithoutChip(opts: CheckinOpts): string | null {
  if (opts.card !== undefined) {
    const others = [opts.qr, opts.id, opts.can, opts.mrz, opts.dob, opts.simIdentity];
    if (others.some((o) => o !== undefined)) {
      throw usage(
        '--card không đi cùng khóa chip hay --sim-identity',
        '--card goes without a chip key or --sim-identity',
      );
    }
    const input = presentedFrom(opts.card);
    if (input.kind !== 'typed-bhyt' && input.kind !== 'typed-social-insurance') {
      throw usage(
        '--card: mã thẻ BHYT 15 ký tự hoặc mã số BHXH 10 chữ số (số căn cước: --id)',
        '--card: the 15-character BHYT code or the 10-digit social-insurance number (a CCCD number: --id)',
      );
    }
    return opts.card;
  }
  if (opts.qr !== undefined && presentedFrom(opts.qr).kind === 'bhyt-qr') return opts.qr;
  return null;
}

/**
 * `--no-documents` stands for the kiosk's button: nothing else says who the person is, and
 * nothing else is decided here (the desk completes the ticket and sends it on).
 */
function checkNoDocuments(opts: CheckinOpts): void {
  const given = {
    '--card': opts.card,
    '--qr': opts.qr,
    '--id': opts.id,
    '--can': opts.can,
    '--mrz': opts.mrz,
    '--dob': opts.dob,
    '--expiry': opts.expiry,
    '--sim-identity': opts.simIdentity,
    '--reader': opts.reader,
    '--lane': opts.lane,
    '--override': opts.override,
    '--accept-chip': opts.acceptChip,
  };
  const clash = Object.entries(given).find(([, v]) => v !== undefined);
  if (clash) {
    throw usage(
      `--no-documents không đi cùng ${clash[0]} (người không có giấy tờ nhận số của quầy tiếp đón)`,
      `--no-documents goes without ${clash[0]} (a person with no papers gets a reception-desk number)`,
    );
  }
}

async function runCheckin(ctx: CliContext, opts: CheckinOpts): Promise<CheckinOutput> {
  return withRoot(ctx, (root) => checkInWith(root, ctx, opts));
}

async function checkInWith(
  root: CompositionRoot,
  ctx: CliContext,
  opts: CheckinOpts,
): Promise<CheckinOutput> {
  const { config, logger } = root;
  if (opts.documents === false) return noDocuments(root, opts);
  const withoutChip = textWithoutChip(opts);
  const key = withoutChip === null ? accessKeyFromOptions(opts) : null;
  if (key && !opts.reader) {
    throw usage('Cần --reader để đọc chip', '--reader is needed to read a chip');
  }
  const { lane, override } = checkOptions(
    opts,
    config.departments.map((d) => d.code),
  );
  const cards = cliReaderService(ctx);
  const closers: Array<() => Promise<void> | void> = [() => cards.close()];
  try {
    const simulated = cards.simulated!;
    if (opts.simIdentity !== undefined) {
      if (!opts.reader || opts.reader !== simulated.readerName) {
        throw usage(
          `--sim-identity chỉ dùng với đầu đọc "${simulated.readerName}"`,
          `--sim-identity only applies to the reader "${simulated.readerName}"`,
        );
      }
    }
    if (key) await settleReaders(cards, opts.reader!, 3000);
    // The root's store, lookup and (with --print) printer; the CLI's own readers (the simulated
    // one beside PC/SC). The root closes what it made when the command is done.
    const services = await root.checkin({
      cards,
      printer: opts.print ? root.printer() : noPrinter,
      readerName: opts.reader ?? null,
      background: false,
    });

    // The card goes on the reader after the services listen, as a patient would place it.
    if (opts.simIdentity !== undefined) simulated.insert(parseSimIdentity(opts.simIdentity));
    const { checkin } = services;
    if (key) await checkin.provideKey(key);
    else await checkin.present(withoutChip!);
    // Staff running the command looked at the card: the configured officer accepts it.
    if (checkin.current().step === 'see-desk' && opts.acceptChip) await checkin.acceptChip(null);
    let state = checkin.current();
    if (state.step === 'done' && state.deskTicket) {
      return { visit: state.visit, reprint: false, booking: null, deskTicket: true };
    }
    if (state.step === 'choose-department' && state.needsStaff) {
      if (!override) throw needsStaffError(state.needsStaff);
      await checkin.override(override, 'CLI');
    } else if (override) {
      // A staff decision answers a question the check-in asked; when it asked none, applying it
      // would overrule a valid answer (an insured person recorded as self-pay).
      process.stderr.write(
        `notice: --override ${override} ignored: this check-in needs no staff decision\n`,
      );
    }
    state = checkin.current();
    // A HIS booking (his.appointments) already chose the department and made the visit.
    if (state.step !== 'done') {
      if (state.step !== 'choose-department') throw stoppedAt(state);
      if (opts.department === undefined) {
        throw usage(
          '--department: cần chọn khoa (không có lịch hẹn nào chọn sẵn)',
          '--department is needed: no booking chose the department',
        );
      }
      // No --lane: the lane the law gives (age, BHYT group), else the normal one.
      await checkin.choose(opts.department, lane ?? state.priority?.lane ?? 'normal');
    }
    const done = checkin.current();
    if (done.step !== 'done') throw stoppedAt(done);
    warnIfSlipFailed(done);
    return {
      visit: done.visit,
      reprint: done.reprint,
      booking: done.booking ?? null,
      deskTicket: false,
    };
  } finally {
    for (const close of closers.reverse()) {
      try {
        await close();
      } catch (err) {
        logger.warn('close failed', { error: String(err) });
      }
    }
  }
}

/** The kiosk's "Không có giấy tờ / No documents" button: the same step of the same machine. */
async function noDocuments(root: CompositionRoot, opts: CheckinOpts): Promise<CheckinOutput> {
  checkNoDocuments(opts);
  checkOptions(
    opts,
    root.config.departments.map((d) => d.code),
  );
  if (opts.department !== undefined) {
    process.stderr.write(
      `notice: --department ${opts.department} ignored: the ticket is in the reception desk's queue; the desk sends it on (ticket send-on)\n`,
    );
  }
  return withDeskServices(root, Boolean(opts.print), async ({ services: { checkin } }) => {
    const visit = await checkin.noDocuments();
    warnIfSlipFailed(checkin.current());
    return { visit, reprint: false, booking: null, deskTicket: true };
  });
}

export const registerCheckin: RegisterCommand = (program, ctx) => {
  const cmd = program
    .command('checkin')
    .description(
      'run a whole check-in: read the card, look up the insurance (online, cached or pending), ' +
        'create the visit with its queue number, optionally print the slip',
    )
    .option('--reader <name>', 'reader name, as listed by `readers` (not for --card or a BHYT QR)');
  addKeyOptions(cmd)
    .option(
      '--card <code>',
      'a typed BHYT card code (15 characters) or social-insurance number (10 digits), no reader',
    )
    .option(
      '--department <code>',
      'department code from the configuration, e.g. KHAM (not needed when a HIS booking chooses it)',
    )
    .option(
      '--lane <lane>',
      `lane: ${LANES.join('|')} (default: the priority the law gives, else normal)`,
    )
    .option('--sim-identity <n>', 'simulated reader only: place catalog card <n> first')
    .option('--override <decision>', `staff decision when one is needed: ${OVERRIDES.join('|')}`)
    .option('--accept-chip', 'accept a card whose chip is not trusted (staff checked the card)')
    .option(
      '--no-documents',
      'the patient has no papers: a number in the reception desk\'s queue (as the kiosk\'s "No documents")',
    )
    .option('--print', 'print the slip with the configured printer')
    .option('--json', 'JSON output')
    .action(async (opts: CheckinOpts) =>
      runCommand(
        opts,
        () => runCheckin(ctx(), opts),
        (r) =>
          r.deskTicket
            ? `desk ticket (mời đến quầy tiếp đón / please go to the reception desk): ${visitLine(r.visit, receptionOf(ctx()))}\nvisit id ${r.visit.id}`
            : `${r.reprint ? 'existing visit (reprint)' : 'new visit'}: ${visitLine(r.visit, receptionOf(ctx()))}\nvisit id ${r.visit.id}` +
              (r.booking
                ? `\nbooked ${r.booking.start} (HIS appointment ${r.booking.appointmentId})`
                : ''),
      ),
    );
};
