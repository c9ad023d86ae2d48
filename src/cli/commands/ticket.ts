/**
 * `ticket …`: the reception desk's work on a desk ticket (a number in `arrivals.reception`'s
 * queue, from "no documents" or an unknown typed number), from the command line. The same steps
 * as the desk's screen: completing the identity is the check-in machine's manual identity on that
 * ticket (it keeps its id and number, then the insurance lookup), sending it on is
 * VisitsService.sendOn; both recorded in the audit trail as the desk records them.
 */
import {
  LANES,
  PRESENTED_DOCUMENTS,
  type Lane,
  type ManualIdentityInput,
  type PresentedDocument,
  type StaffOverride,
  type Visit,
} from '../../shared/domain';
import {
  needsStaffError,
  oneOf,
  OVERRIDES,
  stoppedAt,
  warnIfSlipFailed,
  withDeskServices,
} from '../cli-staff';
import { withRoot } from '../context';
import { runCommand, type RegisterCommand } from '../output';
import { receptionOf, visitLine } from './visits';

interface CompleteOpts {
  id: string;
  name: string;
  dob: string;
  sex: string;
  card?: string;
  document?: string;
  override?: string;
  note?: string;
  print?: boolean;
  json?: boolean;
}

interface SendOnOpts {
  department: string;
  lane?: string;
  print?: boolean;
  json?: boolean;
}

/** What staff may record as shown at the desk: anything but a chip, which only a read proves. */
const DESK_DOCUMENTS = PRESENTED_DOCUMENTS.filter((d) => d !== 'chip');

export const registerTicket: RegisterCommand = (program, ctx) => {
  const ticket = program
    .command('ticket')
    .description(
      "the reception desk's work on a desk ticket: complete its identity, send it on to a department",
    );

  ticket
    .command('complete <visit-id>')
    .description(
      "put the person on a desk ticket (as the desk's manual entry): same visit, same number; then the insurance lookup",
    )
    .requiredOption('--id <12 digits>', 'the CCCD number')
    .requiredOption('--name <full name>', 'the full name')
    .requiredOption('--dob <YYYY-MM-DD|YYYY>', 'the date of birth, or the year alone')
    .requiredOption('--sex <M|F>', 'M or F (Nam / Nữ too)')
    .option('--card <15 characters>', 'the BHYT card code, when the person has it')
    .option(
      '--document <kind>',
      `what the person showed: ${DESK_DOCUMENTS.join('|')} (default typed-cccd)`,
    )
    .option('--override <decision>', `staff decision when one is needed: ${OVERRIDES.join('|')}`)
    .option('--note <text>', "the decision's reason, kept in the audit trail")
    .option('--print', 'print the slip with the configured printer')
    .option('--json', 'JSON output')
    .action(async (visitId: string, opts: CompleteOpts) =>
      runCommand(
        opts,
        () =>
          withRoot(ctx(), async (root) => {
            const document =
              opts.document === undefined
                ? undefined
                : oneOf<PresentedDocument>('--document', opts.document, DESK_DOCUMENTS);
            const override =
              opts.override === undefined
                ? null
                : oneOf<StaffOverride>('--override', opts.override, OVERRIDES);
            const input: ManualIdentityInput = {
              idNumber: opts.id,
              fullName: opts.name,
              dateOfBirth: opts.dob,
              sex: opts.sex as ManualIdentityInput['sex'],
              ...(opts.card !== undefined ? { cardNumber: opts.card } : {}),
              ...(document ? { document } : {}),
              ticketVisitId: visitId,
            };
            return withDeskServices(root, Boolean(opts.print), ({ services, staff }) =>
              staff.run({ action: 'manual-identity', visitId }, async () => {
                const { checkin } = services;
                // Checks the fields (CHECKIN_BAD_INPUT naming the first bad one) and that the
                // visit is an open desk ticket; then the lookup, and the ticket completed.
                await checkin.manualIdentity(input);
                const asked = checkin.current();
                if (asked.step === 'choose-department' && asked.needsStaff) {
                  if (!override) throw needsStaffError(asked.needsStaff);
                  await staff.run(
                    { action: 'override', visitId, reason: opts.note ?? null, detail: override },
                    () => checkin.override(override, opts.note ?? 'CLI'),
                  );
                  // The desk's screen then asks for a department; the ticket keeps its own
                  // (store.completeTicket changes only the person), so any configured one commits.
                  await checkin.choose(root.config.departments[0]!.code, 'normal');
                }
                const done = checkin.current();
                if (done.step !== 'done') throw stoppedAt(done);
                warnIfSlipFailed(done);
                return done.visit;
              }),
            );
          }),
        (v: Visit) => `ticket completed: ${visitLine(v, receptionOf(ctx()))}\nvisit id ${v.id}`,
      ),
    );

  ticket
    .command('send-on <visit-id>')
    .description(
      'send a completed desk ticket on to a department (VisitsService.sendOn): same visit, same number; its slip printed again',
    )
    .requiredOption('--department <code>', 'a department of the configuration, e.g. KHAM')
    .option(
      '--lane <lane>',
      `lane: ${LANES.join('|')} (default: the visit's priority by law, else normal)`,
    )
    .option('--print', 'print the new slip with the configured printer')
    .option('--json', 'JSON output')
    .action(async (visitId: string, opts: SendOnOpts) =>
      runCommand(
        opts,
        () =>
          withRoot(ctx(), async (root) => {
            if (opts.lane !== undefined) oneOf<Lane>('--lane', opts.lane, LANES);
            return withDeskServices(root, Boolean(opts.print), async ({ services, staff }) => {
              const visit = await (await root.store()).getVisit(visitId);
              // As the desk preselects it: the lane the law gives this person.
              const lane = (opts.lane as Lane | undefined) ?? visit?.priority?.lane ?? 'normal';
              return staff.run(
                { action: 'sent-on', visitId, detail: `${opts.department} ${lane}` },
                () => services.visits.sendOn(visitId, opts.department, lane),
              );
            });
          }),
        (v: Visit) =>
          `sent on to ${v.department}: ${visitLine(v, receptionOf(ctx()))}\nvisit id ${v.id}`,
      ),
    );
};
