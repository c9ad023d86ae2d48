import { matchesQuery } from '../../main/checkin/visits-service';
import { hospitalDay, isIsoDay } from '../../shared/hospital-day';
import { isOpenTicket } from '../../shared/desk-ticket';
import type { KioskStore } from '../../main/store/store-contract';
import type { Visit } from '../../shared/domain';
import { kioskError } from '../../shared/errors';
import { withRoot, type CliContext } from '../context';
import { runCommand, type RegisterCommand } from '../output';

/** The configured store, from the composition root, for one command; always closed after. */
export function withStore<T>(
  ctx: CliContext,
  use: (store: KioskStore) => T | Promise<T>,
): Promise<T> {
  return withRoot(ctx, async (root) => use(await root.store()));
}

/** `--date` as given, or the hospital's today; a clear usage error otherwise. */
export function dayOption(value: string | undefined, timeZone: string): string {
  const day = value ?? hospitalDay(new Date(), timeZone);
  if (!isIsoDay(day)) {
    throw kioskError(
      'USAGE_INVALID',
      '--date phải có dạng YYYY-MM-DD',
      '--date must be a date as YYYY-MM-DD',
    );
  }
  return day;
}

interface VisitsOpts {
  date?: string;
  department?: string;
  query?: string;
  all?: boolean;
  json?: boolean;
}

function insuranceWords(v: Visit): string {
  const i = v.insurance;
  const r = i.result ? `${i.result.outcome} (${i.result.code})` : '';
  switch (i.source) {
    case 'cache':
      return `offline, last checked ${i.cachedAt ?? '?'}${i.stale ? ' [stale]' : ''}: ${r}`;
    case 'pending':
      return 'pending re-check';
    default:
      return `${i.source}${r ? `: ${r}` : ''}`;
  }
}

/** One visit on one line; `receptionCode` tells a desk ticket with nobody on it yet from a purged visit. */
/** The reception desk's queue code of the configuration (where desk tickets are numbered). */
export const receptionOf = (c: CliContext): string => c.config().config.arrivals.reception.code;

export function visitLine(v: Visit, receptionCode?: string): string {
  const flags = [v.status === 'cancelled' ? 'CANCELLED' : '', v.flagged ? 'FLAGGED' : ''].filter(
    Boolean,
  );
  return [
    v.queueNumber.padEnd(16),
    v.createdAt.slice(11, 19),
    // A desk ticket has no name until the desk completes it (a typed number may be on it); a
    // purged visit has none of them left.
    v.patient.fullName ||
      (v.patient.idNumber || v.patient.cardNumber || isOpenTicket(v, receptionCode)
        ? '(desk ticket, no identity yet)'
        : '(purged)'),
    `| ${insuranceWords(v)}`,
    `| slip ${v.printStatus}`,
    flags.length ? `| ${flags.join(' ')}` : '',
  ]
    .filter(Boolean)
    .join('  ');
}

interface CancelOpts {
  reason: string;
  json?: boolean;
}

export const registerVisits: RegisterCommand = (program, ctx) => {
  const visits = program
    .command('visits')
    .description("list a day's visits with their queue numbers (default: today)")
    .option('--date <YYYY-MM-DD>', 'the day (default: today, local time)')
    .option('--department <code>', 'only this department')
    .option('--query <text>', 'name (diacritics optional), queue number or ID number')
    .option('--all', 'include cancelled visits')
    .option('--json', 'JSON output')
    .action(async (opts: VisitsOpts) =>
      runCommand(
        opts,
        () =>
          withStore(ctx(), async (store) => {
            const visits = await store.listVisits({
              date: dayOption(opts.date, ctx().config().config.hospital.timeZone),
              ...(opts.department ? { department: opts.department } : {}),
              includeCancelled: Boolean(opts.all),
            });
            return opts.query ? visits.filter((v) => matchesQuery(v, opts.query!)) : visits;
          }),
        (list) =>
          list.length ? list.map((v) => visitLine(v, receptionOf(ctx()))).join('\n') : 'no visits',
      ),
    );

  visits
    .command('cancel <visit-id>')
    .description(
      "cancel a visit, as the desk's cancel (VisitsService.cancel), audited with the reason",
    )
    .requiredOption(
      '--reason <text>',
      'why (at most 200 characters), kept on the visit and in the audit trail',
    )
    .option('--json', 'JSON output')
    .action(async (visitId: string, opts: CancelOpts) =>
      runCommand(
        // commander gives `--json` after the subcommand to the list's option of that name.
        { json: opts.json ?? (visits.opts() as VisitsOpts).json },
        () =>
          withRoot(ctx(), async (root) => {
            // Loaded here only: listing visits needs neither the check-in nor the staff code.
            const { withDeskServices } = await import('../cli-staff');
            return withDeskServices(root, false, ({ services, staff }) =>
              staff.run({ action: 'cancel', visitId, reason: opts.reason }, () =>
                services.visits.cancel(visitId, opts.reason),
              ),
            );
          }),
        (v: Visit) => `cancelled: ${visitLine(v, receptionOf(ctx()))}`,
      ),
    );
};
